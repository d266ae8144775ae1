import type { HostContext } from '#framework';
import { ARR_ELEMS, T_TRAIL } from './layout.ts';

/** Entries of the runtime's functor cache (@fcache in core.jir), each a [key, functor] pair. */
const ENTRIES = 256;
const MAX_ARITY = 255;
const MAX_ATOM_ID = (1 << 22) - 1;

/**
 * Enters (atom, arity) → functor in @fcache, making the cache on first use. The slot and key
 * are computed exactly as @functor_of computes them: key = small int (id << 8 | arity),
 * slot = ((id << 8 | arity) ^ id) & 255.
 */
export function enterFunctor(ctx: HostContext, atomBits: number, arity: number, functorBits: number): void {
  const id = atomBits >>> 2;
  if (arity > MAX_ARITY || id > MAX_ATOM_ID) return;
  const global = ctx.globals.get('fcache');
  if (global === undefined) throw new Error('prolog runtime: no @fcache global');
  let cache = ctx.memory.word(global);
  if (cache === 0) {
    cache = ctx.heap.allocArray(T_TRAIL, 2 * ENTRIES);
    ctx.memory.setWord(global, cache);
  }
  // No allocation from here on: `cache` stays current.
  const idn = (id << 8) | arity;
  const slot = (idn ^ id) & (ENTRIES - 1);
  const at = cache + ARR_ELEMS + 8 * slot;
  ctx.memory.setWord(at, (idn << 1) | 1);
  ctx.memory.setWord(at + 4, functorBits);
  ctx.heap.writeBarrier(cache);
}
