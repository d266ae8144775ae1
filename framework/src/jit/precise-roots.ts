// The precise root walk of a guest stack: every frame from the collecting host call out to
// the host's entry, each found through the stack map of the call it is suspended at.
import type { RootVisitor } from '../gc/interface.ts';
import type { StackMapTable } from '../machine/stack-maps.ts';
import type { GuestMemory } from '../runtime/guest-memory.ts';

/** A return address on the guest stack that no stack map describes: a backend bug. */
export class MissingStackMap extends Error {
  constructor(
    readonly returnAddress: number,
    where: string,
  ) {
    super(`no stack map for the call returning to 0x${(returnAddress >>> 0).toString(16)} in ${where}`);
    this.name = 'MissingStackMap';
  }
}

export interface SuspendedStack {
  /** The innermost guest frame's stack pointer at its call into the host. */
  readonly sp: number;
  /** Where that call returns to. */
  readonly returnAddress: number;
  /** The address the outermost frame returns to: the host's stop address. */
  readonly stopAddress: number;
}

/**
 * Visits every ref slot the stack maps list, innermost frame first, and writes moved refs
 * back. A frame is never skipped: a return address that is neither the stop address nor
 * described by a stack map throws MissingStackMap naming the function (`nameAt`).
 */
export function visitStackPrecisely(
  stack: SuspendedStack,
  maps: StackMapTable,
  memory: GuestMemory,
  visit: RootVisitor,
  nameAt: (address: number) => string | undefined,
): void {
  const words = memory.i32;
  const base = memory.base;
  let sp = stack.sp;
  let ra = stack.returnAddress >>> 0;
  while (ra !== stack.stopAddress >>> 0) {
    const frame = maps.lookup(ra);
    if (!frame) {
      const name = nameAt((ra - 1) >>> 0);
      throw new MissingStackMap(ra, name ? `@${name}` : 'code outside every compiled function');
    }
    for (const offset of frame.refSlots) {
      const at = (sp + offset - base) >> 2;
      const ref = words[at]!;
      const moved = visit(ref);
      if (moved !== ref) words[at] = moved;
    }
    ra = words[(sp + frame.returnAddressOffset - base) >> 2]! >>> 0;
    sp += frame.callerSpOffset;
  }
}
