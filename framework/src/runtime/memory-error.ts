import { Trap } from '../ir/traps.ts';
import { GuestException, type HostContext } from './host.ts';

/**
 * The ref global through which a language turns heap exhaustion into its own exception
 * (Prolog's `resource_error(memory)`, Python's `MemoryError`). The frontend fills it with a
 * preallocated exception object while memory is plentiful; from then on an allocation that
 * finds no room, even after a collection, raises that object where it would otherwise trap
 * `out_of_memory`. Preallocated because raising must not allocate: the heap is full.
 */
export const MEMORY_ERROR_GLOBAL = 'memory_error';

/** The program's memory-error exception, or 0 when the module declares or holds none. */
export function memoryErrorValue(ctx: HostContext): number {
  const addr = ctx.globals.get(MEMORY_ERROR_GLOBAL);
  return addr === undefined ? 0 : ctx.memory.word(addr);
}

/** True for the trap an allocation throws when the heap has no room. */
export function isOutOfMemory(err: unknown): err is Trap {
  return err instanceof Trap && err.kind === 'out_of_memory';
}

/**
 * What a raising host function's failure becomes: heap exhaustion turns into the language's
 * memory error when it has one; anything else passes through unchanged.
 */
export function toMemoryError(err: unknown, ctx: HostContext): unknown {
  if (!isOutOfMemory(err)) return err;
  const value = memoryErrorValue(ctx);
  return value === 0 ? err : new GuestException(value);
}
