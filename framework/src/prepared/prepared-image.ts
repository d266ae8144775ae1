import { Func, Module } from '../ir/module.ts';
import { DeferredBodyReader, parseModule } from '../ir/text/parser.ts';
import { printFunc, printModule } from '../ir/text/printer.ts';
import { isValType, type ValType } from '../ir/types.ts';

/** One function of a prepared library: what others need to call it, and its text, which
 *  is parsed only when the body is first used. */
export interface ImageFunction {
  name: string;
  params: ValType[];
  result: ValType | null;
  replaceable: boolean;
  text: string;
}

/**
 * A prepared (verified, optimized, maybe lowered) library as plain data, the form kept in
 * memory and written to the cache: the declarations as .jir text, each function's text on
 * its own, and the frontend's link metadata.
 */
export interface PreparedImage {
  decls: string;
  funcs: ImageFunction[];
  meta: unknown;
}

export function imageOf(module: Module, meta: unknown): PreparedImage {
  const declsOnly = new Module();
  declsOnly.types = module.types;
  declsOnly.globals = module.globals;
  declsOnly.consts = module.consts;
  declsOnly.externs = module.externs;
  declsOnly.lowered = module.lowered;
  return {
    decls: printModule(declsOnly),
    funcs: module.funcs.map((f) => ({ name: f.name, params: [...f.sig.params], result: f.sig.result, replaceable: f.replaceable, text: printFunc(module, f) })),
    meta,
  };
}

/** A fresh module from an image; function bodies are parsed when first used. `file` names
 *  the library in messages. */
export function instantiate(image: PreparedImage, file: string): { module: Module; funcs: Func[] } {
  const module = parseModule(image.decls, file);
  const reader = new DeferredBodyReader(module);
  const funcs = image.funcs.map((entry) => {
    const f = new Func(entry.name, { params: entry.params, result: entry.result });
    f.replaceable = entry.replaceable;
    f.deferBody((g) => reader.read(g, entry.text, `${file}: @${entry.name}`));
    return f;
  });
  module.funcs.push(...funcs);
  return { module, funcs };
}

/** `json` as an image, or an error saying what is wrong with it. */
export function readImage(json: unknown): PreparedImage {
  const bad = (what: string): never => {
    throw new Error(`not a prepared library: ${what}`);
  };
  if (typeof json !== 'object' || json === null) return bad('not an object');
  const { decls, funcs, meta } = json as Record<string, unknown>;
  if (typeof decls !== 'string') return bad('no declarations');
  if (!Array.isArray(funcs)) return bad('no functions');
  const valType = (t: unknown): ValType => (typeof t === 'string' && isValType(t) ? t : bad(`bad type ${String(t)}`));
  const read = funcs.map((raw: unknown): ImageFunction => {
    if (typeof raw !== 'object' || raw === null) return bad('a function is not an object');
    const f = raw as Record<string, unknown>;
    if (typeof f.name !== 'string' || typeof f.text !== 'string' || typeof f.replaceable !== 'boolean' || !Array.isArray(f.params)) return bad('a function lacks a field');
    return { name: f.name, params: f.params.map(valType), result: f.result === null ? null : valType(f.result), replaceable: f.replaceable, text: f.text };
  });
  return { decls, funcs: read, meta };
}
