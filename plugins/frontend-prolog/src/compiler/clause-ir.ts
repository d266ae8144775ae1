import { deeperThan, varsOf, type Term } from '../reader/terms.ts';
import { CATCH_ENTER, CATCH_EXIT, FINDALL_ADD, FINDALL_ENTER, OWN_BARRIER, RETHROW, type Clause } from './desugar.ts';
import { emitDynamicCall } from './dynamic-slots.ts';
import { reduceForCall } from './inline-reduce.ts';
import { ConstPool, Fn } from './ir-text.ts';
import type { Symbols } from './symbols.ts';

/** How a goal is run: compiled predicate, dynamic predicate (through its code slot, see
 *  dynamic-slots.ts), runtime wrapper taking the goal term, host builtin, or inline. */
export type Target =
  | { kind: 'pred'; fn: string }
  /** `self`: this is code compiled at run time for the predicate itself (its entry). */
  | { kind: 'dynamic'; slot: number; self?: string }
  | { kind: 'wrapper'; fn: string }
  | { kind: 'host' }
  | { kind: 'inline' };

export interface EmitContext {
  syms: Symbols;
  consts: ConstPool;
  target(name: string, arity: number): Target;
  /** The first-solution test function of a flat static predicate (see semidet-ir.ts), if it has one. */
  semidet(name: string, arity: number): string | null;
  /** The clauses of a small flat static predicate of this unit, to compile a first-solution
   *  call of it in line (see inlineTest); null when it has none or is not small. */
  inlineable(name: string, arity: number): readonly Clause[] | null;
  /** Adds a finished function to the module. */
  add(fn: Fn): void;
}

/** The clause being tried while later clauses may still match: its choice point is not made yet. */
interface Pending {
  t0: string;
  m0: string;
  serial: string;
  next: string;
  retry: string;
}

/** Head arguments (arithmetic expressions) nested deeper than this are built and unified
 *  (evaluated by the host) rather than compiled in line: the in-line code generators
 *  recurse over the term's structure. */
const MAX_INLINE_HEAD_DEPTH = 64;

/** The compound subterms of t that hold a variable (explicit stack, post-order). */
function nonGround(t: Term): Set<Term> {
  const open = new Set<Term>();
  const stack: [Term, boolean][] = [[t, false]];
  while (stack.length > 0) {
    const [x, visited] = stack.pop()!;
    if (x.k !== 'str') continue;
    if (!visited) {
      stack.push([x, true]);
      for (const a of x.args) stack.push([a, false]);
    } else if (x.args.some((a) => a.k === 'var' || open.has(a))) open.add(x);
  }
  return open;
}

const ARITH_FAST: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul' };
const COMPARE: Record<string, string> = { '<': 'slt', '>': 'sgt', '=<': 'sle', '>=': 'sge', '=:=': 'eq', '=\\=': 'ne' };
// Bit masks over @kind_of's result.
const TYPE_TESTS: Record<string, number> = {
  var: 1 << 0,
  nonvar: ~1 & 0x1fe,
  atom: 1 << 1,
  integer: (1 << 2) | (1 << 5),
  float: 1 << 4,
  number: (1 << 2) | (1 << 4) | (1 << 5),
  atomic: (1 << 1) | (1 << 2) | (1 << 4) | (1 << 5) | (1 << 7) | (1 << 8),
  string: 1 << 8,
  compound: 1 << 3,
  callable: (1 << 1) | (1 << 3),
};

/** Runtime functions that neither read the mark nor call anything that does. */
const MARK_BLIND = new Set(['trail_push', 'new_var', 'pl_eval', 'pl_arith', 'pl_arith_cmp', 'undo', 'kind_of']);

const isCall1 = (t: Target): boolean => t.kind === 'wrapper' && t.fn === 'ctl$call1';

/** The items of a list written out in full ([a, b, c]), or null. */
function listItems(t: Term): Term[] | null {
  const items: Term[] = [];
  for (let x = t; ; ) {
    if (x.k === 'atom' && x.name === '[]') return items;
    if (x.k !== 'str' || x.name !== '[|]' || x.args.length !== 2) return null;
    items.push(x.args[0]!);
    x = x.args[1]!;
  }
}

/** Undoes the bindings trailed since t0; the call only when there are some. */
export function undoTo(f: Fn, t0: string): void {
  const some = f.blk('undo'),
    none = f.blk('undone');
  f.end(`brif ${f.val(`icmp.ne ${f.val('gget @tr', 'tr')}, ${t0}`)}, ${some}, ${none}`);
  f.label(some);
  f.emit(`call @undo(${t0})`);
  f.end(`br ${none}`);
  f.label(none);
}

export interface TestLabels {
  fail: string;
  cut: string;
  exc: string;
}

/** Whether the goal after a call is a cut, so only the call's first solution can matter. */
function cutsNext(rest: Term[]): boolean {
  const g = rest[0];
  if (!g) return false;
  return (g.k === 'atom' && g.name === '!') || (g.k === 'str' && g.name === '$cut' && g.args.length === 1);
}

export function isInlineBuiltin(name: string, arity: number): boolean {
  if (arity === 1 && name in TYPE_TESTS) return true;
  if (arity === 2 && (name in COMPARE || name === 'is' || name === '=')) return true;
  return arity === 0 && (name === 'fail' || name === 'false' || name === 'true' || name === '!');
}

/**
 * Compiles one clause, tried at one position of a clause sequence, into IR functions:
 * head unification and inline goals up to the first call run in the entry function;
 * each call that is not last gets a heap continuation frame and a continuation function.
 */
export class ClauseEmitter {
  private fn: Fn;
  private defined = new Map<string, string>();
  private pending: Pending | null = null;
  private k = '%k';
  private cutb = '%cutb';
  private contCount = 0;
  private labels: { dfail?: string; pfail?: string; exc?: string; over?: string } = {};
  /** Set while compiling a clause into a first-solution test function: where failure and exceptions go. */
  private test: TestLabels | null = null;

  constructor(
    private readonly ctx: EmitContext,
    private readonly fnName: string,
    private readonly arity: number,
    /** Next clause of the sequence: direct entry and retry-from-choice-point entry. */
    private readonly alt: { next: string; retry: string } | null,
  ) {
    this.fn = new Fn(
      `func @${fnName}(${this.argNames()
        .map((a) => `${a}: ref`)
        .join(', ')}${arity > 0 ? ', ' : ''}%k: ref, %cutb: ref) -> i32`,
    );
  }

  private argNames(): string[] {
    return Array.from({ length: this.arity }, (_, i) => `%a${i}`);
  }

