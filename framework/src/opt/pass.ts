import type { Func, Module } from '../ir/module.ts';

/** An IR→IR transformation over a module's functions. */
export interface Pass {
  readonly name: string;
  readonly description: string;
  /** Transforms `funcs` (all of the module's by default; code loaded at run time passes
   *  only the new ones). Returns true when it changed something. */
  run(m: Module, funcs?: readonly Func[], hints?: PassHints): boolean;
}

/** What the running program knows and a pass may use as a hint (never for correctness). */
export interface PassHints {
  /** How hot the interpreter found `f` so far (calls and loop back-edges it counted), when
   *  the code is prepared while the program runs; 0 or undefined when unknown. */
  heat?: (f: Func) => number | undefined;
}

/** A pass that transforms each function on its own: `transform` returns true when it
 *  changed the function. */
export function functionPass(name: string, description: string, transform: (f: Func) => boolean): Pass {
  return {
    name,
    description,
    run(m, funcs = m.funcs) {
      let changed = false;
      for (const f of funcs) if (transform(f)) changed = true;
      return changed;
    },
  };
}
