import { Func, Module } from '../ir/module.ts';
import { DeferredBodyReader, parseModule } from '../ir/text/parser.ts';
import { printFunc, printModule } from '../ir/text/printer.ts';
import type { ValType } from '../ir/types.ts';

/** One function of a prepared library: what others need to call it, and its text, which
 *  is read (from the cache file, see image-file.ts) and parsed only when the body is first
 *  used. */
export interface ImageFunction {
  name: string;
  params: ValType[];
  result: ValType | null;
  replaceable: boolean;
  text(): string;
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

/** The module's declarations without its functions (the arrays are shared, not copied). */
export function declarationsOf(module: Module): Module {
  const decls = new Module();
  decls.types = module.types;
  decls.globals = module.globals;
  decls.consts = module.consts;
  decls.externs = module.externs;
  decls.lowered = module.lowered;
  return decls;
}

export function imageOf(module: Module, meta: unknown): PreparedImage {
  return {
    decls: printModule(declarationsOf(module)),
    funcs: module.funcs.map((f) => {
      const text = printFunc(module, f);
      return {
        name: f.name,
        params: [...f.sig.params],
        result: f.sig.result,
        replaceable: f.replaceable,
        text: () => text,
      };
    }),
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
    // The image holds the printer's text of prepared functions: nothing changes them after.
    f.deferBody((g) => reader.read(g, entry.text(), `${file}: @${entry.name}`), entry.text, true);
    return f;
  });
  module.funcs.push(...funcs);
  return { module, funcs };
}
