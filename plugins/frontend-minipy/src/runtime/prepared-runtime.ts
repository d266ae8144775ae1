import type { RuntimeLibrary } from '#framework';
import { pythonHostFunctions } from '../hosts/index.ts';
import { libraryModule } from './library.ts';

/** The mini-Python runtime library (library.jir, with an extern per host function) as the
 *  framework prepares and caches it once for every program. Programs need nothing from it
 *  but its module, so it has no link metadata. */
export const MINIPY_RUNTIME: RuntimeLibrary<null> = {
  name: 'minipy-runtime',
  // Only the host functions' names and signatures reach the module, not their state.
  build: () => ({ module: libraryModule(pythonHostFunctions({}, { argv: [] })), meta: null }),
  readMeta(json) {
    if (json !== null) throw new Error('not the mini-Python library metadata');
    return null;
  },
};
