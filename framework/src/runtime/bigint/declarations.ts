import type { ExternDecl, Module } from '../../ir/module.ts';
import { bigintHostFunctions } from './host-functions.ts';
import { BIGINT_TYPE, BIGINT_TYPE_NAME } from './representation.ts';

/** Extern declarations matching bigintHostFunctions(), one per `int.*` host function. */
export function bigintExterns(): ExternDecl[] {
  return bigintHostFunctions().map((h) => ({ name: h.name, sig: h.sig, collects: h.collects, raises: h.raises }));
}

let externsByName: Map<string, ExternDecl> | undefined;

/** Adds `type :bigint` to the module unless it is there. */
export function declareBigintType(module: Module): void {
  if (!module.type(BIGINT_TYPE_NAME)) module.types.push(BIGINT_TYPE);
}

/** Adds `type :bigint` and the extern for one `int.*` host function (e.g. 'int.add'). */
export function declareBigintExtern(module: Module, name: string): void {
  declareBigintType(module);
  if (module.extern(name)) return;
  externsByName ??= new Map(bigintExterns().map((e) => [e.name, e]));
  const decl = externsByName.get(name);
  if (!decl) throw new Error(`no bigint host function @${name}`);
  module.externs.push({ ...decl, sig: { params: [...decl.sig.params], result: decl.sig.result } });
}

/** Adds `type :bigint` and every `int.*` extern that the module does not declare yet. */
export function declareBigintRuntime(module: Module): void {
  for (const e of bigintExterns()) declareBigintExtern(module, e.name);
}
