import type { Comprehension, Expr, Stmt } from '../syntax/ast.ts';
import { callPlain, condition, expr, iterable } from './expressions.ts';
import { makeFunction } from './functions.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { targetNames } from './scopes.ts';
import { assign } from './statements.ts';

/**
 * A list, set or dict comprehension, compiled inline as loops appending to a fresh container.
 * Its targets get variables of their own (renamed for the comprehension's extent), so they
 * never leak into, or clobber, the enclosing scope, as in Python 3. The first iterable is
 * evaluated outside that scope, before the renaming.
 *
 * A generator expression inside a comprehension is built the same way, as a list (its
 * variables are no cells a generator function could close over); elsewhere it is a
 * generator (lazyGenerator).
 */
export function comprehension(fc: FunctionCompiler, e: Expr & { kind: 'comp' }): number {
  if (e.fn && fc.info.scopes.has(e.fn)) return lazyGenerator(fc, e, e.fn);
  const acc =
    e.type === 'dict'
      ? fc.call('py.make_dict', [fc.tuple([]), fc.tuple([])])
      : e.type === 'set'
        ? fc.call('py.make_set', [fc.tuple([]), fc.b.iconst(0)])
        : fc.call('py.make_list', [fc.tuple([])]);
  const firstIter = iterable(fc, e.generators[0]!.iter);
  const saved = new Map(fc.renames);
  for (const g of e.generators) {
    const names = new Set<string>();
    targetNames(g.target, names);
    for (const n of names) fc.renames.set(n, fc.ownVar(`comp.${n}`, 'ref'));
  }
  clause(fc, e, 0, firstIter, acc);
  fc.renames.clear();
  for (const [k, v] of saved) fc.renames.set(k, v);
  return acc;
}

function clause(fc: FunctionCompiler, e: Expr & { kind: 'comp' }, k: number, iterated: number, acc: number): void {
  const g: Comprehension = e.generators[k]!;
  fc.line = g.iter.line;
  const it = fc.call('py.iter', [iterated]);
  const head = fc.newBlock('comp');
  const body = fc.newBlock('comp.body');
  const exit = fc.newBlock('comp.end');
  fc.jump(head);
  fc.enter(head, false);
  const item = fc.call('py.next', [it]);
  fc.branch(fc.isNull(item), exit, body);
  fc.enter(body);
  assign(fc, g.target, item);
  const next = fc.newBlock('comp.next');
  for (const test of g.ifs) {
    const yes = fc.newBlock('comp.if');
    fc.branch(condition(fc, test), yes, next);
    fc.enter(yes);
  }
  if (k + 1 < e.generators.length) clause(fc, e, k + 1, iterable(fc, e.generators[k + 1]!.iter), acc);
  else if (e.type === 'dict') {
    const key = expr(fc, e.elt);
    const value = expr(fc, e.value!);
    fc.line = e.line;
    fc.call('py.setitem', [acc, key, value], null);
  } else if (e.type === 'set') {
    const v = expr(fc, e.elt);
    fc.line = e.line;
    fc.call('py.set_insert', [acc, v], null);
  } else {
    const v = expr(fc, e.elt);
    fc.line = e.line;
    fc.call('py.append', [acc, v]);
  }
  fc.jump(next);
  fc.enter(next);
  fc.jump(head);
  fc.vars.seal(head);
  fc.enter(exit);
}

/** A generator expression as a generator: its function (syntax/genexp.ts) called with the
 *  iterator of its first iterable, which is evaluated here, as in CPython. */
function lazyGenerator(fc: FunctionCompiler, e: Expr & { kind: 'comp' }, fn: Stmt & { kind: 'def' }): number {
  const first = expr(fc, e.generators[0]!.iter);
  fc.line = e.line;
  const it = fc.call('py.iter', [first]);
  const f = makeFunction(fc, fn);
  fc.line = e.line;
  return callPlain(fc, f, fc.tuple([it]), fc.b.iconst(1));
}
