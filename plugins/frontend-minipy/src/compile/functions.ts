import { FuncBuilder, type Module } from '#framework';
import { builtinIndex } from '../hosts/index.ts';
import { expr } from './expressions.ts';
import { CLOSURE_PARAM, FunctionCompiler } from './function-compiler.ts';
import { allParams, type FnNode, takesKeywordParams } from './closures.ts';
import { FUNC_KEYWORD_BOUND, FUNC_KWARGS, FUNC_VARARGS, REQUIRED } from '../runtime/tags.ts';
import { statements } from './statements.ts';
import { compileGenerator } from './generators.ts';
import { ITERATING_BUILTINS } from './iterating-builtins.ts';
import { isGeneratorBody } from '../syntax/yields.ts';

/**
 * Executes a nested `def` or a `lambda`: evaluates its defaults, captures the cells of the
 * enclosing variables it uses, and returns the new function object. Its body is compiled
 * once, the first time the compiler reaches it.
 */
export function makeFunction(fc: FunctionCompiler, node: FnNode, method?: { classGlobal: string }): number {
  const info = fc.info;
  const scope = info.scopes.get(node)!;
  const defaults = fc.tuple(node.defaults.map((e) => expr(fc, e)));
  let irName = info.nestedNames.get(node);
  if (!irName) {
    irName = `n.${node.kind === 'def' ? node.name : 'lambda'}.${info.nestedNames.size}`;
    info.nestedNames.set(node, irName);
    compileNested(fc, node, irName, method?.classGlobal ?? null);
  }
  fc.line = node.line;
  const f = functionObject(fc, irName, node, scope.qualname, defaults);
  if (scope.free.length > 0) {
    const closure = fc.tuple(scope.free.map((n) => fc.cellOf(n)));
    fc.b.emit('set', [f, closure], { sym: 'func', field: 'cells' });
  }
  return f;
}

/**
 * A builtin used as a value (`key=len`, `map(str, xs)`): a function object whose entry
 * calls the builtin with the argument tuple; nparams -1 lets any count through to it.
 */
export function builtinValue(fc: FunctionCompiler, id: string): number {
  const irName = `builtin.${id}`;
  if (!fc.info.builtinAdapters.has(id)) {
    fc.info.builtinAdapters.add(id);
    const b = new FuncBuilder(fc.info.module, `${irName}$t`, { params: ['ref', 'ref'], result: 'ref' }, [
      'fobj',
      'args',
    ]);
    const args = ITERATING_BUILTINS.has(id) ? b.call('py.drain_args', [b.params[1]!]) : b.params[1]!;
    b.ret(b.call('py.builtin', [b.iconst(builtinIndex(id)), args]));
  }
  const idx = fc.b.emit('fref', [], { sym: `${irName}$t` });
  return fc.call('py.make_func', [idx, fc.b.iconst(-1), fc.tuple([]), fc.str(id)]);
}

/** A new function object for `node` compiled as `irName`: its entry, arity, defaults, name,
 *  parameter names (for keyword arguments) and whether it takes `*args`. */
export function functionObject(
  fc: FunctionCompiler,
  irName: string,
  node: FnNode,
  name: string,
  defaults: number,
): number {
  const idx = fc.b.emit('fref', [], { sym: `${irName}$t` });
  const kwonly = node.kwonly ?? [];
  // Keyword-only defaults are evaluated after the positional ones, as CPython does; a
  // required one is the REQUIRED marker.
  const kwdefaults = (node.kwdefaults ?? []).map((e) => (e ? expr(fc, e) : fc.imm(REQUIRED)));
  fc.line = node.line;
  const f = fc.call('py.make_func', [idx, fc.b.iconst(node.params.length), defaults, fc.str(name)]);
  fc.b.emit('set', [f, fc.tuple(node.params.map((p) => fc.str(p)))], { sym: 'func', field: 'pnames' });
  const flags =
    (node.vararg !== null ? FUNC_VARARGS : 0) |
    (takesKeywordParams(node) ? FUNC_KEYWORD_BOUND : 0) |
    (node.kwarg ? FUNC_KWARGS : 0);
  if (flags !== 0) fc.b.emit('set', [f, fc.b.iconst(flags)], { sym: 'func', field: 'varargs' });
  if (kwonly.length > 0) {
    fc.b.emit('set', [f, fc.tuple(kwonly.map((k) => fc.str(k)))], { sym: 'func', field: 'kwnames' });
    fc.b.emit('set', [f, fc.tuple(kwdefaults)], { sym: 'func', field: 'kwdefaults' });
  }
  return f;
}

