import { FuncBuilder, type Block, type Inst, type ValType } from '#framework';
import { SsaVars } from './ssa.ts';
import type { ProgramInfo } from './context.ts';
import type { Stmt } from '../syntax/ast.ts';
import { exceptionClassRef } from '../runtime/tags.ts';
import type { FnScope } from './closures.ts';
import type { FloatFacts } from './float-types.ts';
import type { GeneratorFrame } from './generators.ts';

/** An active `try ... finally`: its body is replayed on return/break/continue through it. */
export interface FinallyFrame {
  body: Stmt[];
  /** Handler depth outside the try, where the replayed body runs. */
  handlerDepth: number;
  loopDepth: number;
}

export interface LoopFrame {
  continueTo: Block;
  breakTo: Block;
  handlerDepth: number;
  finallyDepth: number;
}

/**
 * Emits one Python function: SSA variables, the exception-handler stack (every call that
 * may raise is a fused call whose unwind edge goes to the innermost handler, with the
 * source line), loops and finally frames.
 */
export class FunctionCompiler {
  readonly b: FuncBuilder;
  readonly vars: SsaVars;
  readonly handlers: Block[] = [];
  readonly finallies: FinallyFrame[] = [];
  readonly loops: LoopFrame[] = [];
  /** The exception being handled, for a bare `raise`. */
  readonly currentExc: { exc: number; line: number }[] = [];
  line = 0;
  /** Set for the module body: how a `def` statement binds its function object. */
  defHook: ((d: Stmt & { kind: 'def' }) => void) | null = null;
  /** Module body only: globals bound by the straight-line statements compiled so far.
   *  Nothing unbinds a global (no `del name`), so reading one of them needs no NameError check. */
  readonly boundGlobals = new Set<string>();
  /** In a method: the global holding its class (for super()) and its first parameter. */
  classGlobal: string | null = null;
  selfName: string | null = null;
  /** This function's names, for a def or lambda (null for the module body). */
  scope: FnScope | null = null;
  /** Comprehension targets: a Python name to the variable standing for it in there. */
  readonly renames = new Map<string, string>();
  /** In a generator's resume function: its frame layout and resume points (generators.ts). */
  generator: GeneratorFrame | null = null;
  /** Locals reloaded from a generator's frame after a yield: they may be unbound. */
  readonly reloaded = new Set<number>();
  /** What is known to be a float here (float-types.ts); nothing by default. */
  floats: FloatFacts = { locals: new Set(), defs: new Set() };
  private readonly nullValue: number;
  private readonly zero: number;
  /** Every "unbound local" test emitted: the value tested and the branch on the test. */
  private readonly unboundChecks: { value: number; branch: Inst }[] = [];
  private ownVars = 0;

  constructor(
    readonly info: ProgramInfo,
    name: string,
    params: ValType[],
    paramNames: string[],
    /** Names local to this function (null for the module, whose names are globals). */
    readonly locals: Set<string> | null,
  ) {
    this.b = new FuncBuilder(info.module, name, { params, result: 'ref' }, paramNames.map(safeName));
    this.nullValue = this.b.emit('rnull', [], { name: 'unbound' });
    // The compiler's own i32 variables (loop counters) are read unwritten only in dead code.
    const zero = this.b.iconst(0);
    this.zero = zero;
    const fzero = this.b.fconst(0);
    this.vars = new SsaVars(this.b, (type) => (type === 'i32' ? zero : type === 'f64' ? fzero : this.nullValue));
    this.vars.track(this.b.func.entry, params.length);
    this.vars.seal(this.b.func.entry);
    const propagate = this.newHandler();
    this.handlers.push(propagate);
    this.b.switchTo(propagate);
    this.b.emit('call', [propagate.params[0]!, propagate.params[1]!], { sym: 'py.note_line' });
    this.b.emit('call', [], { sym: 'py.leave' });
    this.b.emit('raise', [propagate.params[0]!]);
    this.b.switchTo(this.b.func.entry);
    paramNames.forEach((n, i) => this.vars.write(this.b.func.entry, n, this.b.params[i]!));
    for (const n of locals ?? []) if (!paramNames.includes(n)) this.vars.write(this.b.func.entry, n, this.nullValue);
  }

  /** The float facts where the current code is: a comprehension's targets hide locals. */
  get floatFacts(): FloatFacts {
    if (this.renames.size === 0) return this.floats;
    const hidden = (n: string): boolean => this.renames.has(n);
    return {
      locals: new Set([...this.floats.locals].filter((n) => !hidden(n))),
      defs: new Set([...this.floats.defs].filter((n) => !hidden(n))),
    };
  }

  /** Whether operators get in-line fast paths here: in functions, not in the module body,
   *  which mostly runs once and can be huge (a 5 MB module would grow several-fold). */
  get fastPaths(): boolean {
    return this.locals !== null;
  }

  get block(): Block {
    return this.b.currentBlock;
  }

