import type { ConstDecl, ExternDecl, Func, GlobalDecl, Module, TypeDecl } from '../module.ts';
import type { Signature } from '../types.ts';

/** What an `@name` refers to. Functions, externs, globals and consts share one namespace. */
export type SymbolKind = 'function' | 'extern' | 'global' | 'const';

/**
 * Name → declaration maps built once per verification, so that symbol lookups stay O(1)
 * in large modules (Module's own lookups scan). The first declaration of a name wins;
 * duplicates are reported by the declaration checks.
 */
export class SymbolIndex {
  readonly funcs = new Map<string, Func>();
  readonly externs = new Map<string, ExternDecl>();
  readonly globals = new Map<string, GlobalDecl>();
  readonly consts = new Map<string, ConstDecl>();
  readonly types = new Map<string, TypeDecl>();

  constructor(m: Module) {
    for (const f of m.funcs) addFirst(this.funcs, f.name, f);
    for (const e of m.externs) addFirst(this.externs, e.name, e);
    for (const g of m.globals) addFirst(this.globals, g.name, g);
    for (const c of m.consts) addFirst(this.consts, c.name, c);
    for (const t of m.types) addFirst(this.types, t.name, t);
  }

  kindOf(name: string): SymbolKind | undefined {
    if (this.funcs.has(name)) return 'function';
    if (this.externs.has(name)) return 'extern';
    if (this.globals.has(name)) return 'global';
    if (this.consts.has(name)) return 'const';
    return undefined;
  }

  /** The signature of a direct call target (function or extern). */
  callee(name: string): Signature | undefined {
    return this.funcs.get(name)?.sig ?? this.externs.get(name)?.sig;
  }
}

function addFirst<T>(map: Map<string, T>, name: string, decl: T): void {
  if (!map.has(name)) map.set(name, decl);
}
