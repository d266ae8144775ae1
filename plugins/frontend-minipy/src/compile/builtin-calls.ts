import type { Expr } from '../syntax/ast.ts';
import { builtinIndex } from '../hosts/index.ts';
import { exceptionClassRef } from '../runtime/tags.ts';
import { unsupported } from './context.ts';
import { expr } from './expressions.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { ITERATING_BUILTINS } from './iterating-builtins.ts';

/** Methods whose arguments a host method iterates over. */
export const ITERATING_METHODS = new Set(['join', 'extend', 'update']);

/** Calls host builtin `id` with the argument tuple `args`. */
export function callBuiltin(fc: FunctionCompiler, id: string, args: number): number {
  const drained = ITERATING_BUILTINS.has(id) ? fc.call('py.drain_args', [args]) : args;
  return fc.call('py.builtin', [fc.b.iconst(builtinIndex(id)), drained]);
}

/** `next(it)` and `next(it, default)`, compiled: @py.next may run a generator. */
export function nextCall(fc: FunctionCompiler, e: Expr & { kind: 'call' }): number {
  if (e.keywords.length > 0) unsupported(fc.info, 'next() takes no keyword arguments', e);
  const n = e.args.length;
  const args = e.args.map((a) => expr(fc, a));
  fc.line = e.line;
  if (n < 1 || n > 2) {
    const msg = n < 1 ? 'next expected at least 1 argument, got 0' : `next expected at most 2 arguments, got ${n}`;
    fc.call('py.raise_error', [fc.b.iconst(exceptionClassRef('TypeError')), fc.str(msg)], null);
    fc.b.emit('unreachable');
    fc.enterDead();
    return fc.none();
  }
  const v = fc.call('py.next_checked', [args[0]!]);
  const join = fc.newBlock('next', ['ref']);
  const done = fc.newBlock('next.done');
  const got = fc.newBlock('next.got');
  fc.branch(fc.isNull(v), done, got);
  fc.enter(got);
  fc.jump(join, [v]);
  fc.enter(done);
  if (n === 2) fc.jump(join, [args[1]!]);
  else {
    fc.call('py.raise', [fc.imm(exceptionClassRef('StopIteration'))], null);
    fc.b.emit('unreachable');
  }
  fc.enter(join);
  return join.params[0]!;
}
