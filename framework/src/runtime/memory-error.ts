import { Trap } from '../ir/traps.ts';
import { MEMORY_ERROR_GLOBAL } from '../ir/memory-error-global.ts';
import { GuestException, type HostContext } from './host.ts';

export { MEMORY_ERROR_GLOBAL };

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
