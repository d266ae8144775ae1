import type { Expr, Stmt } from './ast.ts';

/** The parameter through which a generator expression gets its first iterator (CPython's name). */
export const GENEXP_PARAM = '.0';

/**
 * The generator function of generator expression `e`, as CPython compiles it: the first
 * iterable is evaluated (and `iter` called on it) where the expression is, then passed in;
 * the rest runs lazily, as the generator is consumed.
 */
export function genexpFunction(e: Expr & { kind: 'comp' }): Stmt & { kind: 'def' } {
  const at = { line: e.line, col: e.col };
  let body: Stmt[] = [{ kind: 'yield', value: e.elt, from: false, ...at }];
  for (let k = e.generators.length - 1; k >= 0; k--) {
    const g = e.generators[k]!;
    for (let i = g.ifs.length - 1; i >= 0; i--) body = [{ kind: 'if', test: g.ifs[i]!, body, orelse: [], ...at }];
    const iter: Expr = k === 0 ? { kind: 'name', id: GENEXP_PARAM, ...at } : g.iter;
    body = [{ kind: 'for', target: g.target, iter, body, orelse: [], ...at }];
  }
  return { kind: 'def', name: '<genexpr>', params: [GENEXP_PARAM], vararg: null, defaults: [], body, ...at };
}
