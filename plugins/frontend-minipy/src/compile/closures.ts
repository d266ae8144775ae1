import type { Expr, Stmt } from '../syntax/ast.ts';
import { defaultExprs, exprChildren, stmtChildren } from '../syntax/ast-depth.ts';
import { boundNames, targetNames } from './scopes.ts';
import { ITERATING_BUILTINS } from './iterating-builtins.ts';

export type FnNode = (Stmt & { kind: 'def' }) | (Expr & { kind: 'lambda' });

/** The IR parameters of a function: its positional parameters, then its `*args` tuple. */
export function allParams(fn: FnNode): string[] {
  const out = fn.vararg === null ? [...fn.params] : [...fn.params, fn.vararg];
  for (const k of fn.kwonly ?? []) out.push(k);
  if (fn.kwarg) out.push(fn.kwarg);
  return out;
}

/** Whether `fn` has keyword-only parameters or `**kwargs`: its callers bind every argument
 *  through the runtime (hosts/calls.ts), never positionally. */
export function takesKeywordParams(fn: FnNode): boolean {
  return (fn.kwonly?.length ?? 0) > 0 || !!fn.kwarg;
}

/** What the compiler needs to know of one function's names. */
export interface FnScope {
  node: FnNode;
  /** Python's __qualname__ (`outer.<locals>.inner`), as error messages name the function. */
  qualname: string;
  params: string[];
  /** Names local to the function (parameters included). */
  locals: Set<string>;
  /** Locals that nested functions use: they live in heap cells shared with those functions. */
  cells: Set<string>;
  /** Names of enclosing functions' locals this function uses, in closure-tuple order. */
  free: string[];
}

/** Functions nested in a body (not inside them), names it refers to, its declarations. */
interface BodyFacts {
  children: FnNode[];
  refs: Set<string>;
  nonlocals: Set<string>;
  globals: Set<string>;
  /** Methods: the class they are defined in. */
  classOf: Map<FnNode, string>;
  /** Functions inside a comprehension: the names its clauses bind around them. */
  inComprehension: Map<FnNode, Set<string>>;
}

/**
 * Generator expressions that are the one argument of a builtin draining its argument anyway
 * (`sum(x * x for x in xs)`, builtin-calls.ts) when no name of the program shadows it: built
 * eagerly as a list, which gives the same results faster than a generator.
 */
function eagerGenexp(e: Expr, bound: ReadonlySet<string>): (Expr & { kind: 'comp' }) | null {
  if (e.kind !== 'call' || e.func.kind !== 'name' || e.args.length !== 1 || e.keywords.length > 0) return null;
  const arg = e.args[0]!;
  if (arg.kind !== 'comp' || arg.type !== 'gen') return null;
  // any() and all() stop early: compiled loops consume their generator lazily (higher-order.ts).
  const drains = ITERATING_BUILTINS.has(e.func.id) && e.func.id !== 'any' && e.func.id !== 'all';
  return drains && !bound.has(e.func.id) ? arg : null;
}

/** Every name the program binds anywhere (assignments, defs, classes, parameters, loop and
 *  comprehension targets, `except ... as`): a builtin's name among them may be shadowed. */
export function namesBoundAnywhere(body: Stmt[]): Set<string> {
  const out = new Set<string>();
  const work: (Stmt | Expr)[] = [...body];
  const isStmt = new WeakSet<object>(body);
  while (work.length > 0) {
    const node = work.pop()!;
    const exprs: (Expr | null)[] = [];
    const stmts: Stmt[] = [];
    if (isStmt.has(node)) {
      const s = node as Stmt;
      if (s.kind === 'def' || s.kind === 'class') out.add(s.name);
      if (s.kind === 'def') for (const p of allParams(s)) out.add(p);
      if (s.kind === 'try') for (const h of s.handlers) if (h.name) out.add(h.name);
      if (s.kind === 'assign') for (const t of s.targets) targetNames(t, out);
      if (s.kind === 'augassign' || s.kind === 'for') targetNames(s.target, out);
      stmtChildren(s, exprs, stmts);
    } else {
      const e = node as Expr;
      if (e.kind === 'lambda') for (const p of allParams(e)) out.add(p);
      if (e.kind === 'comp') for (const g of e.generators) targetNames(g.target, out);
      exprChildren(e, exprs);
    }
    for (const st of stmts) {
      isStmt.add(st);
      work.push(st);
    }
    for (const x of exprs) if (x) work.push(x);
  }
  return out;
}

