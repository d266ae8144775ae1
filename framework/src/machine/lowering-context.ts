import type { Block, Func, Module, Target as IrTarget } from '../ir/module.ts';
import { MachFunction, type MachBlock } from './machine-function.ts';
import type { BranchTarget, MachInst } from './machine-inst.ts';
import type { VReg, VRegType } from './regs.ts';

/**
 * What a target's `lower` hook works with. Every IR block gets a machine block whose
 * parameters are the virtual registers of the IR block's parameters; lowering may add blocks
 * of its own (guards, slow paths) with `newBlock`.
 *
 * The machine entry block is separate from the IR entry block and starts empty: lowering
 * defines the incoming arguments there (fixed defs of the argument registers, loads of stack
 * arguments) and jumps to `blockFor(func.entry)` passing them. So the IR entry block may be
 * a branch target like any other, and the jump costs nothing: it falls through.
 */
export interface LoweringContext<D> {
  readonly module: Module;
  readonly func: Func;
  readonly machine: MachFunction<D>;
  readonly entry: MachBlock<D>;
  /** The block `emit` appends to. */
  readonly current: MachBlock<D>;
  /** The virtual register of an IR value (same for every request). */
  vreg(value: number): VReg;
  /** A fresh virtual register. */
  temp(type: VRegType): VReg;
  /**
   * Makes `value` share `vreg`, so that it costs no move (a bit cast); false when `value`
   * has its own register already (it was used before its definition was lowered), and
   * the caller must emit the move.
   */
  alias(value: number, vreg: VReg): boolean;
  blockFor(block: Block): MachBlock<D>;
  /** A block of the lowering's own, with fresh parameters of the given types. */
  newBlock(name: string, paramTypes?: readonly VRegType[]): MachBlock<D>;
  switchTo(block: MachBlock<D>): void;
  emit(inst: MachInst<D>): void;
  /** A branch target for an IR edge; `leading` values come before the IR arguments (an
   *  unwind handler's exception parameter). */
  edge(target: IrTarget, leading?: readonly VReg[]): BranchTarget;
  /** The bytes of stack arguments a call passes; the frame reserves the largest request. */
  reserveOutgoingArgs(bytes: number): void;
}

class FunctionLowering<D> implements LoweringContext<D> {
  readonly machine: MachFunction<D>;
  readonly entry: MachBlock<D>;
  current: MachBlock<D>;
  private readonly blocks = new Map<Block, MachBlock<D>>();

  constructor(
    readonly module: Module,
    readonly func: Func,
  ) {
    this.machine = new MachFunction<D>(func.name);
    this.entry = this.machine.newBlock('entry.args');
    this.current = this.entry;
  }

  vreg(value: number): VReg {
    let v = this.machine.valueRegs.get(value);
    if (v === undefined) {
      v = this.machine.vregs.create(this.func.typeOf(value));
      this.machine.valueRegs.set(value, v);
    }
    return v;
  }

  temp(type: VRegType): VReg {
    return this.machine.vregs.create(type);
  }

  alias(value: number, vreg: VReg): boolean {
    if (this.machine.valueRegs.has(value)) return false;
    this.machine.valueRegs.set(value, vreg);
    return true;
  }

  blockFor(block: Block): MachBlock<D> {
    let mb = this.blocks.get(block);
    if (!mb) {
      mb = this.machine.newBlock(
        block.name,
        block.params.map((p) => this.vreg(p)),
        block,
      );
      this.blocks.set(block, mb);
    }
    return mb;
  }

  newBlock(name: string, paramTypes: readonly VRegType[] = []): MachBlock<D> {
    return this.machine.newBlock(
      name,
      paramTypes.map((t) => this.temp(t)),
    );
  }

  switchTo(block: MachBlock<D>): void {
    this.current = block;
  }

  emit(inst: MachInst<D>): void {
    if (this.current.terminator) throw new Error(`${this.func.name}: block ${this.current.name} is already terminated`);
    this.current.insts.push(inst);
  }

  edge(target: IrTarget, leading: readonly VReg[] = []): BranchTarget {
    const block = this.blockFor(target.block);
    const args = [...leading, ...target.args.map((a) => this.vreg(a))];
    if (args.length !== block.params.length) {
      throw new Error(
        `${this.func.name}: edge to ${block.name} passes ${args.length} values for ${block.params.length} parameters`,
      );
    }
    return { block, args };
  }

  reserveOutgoingArgs(bytes: number): void {
    this.machine.outgoingArgBytes = Math.max(this.machine.outgoingArgBytes, bytes);
  }
}

/** Runs the target's lowering and checks the shape of the result: every block ends in
 *  exactly one terminator and every edge passes one value per parameter. */
export function lowerFunction<D>(
  module: Module,
  func: Func,
  lower: (func: Func, ctx: LoweringContext<D>) => void,
): MachFunction<D> {
  const ctx = new FunctionLowering<D>(module, func);
  lower(func, ctx);
  checkShape(ctx.machine);
  return ctx.machine;
}

export function checkShape<D>(mf: MachFunction<D>): void {
  for (const b of mf.blocks) {
    if (!b.terminator) throw new Error(`${mf.name}: machine block ${b.name} has no terminator`);
    b.insts.forEach((inst, i) => {
      if (inst.terminator && i !== b.insts.length - 1)
        throw new Error(`${mf.name}: terminator in the middle of ${b.name}`);
      if (inst.targets.length > 0 && inst.operands.some((o) => o.kind === 'def')) {
        throw new Error(`${mf.name}: a branch in ${b.name} defines a register`);
      }
      for (const t of inst.targets) {
        if (t.args.length !== t.block.params.length)
          throw new Error(
            `${mf.name}: edge ${b.name} → ${t.block.name} ` +
              `has ${t.args.length} values for ${t.block.params.length} parameters`,
          );
        if (mf.blocks[t.block.id] !== t.block)
          throw new Error(`${mf.name}: edge ${b.name} → ${t.block.name} leaves the function`);
      }
    });
  }
}
