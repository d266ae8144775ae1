import type { VRegType } from './regs.ts';

/** Why a frame slot exists: a spilled virtual register's home, or the temporary that breaks
 *  a cycle of memory moves when the target has too few scratch registers. */
export type FrameSlotKind = 'spill' | 'move-temp';

/** A slot in the frame, named before the frame is laid out; the encoder turns it into an
 *  offset from the stack pointer with FrameLayout.offsetOf. */
export interface FrameSlot {
  readonly id: number;
  readonly type: VRegType;
  readonly kind: FrameSlotKind;
}

export class FrameSlots {
  readonly all: FrameSlot[] = [];

  create(type: VRegType, kind: FrameSlotKind): FrameSlot {
    const slot: FrameSlot = { id: this.all.length, type, kind };
    this.all.push(slot);
    return slot;
  }
}