  emit(clause: Clause): void {
    const f = this.fn;
    this.defined.set(OWN_BARRIER, '%cutb');
    if (this.alt) {
      const t0 = f.val('gget @tr', 'tr');
      const m0 = f.val('gget @mark', 'mk');
      const serial = f.val('gget @serial', 'sr');
      this.markSetAt = f.position;
      f.emit(`gset @mark, ${serial}`);
      this.pending = { t0, m0, serial, ...this.alt };
      this.knownMark = serial;
    }
    const head = clause.head;
    if (head.k === 'str') head.args.forEach((p, i) => this.unifyHeadArg(p, `%a${i}`));
    // Each call that is not last ends a function; the goals after it go on in the next
    // (a loop, not recursion: a clause body may hold thousands of calls).
    for (let rest: Term[] | null = clause.goals; rest !== null; ) rest = this.goals(rest);
  }

  /**
   * Compiles a clause with inline goals only into `fn`, a heap-free test function: success
   * falls through (the caller returns 1), failure branches to `labels.fail` (to
   * `labels.cut` once the clause has cut), exceptions to `labels.exc`.
   */
  static testClause(ctx: EmitContext, fn: Fn, arity: number, clause: Clause, labels: TestLabels): void {
    const e = new ClauseEmitter(ctx, '', arity, null);
    e.fn = fn;
    e.test = { ...labels };
    const head = clause.head;
    if (head.k === 'str') head.args.forEach((p, i) => e.unifyHeadArg(p, `%a${i}`));
    for (const g of clause.goals) {
      if (g.k !== 'atom' && g.k !== 'str') throw new Error('testClause: not an inline goal');
      e.inline(g.name, g.k === 'str' ? g.args : []);
    }
  }

  private fail(): string {
    if (this.test) return this.test.fail;
    if (this.pending) return (this.labels.pfail ??= this.fn.blk('pfail'));
    return (this.labels.dfail ??= this.fn.blk('fail'));
  }

  private exc(): string {
    if (this.test) return this.test.exc;
    return (this.labels.exc ??= this.fn.blk('exc'));
  }

  private finish(): void {
    const f = this.fn;
    if (this.labels.dfail) {
      f.label(this.labels.dfail);
      f.end('tail_call @fail()');
    }
    if (this.labels.pfail) {
      const p = this.pendingAtStart!;
      f.label(this.labels.pfail);
      undoTo(f, p.t0);
      f.emit(`gset @mark, ${p.m0}`);
      f.end(`tail_call @${p.next}(${[...this.argNames(), '%k', '%cutb'].join(', ')})`);
    }
    if (this.labels.over) {
      f.label(this.labels.over);
      f.end('tail_call @stack_overflow()');
    }
    if (this.labels.exc) {
      const e = f.v('e');
      f.label(this.labels.exc, `${e}: ref`);
      f.end(`tail_call @throw_ball(${e})`);
    }
    this.dropUnreadMark();
    this.ctx.add(f);
  }

  /** Where the entry function set the mark for its pending alternatives, or -1. */
  private markSetAt = -1;
  /** The mark's value where the code being emitted runs, when the compiler knows it:
   *  bindings there test it in line (see bind). */
  private knownMark: string | null = null;

