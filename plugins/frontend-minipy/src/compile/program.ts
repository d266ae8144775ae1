import { bigintConstValues, FuncBuilder, MEMORY_ERROR_GLOBAL, SourceError, type Module } from '#framework';
import { allParams, analyzeScopes, takesKeywordParams } from './closures.ts';
import { emitAdapter, functionObject } from './functions.ts';
import { exceptionClassRef } from '../runtime/tags.ts';
import type { Pos, Stmt } from '../syntax/ast.ts';
import type { ProgramInfo } from './context.ts';
import { expr } from './expressions.ts';
import { FunctionCompiler } from './function-compiler.ts';
import { boundNames, moduleDefs, reboundAtModule, targetNames } from './scopes.ts';
import { statements } from './statements.ts';
import { floatFactsOf, floatReturningDefs } from './float-types.ts';
import { inlineDefOf } from './inline-calls.ts';
import { importsSys, SYS_GLOBALS } from './sys-module.ts';
import { compileGenerator } from './generators.ts';
import { isGeneratorBody } from '../syntax/yields.ts';

type Def = Stmt & { kind: 'def' };

/** Compiles a parsed program into `module`, adding `@main` (the entry). */
export function compileProgram(module: Module, file: string, body: Stmt[]): void {
  const info = programInfo(module, file, body);
  const defs = moduleDefs(body);
  const irNames = new Map<Def, string>();
  const seen = new Map<string, number>();
  for (const d of defs) {
    const k = (seen.get(d.name) ?? 0) + 1;
    seen.set(d.name, k);
    irNames.set(d, k === 1 ? `f.${d.name}` : `f.${d.name}.${k}`);
  }
  for (const name of info.globals) module.globals.push({ name: `g.${name}`, type: 'ref', init: 0 });
  if (info.importsSys)
    for (const g of Object.values(SYS_GLOBALS)) module.globals.push({ name: g, type: 'ref', init: 0 });
  // Every function exists before any body is compiled: direct calls need their callee.
  const shells = defs.map((d) => ({ d, fc: defShell(info, d, irNames.get(d)!) }));
  const direct = shells.filter(({ d }) => info.directDefs.has(d.name) && !isGeneratorBody(d.body));
  const floatDefs = floatReturningDefs(
    direct.map(({ d, fc }) => ({ name: d.name, body: d.body, candidates: plainLocals(fc, d), names: fc.locals! })),
  );
  for (const { d, fc } of shells) fc.floats = floatFactsOf(d.body, plainLocals(fc, d), fc.locals!, floatDefs);
  for (const { d, fc } of shells) compileDefBody(fc, d, irNames.get(d)!);
  compileModuleBody(info, body, irNames);
  emitMain(module, info.importsSys);
}

function unsupportedAt(file: string, msg: string, at: Pos): never {
  throw new SourceError(`SyntaxError: ${msg}`, file, at.line, at.col);
}

function programInfo(module: Module, file: string, body: Stmt[]): ProgramInfo {
  const globals = new Set<string>();
  const declared = new Set<string>();
  boundNames(body, globals, declared);
  const defs = moduleDefs(body);
  for (const d of defs) {
    const bound = new Set<string>();
    const g = new Set<string>();
    boundNames(d.body, bound, g);
    for (const n of g) if (bound.has(n)) globals.add(n);
  }
  const rebound = reboundAtModule(body);
  const counts = new Map<string, number>();
  for (const d of defs) counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
  for (const d of defs) {
    const bound = new Set<string>();
    const g = new Set<string>();
    boundNames(d.body, bound, g);
    for (const n of g) if (bound.has(n)) rebound.add(n);
  }
  const directDefs: ProgramInfo['directDefs'] = new Map();
  const inlineDefs: ProgramInfo['inlineDefs'] = new Map();
  // A def with keyword-only parameters or **kwargs is called through its function value,
  // whose arguments the runtime binds.
  for (const d of defs)
    if (counts.get(d.name) === 1 && !rebound.has(d.name) && !takesKeywordParams(d)) {
      directDefs.set(d.name, { params: d.params, vararg: d.vararg, ndefaults: d.defaults.length });
      const inline = inlineDefOf(d);
      if (inline) inlineDefs.set(d.name, inline);
    }

  const strs = new Map<string, string>();
  const floats = new Map<string, string>();
  const bigs = new Map<string, string>();
  const constant = (
    cache: Map<string, string>,
    key: string,
    prefix: string,
    type: string,
    values: () => number[],
  ): string => {
    let name = cache.get(key);
    if (!name) {
      name = `${prefix}.${cache.size}`;
      cache.set(key, name);
      module.consts.push({ name, type, values: values() });
    }
    return name;
  };
  return {
    module,
    file,
    definesHash: definesHash(body),
    globals,
    directDefs,
    inlineDefs,
    scopes: analyzeScopes(body, (msg, at) => unsupportedAt(file, msg, at)),
    nestedNames: new Map(),
    builtinAdapters: new Set(),
    importsSys: importsSys(body),
    strConst: (s) => constant(strs, s, 's', 'str', () => [...s].map((c) => c.codePointAt(0)!)),
    floatConst: (x) => constant(floats, Object.is(x, -0) ? '-0' : String(x), 'fl', 'float', () => [x]),
    bigConst: (n) => constant(bigs, n.toString(), 'big', 'bigint', () => bigintConstValues(n)),
  };
}