function compileNested(outer: FunctionCompiler, node: FnNode, irName: string, classGlobal: string | null): void {
  const info = outer.info;
  const scope = info.scopes.get(node)!;
  const closed = scope.free.length > 0;
  const params = closed ? [CLOSURE_PARAM, ...allParams(node)] : allParams(node);
  const locals = new Set(scope.locals);
  const fc = new FunctionCompiler(
    info,
    irName,
    params.map(() => 'ref'),
    params,
    locals,
  );
  fc.scope = scope;
  fc.classGlobal = classGlobal;
  fc.selfName = classGlobal !== null ? (node.params[0] ?? null) : null;
  fc.line = node.line;
  if (node.kind === 'def' && isGeneratorBody(node.body)) {
    compileGenerator(fc, node, irName, closed);
    emitAdapter(info.module, irName, node, closed);
    return;
  }
  fc.call('py.enter', [], null);
  fc.initCells();
  if (node.kind === 'def') {
    statements(fc, node.body);
    fc.b.emit('call', [], { sym: 'py.leave' });
    fc.b.ret(fc.none());
  } else {
    const v = expr(fc, node.body);
    fc.b.emit('call', [], { sym: 'py.leave' });
    fc.b.ret(v);
  }
  fc.finish();
  emitAdapter(info.module, irName, node, closed);
}

/** `@name$t(fobj, args tuple)`: the uniform entry used when a function is called as a value;
 *  a closure's entry passes the function object's cells first. A function with keyword-only
 *  parameters or `**kwargs` takes its arguments bound by the runtime (hosts/calls.ts): a
 *  tuple of BOUND_MARK and every parameter's value, which a positional call makes here. */
export function emitAdapter(module: Module, irName: string, node: FnNode, closed = false): void {
  const nparams = node.params.length;
  const vararg = node.vararg !== null;
  const b = new FuncBuilder(module, `${irName}$t`, { params: ['ref', 'ref'], result: 'ref' }, ['fobj', 'args']);
  const [fobj, tuple] = b.params as [number, number];
  const args: number[] = closed ? [b.emit('get', [fobj], { sym: 'func', field: 'cells' })] : [];
  if (takesKeywordParams(node)) {
    const bound = b.call('py.bind_positional', [fobj, tuple]);
    const total = allParams(node).length;
    for (let i = 0; i < total; i++) args.push(b.emit('aget', [bound, b.iconst(i + 1)], { sym: 'tuple' }));
    b.ret(b.call(irName, args));
    return;
  }
  const given = b.emit('alen', [tuple]);
  for (let i = 0; i < nparams; i++) {
    const idx = b.iconst(i);
    const have = b.block(`have${i}`);
    const dflt = b.block(`default${i}`);
    const next = b.block(`arg${i}`, ['ref']);
    b.brif(b.emit('icmp.slt', [idx, given]), have, [], dflt, []);
    b.switchTo(have);
    b.br(next, [b.emit('aget', [tuple, idx], { sym: 'tuple' })]);
    b.switchTo(dflt);
    b.br(next, [b.call('py.default_arg', [fobj, idx])]);
    b.switchTo(next);
    args.push(next.params[0]!);
  }
  if (vararg) args.push(b.call('py.tuple_from', [tuple, b.iconst(nparams)]));
  b.ret(b.call(irName, args));
}
