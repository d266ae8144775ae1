import type { Func, Module } from '../ir/module.ts';

/**
 * A frontend's runtime library: IR that every program of the language links against,
 * built the same way for every program. The framework verifies and optimizes it once (and
 * lowers it when the run lowers), keeps the result for the process and, in the built
 * command, in a cache directory shared by processes (see library-linker.ts).
 */
export interface RuntimeLibrary<Meta> {
  /** Names the library in the cache ('prolog-runtime'). The jitc build it comes from is
   *  part of the cache key, and covers every source and asset the library is built from. */
  readonly name: string;
  /** The library's module (not yet verified or optimized), and what the frontend needs to
   *  link programs against it, as plain JSON data. */
  build(): { module: Module; meta: Meta };
  /** `meta` back from JSON; throws when it is not what `build` returns (a foreign cache entry). */
  readMeta(json: unknown): Meta;
}

/** A library ready for one program: the program's declarations and functions go into
 *  `module` after the library's own. */
export interface LinkedLibrary<Meta> {
  module: Module;
  meta: Meta;
  /** The library's functions as prepared for this run; prepareRun leaves them alone. */
  prepared: ReadonlySet<Func>;
}

/** How a frontend gets its runtime library for a run. */
export interface LibraryLinker {
  link<Meta>(library: RuntimeLibrary<Meta>): LinkedLibrary<Meta>;
}

/** Builds the library afresh for every program and prepares nothing: what a frontend uses
 *  when the caller gives no linker, and what `--print-after` uses, which must show every
 *  function going through the passes. */
export const UNPREPARED_LINKER: LibraryLinker = {
  link(library) {
    const { module, meta } = library.build();
    return { module, meta, prepared: new Set() };
  },
};