  newBlock(name: string, fixed: ValType[] = []): Block {
    const blk = this.b.block(name, fixed);
    this.vars.track(blk, fixed.length);
    return blk;
  }
  newHandler(): Block {
    return this.newBlock('except', ['ref', 'i32']);
  }

  /** Ends the current block with a jump; records the edge for SSA. */
  jump(to: Block, args: number[] = []): void {
    const from = this.block;
    this.b.br(to, args);
    this.vars.addEdge(from, this.lastTargets()[0]!);
  }
  branch(cond: number, t: Block, e: Block, targs: number[] = [], eargs: number[] = []): void {
    const from = this.block;
    this.b.brif(cond, t, targs, e, eargs);
    for (const tg of this.lastTargets()) this.vars.addEdge(from, tg);
  }
  private lastTargets(): { block: Block; args: number[] }[] {
    const insts = this.block.insts;
    return insts[insts.length - 1]!.targets;
  }

  /** Starts emitting into `blk`, sealing it when all its predecessors are known. */
  enter(blk: Block, seal = true): void {
    this.b.switchTo(blk);
    if (seal) this.vars.seal(blk);
  }
  /** After a jump, return or raise: further code is dead but still needs a block. */
  enterDead(): void {
    this.enter(this.newBlock('dead'));
  }

  /** A call that may raise: its unwind edge goes to the innermost handler. */
  call(sym: string, args: number[], result: ValType | null = 'ref'): number {
    const handler = this.handlers[this.handlers.length - 1]!;
    const line = this.b.iconst(this.line);
    const cont = this.newBlock('ok', result ? [result] : []);
    const from = this.block;
    this.b.emitFused('call', args, { sym }, (r) => ({ block: cont, args: r >= 0 ? [r] : [] }), {
      block: handler,
      args: [line],
    });
    for (const tg of this.lastTargets()) this.vars.addEdge(from, tg);
    this.enter(cont);
    return result ? cont.params[0]! : -1;
  }
  /** An overflow-checked op (`iadd_ovf`, `isub_ovf`, `imul_ovf`) ending the block: to `ok`
   *  (one i32 parameter) with the result, to `overflow` when it does not fit. */
  overflowing(op: string, a: number, b: number, ok: Block, overflow: Block): void {
    const from = this.block;
    this.b.emitFused(op, [a, b], {}, (r) => ({ block: ok, args: [r] }), { block: overflow, args: [] });
    for (const tg of this.lastTargets()) this.vars.addEdge(from, tg);
  }
  /** A call that never raises. */
  pure(sym: string, args: number[]): number {
    return this.b.call(sym, args);
  }

  // ---- constants
  imm(bits: number): number {
    return this.b.emit('ref.from_bits', [this.b.iconst(bits)]);
  }
  none(): number {
    return this.imm(2);
  }
  smallInt(n: number): number {
    return this.imm((n << 1) | 1);
  }
  str(s: string): number {
    return this.b.emit('gaddr', [], { sym: this.info.strConst(s) });
  }
  tuple(items: number[]): number {
    const t = this.b.emit('new_array', [this.b.iconst(items.length)], { sym: 'tuple' });
    items.forEach((v, i) => this.b.emit('aset', [t, this.b.iconst(i), v], { sym: 'tuple' }));
    return t;
  }
  boolFromI32(c: number): number {
    return this.b.call('py.bool', [c]);
  }
  truth(v: number): number {
    return this.call('py.truth', [v], 'i32');
  }

  /** Raises a built-in exception when `cond` (i32) is true. */
  raiseIf(cond: number, cls: string, message: string): void {
    const fail = this.newBlock('fail');
    const ok = this.newBlock('cont');
    this.branch(cond, fail, ok);
    this.enter(fail);
    this.call('py.raise_error', [this.b.iconst(exceptionClassRef(cls)), this.str(message)], null);
    this.b.emit('unreachable');
    this.enter(ok);
  }
  isNull(v: number): number {
    return this.b.emit('icmp.eq', [this.b.emit('ref.bits', [v]), this.b.iconst(0)]);
  }

  // ---- variables
  /** A new variable of the compiler's own (`$` keeps it apart from Python names). */
  ownVar(prefix: string, type: ValType): string {
    const name = `${prefix}$${this.ownVars++}`;
    this.vars.declare(name, type);
    return name;
  }
  readLocal(name: string): number {
    const v = this.vars.read(this.block, name);
    if (v === this.nullValue || this.vars.paramValues.has(v) || this.reloaded.has(v)) {
      const from = this.block;
      this.raiseIf(
        this.isNull(v),
        'UnboundLocalError',
        `cannot access local variable '${name}' where it is not associated with a value`,
      );
      this.unboundChecks.push({ value: v, branch: from.insts[from.insts.length - 1]! });
    }
    return v;
  }
  /** The value of `id` here if it is a plain local (no cell, no unboxed float), without the
   *  test for unbound: the unbound marker is a null ref, which no small-int test passes. */
  peekLocal(id: string): number | null {
    const renamed = this.renames.get(id);
    if (renamed === undefined && (this.cellOf(id) >= 0 || this.isFloatLocal(id) || !this.locals?.has(id))) return null;
    return this.vars.read(this.block, renamed ?? id);
  }
  writeLocal(name: string, v: number): void {
    this.vars.write(this.block, name, v);
  }