function facts(roots: (Stmt | Expr)[], rootsAreStmts: boolean, bound: ReadonlySet<string>): BodyFacts {
  const out: BodyFacts = {
    children: [],
    refs: new Set(),
    nonlocals: new Set(),
    globals: new Set(),
    classOf: new Map(),
    inComprehension: new Map(),
  };
  const eagerComps = new WeakSet<Expr>();
  // Each item carries the comprehension variables around it (null outside comprehensions).
  const work: [Stmt | Expr, boolean, Set<string> | null][] = roots.map((r) => [r, rootsAreStmts, null]);
  while (work.length > 0) {
    const [node, isStmt, compNames] = work.pop()!;
    const exprs: (Expr | null)[] = [];
    const stmts: Stmt[] = [];
    if (isStmt) {
      const s = node as Stmt;
      if (s.kind === 'def') {
        out.children.push(s);
        for (const d of defaultExprs(s)) work.push([d, false, compNames]);
        continue;
      }
      if (s.kind === 'class') {
        // Methods are functions of the enclosing scope (a class body is no scope for them).
        if (s.base) work.push([s.base, false, compNames]);
        for (const st of s.body) {
          if (st.kind === 'def') out.classOf.set(st, s.name);
          work.push([st, true, compNames]);
        }
        continue;
      }
      if (s.kind === 'nonlocal') for (const n of s.names) out.nonlocals.add(n);
      if (s.kind === 'global') for (const n of s.names) out.globals.add(n);
      stmtChildren(s, exprs, stmts);
    } else {
      const e = node as Expr;
      if (e.kind === 'lambda') {
        out.children.push(e);
        if (compNames) out.inComprehension.set(e, compNames);
        for (const d of defaultExprs(e)) work.push([d, false, compNames]);
        continue;
      }
      if (e.kind === 'name') out.refs.add(e.id);
      const eager = eagerGenexp(e, bound);
      if (eager) eagerComps.add(eager);
      if (e.kind === 'comp' && e.fn && compNames === null && !eagerComps.has(e)) {
        // A generator expression is a function of its own (compiled lazily, comprehensions.ts),
        // except inside a comprehension, whose variables are no cells: there it stays eager.
        out.children.push(e.fn);
        work.push([e.generators[0]!.iter, false, compNames]);
        continue;
      }
      if (e.kind === 'comp') {
        const names = new Set(compNames);
        for (const g of e.generators) targetNames(g.target, names);
        const inner: (Expr | null)[] = [];
        exprChildren(e, inner);
        for (const c of inner) if (c) work.push([c, false, names]);
        continue;
      }
      exprChildren(e, exprs);
    }
    for (const s of stmts) work.push([s, true, compNames]);
    for (const e of exprs) if (e) work.push([e, false, compNames]);
  }
  return out;
}

/**
 * Resolves every function's names (Python's LEGB without classes): a name a function binds
 * is local unless declared global or nonlocal; a name it only uses is free when an
 * enclosing function binds it, else global/builtin. Module-level names are globals, never
 * cells. Throws `fail(message, node)` for a nonlocal with no binding.
 */
export function analyzeScopes(body: Stmt[], fail: (msg: string, at: Stmt | Expr) => never): Map<FnNode, FnScope> {
  const bound = namesBoundAnywhere(body);
  const scopes = new Map<FnNode, FnScope>();
  // Comprehension variables are renamed locals of the enclosing function, not cells: a
  // function that closes over one is refused rather than given a wrong (global) binding.
  const comprehensionScopes = new WeakSet<Set<string>>();
  const comprehensionScope = (names: Set<string>): Set<string> => {
    comprehensionScopes.add(names);
    return names;
  };
  const analyze = (fn: FnNode, chain: Set<string>[], prefix: string): Set<string> => {
    const f = facts(fn.kind === 'def' ? fn.body : [fn.body], fn.kind === 'def', bound);
    const locals = new Set(allParams(fn));
    if (fn.kind === 'def') {
      const declared = new Set<string>();
      boundNames(fn.body, locals, declared);
    }
    for (const n of f.globals) locals.delete(n);
    for (const n of f.nonlocals) {
      locals.delete(n);
      if (!chain.some((s) => s.has(n))) fail(`no binding for nonlocal '${n}' found`, fn);
    }
    const name = fn.kind === 'def' ? fn.name : '<lambda>';
    const qualname = prefix + name;
    const childFree = new Set<string>();
    for (const c of f.children) {
      const cls = f.classOf.has(c) ? `${f.classOf.get(c)}.` : '';
      const comp = f.inComprehension.get(c);
      const inner = comp ? [comprehensionScope(comp), locals, ...chain] : [locals, ...chain];
      for (const n of analyze(c, inner, `${qualname}.<locals>.${cls}`)) childFree.add(n);
    }
    const free = new Set<string>();
    for (const n of [...f.refs, ...childFree, ...f.nonlocals]) {
      if (locals.has(n) || f.globals.has(n)) continue;
      const owner = chain.find((s) => s.has(n));
      if (owner && comprehensionScopes.has(owner))
        fail(`a function using the comprehension variable '${n}' is not supported`, fn);
      if (owner) free.add(n);
    }
    const cells = new Set([...childFree].filter((n) => locals.has(n)));
    scopes.set(fn, { node: fn, qualname, params: allParams(fn), locals, cells, free: [...free] });
    return free;
  };
  const top = facts(body, true, bound);
  for (const c of top.children) {
    const comp = top.inComprehension.get(c);
    analyze(c, comp ? [comprehensionScope(comp)] : [], top.classOf.has(c) ? `${top.classOf.get(c)}.` : '');
  }
  return scopes;
}