  /**
   * While a clause's alternatives are pending, the mark is the serial at entry, so bindings
   * are trailed for a retry. The entry function's own bindings test that value in line
   * (bind): when nothing it calls reads the mark, the mark is never set, nor put back.
   */
  private dropUnreadMark(): void {
    const p = this.pendingAtStart;
    if (!p || this.markSetAt < 0) return;
    const f = this.fn;
    const calls = f.emitted().map((l) => / call(?:_indirect)? @?([^( ]+)/.exec(l)?.[1]);
    if (calls.some((c) => c !== undefined && !MARK_BLIND.has(c))) return;
    f.omit(this.markSetAt);
    const restore = `  gset @mark, ${p.m0}`;
    f.emitted().forEach((l, i) => {
      if (l === restore) f.omit(i);
    });
  }

  /** Binds unbound variable `d` to `x`: trailed when older than the mark. */
  private bind(d: string, x: string): void {
    const f = this.fn;
    if (this.knownMark === null) {
      f.emit(`call @bind(${d}, ${x})`);
      return;
    }
    f.emit(`set :var.val, ${d}, ${x}`);
    const old = f.val(`icmp.sle ${f.val(`get :var.serial, ${d}`)}, ${this.knownMark}`);
    const trail = f.blk('bt'),
      bound = f.blk('bd');
    f.end(`brif ${old}, ${trail}, ${bound}`);
    f.label(trail);
    f.emit(`call @trail_push(${d})`);
    f.end(`br ${bound}`);
    f.label(bound);
  }

  private pendingAtStart: Pending | null = null;
  /** Variables this function has made (see inlineTest). */
  private varsMade = 0;
  /** Number values of variables evaluated on every path to the code being emitted. */
  private evaluated = new Map<string, string>();
  /** Dereferenced values of variables an arithmetic operand read without evaluating
   *  them, on every path to the code being emitted (see operand). */
  private derefed = new Map<string, string>();

  /** Compiles goals up to the end of the function: the goals left for the continuation
   *  function (begun already), or null at the end of the clause. */
  private goals(goals: Term[]): Term[] | null {
    this.pendingAtStart ??= this.pending;
    for (let i = 0; i < goals.length; i++) {
      const g = goals[i]!;
      const rest = goals.slice(i + 1);
      const name = g.k === 'atom' || g.k === 'str' ? g.name : '';
      const args = g.k === 'str' ? g.args : [];
      if (g.k === 'str' && name === '$cut' && args.length === 1) {
        this.fn.emit(`call @set_B(${this.term(args[0]!)})`);
        this.pending = null;
        this.knownMark = null;
        continue;
      }
      if (isInlineBuiltin(name, args.length)) {
        this.inline(name, args);
        continue;
      }
      // The catch and findall choice points move the mark.
      if (name === CATCH_ENTER || name === FINDALL_ENTER || name === CATCH_EXIT) this.knownMark = null;
      if (name === CATCH_ENTER && args.length === 3) {
        this.materialize();
        const [handler, data, cp] = args as [Term, Term, Term];
        const h = this.ctx.target(handler.k === 'atom' ? handler.name : '', 2);
        if (h.kind !== 'pred' || cp.k !== 'var') throw new Error('$catch_enter: not a compiled catch');
        const d = this.term(data);
        // First in its clause (Desugarer.catchGoal): %k is where the recovery goes on.
        const code = this.fn.val(`fref @${h.fn}`, 'ch');
        this.defined.set(cp.name, this.fn.val(`call @catch_push(${code}, ${d}, ${this.k})`, 'ccp'));
        continue;
      }
      if (name === FINDALL_ENTER && args.length === 3) {
        this.materialize();
        const [template, list, cp] = args as [Term, Term, Term];
        if (cp.k !== 'var') throw new Error('$findall_enter: not a compiled findall');
        const t = this.term(template),
          l = this.term(list);
        // First in its clause (Desugarer.findallGoal): %k is where the list goes on.
        this.defined.set(cp.name, this.fn.val(`call @findall_push(${t}, ${l}, ${this.k})`, 'fcp'));
        continue;
      }
      if (name === FINDALL_ADD && args.length === 1) {
        // Asks for the next solution: the goals after it are dead.
        this.materialize();
        this.fn.end(`tail_call @findall_add(${this.term(args[0]!)})`);
        this.finish();
        return null;
      }
      if (name === CATCH_EXIT && args.length === 1) {
        this.materialize();
        this.fn.emit(`call @catch_exit(${this.term(args[0]!)})`);
        continue;
      }
      const target = name === RETHROW ? null : this.ctx.target(name, args.length);
      if (!target || (target.kind === 'wrapper' && target.fn === 'ctl$throw')) {
        // throw/1 never proceeds: no frame, and the goals after it are dead.
        this.materialize();
        this.fn.end(`tail_call @${target ? 'throw1' : 'throw_ball'}(${this.term(args[0]!)})`);
        this.finish();
        return null;
      }
      if (target.kind === 'host') {
        if (this.univThenCall(g, rest)) {
          this.finish();
          return null;
        }
        this.host(g);
        continue;
      }
      // A call whose alternatives the next goal cuts away needs only its first solution: a
      // flat predicate gives it through a test function, with no frame and no choice point
      // (this is what keeps semideterministic if-then-else conditions off the heap).
      const test = target.kind === 'pred' && cutsNext(rest) ? this.ctx.semidet(name, args.length) : null;
      if (test) {
        const clauses = this.ctx.inlineable(name, args.length);
        if (clauses) this.inlineTest(clauses, args);
        else this.testCall(test, args);
        continue;
      }
      this.materialize();
      const byArgs = target.kind === 'pred' || target.kind === 'dynamic' || isCall1(target);
      const vals = byArgs ? args.map((a) => this.term(a)) : [this.term(g)];
      const k = rest.length === 0 ? this.k : this.frame(rest);
      if (target.kind === 'wrapper' && target.fn === 'ctl$call1') this.callGoal(vals[0]!, k);
      else if (target.kind === 'pred') this.fn.end(`tail_call @${target.fn}(${[...vals, k].join(', ')})`);
      else if (target.kind === 'dynamic') emitDynamicCall(this.fn, target.slot, [...vals, k], target.self);
      else
        this.fn.end(`tail_call @${target.kind === 'wrapper' ? target.fn : 'dyn$call'}(${vals[0]}, ${k}, ${this.cutb})`);
      if (rest.length === 0) {
        this.finish();
        return null;
      }
      this.continueIn();
      return rest;
    }
    this.materialize();
    this.fn.end(`tail_call @proceed(${this.k})`);
    this.finish();
    return null;
  }

  private testCall(fn: string, args: Term[]): void {
    const f = this.fn;
    const vals = args.map((a) => this.term(a));
    const r = f.v('sd'),
      got = f.blk('sdg');
    f.end(`${r} = call @${fn}(${vals.join(', ')}) to ${got}(${r}) unwind ${this.exc()}`);
    const r2 = f.v('sd');
    f.label(got, `${r2}: i32`);
    this.check(f.val(`icmp.ne ${r2}, ${f.iconst(0)}`));
  }

  /**
   * A first-solution call of a small flat predicate, in line: what its test function does
   * (semidet-ir.ts), with each clause's head matched against the call's arguments where
   * they are known. A head variable first met takes the argument's value, and an argument
   * that is an atom or small integer is matched as a head constant would be, so
   * `equal(X, X)` called as `equal(Y, 0)` compiles to an in-line test of Y against 0.
   */
  private inlineTest(clauses: readonly Clause[], args: Term[]): void {
    const f = this.fn;
    const n = this.inlined++;
    // Each argument as a term the clauses can share: a variable or atomic constant as it is,
    // anything else through a hidden variable holding its value (built once).
    const shared = args.map((a, j) => {
      const v = this.term(a);
      if (a.k === 'var' || this.isImmediate(a)) return a;
      const name = `$ia${n}_${j}`;
      this.defined.set(name, v);
      return { k: 'var', name } as Term;
    });
    const alts = reduceForCall(clauses, shared, `$in${n}_`, (x, y) =>
      this.isImmediate(x) && this.isImmediate(y) ? this.ctx.consts.ground(x) === this.ctx.consts.ground(y) : null,
    );
    // The clause's own pending alternatives set the mark to the serial at entry: while no
    // variable has been made since, every variable is trailed already, as the test needs.
    const reuse = this.pending !== null && this.varsMade === 0;
    const t0 = reuse ? this.pending!.t0 : f.val('gget @tr', 'tr');
    const m0 = reuse ? null : f.val('gget @mark', 'mk');
    const outerMark = this.knownMark;
    if (!reuse) {
      const sr = f.val('gget @serial', 'sr');
      f.emit(`gset @mark, ${sr}`);
      this.knownMark = sr;
    }
    const restoreMark = (): void => {
      if (m0) f.emit(`gset @mark, ${m0}`);
    };
    const none = f.blk('none'),
      exc = f.blk('iexc'),
      done = f.blk('sdok');
    if (alts.length === 0) f.end(`br ${none}`); // no clause can match this call
    const evaluated = this.evaluated,
      derefed = this.derefed;
    alts.forEach((goals, i) => {
      const last = i === alts.length - 1;
      const fail = last ? none : f.blk('next');
      this.test = { fail, cut: none, exc };
      this.evaluated = new Map(evaluated); // one alternative's values are not the next's
      this.derefed = new Map(derefed);
      for (const g of goals) {
        if (g.k !== 'atom' && g.k !== 'str') throw new Error('inlineTest: not an inline goal');
        this.inline(g.name, g.k === 'str' ? g.args : []);
      }
      this.test = null;
      f.end(`br ${done}`);
      if (!last) {
        f.label(fail);
        undoTo(f, t0);
      }
    });
    f.label(none);
    if (!reuse) undoTo(f, t0); // reused: failing the clause undoes to t0
    restoreMark();
    f.end(`br ${this.fail()}`);
    const ev = f.v('e');
    f.label(exc, `${ev}: ref`);
    restoreMark();
    f.end(`br ${this.exc()}(${ev})`);
    f.label(done);
    this.evaluated = evaluated;
    this.derefed = derefed;
    this.knownMark = outerMark;
    restoreMark();
  }

  private inlined = 0;

  private isImmediate(t: Term): boolean {
    return t.k === 'atom' || (t.k === 'int' && typeof this.ctx.consts.ground(t) === 'number');
  }

  /** The functors (as immediates) call/1 does not run directly: `,`, `;` and `->`. */
  private controlFunctors(): number[] {
    return [',', ';', '->'].map((c) => this.ctx.syms.imm(c, 2));
  }

  /** Tail-calls the predicate of functor bits `fb` on `goal`, a compound of that functor,
   *  as call/1 does: through its wrapper, with the current choice point as cut barrier. */
  private callByFunctor(fb: string, goal: string, k: string): void {
    const f = this.fn;
    const code = f.val(`call @lookup(${f.val(`isar ${fb}, ${f.iconst(2)}`)})`, 'fn');
    f.end(`tail_call_indirect ${code}(${goal}, ${k}, ${f.val('gget @B', 'b')}) : (ref, ref, ref) -> i32`);
  }

  /**
   * call(G): a compound goal that is not a control construct goes straight to its
   * predicate's wrapper, as @solve would take it, with the current choice point as its cut
   * barrier (call/1 is opaque to cut); anything else (atoms, control constructs, variables
   * and non-callables, which raise) goes through @ctl$call1 as the goal call(G).
   */
  private callGoal(v: string, k: string): void {
    const f = this.fn;
    const d = f.deref(v);
    const ptr = f.blk('cp'),
      isStr = f.blk('cs'),
      direct = f.blk('cd'),
      generic = f.blk('cg');
    f.end(`brif ${f.val(`ref.is_ptr ${d}`)}, ${ptr}, ${generic}`);
    f.label(ptr);
    f.end(`brif ${f.val(`icmp.eq ${f.val(`ref.type_id ${d}`)}, ${f.iconst(2)}`)}, ${isStr}, ${generic}`);
    f.label(isStr);
    const fb = f.val(`ref.bits ${f.val(`aget :str, ${d}, ${f.iconst(0)}`)}`, 'fb');
    f.end(
      `switch ${fb}, ${direct}, [${this.controlFunctors()
        .map((b) => `${b}: ${generic}`)
        .join(', ')}]`,
    );
    f.label(direct);
    this.callByFunctor(fb, d, k);
    f.label(generic);
    f.end(`tail_call @ctl$call1(${this.compound('call', [v])}, ${k}, ${this.cutb})`);
  }

  /** Allocates the continuation frame for `rest` (values of its live variables). */
  private frame(rest: Term[]): string {
    const f = this.fn;
    const live = this.liveIn(rest);
    // The stack limit: a frame is one deeper than its continuation (core.jir's
    // @frame_depth, in line); past @depth_limit the resource error is thrown instead.
    const depth = f.val(
      `iadd ${f.val(`ref.bits ${f.val(`aget :frame, ${this.k}, ${f.iconst(3)}`, 'pd')}`)}, ${f.iconst(2)}`,
      'dp',
    );
    // Carried as a ref (a tagged integer) past the calls below: no ref.bits value may.
    const depthRef = f.val(`ref.from_bits ${depth}`, 'dr');
    const deep = f.blk('deep');
    const tooDeep = f.val(`icmp.sgt ${depth}, ${f.val('gget @depth_limit')}`);
    const over = (this.labels.over ??= f.blk('over'));
    f.end(`brif ${tooDeep}, ${over}, ${deep}`);
    f.label(deep);
    const fr = f.val(`new_array :frame, ${f.iconst(4 + live.length)}`, 'fr');
    const code = f.val(`fref @${this.contName()}`, 'code');
    const tagged = f.tag(code);
    f.emit(`aset :frame, ${fr}, ${f.iconst(0)}, ${tagged}`);
    f.emit(`aset :frame, ${fr}, ${f.iconst(1)}, ${this.k}`);
    f.emit(`aset :frame, ${fr}, ${f.iconst(2)}, ${this.cutb}`);
    f.emit(`aset :frame, ${fr}, ${f.iconst(3)}, ${depthRef}`);
    live.forEach((v, i) => f.emit(`aset :frame, ${fr}, ${f.iconst(4 + i)}, ${this.defined.get(v)}`));
    this.liveForCont = live;
    return fr;
  }

  private liveForCont: string[] = [];

  private contName(): string {
    return `${this.fnName}$k${this.contCount}`;
  }

  private liveIn(rest: Term[]): string[] {
    const used = new Set<string>();
    for (const g of rest) varsOf(g, []).forEach((v) => used.add(v));
    used.add(OWN_BARRIER);
    return [...this.defined.keys()].filter((v) => used.has(v) && v !== OWN_BARRIER);
  }

  /** Finishes this function and begins the continuation function (its goals follow). */
  private continueIn(): void {
    const live = this.liveForCont;
    this.finish();
    const name = this.contName();
    this.contCount++;
    this.fn = new Fn(`func @${name}(%f: ref) -> i32`);
    this.labels = {};
    this.pendingAtStart = null;
    this.markSetAt = -1;
    this.knownMark = null;
    this.evaluated = new Map();
    this.derefed = new Map();
    const f = this.fn;
    this.k = f.val(`aget :frame, %f, ${f.iconst(1)}`, 'k');
    this.cutb = f.val(`aget :frame, %f, ${f.iconst(2)}`, 'cb');
    const defined = new Map<string, string>([[OWN_BARRIER, this.cutb]]);
    live.forEach((v, i) => defined.set(v, f.val(`aget :frame, %f, ${f.iconst(4 + i)}`, 'l')));
    this.defined = defined;
  }

  private materialize(): void {
    const p = this.pending;
    if (!p) return;
    const f = this.fn;
    const alt = f.val(`fref @${p.retry}`, 'alt');
    // core.jir's @make_cp written out: with its length a constant, no store is checked.
    const cp = f.val(`new_array :cp, ${f.iconst(5 + this.arity)}`, 'cp');
    const header = [f.val('gget @B', 'prev'), ...[alt, p.t0, p.serial].map((x) => f.tag(x)), this.k];
    header.forEach((x, i) => f.emit(`aset :cp, ${cp}, ${f.iconst(i)}, ${x}`));
    for (let i = 0; i < this.arity; i++) f.emit(`aset :cp, ${cp}, ${f.iconst(5 + i)}, %a${i}`);
    f.emit(`gset @B, ${cp}`);
    f.emit(`gset @mark, ${p.serial}`);
    this.pending = null;
  }

  /** The ref value of a term in the body (building it, creating fresh variables). Ground
   *  subterms are constants; the rest is built inner first from an explicit stack, which
   *  first marks the compound subterms holding a variable (one pass, no host recursion). */
  private term(t: Term): string {
    if (t.k !== 'str') return this.leaf(t);
    const open = nonGround(t);
    if (!open.has(t)) return this.constant(t);
    const stack: { t: Extract<Term, { k: 'str' }>; vals: string[] }[] = [{ t, vals: [] }];
    for (;;) {
      const top = stack[stack.length - 1]!;
      const i = top.vals.length;
      if (i < top.t.args.length) {
        const a = top.t.args[i]!;
        if (a.k === 'str' && open.has(a)) stack.push({ t: a, vals: [] });
        else top.vals.push(a.k === 'str' ? this.constant(a) : this.leaf(a));
        continue;
      }
      stack.pop();
      const v = this.compound(top.t.name, top.vals);
      if (stack.length === 0) return v;
      stack[stack.length - 1]!.vals.push(v);
    }
  }

  private leaf(t: Exclude<Term, { k: 'str' }>): string {
    const f = this.fn;
    if (t.k === 'var') {
      const d = this.defined.get(t.name);
      if (d) return d;
      const v = f.val('call @new_var()', 'v');
      this.varsMade++;
      if (!t.name.endsWith('_anon')) this.defined.set(t.name, v);
      return v;
    }
    return this.constant(t);
  }

  /** A ground term's value: immediate, static constant, or (code compiled at run time has
   *  no static data) built. */
  private constant(t: Term): string {
    const f = this.fn;
    const g = this.ctx.consts.ground(t);
    if (typeof g === 'number') return f.imm(g);
    if (typeof g === 'string') return f.val(`gaddr ${g}`, 'g');
    const s = t as Extract<Term, { k: 'str' }>;
    return this.compound(
      s.name,
      s.args.map((a) => this.constant(a)),
    );
  }

  /** A compound term name(args...) built from values already computed. */
  private compound(name: string, args: string[]): string {
    const f = this.fn;
    const arr = f.val(`new_array :str, ${f.iconst(args.length + 1)}`, 's');
    f.emit(`aset :str, ${arr}, ${f.iconst(0)}, ${f.imm(this.ctx.syms.imm(name, args.length))}`);
    args.forEach((a, i) => f.emit(`aset :str, ${arr}, ${f.iconst(i + 1)}, ${a}`));
    return arr;
  }

  /** A head argument: matched in line (recursing over its structure) up to a nesting
   *  depth, built and unified beyond it. */
  private unifyHeadArg(p: Term, v: string): void {
    if (deeperThan(p, MAX_INLINE_HEAD_DEPTH)) this.unify(this.term(p), v);
    else this.unifyHead(p, v);
  }

  private unifyHead(p: Term, v: string): void {
    const f = this.fn;
    if (p.k === 'var') {
      if (p.name.endsWith('_anon')) return;
      const d = this.defined.get(p.name);
      if (!d) {
        this.defined.set(p.name, v);
        return;
      }
      this.unify(d, v);
      return;
    }
    if (p.k === 'atom' || (p.k === 'int' && typeof this.ctx.consts.ground(p) === 'number')) {
      const bits = this.ctx.consts.ground(p) as number;
      const d = f.deref(v);
      const db = f.val(`ref.bits ${d}`, 'db');
      const eq = f.val(`icmp.eq ${db}, ${f.iconst(bits)}`, 'eq');
      const ok = f.blk('ok'),
        c1 = f.blk('c'),
        c2 = f.blk('c'),
        c3 = f.blk('bind');
      f.end(`brif ${eq}, ${ok}, ${c1}`);
      f.label(c1);
      const ptr = f.val(`ref.is_ptr ${d}`, 'p');
      f.end(`brif ${ptr}, ${c2}, ${this.fail()}`);
      f.label(c2);
      const ty = f.val(`ref.type_id ${d}`, 'ty');
      const isv = f.val(`icmp.eq ${ty}, ${f.iconst(1)}`, 'iv');
      f.end(`brif ${isv}, ${c3}, ${this.fail()}`);
      f.label(c3);
      this.bind(d, f.imm(bits));
      f.end(`br ${ok}`);
      f.label(ok);
      return;
    }
    if (p.k === 'str') {
      this.unifyHeadCompound(p, v);
      return;
    }
    this.unify(this.term(p), v);
  }

  /**
   * A compound head argument in read/write mode, as a Prolog compiler does: a compound with
   * the same functor is matched argument by argument with nothing built; an unbound
   * variable is bound to the term built (write mode); anything else fails. Variables first
   * met inside the argument get their value on each path and meet at the join.
   */
  private unifyHeadCompound(p: Extract<Term, { k: 'str' }>, v: string): void {
    const f = this.fn;
    const fresh = varsOf(p).filter((n) => !this.defined.has(n) && !n.endsWith('_anon'));
    const before = new Map(this.defined);
    const d = f.deref(v);
    const ptr = f.blk('hp'),
      isStr = f.blk('hs'),
      read = f.blk('rd'),
      write = f.blk('wr'),
      join = f.blk('hj');
    f.end(`brif ${f.val(`ref.is_ptr ${d}`)}, ${ptr}, ${this.fail()}`);
    f.label(ptr);
    f.end(`switch ${f.val(`ref.type_id ${d}`)}, ${this.fail()}, [1: ${write}, 2: ${isStr}]`);
    f.label(isStr);
    const functor = f.val(`ref.bits ${f.val(`aget :str, ${d}, ${f.iconst(0)}`)}`);
    const sameFunctor = f.val(`icmp.eq ${functor}, ${f.iconst(this.ctx.syms.imm(p.name, p.args.length))}`);
    f.end(`brif ${sameFunctor}, ${read}, ${this.fail()}`);
    f.label(read);
    // An anonymous argument matches anything: its element is not even read.
    p.args.forEach((a, i) => {
      if (a.k !== 'var' || !a.name.endsWith('_anon'))
        this.unifyHead(a, f.val(`aget :str, ${d}, ${f.iconst(i + 1)}`, 'ha'));
    });
    f.end(`br ${join}(${fresh.map((n) => this.defined.get(n)!).join(', ')})`);
    this.defined = new Map(before);
    f.label(write);
    this.bind(d, this.term(p));
    f.end(`br ${join}(${fresh.map((n) => this.defined.get(n)!).join(', ')})`);
    const params = fresh.map(() => f.v('hv'));
    f.label(join, params.map((x) => `${x}: ref`).join(', '));
    this.defined = new Map(before);
    fresh.forEach((n, i) => this.defined.set(n, params[i]!));
  }

  /** Unifies two values: in line when the first is an unbound variable and the second an
   *  atom or small integer (a repeated head variable meeting a constant), else @unify. */
  private unify(a: string, b: string): void {
    const f = this.fn;
    const da = f.deref(a);
    const ptr = f.blk('up'),
      unbound = f.blk('uv'),
      bind = f.blk('ub'),
      slow = f.blk('us'),
      ok = f.blk('ok');
    f.end(`brif ${f.val(`ref.is_ptr ${da}`)}, ${ptr}, ${slow}`);
    f.label(ptr);
    f.end(`brif ${f.val(`icmp.eq ${f.val(`ref.type_id ${da}`)}, ${f.iconst(1)}`)}, ${unbound}, ${slow}`);
    f.label(unbound);
    f.end(`brif ${f.val(`ref.is_ptr ${b}`)}, ${slow}, ${bind}`);
    f.label(bind);
    this.bind(da, b);
    f.end(`br ${ok}`);
    f.label(slow);
    const r = f.val(`call @unify(${a}, ${b})`, 'u');
    f.end(`brif ${r}, ${ok}, ${this.fail()}`);
    f.label(ok);
  }

  private check(cond: string): void {
    const ok = this.fn.blk('ok');
    this.fn.end(`brif ${cond}, ${ok}, ${this.fail()}`);
    this.fn.label(ok);
  }

  private inline(name: string, args: Term[]): void {
    const f = this.fn;
    if (name === 'true') return;
    if (name === 'fail' || name === 'false') {
      f.end(`br ${this.fail()}`);
      f.label(f.blk('dead'));
      return;
    }
    if (name === '!') {
      if (this.test) this.test.fail = this.test.cut;
      else if (this.pending) {
        f.emit(`gset @mark, ${this.pending.m0}`);
        this.pending = null;
        this.knownMark = null;
      } else f.emit(`call @set_B(${this.cutb})`);
      return;
    }
    if (name in TYPE_TESTS && args.length === 1) {
      const kind = f.val(`call @kind_of(${this.term(args[0]!)})`, 'kd');
      const bit = f.val(`ishl ${f.iconst(1)}, ${kind}`, 'kb');
      const m = f.val(`iand ${bit}, ${f.iconst(TYPE_TESTS[name]!)}`, 'km');
      this.check(f.val(`icmp.ne ${m}, ${f.iconst(0)}`, 'ok'));
      return;
    }
    const [a, b] = args as [Term, Term];
    if (name === '=') {
      if (a.k === 'var' && !this.defined.has(a.name) && !a.name.endsWith('_anon')) {
        this.defined.set(a.name, this.term(b));
        return;
      }
      if (b.k === 'var' && !this.defined.has(b.name) && !b.name.endsWith('_anon')) {
        this.defined.set(b.name, this.term(a));
        return;
      }
      // A bound variable against a constant or compound: matched in line as a head is.
      const known = (t: Term): t is { k: 'var'; name: string } => t.k === 'var' && this.defined.has(t.name);
      if (known(a) && (this.isImmediate(b) || b.k === 'str')) return this.unifyHeadArg(b, this.defined.get(a.name)!);
      if (known(b) && (this.isImmediate(a) || a.k === 'str')) return this.unifyHeadArg(a, this.defined.get(b.name)!);
      this.unify(this.term(a), this.term(b));
      return;
    }
    if (name === 'is') {
      const v = this.eval(b);
      if (a.k === 'var' && !this.defined.has(a.name)) {
        if (!a.name.endsWith('_anon')) {
          this.defined.set(a.name, v);
          this.evaluated.set(a.name, v); // a number already
        }
        return;
      }
      this.unify(this.term(a), v);
      return;
    }
    const cond = COMPARE[name]!;
    // @pl_arith_cmp evaluates x, then y: either may stay a term until then (see operand).
    const x = this.operand(a, this.evaluatesQuietly(b)),
      y = this.operand(b, true);
    const xb = f.val(`ref.bits ${x}`, 'xb'),
      yb = f.val(`ref.bits ${y}`, 'yb');
    const both = this.bothSmall(a, b, xb, yb);
    const fast = f.blk('fast'),
      slow = f.blk('slow'),
      ok = f.blk('ok');
    // Each path branches on its own compare: a truth value joined from both would be
    // materialized and tested again.
    f.end(`brif ${both}, ${fast}, ${slow}`);
    f.label(fast);
    f.end(`brif ${f.val(`icmp.${cond} ${xb}, ${yb}`)}, ${ok}, ${this.fail()}`);
    f.label(slow);
    const c = f.v('c');
    const got = f.blk('got');
    f.end(`${c} = call @pl_arith_cmp(${x}, ${y}) to ${got}(${c}) unwind ${this.exc()}`);
    const c2 = f.v('c');
    f.label(got, `${c2}: i32`);
    f.end(`brif ${f.val(`icmp.${cond} ${c2}, ${f.iconst(0)}`)}, ${ok}, ${this.fail()}`);
    f.label(ok);
  }

  /**
   * An arithmetic operand for a consumer whose slow path (@pl_arith, @pl_arith_cmp)
   * evaluates what it is given: a variable, dereferenced, need not be evaluated first when
   * `defer` (nothing evaluated between here and the consumer can raise before it would).
   * Evaluating it first joined a fast and a slow path before the consumer's own small-int
   * test, which then could not be folded; unevaluated, that test is the only one, and a
   * later use of the variable meets the same test, dominated by this one on the fast path.
   */
  private operand(e: Term, defer: boolean): string {
    if (!defer || e.k !== 'var' || this.evaluated.has(e.name)) return this.eval(e);
    const known = this.derefed.get(e.name);
    if (known) return known;
    const d = this.fn.deref(this.term(e));
    if (this.defined.has(e.name)) this.derefed.set(e.name, d);
    return d;
  }

  /** Whether evaluating `e` raises nothing: a number, or a variable left to its consumer. */
  private evaluatesQuietly(e: Term): boolean {
    return e.k === 'int' || e.k === 'flt' || e.k === 'var';
  }

  /** Nonzero when both operands' values (bits xb, yb) are small integers; an operand
   *  written as a small integer is one already. */
  private bothSmall(a: Term, b: Term, xb: string, yb: string): string {
    const f = this.fn;
    const small = (t: Term): boolean => t.k === 'int' && this.isImmediate(t);
    if (small(a) && small(b)) return f.iconst(1);
    if (small(b)) return f.val(`iand ${xb}, ${f.iconst(1)}`, 'sm');
    if (small(a)) return f.val(`iand ${yb}, ${f.iconst(1)}`, 'sm');
    return f.val(`iand ${f.val(`iand ${xb}, ${yb}`)}, ${f.iconst(1)}`, 'sm');
  }

  /** Evaluates an arithmetic expression to a number ref; small-int + - * inline. */
  private eval(e: Term): string {
    const f = this.fn;
    if (e.k === 'int' || e.k === 'flt') return this.term(e);
    if (deeperThan(e, MAX_INLINE_HEAD_DEPTH)) return this.evalInHost(e);
    if (e.k === 'var') {
      // A variable evaluated once is a number for the rest of the clause's straight-line
      // code: its binding outlives everything but backtracking.
      const known = this.evaluated.get(e.name);
      if (known) return known;
      const d = f.deref(this.term(e));
      const isInt = f.val(`iand ${f.val(`ref.bits ${d}`)}, ${f.iconst(1)}`, 'ii');
      const done = f.blk('ev'),
        slow = f.blk('evs'),
        got = f.blk('evg');
      const r = f.v('ev');
      f.end(`brif ${isInt}, ${done}(${d}), ${slow}`);
      f.label(slow);
      const x = f.v('x');
      f.end(`${x} = call @pl_eval(${d}) to ${got}(${x}) unwind ${this.exc()}`);
      const x2 = f.v('x');
      f.label(got, `${x2}: ref`);
      f.end(`br ${done}(${x2})`);
      f.label(done, `${r}: ref`);
      if (this.defined.has(e.name)) this.evaluated.set(e.name, r);
      return r;
    }
    if (e.k === 'str' && e.args.length === 2) {
      // The right operand first: which error an expression raises follows SWI-Prolog's order.
      const [left, right] = e.args as [Term, Term];
      const op = ARITH_FAST[e.name];
      // @pl_arith evaluates y, then x: either may stay a term until then (see operand).
      const y = this.operand(right, this.evaluatesQuietly(left)),
        x = this.operand(left, true);
      const fid = this.ctx.syms.id(e.name, 2);
      const join = f.blk('ar');
      const r = f.v('ar');
      const slow = f.blk('as');
      if (op) {
        const xb = f.val(`ref.bits ${x}`, 'xb'),
          yb = f.val(`ref.bits ${y}`, 'yb');
        const both = this.bothSmall(left, right, xb, yb);
        const fast = f.blk('af'),
          ok = f.blk('ao');
        f.end(`brif ${both}, ${fast}, ${slow}`);
        f.label(fast);
        const s = f.v('s');
        // A small int k written in the expression is added or subtracted as 2k, which keeps
        // the other operand's tag bit: one instruction, overflowing exactly when the
        // untagged result leaves the small ints.
        const k = right.k === 'int' && this.isImmediate(right) ? Number(right.v) : undefined;
        const kLeft = left.k === 'int' && this.isImmediate(left) ? Number(left.v) : undefined;
        let tagged = false;
        if (op === 'add' && (k !== undefined || kLeft !== undefined)) {
          const [v, c] = k !== undefined ? [xb, k] : [yb, kLeft!];
          f.end(`${s} = iadd_ovf ${v}, ${f.iconst(2 * c)} to ${ok}(${s}) ovf ${slow}`);
          tagged = true;
        } else if (op === 'sub' && k !== undefined) {
          f.end(`${s} = isub_ovf ${xb}, ${f.iconst(2 * k)} to ${ok}(${s}) ovf ${slow}`);
          tagged = true;
        } else if (op === 'add')
          f.end(`${s} = iadd_ovf ${f.val(`isub ${xb}, ${f.iconst(1)}`)}, ${yb} to ${ok}(${s}) ovf ${slow}`);
        else if (op === 'sub') f.end(`${s} = isub_ovf ${xb}, ${yb} to ${ok}(${s}) ovf ${slow}`);
        else {
          const xTagless = f.val(`isub ${xb}, ${f.iconst(1)}`);
          const yUntagged = f.val(`isar ${yb}, ${f.iconst(1)}`);
          f.end(`${s} = imul_ovf ${xTagless}, ${yUntagged} to ${ok}(${s}) ovf ${slow}`);
        }
        const s2 = f.v('s');
        f.label(ok, `${s2}: i32`);
        const bits = op === 'add' || tagged ? s2 : f.val(`ior ${s2}, ${f.iconst(1)}`);
        f.end(`br ${join}(${f.val(`ref.from_bits ${bits}`)})`);
      } else f.end(`br ${slow}`);
      f.label(slow);
      const h = f.v('h'),
        got = f.blk('hg');
      f.end(`${h} = call @pl_arith(${f.iconst(fid)}, ${x}, ${y}) to ${got}(${h}) unwind ${this.exc()}`);
      const h2 = f.v('h');
      f.label(got, `${h2}: ref`);
      f.end(`br ${join}(${h2})`);
      f.label(join, `${r}: ref`);
      return r;
    }
    return this.evalInHost(e);
  }

  /** The host evaluates the expression (no in-line fast path). */
  private evalInHost(e: Term): string {
    const f = this.fn;
    const t = this.term(e);
    const x = f.v('x'),
      got = f.blk('evg');
    f.end(`${x} = call @pl_eval(${t}) to ${got}(${x}) unwind ${this.exc()}`);
    const x2 = f.v('x');
    f.label(got, `${x2}: ref`);
    return x2;
  }

  private host(g: Term): void {
    if (g.k === 'str' && g.name === '=..' && g.args.length === 2) {
      const [left, right] = g.args as [Term, Term];
      const items = listItems(right);
      if (left.k === 'var' && !this.defined.has(left.name) && !left.name.endsWith('_anon') && items && items.length > 1)
        return this.univBuild(left.name, items);
      return this.univ(this.term(left), this.term(right));
    }
    this.hostGoal(this.term(g));
  }

  /**
   * V =.. [F, A1, ..., An] with V new and the list written out: when F is an atom at run
   * time the term is built in line (its functor from @functor_of's cache) and is V's value;
   * otherwise V is a new variable and the general path below runs.
   */
  private univBuild(name: string, items: Term[]): void {
    const f = this.fn;
    const head = this.term(items[0]!);
    const vals = items.slice(1).map((a) => this.term(a));
    const d = f.deref(head);
    const atom = f.val(`icmp.eq ${f.val(`iand ${f.val(`ref.bits ${d}`)}, ${f.iconst(3)}`)}, ${f.iconst(2)}`);
    const fast = f.blk('ub'),
      slow = f.blk('ug'),
      join = f.blk('uj');
    f.end(`brif ${atom}, ${fast}, ${slow}`);
    f.label(fast);
    const fc = this.functorOf(d, vals.length);
    f.end(`br ${join}(${this.newCompound(vals, () => fc)})`);
    f.label(slow);
    f.end(`br ${join}(${this.univGeneral(head, vals)})`);
    const r = f.v('uv');
    f.label(join, `${r}: ref`);
    this.defined.set(name, r);
  }

  /** A compound term of arguments `vals`, built in line; `functor` gives its functor (a
   *  ref), made after the allocation so that a ref made from bits is not live across it. */
  private newCompound(vals: string[], functor: () => string): string {
    const f = this.fn;
    const arr = f.val(`new_array :str, ${f.iconst(vals.length + 1)}`, 's');
    f.emit(`aset :str, ${arr}, ${f.iconst(0)}, ${functor()}`);
    vals.forEach((a, i) => f.emit(`aset :str, ${arr}, ${f.iconst(i + 1)}, ${a}`));
    return arr;
  }

  /** `V =.. [head | vals]` for a new V, by @univ_list or the host (which raise): V. */
  private univGeneral(head: string, vals: string[]): string {
    const f = this.fn;
    const v = f.val('call @new_var()', 'v');
    this.varsMade++;
    let list = f.imm(this.ctx.syms.imm('[]'));
    for (let i = vals.length - 1; i >= -1; i--) list = this.compound('[|]', [i < 0 ? head : vals[i]!, list]);
    this.univ(v, list);
    return v;
  }

  /**
   * `G =.. [F, A1, ..., An], call(G)` ending a clause, G new: when F is the atom this call
   * site saw last, the goal is built and its predicate called with no test of what G is (a
   * fresh compound whose functor the cache holds). The cache is filled only for a functor
   * that call/1 runs directly (not a control construct) and that is an immediate; anything
   * else takes the general path, =.. and then call/1 as written.
   */
  private univThenCall(g: Term, rest: Term[]): boolean {
    if (g.k !== 'str' || g.name !== '=..' || g.args.length !== 2 || rest.length !== 1) return false;
    const [left, right] = g.args as [Term, Term];
    const next = rest[0]!;
    const items = listItems(right);
    if (left.k !== 'var' || this.defined.has(left.name) || !items || items.length < 2) return false;
    if (next.k !== 'str' || next.name !== 'call' || next.args.length !== 1) return false;
    if (next.args[0]!.k !== 'var' || next.args[0]!.name !== left.name) return false;
    const call = this.ctx.target('call', 1);
    if (call.kind !== 'wrapper' || call.fn !== 'ctl$call1') return false;
    const key = this.ctx.consts.cacheWord(),
      val = this.ctx.consts.cacheWord();
    if (!key || !val) return false;
    this.materialize();
    const f = this.fn;
    const head = this.term(items[0]!);
    const vals = items.slice(1).map((a) => this.term(a));
    const n = vals.length;
    const d = f.deref(head);
    const hit = f.blk('gh'),
      miss = f.blk('gm'),
      fill = f.blk('gf'),
      keep = f.blk('gk'),
      generic = f.blk('gg');
    f.end(`brif ${f.val(`icmp.eq ${f.val(`gget ${key}`)}, ${f.val(`ref.bits ${d}`)}`)}, ${hit}, ${miss}`);
    f.label(hit);
    const fb = f.val(`gget ${val}`, 'fb');
    const arr = this.newCompound(vals, () => f.val(`ref.from_bits ${fb}`));
    this.callByFunctor(fb, arr, this.k);
    f.label(miss);
    const atom = f.val(`icmp.eq ${f.val(`iand ${f.val(`ref.bits ${d}`)}, ${f.iconst(3)}`)}, ${f.iconst(2)}`);
    f.end(`brif ${atom}, ${fill}, ${generic}`);
    f.label(fill);
    const fc = f.val(`call @functor_of(${d}, ${f.iconst(n)})`, 'fc');
    const checked = n === 2 ? this.controlFunctors() : [];
    f.end(`brif ${f.val(`ref.is_ptr ${fc}`)}, ${generic}, ${keep}`);
    f.label(keep);
    const cacheable = f.blk('gc');
    const fcb = f.val(`ref.bits ${fc}`);
    if (checked.length === 0) f.end(`br ${cacheable}`);
    else f.end(`switch ${fcb}, ${cacheable}, [${checked.map((c) => `${c}: ${generic}`).join(', ')}]`);
    f.label(cacheable);
    f.emit(`gset ${key}, ${f.val(`ref.bits ${d}`)}`); // bits are not kept across a call
    f.emit(`gset ${val}, ${fcb}`);
    f.end(`br ${hit}`);
    f.label(generic);
    this.callGoal(this.univGeneral(head, vals), this.k);
    return true;
  }

  /**
   * The functor name/n for the atom `atom`, through a one-entry cache at this call site
   * (two globals: the atom's bits, the functor's) in front of @functor_of, which hashes.
   * Only immediates are cached: a global is no root.
   */
  private functorOf(atom: string, n: number): string {
    const f = this.fn;
    const key = this.ctx.consts.cacheWord(),
      val = this.ctx.consts.cacheWord();
    if (!key || !val) return f.val(`call @functor_of(${atom}, ${f.iconst(n)})`, 'fc');
    const ab = f.val(`ref.bits ${atom}`, 'ab');
    const hit = f.blk('fh'),
      miss = f.blk('fm'),
      keep = f.blk('fk'),
      join = f.blk('fj');
    f.end(`brif ${f.val(`icmp.eq ${f.val(`gget ${key}`)}, ${ab}`)}, ${hit}, ${miss}`);
    f.label(hit);
    f.end(`br ${join}(${f.val(`ref.from_bits ${f.val(`gget ${val}`)}`)})`);
    f.label(miss);
    const fc = f.val(`call @functor_of(${atom}, ${f.iconst(n)})`, 'fc');
    f.end(`brif ${f.val(`ref.is_ptr ${fc}`)}, ${join}(${fc}), ${keep}`);
    f.label(keep);
    f.emit(`gset ${key}, ${f.val(`ref.bits ${atom}`, 'ab')}`); // bits are not kept across a call
    f.emit(`gset ${val}, ${f.val(`ref.bits ${fc}`)}`);
    f.end(`br ${join}(${fc})`);
    const r = f.v('fv');
    f.label(join, `${r}: ref`);
    return r;
  }

  /** T =.. List: when the list is proper with an atom head, the runtime builds the term in
   *  IR (@univ_list) and it is unified with T; otherwise the host answers (and raises). */
  private univ(t: string, list: string): void {
    const f = this.fn;
    const built = f.val(`call @univ_list(${list})`, 'ut');
    const fast = f.blk('uf'),
      slow = f.blk('us'),
      done = f.blk('ud');
    f.end(`brif ${f.val(`icmp.ne ${f.val(`ref.bits ${built}`)}, ${f.iconst(0)}`)}, ${fast}, ${slow}`);
    f.label(fast);
    this.unify(t, built);
    f.end(`br ${done}`);
    f.label(slow);
    this.hostGoal(this.compound('=..', [t, list]));
    f.end(`br ${done}`);
    f.label(done);
  }

  /** Runs a builtin goal in the host and unifies its answer term with the goal. */
  private hostGoal(goal: string): void {
    const f = this.fn;
    const r = f.v('hr'),
      got = f.blk('hg');
    f.end(`${r} = call @pl_builtin(${f.iconst(-1)}, ${goal}) to ${got}(${r}) unwind ${this.exc()}`);
    const a = f.v('ha');
    f.label(got, `${a}: ref`);
    const ab = f.val(`ref.bits ${a}`);
    this.check(f.val(`icmp.ne ${ab}, ${f.iconst(0)}`));
    const same = f.val(`icmp.eq ${ab}, ${f.val(`ref.bits ${goal}`)}`);
    const ok = f.blk('hok'),
      un = f.blk('hu');
    f.end(`brif ${same}, ${ok}, ${un}`);
    f.label(un);
    this.unify(a, goal);
    f.end(`br ${ok}`);
    f.label(ok);
  }
}
