import type { Expr, Stmt } from '../syntax/ast.ts';
import type { FunctionCompiler } from './function-compiler.ts';

// Small user functions written in place of their direct calls (issue 16): spectral_norm's
// `eval_a(i, j)` is one expression, and a call costs more than it (a call that clobbers
// every register, the depth counter in and out, a boxed float result). A generic IR inliner
// would see the boxing only after the fact; here the frontend compiles the callee's
// expression in the caller, with its parameters bound to the arguments, so a float result
// stays in a register.
//
// Only defs whose body is `return <expression>` qualify, the expression being arithmetic,
// comparisons, conditionals and subscripts of parameters, literals and globals (no calls,
// so nothing recursive, and no nested scopes). Python-visible behaviour stays: the def's
// name is read first (NameError before the def statement ran), CPython's recursion limit
// still applies (at the limit the real function is called, and it raises), and an error in
// the expression reports the callee's line, as the callee would.

export interface InlineDef {
  params: string[];
  body: Expr;
  /** Names the expression reads that are not parameters: globals, read in the caller. */
  globals: string[];
}

const MAX_NODES = 40;

/** Depth at which py.enter raises RecursionError (its limit 1000, less the new frame). */
const DEPTH_LIMIT = 999;

/** The inline form of `d`, or null when it does not qualify. */
export function inlineDefOf(d: Stmt & { kind: 'def' }): InlineDef | null {
  if (d.vararg !== null || d.defaults.length > 0 || d.body.length !== 1) return null;
  const ret = d.body[0]!;
  if (ret.kind !== 'return' || ret.value === null) return null;
  const names = new Set<string>();
  let nodes = 0;
  const simple = (e: Expr): boolean => {
    if (++nodes > MAX_NODES) return false;
    switch (e.kind) {
      case 'int':
      case 'float':
      case 'const':
        return true;
      case 'name':
        names.add(e.id);
        return true;
      case 'binop':
        return simple(e.left) && simple(e.right);
      case 'unary':
        return simple(e.operand);
      case 'compare':
        return e.operands.every(simple);
      case 'ifexp':
        return simple(e.test) && simple(e.body) && simple(e.orelse);
      case 'subscript':
        return e.index.kind !== 'slice' && simple(e.obj) && simple(e.index);
      default:
        return false;
    }
  };
  if (!simple(ret.value)) return null;
  return { params: d.params, body: ret.value, globals: [...names].filter((n) => !d.params.includes(n)) };
}

/** Whether a call of `def` with `args` positional arguments can be inlined in `fc`. */
export function canInline(fc: FunctionCompiler, def: InlineDef, args: number): boolean {
  // The callee's globals must mean the same in the caller (no local of that name here).
  const hidden = (n: string): boolean =>
    !!fc.locals?.has(n) || fc.renames.has(n) || (fc.scope?.free.includes(n) ?? false);
  return args === def.params.length && !def.globals.some(hidden);
}

/**
 * The call `f(args)` of inlinable def `name` (fobj already read, args evaluated): the
 * callee's expression compiled by `body` with its parameters bound, or the real call at the
 * recursion limit. `body` and `real` give values of the join's type.
 */
export function inlineCall(
  fc: FunctionCompiler,
  def: InlineDef,
  args: number[],
  type: 'ref' | 'f64',
  body: (e: Expr) => number,
  real: () => number,
): number {
  const b = fc.b;
  const deep = b.emit('icmp.sge', [b.emit('gget', [], { sym: 'py.depth' }), b.iconst(DEPTH_LIMIT)]);
  const inline = fc.newBlock('inline');
  const call = fc.newBlock('inline.call');
  const join = fc.newBlock('inline.done', [type]);
  fc.branch(deep, call, inline);
  fc.enter(inline);
  const saved = new Map(fc.renames);
  def.params.forEach((p, i) => {
    const v = fc.ownVar(`arg.${p}`, 'ref');
    fc.writeLocal(v, args[i]!);
    fc.renames.set(p, v);
  });
  const line = fc.line;
  const result = body(def.body);
  fc.renames.clear();
  for (const [k, v] of saved) fc.renames.set(k, v);
  fc.jump(join, [result]);
  fc.enter(call);
  fc.line = line;
  fc.jump(join, [real()]);
  fc.enter(join);
  return join.params[0]!;
}
