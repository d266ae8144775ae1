import { PAGE, type FrameLayout } from '#framework';
import { mem, RSP, x64 } from '../encoder/x64.ts';
import { R11 } from '../data/x86-regs.ts';
import { put, type Buf } from './emit-helpers.ts';

/** Frames up to this size touch the guard page through their own accesses; larger ones probe. */
const UNPROBED_FRAME = 1024;

export function emitX86Prologue(buf: Buf, frame: FrameLayout): void {
  if (frame.size === 0) return;
  put(buf, x64.aluRI('sub', RSP, frame.size, true));
  if (frame.size > UNPROBED_FRAME) {
    // Touch every page of the new frame from the top down, so the guard page below the
    // stack faults before anything lands past it.
    for (let off = frame.size - PAGE; off > 0; off -= PAGE) put(buf, x64.loadRM(R11, mem(RSP, off)));
    put(buf, x64.loadRM(R11, mem(RSP, 0)));
  }
}
