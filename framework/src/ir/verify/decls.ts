import type { Module, TypeDecl } from '../module.ts';
import { isFieldKind, isValType } from '../types.ts';
import type { ErrorSink } from './errors.ts';
import { signatureProblems, staticValueProblem } from './static-values.ts';
import type { SymbolIndex, SymbolKind } from './symbols.ts';

/** Module-level checks: names, type layouts, globals, consts and extern signatures. */
export function verifyDecls(m: Module, syms: SymbolIndex, sink: ErrorSink): void {
  checkSymbolNames(m, sink);
  checkTypes(m, sink);
  checkGlobals(m, syms, sink);
  checkConsts(m, syms, sink);
  for (const e of m.externs) {
    for (const p of signatureProblems(e.sig)) sink.module(`extern @${e.name}: ${p}`);
  }
}

function checkSymbolNames(m: Module, sink: ErrorSink): void {
  const seen = new Map<string, SymbolKind>();
  const declare = (name: string, kind: SymbolKind): void => {
    const earlier = seen.get(name);
    if (earlier === undefined) seen.set(name, kind);
    else if (earlier === kind) sink.module(`duplicate ${kind} @${name}`);
    else sink.module(`@${name} is declared both as a ${earlier} and as a ${kind}`);
  };
  for (const f of m.funcs) declare(f.name, 'function');
  for (const e of m.externs) declare(e.name, 'extern');
  for (const g of m.globals) declare(g.name, 'global');
  for (const c of m.consts) declare(c.name, 'const');
}

function checkTypes(m: Module, sink: ErrorSink): void {
  const names = new Set<string>();
  for (const t of m.types) {
    if (names.has(t.name)) sink.module(`duplicate type :${t.name}`);
    names.add(t.name);
    checkLayout(t, sink);
  }
}

function checkLayout(t: TypeDecl, sink: ErrorSink): void {
  // Widened to string: declarations built in code (or from JSON) may carry any kind.
  const kind: string = t.kind;
  if (kind !== 'struct' && kind !== 'array') {
    sink.module(`type :${t.name}: invalid kind '${kind}'`);
    return;
  }
  if (t.kind === 'array') {
    if (!isFieldKind(t.elem)) sink.module(`type :${t.name}: invalid element kind '${String(t.elem)}'`);
    return;
  }
  const fields = new Set<string>();
  for (const fd of t.fields) {
    if (fields.has(fd.name)) sink.module(`type :${t.name}: duplicate field '${fd.name}'`);
    fields.add(fd.name);
    if (!isFieldKind(fd.kind)) sink.module(`type :${t.name}: field '${fd.name}' has invalid kind '${String(fd.kind)}'`);
  }
}

function checkGlobals(m: Module, syms: SymbolIndex, sink: ErrorSink): void {
  for (const g of m.globals) {
    if (!isValType(g.type)) {
      sink.module(`global @${g.name} has invalid type '${String(g.type)}'`);
      continue;
    }
    const problem = staticValueProblem(g.type, g.init, syms);
    if (problem) sink.module(`global @${g.name}: init ${problem}`);
  }
}

function checkConsts(m: Module, syms: SymbolIndex, sink: ErrorSink): void {
  for (const c of m.consts) {
    const t = syms.types.get(c.type);
    if (!t) {
      sink.module(`const @${c.name}: unknown type :${c.type}`);
      continue;
    }
    if (t.kind === 'struct') {
      if (c.values.length !== t.fields.length) {
        sink.module(`const @${c.name}: ${c.values.length} value(s) for the ${t.fields.length} field(s) of :${t.name}`);
        continue;
      }
      t.fields.forEach((fd, i) => {
        const problem = isFieldKind(fd.kind) ? staticValueProblem(fd.kind, c.values[i]!, syms) : null;
        if (problem) sink.module(`const @${c.name}: field '${fd.name}': ${problem}`);
      });
    } else if (t.kind === 'array' && isFieldKind(t.elem)) {
      c.values.forEach((v, i) => {
        const problem = staticValueProblem(t.elem, v, syms);
        if (problem) sink.module(`const @${c.name}: element ${i}: ${problem}`);
      });
    }
  }
}
