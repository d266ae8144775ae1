import type { Expr, Stmt } from '../syntax/ast.ts';

// Which expressions are floats whenever they complete, known before compiling (issue 16).
// In mini-Python a binary operator never calls a program's method (the host refuses operator
// dunders), so `x + y`, `x - y` and `x * y` with a float operand, and every `x / y`, either
// raise or give a float. A local is a float when every assignment to it gives one; a
// module-level def called directly returns one when every `return` does and its body ends
// in a `return`. Such values still live boxed in refs; knowing the type lets arithmetic
// read the f64 without a type test and keep intermediate results unboxed (float-arith.ts).

/** Operators whose float result the compiler computes in line. */
export const FLOAT_OPS = new Set(['+', '-', '*', '/']);

export interface FloatFacts {
  /** Locals that hold a float wherever they are bound. */
  locals: ReadonlySet<string>;
  /** Directly called module-level defs that return a float. */
  defs: ReadonlySet<string>;
}

/** Whether `e` evaluates to a float or raises. */
export function isFloatExpr(e: Expr, facts: FloatFacts): boolean {
  switch (e.kind) {
    case 'float':
      return true;
    case 'name':
      return facts.locals.has(e.id);
    case 'binop':
      if (!FLOAT_OPS.has(e.op)) return false;
      return e.op === '/' || isFloatExpr(e.left, facts) || isFloatExpr(e.right, facts);
    case 'unary':
      return (e.op === '-' || e.op === '+') && isFloatExpr(e.operand, facts);
    case 'call':
      return e.func.kind === 'name' && e.keywords.length === 0 && e.unpack.length === 0 && facts.defs.has(e.func.id);
    default:
      return false;
  }
}

/** How the statements of one function body bind each name. */
interface Bindings {
  /** Values assigned by `name = value` (and by `name op= value`, as `name op value`). */
  values: Map<string, Expr[]>;
  /** Names bound any other way (loop and unpacking targets, `except ... as`, def, class). */
  other: Set<string>;
  /** Every `return` value (null: a bare return). */
  returns: (Expr | null)[];
}

function bindingsOf(body: Stmt[]): Bindings {
  const out: Bindings = { values: new Map(), other: new Set(), returns: [] };
  const value = (name: string, e: Expr): void => {
    const list = out.values.get(name);
    if (list) list.push(e);
    else out.values.set(name, [e]);
  };
  const otherTargets = (t: Expr): void => {
    if (t.kind === 'name') out.other.add(t.id);
    else if (t.kind === 'tuple' || t.kind === 'list') for (const x of t.elts) otherTargets(x);
  };
  const work = [...body];
  while (work.length > 0) {
    const s = work.pop()!;
    switch (s.kind) {
      case 'assign':
        for (const t of s.targets) {
          if (t.kind === 'name') value(t.id, s.value);
          else otherTargets(t);
        }
        break;
      case 'augassign':
        if (s.target.kind === 'name')
          value(s.target.id, { kind: 'binop', op: s.op, left: s.target, right: s.value, line: s.line, col: s.col });
        break;
      case 'for':
        otherTargets(s.target);
        pushAll(work, s.body, s.orelse);
        break;
      case 'def':
      case 'class':
        out.other.add(s.name);
        break;
      case 'if':
      case 'while':
        pushAll(work, s.body, s.orelse);
        break;
      case 'try':
        pushAll(work, s.body, s.orelse, s.finalbody);
        for (const h of s.handlers) {
          if (h.name) out.other.add(h.name);
          pushAll(work, h.body);
        }
        break;
      case 'return':
        out.returns.push(s.value);
        break;
      default:
    }
  }
  return out;
}

/** The float locals of a body among `candidates` (plain locals: no parameters, no cells). */
function floatLocals(b: Bindings, candidates: ReadonlySet<string>, defs: ReadonlySet<string>): Set<string> {
  const locals = new Set([...candidates].filter((n) => b.values.has(n) && !b.other.has(n)));
  // Assume all, then drop any with an assignment that is not a float: the greatest fixpoint.
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of locals)
      if (!b.values.get(n)!.every((e) => isFloatExpr(e, { locals, defs }))) {
        locals.delete(n);
        changed = true;
      }
  }
  return locals;
}

export interface DefInfo {
  name: string;
  body: Stmt[];
  /** Its plain locals: bound in the body, not parameters, cells or globals. */
  candidates: ReadonlySet<string>;
  /** All its own names (locals and parameters): one named like a def hides it. */
  names: ReadonlySet<string>;
}

/** Which of the directly called defs return floats (again a greatest fixpoint). */
export function floatReturningDefs(defs: readonly DefInfo[]): Set<string> {
  const bindings = new Map(defs.map((d) => [d.name, bindingsOf(d.body)]));
  const result = new Set(defs.filter((d) => d.body[d.body.length - 1]?.kind === 'return').map((d) => d.name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of defs) {
      if (!result.has(d.name)) continue;
      const b = bindings.get(d.name)!;
      const defs = new Set([...result].filter((n) => !d.names.has(n)));
      const facts = { locals: floatLocals(b, d.candidates, defs), defs };
      if (!b.returns.every((e) => e !== null && isFloatExpr(e, facts))) {
        result.delete(d.name);
        changed = true;
      }
    }
  }
  return result;
}

/** The float facts for compiling one function body; `names` are all its own names (a
 *  local or parameter named like a def hides it). */
export function floatFactsOf(
  body: Stmt[],
  candidates: ReadonlySet<string>,
  names: ReadonlySet<string>,
  allDefs: ReadonlySet<string>,
): FloatFacts {
  const defs = new Set([...allDefs].filter((d) => !names.has(d)));
  return { locals: floatLocals(bindingsOf(body), candidates, defs), defs };
}

/** Appends without spreading into arguments: a body may hold 100 000 statements. */
function pushAll<T>(out: T[], ...lists: readonly (readonly T[])[]): void {
  for (const list of lists) for (const x of list) out.push(x);
}
