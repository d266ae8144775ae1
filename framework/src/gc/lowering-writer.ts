import { uniqueName } from '../ir/builder.ts';
import { Block, Inst, type Func } from '../ir/module.ts';
import { opcode } from '../ir/opcodes.ts';
import type { ValType } from '../ir/types.ts';

/**
 * Rewrites one function block by block. Instructions go to the current block; `split`
 * ends it and continues in a new one, so one IR instruction may become a small CFG. New
 * blocks follow the block they were split from; `cold` blocks go to the end of the function.
 * New values and blocks get names unused in the function.
 */
export class LoweringWriter {
  private insts: Inst[] = [];
  private current: Block | undefined;
  private readonly hot: Block[] = [];
  private readonly cold: Block[] = [];
  private readonly valueNames: Set<string>;
  private readonly blockNames: Set<string>;
  /** Per name set, where the search for a free `base.i` resumes (a big function lowers
   *  thousands of `gc.global`s; probing from 1 each time is quadratic). */
  private readonly nextSuffix = new Map<Set<string>, Map<string, number>>();

  constructor(private readonly func: Func) {
    this.valueNames = new Set(func.values.map((v) => v.name));
    this.blockNames = new Set(func.blocks.map((b) => b.name));
  }

  /** Starts rewriting an existing block: its instructions are to be re-emitted. */
  begin(block: Block): void {
    this.flush();
    this.current = block;
    this.insts = [];
    this.hot.push(block);
  }

  /** Finishes the function: blocks in their new order. */
  finish(): void {
    this.flush();
    this.func.blocks = [...this.hot, ...this.cold];
  }

  keep(inst: Inst): void {
    this.insts.push(inst);
  }

  /** A new empty block, placed after the current one (or at the end when cold). */
  newBlock(name: string, params: number[] = [], cold = false): Block {
    const block = new Block(this.fresh(this.blockNames, name));
    block.params = params;
    (cold ? this.cold : this.hot).push(block);
    return block;
  }

  /** Ends the current block (its last instruction must be a terminator) and writes into `next`. */
  continueIn(next: Block): void {
    this.flush();
    this.current = next;
    this.insts = [];
  }

  emit(opName: string, args: number[], result: ValType | null, name: string, sym = ''): number {
    const inst = new Inst(opcode(opName));
    inst.args = args;
    inst.sym = sym;
    if (result) inst.result = this.func.newValue(result, this.fresh(this.valueNames, name));
    this.insts.push(inst);
    return inst.result;
  }

  iconst(n: number, name: string): number {
    const v = this.emit('iconst', [], 'i32', name);
    this.insts[this.insts.length - 1]!.imm = n | 0;
    return v;
  }

  /** A call whose result is an existing value, so that its uses need no rewriting. */
  callInto(result: number, callee: string, args: number[]): void {
    const inst = new Inst(opcode('call'));
    inst.sym = callee;
    inst.args = args;
    inst.result = result;
    this.insts.push(inst);
  }

  load(address: number, offset: number, name: string): number {
    const v = this.emit('load.i32', [address], 'i32', name);
    this.insts[this.insts.length - 1]!.imm = offset;
    return v;
  }

  store(kind: 'i8' | 'i32' | 'ref', address: number, offset: number, value: number): void {
    this.emit(`store.${kind}`, [address, value], null, '');
    this.insts[this.insts.length - 1]!.imm = offset;
  }

  br(to: Block, args: number[]): void {
    const inst = new Inst(opcode('br'));
    inst.targets = [{ block: to, args }];
    this.insts.push(inst);
  }

  brif(condition: number, then: Block, otherwise: Block): void {
    const inst = new Inst(opcode('brif'));
    inst.args = [condition];
    inst.targets = [
      { block: then, args: [] },
      { block: otherwise, args: [] },
    ];
    this.insts.push(inst);
  }

  newValue(type: ValType, name: string): number {
    return this.func.newValue(type, this.fresh(this.valueNames, name));
  }

  private flush(): void {
    if (this.current) this.current.insts = this.insts;
  }

  private fresh(names: Set<string>, base: string): string {
    let suffixes = this.nextSuffix.get(names);
    if (!suffixes) this.nextSuffix.set(names, (suffixes = new Map()));
    return uniqueName(base, names, suffixes);
  }
}