  // ---- float locals (float-types.ts) live unboxed: the f64 in a variable of its own, and in
  // the Python name's variable only a marker (None) that says it is bound. A read that needs
  // the object boxes the f64 again.
  /** Whether local `name` is one of the unboxed floats here. */
  isFloatLocal(name: string): boolean {
    return this.floatFacts.locals.has(name) && !!this.locals?.has(name);
  }
  private floatVar(name: string): string {
    const v = `${name}$f64`;
    this.vars.declare(v, 'f64');
    return v;
  }
  /** The f64 of float local `name` (raising UnboundLocalError where it is not bound). */
  readFloatLocal(name: string): number {
    this.readLocal(name);
    return this.vars.read(this.block, this.floatVar(name));
  }
  writeFloatLocal(name: string, f: number): void {
    this.vars.write(this.block, this.floatVar(name), f);
    this.vars.write(this.block, name, this.none());
  }

  // ---- closures: cell variables (own locals nested functions use) and free variables
  /** Makes a cell for each cell variable at the function's entry, holding the parameter's value. */
  initCells(): void {
    for (const n of this.scope?.cells ?? []) {
      const cell = this.b.emit('new', [], { sym: 'cell' });
      if (this.scope!.params.includes(n)) this.b.emit('set', [cell, this.vars.read(this.block, n)], CELL_V);
      this.vars.declare(cellVar(n), 'ref');
      this.vars.write(this.block, cellVar(n), cell);
    }
  }
  /** The cell holding `name` here (own cell or one from the closure), or -1 if it has none. */
  cellOf(name: string): number {
    if (!this.scope) return -1;
    if (this.scope.cells.has(name)) return this.vars.read(this.block, cellVar(name));
    const i = this.scope.free.indexOf(name);
    if (i < 0) return -1;
    const closure = this.vars.read(this.block, CLOSURE_PARAM);
    return this.b.emit('aget', [closure, this.b.iconst(i)], { sym: 'tuple' });
  }
  readCell(name: string, cell: number): number {
    const v = this.b.emit('get', [cell], CELL_V);
    const own = this.scope!.cells.has(name);
    this.raiseIf(
      this.isNull(v),
      own ? 'UnboundLocalError' : 'NameError',
      own
        ? `cannot access local variable '${name}' where it is not associated with a value`
        : `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
    );
    return v;
  }
  writeCell(cell: number, v: number): void {
    this.b.emit('set', [cell, v], CELL_V);
  }

  finish(): void {
    this.vars.seal(this.handlers[0]!);
    this.vars.finish();
    this.dropProvenChecks();
  }

  /**
   * Definite assignment: a local read through a join may still be bound on every path into
   * it. The unbound marker is the only null a variable holds, so a variable's block
   * parameter may be unbound only if the marker reaches it along edges; every other test
   * branches on constant 0, which the optimizer folds away with its raising block.
   */
  private dropProvenChecks(): void {
    if (this.unboundChecks.length === 0) return;
    // Only edges from reachable blocks count: code after a return or break is compiled
    // into blocks without predecessors, where every variable reads as unbound.
    const reachable = new Set<Block>([this.b.func.entry]);
    const todo = [this.b.func.entry];
    while (todo.length > 0)
      for (const inst of todo.pop()!.insts)
        for (const t of inst.targets)
          if (!reachable.has(t.block)) {
            reachable.add(t.block);
            todo.push(t.block);
          }
    const incoming = new Map<number, number[]>();
    for (const blk of reachable)
      for (const inst of blk.insts)
        for (const t of inst.targets)
          t.block.params.forEach((p, i) => {
            const a = t.args[i];
            if (a === undefined || !this.vars.paramValues.has(p)) return;
            let list = incoming.get(a);
            if (!list) incoming.set(a, (list = []));
            list.push(p);
          });
    // Forward from the marker: what it flows into may be unbound.
    const maybe = new Set<number>([this.nullValue, ...this.reloaded]);
    const work = [...maybe];
    while (work.length > 0)
      for (const p of incoming.get(work.pop()!) ?? [])
        if (!maybe.has(p)) {
          maybe.add(p);
          work.push(p);
        }
    for (const { value, branch } of this.unboundChecks) if (!maybe.has(value)) branch.args[0] = this.zero;
  }
}

/** The parameter through which a nested function receives its closure tuple. */
export const CLOSURE_PARAM = 'closure$';
const CELL_V = { sym: 'cell', field: 'v' };
const cellVar = (name: string): string => `cell$${name}`;

function safeName(n: string): string {
  return n.replace(/[^A-Za-z0-9_]/g, '_');
}
