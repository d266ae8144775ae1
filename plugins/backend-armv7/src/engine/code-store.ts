import { CompiledCodeStore, type CodeCacheLocation } from '#framework';
import type { ArmFixup } from '../arm-data.ts';

/** One store per directory and process: engines of one process (tests) share what they
 *  compiled; without a directory, code is kept in memory only. */
const stores = new Map<string, CompiledCodeStore<ArmFixup>>();

export function codeStoreFor(location: CodeCacheLocation | null): CompiledCodeStore<ArmFixup> {
  const id = location === null ? '' : `${location.root}\0${location.build}`;
  let store = stores.get(id);
  if (!store) {
    store = new CompiledCodeStore<ArmFixup>(location, 'armv7');
    stores.set(id, store);
  }
  return store;
}
