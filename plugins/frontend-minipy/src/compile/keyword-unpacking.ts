import type { Expr } from '../syntax/ast.ts';
import { unsupported } from './context.ts';
import { expr, isBuiltinName } from './expressions.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { callWithKeywords, choose, isSuperCall, isType, isUserValue } from './objects.ts';
import { isSysModule } from './sys-module.ts';

type Call = Expr & { kind: 'call' };

/**
 * `f(a, *xs, k=v, **d)`: a call with `**` arguments. The keyword names and values are built
 * at run time, left to right as Python evaluates them (@py.kw_merge checks each mapping and
 * repeated names), and bound to the callee's parameters by the runtime, as any call with
 * keywords of a function value is. Calls of the program's functions, classes and methods, and
 * of the built-in types' methods, take them; built-in functions do not.
 */
export function keywordUnpackingCall(fc: FunctionCompiler, e: Call): number {
  const f = e.func;
  if (f.kind === 'name' && isBuiltinName(fc, f.id))
    unsupported(fc.info, `a ** argument to built-in function '${f.id}' is not supported`, e);
  if (f.kind === 'attr' && (isSuperCall(fc, f.obj) || isSysModule(fc, f.obj)))
    unsupported(fc.info, `a ** argument in this call is not supported`, e);
  if (f.kind === 'attr' && e.unpack.length > 0)
    unsupported(fc.info, 'a * argument in a method call is not supported', e);
  const target = expr(fc, f.kind === 'attr' ? f.obj : f);
  const args = positionalArgs(fc, e, target, fc.none());
  const b = fc.b;
  const callee = f.kind === 'attr' ? fc.none() : target;
  let acc = fc.tuple([fc.tuple([]), fc.tuple([])]);
  let next = 0;
  const explicitUpTo = (end: number): void => {
    if (end <= next) return;
    const run = e.keywords.slice(next, end);
    const names = fc.tuple(run.map((k) => fc.str(k.name)));
    const values = fc.tuple(run.map((k) => expr(fc, k.value)));
    fc.line = e.line;
    acc = fc.call('py.kw_merge', [callee, acc, fc.tuple([names, values]), b.iconst(0)]);
    next = end;
  };
  for (const u of e.kwunpack ?? []) {
    explicitUpTo(u.at);
    const d = expr(fc, u.value);
    fc.line = e.line;
    acc = fc.call('py.kw_merge', [callee, acc, d, b.iconst(1)]);
  }
  explicitUpTo(e.keywords.length);
  fc.line = e.line;
  const names = b.emit('aget', [acc, b.iconst(0)], { sym: 'tuple' });
  const values = b.emit('aget', [acc, b.iconst(1)], { sym: 'tuple' });
  if (f.kind !== 'attr') return callWithKeywords(fc, target, args, names, values);
  return methodWithKeywords(fc, target, f.name, args, names, values);
}

/**
 * The positional arguments as one tuple, `*xs` unpacked in turn with the plain ones, left
 * to right as Python evaluates them. `callee` (a function value) or `name` (a builtin's
 * name, else None) names the call in the error an iterable that is not one raises.
 */
export function positionalArgs(fc: FunctionCompiler, e: Call, callee: number, name: number): number {
  if (e.unpack.length === 0) return fc.tuple(e.args.map((a) => expr(fc, a)));
  let args = -1;
  const join = (part: number): void => void (args = args < 0 ? part : fc.call('py.add', [args, part]));
  let next = 0;
  const plainUpTo = (end: number): void => {
    if (end > next) join(fc.tuple(e.args.slice(next, end).map((a) => expr(fc, a))));
    next = end;
  };
  for (const u of e.unpack) {
    plainUpTo(u.at);
    const value = expr(fc, u.value);
    fc.line = e.line;
    join(fc.call('py.star_args', [callee, name, fc.call('py.drain', [value])]));
  }
  plainUpTo(e.args.length);
  return args;
}

/** `obj.name(*args, **kw)` with the argument tuples built at run time. */
function methodWithKeywords(
  fc: FunctionCompiler,
  self: number,
  method: string,
  args: number,
  names: number,
  values: number,
): number {
  const name = fc.str(method);
  const builtin = (): number => fc.call('py.call_method_kw', [self, name, args, names, values]);
  return choose(
    fc,
    isUserValue(fc, self),
    () => {
      const m = fc.call('py.find_method', [self, name]);
      return choose(fc, fc.isNull(m), builtin, () =>
        choose(
          fc,
          isType(fc, m, 'tuple'),
          () => callWithKeywords(fc, fc.b.emit('aget', [m, fc.b.iconst(0)], { sym: 'tuple' }), args, names, values),
          () => callWithKeywords(fc, m, fc.call('py.prepend', [self, args]), names, values),
        ),
      );
    },
    builtin,
  );
}
