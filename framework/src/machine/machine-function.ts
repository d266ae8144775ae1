import type { Block } from '../ir/module.ts';
import type { MachInst } from './machine-inst.ts';
import { VRegTable, type VReg } from './regs.ts';

/** A block of machine code. Its parameters are virtual registers defined on entry by the
 *  edge moves of its predecessors, just like the IR's block parameters. */
export class MachBlock<D = unknown> {
  insts: MachInst<D>[] = [];

  constructor(
    /** Position in MachFunction.blocks. */
    readonly id: number,
    readonly name: string,
    readonly params: readonly VReg[],
    /** The IR block it was lowered from, if any (lowering may add blocks of its own). */
    readonly irBlock: Block | null,
  ) {}

  get terminator(): MachInst<D> | undefined {
    const last = this.insts[this.insts.length - 1];
    return last && last.terminator ? last : undefined;
  }
}

/**
 * One function in machine instructions over virtual registers: what a target's lowering
 * produces and the register allocator consumes.
 */
export class MachFunction<D> {
  readonly blocks: MachBlock<D>[] = [];
  readonly vregs = new VRegTable();
  /** The vreg of each IR value that lowering asked for (for printing and tests). */
  readonly valueRegs = new Map<number, VReg>();
  /** Bytes of outgoing stack arguments the largest call needs, reserved at the frame's bottom. */
  outgoingArgBytes = 0;
  /** Under a 'value' return-address policy: the vreg lowering defined it in. */
  returnAddress: VReg | undefined;

  constructor(readonly name: string) {}

  get entry(): MachBlock<D> {
    const b = this.blocks[0];
    if (!b) throw new Error(`machine function ${this.name} has no blocks`);
    return b;
  }

  newBlock(name: string, params: readonly VReg[] = [], irBlock: Block | null = null): MachBlock<D> {
    const b = new MachBlock<D>(this.blocks.length, name, params, irBlock);
    this.blocks.push(b);
    return b;
  }

  /** True when no instruction is a call: such a function needs no saved return address. */
  get isLeaf(): boolean {
    return this.blocks.every((b) => b.insts.every((i) => !i.call));
  }
}