/** A function's locals that are neither parameters nor cells. */
function plainLocals(fc: FunctionCompiler, d: Def): Set<string> {
  const params = allParams(d);
  return new Set([...(fc.locals ?? [])].filter((n) => !params.includes(n) && !fc.scope?.cells.has(n)));
}

function defShell(info: ProgramInfo, d: Def, irName: string): FunctionCompiler {
  const params = allParams(d);
  const locals = new Set<string>(params);
  const declared = new Set<string>();
  boundNames(d.body, locals, declared);
  for (const n of declared) locals.delete(n);
  const fc = new FunctionCompiler(
    info,
    irName,
    params.map(() => 'ref'),
    params,
    locals,
  );
  fc.scope = info.scopes.get(d) ?? null;
  return fc;
}

function compileDefBody(fc: FunctionCompiler, d: Def, irName: string): void {
  const info = fc.info;
  fc.line = d.line;
  if (isGeneratorBody(d.body)) {
    compileGenerator(fc, d, irName, false);
    emitAdapter(info.module, irName, d);
    return;
  }
  fc.call('py.enter', [], null);
  fc.initCells();
  statements(fc, d.body);
  fc.b.emit('call', [], { sym: 'py.leave' });
  fc.b.ret(fc.none());
  fc.finish();
  emitAdapter(info.module, irName, d);
}

function compileModuleBody(info: ProgramInfo, body: Stmt[], irNames: Map<Def, string>): void {
  const fc = new FunctionCompiler(info, 'py.module', [], [], null);
  fc.line = 1;
  fc.call('py.enter', [], null);
  // Defs are statements: they bind a function object when executed.
  fc.defHook = (d) => {
    fc.line = d.line;
    const defaults = fc.tuple(d.defaults.map((e) => expr(fc, e)));
    const f = functionObject(fc, irNames.get(d)!, d, d.name, defaults);
    fc.b.emit('gset', [f], { sym: `g.${d.name}` });
  };
  // A statement at the top level either completes or ends the program (no try around it),
  // so the names it binds are bound for everything after it.
  for (const s of body) {
    statements(fc, [s]);
    if (s.kind === 'assign') for (const t of s.targets) targetNames(t, fc.boundGlobals);
    else if (s.kind === 'def') fc.boundGlobals.add(s.name);
    else if (s.kind === 'augassign') targetNames(s.target, fc.boundGlobals);
  }
  fc.b.emit('call', [], { sym: 'py.leave' });
  fc.b.ret(fc.none());
  fc.finish();
}

function emitMain(module: Module, withSys: boolean): void {
  const b = new FuncBuilder(module, 'main', { params: [], result: null });
  const ok = b.block('ok', ['ref']);
  const failed = b.block('failed', ['ref']);
  const memoryErrorClass = b.emit('ref.from_bits', [b.iconst(exceptionClassRef('MemoryError'))]);
  const noArgs = b.emit('new_array', [b.iconst(0)], { sym: 'tuple' });
  b.emit('gset', [b.call('py.make_exc', [memoryErrorClass, noArgs])], { sym: MEMORY_ERROR_GLOBAL });
  if (withSys) {
    b.emit('gset', [b.call('py.sys_argv', [])], { sym: SYS_GLOBALS.argv });
    b.emit('gset', [b.call('py.sys_stdin', [])], { sym: SYS_GLOBALS.stdin });
  }
  b.emitFused('call', [], { sym: 'py.module' }, (r) => ({ block: ok, args: [r] }), { block: failed, args: [] });
  b.switchTo(ok);
  b.ret();
  b.switchTo(failed);
  b.emit('call', [failed.params[0]!], { sym: 'py.report' });
  b.emit('raise', [failed.params[0]!]);
}

/** Whether a class defines __hash__ (a method named so anywhere in a class body). */
function definesHash(body: Stmt[]): boolean {
  const work = [...body];
  while (work.length > 0) {
    const s = work.pop()!;
    if (s.kind === 'class' && s.body.some((d) => d.kind === 'def' && d.name === '__hash__')) return true;
    if (s.kind === 'class' || s.kind === 'def') work.push(...s.body);
    if (s.kind === 'if' || s.kind === 'while' || s.kind === 'for') work.push(...s.body, ...s.orelse);
    if (s.kind === 'try') work.push(...s.body, ...s.orelse, ...s.finalbody, ...s.handlers.flatMap((h) => h.body));
  }
  return false;
}
