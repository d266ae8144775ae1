import { opcode } from './opcodes.ts';
import { Block, Func, Inst, type Module, type Target } from './module.ts';
import { resultType } from './result-type.ts';
import type { Signature, ValType } from './types.ts';

export interface InstExtras {
  sym?: string;
  field?: string;
  imm?: number;
  sig?: Signature;
  targets?: Target[];
  cases?: number[];
  /** Name for the result value (printing only). */
  name?: string;
}

/** Builds one function block by block. Values are ids; blocks are objects. */
export class FuncBuilder {
  readonly func: Func;
  private current: Block;
  private names = new Set<string>();

  constructor(
    readonly module: Module,
    name: string,
    sig: Signature,
    paramNames: string[] = [],
  ) {
    this.func = new Func(name, sig);
    module.funcs.push(this.func);
    this.current = this.block('entry', sig.params, paramNames);
  }

  get params(): number[] {
    return this.func.entry.params;
  }

  get currentBlock(): Block {
    return this.current;
  }

  /** A new block with the given parameter types; returns it without switching to it. */
  block(name: string, paramTypes: ValType[] = [], paramNames: string[] = []): Block {
    const b = new Block(this.uniqueBlockName(name));
    b.params = paramTypes.map((t, i) => this.func.newValue(t, this.uniqueValueName(paramNames[i])));
    this.func.blocks.push(b);
    return b;
  }

  switchTo(b: Block): void {
    this.current = b;
  }

  /** Appends an instruction; returns its result value id (or -1). */
  emit(opName: string, args: number[] = [], extras: InstExtras = {}): number {
    const inst = new Inst(opcode(opName));
    inst.args = args;
    if (extras.sym !== undefined) inst.sym = extras.sym;
    if (extras.field !== undefined) inst.field = extras.field;
    if (extras.imm !== undefined) inst.imm = extras.imm;
    if (extras.sig !== undefined) inst.sig = extras.sig;
    if (extras.targets) inst.targets = extras.targets;
    if (extras.cases) inst.cases = extras.cases;
    if (inst.op.alt !== undefined && extras.targets && extras.targets.length > 0) inst.fused = true;
    if (this.current.terminator)
      throw new Error(`block ^${this.current.name} of @${this.func.name} is already terminated`);
    const t = resultType(this.module, this.func, inst);
    if (t) inst.result = this.func.newValue(t, this.uniqueValueName(extras.name));
    this.current.insts.push(inst);
    return inst.result;
  }

  /** Pre-creates the result of a fused terminator so it can be passed in its own `to` edge. */
  emitFused(opName: string, args: number[], extras: InstExtras, to: (result: number) => Target, alt: Target): number {
    const inst = new Inst(opcode(opName));
    inst.args = args;
    inst.sym = extras.sym ?? '';
    if (extras.sig) inst.sig = extras.sig;
    inst.fused = true;
    const t = resultType(this.module, this.func, inst);
    if (t) inst.result = this.func.newValue(t, this.uniqueValueName(extras.name));
    inst.targets = [to(inst.result), alt];
    if (this.current.terminator)
      throw new Error(`block ^${this.current.name} of @${this.func.name} is already terminated`);
    this.current.insts.push(inst);
    return inst.result;
  }

  iconst(n: number): number {
    return this.emit('iconst', [], { imm: n | 0 });
  }
  fconst(x: number): number {
    return this.emit('fconst', [], { imm: x });
  }
  br(b: Block, args: number[] = []): void {
    this.emit('br', [], { targets: [{ block: b, args }] });
  }
  brif(cond: number, t: Block, targs: number[], e: Block, eargs: number[]): void {
    this.emit('brif', [cond], {
      targets: [
        { block: t, args: targs },
        { block: e, args: eargs },
      ],
    });
  }
  ret(v?: number): void {
    this.emit('ret', v === undefined ? [] : [v]);
  }
  call(name: string, args: number[]): number {
    return this.emit('call', args, { sym: name });
  }

  private uniqueValueName(name: string | undefined): string | undefined {
    return name === undefined ? undefined : uniqueName(name, this.names, this.nextValueSuffix);
  }

  private blockNames = new Set<string>();
  // Per base name, the first suffix not yet known to be taken: a frontend that names
  // thousands of blocks `ok` would otherwise probe `ok.1`, `ok.2`, ... each time.
  private nextBlockSuffix = new Map<string, number>();
  private nextValueSuffix = new Map<string, number>();
  private uniqueBlockName(name: string): string {
    return uniqueName(name, this.blockNames, this.nextBlockSuffix);
  }
}

/** `name`, else `name.i` for the least free i (names are never released, so the search
 *  resumes where the last one for this base stopped). */
export function uniqueName(name: string, taken: Set<string>, nextSuffix: Map<string, number>): string {
  let n = name;
  let i = nextSuffix.get(name) ?? 1;
  if (taken.has(n)) {
    for (n = `${name}.${i}`; taken.has(n); n = `${name}.${++i}`);
    nextSuffix.set(name, i + 1);
  }
  taken.add(n);
  return n;
}
