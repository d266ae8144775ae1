import type { FrameSlot } from './frame-slot.ts';
import { slotBytes } from './regs.ts';
import type { FramePolicy } from './target.ts';

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/**
 * The frame of one function, growing down from the caller's stack pointer. From the stack
 * pointer up (all offsets are from the stack pointer after the prologue):
 *
 *   [0, outgoing)            stack arguments of the calls this function makes
 *   8-byte slots, 4-byte slots
 *   saved return address     non-leaf functions of a 'register' policy (ARM's lr); under
 *                            a 'value' policy it is a spill slot like the others
 *   padding to the stack alignment
 *   ---- size ----
 *   pushed return address    'pushed' policy (x86)
 *   incoming stack arguments
 *
 * A leaf function without spills has no frame at all (size 0, no prologue work).
 */
export class FrameLayout {
  readonly size: number;
  readonly outgoingArgBytes: number;
  /** Whether the prologue must save the return address register (and the epilogue reload it). */
  readonly savesReturnAddress: boolean;
  /** Where the return address is while the function runs, from the stack pointer; null when
   *  it stays in its register (leaf functions of a 'register' policy). */
  readonly returnAddressOffset: number | null;
  /** The caller's stack pointer is this far above ours (the frame plus any pushed return address). */
  readonly callerSpOffset: number;
  private readonly offsets = new Map<FrameSlot, number>();

  constructor(
    slots: readonly FrameSlot[],
    outgoingArgBytes: number,
    readonly isLeaf: boolean,
    readonly policy: FramePolicy,
    /** 'value' policy: the return address's spill slot, when it has one. */
    returnAddressSlot?: FrameSlot,
  ) {
    this.outgoingArgBytes = alignUp(outgoingArgBytes, 4);
    let at = this.outgoingArgBytes;
    const bySize = [...slots].sort((a, b) => slotBytes(b.type) - slotBytes(a.type));
    for (const s of bySize) {
      const bytes = slotBytes(s.type);
      at = alignUp(at, bytes);
      this.offsets.set(s, at);
      at += bytes;
    }
    this.savesReturnAddress = policy.returnAddress === 'register' && !isLeaf;
    let raSlot = -1;
    if (this.savesReturnAddress) {
      at = alignUp(at, policy.wordSize);
      raSlot = at;
      at += policy.wordSize;
    }
    const pushed = policy.returnAddress === 'pushed' ? policy.wordSize : 0;
    this.size = at === 0 && isLeaf ? 0 : alignUp(at + pushed, policy.stackAlignment) - pushed;
    this.returnAddressOffset =
      policy.returnAddress === 'pushed'
        ? this.size
        : policy.returnAddress === 'value'
          ? returnAddressSlot
            ? this.offsetOf(returnAddressSlot)
            : null
          : raSlot >= 0
            ? raSlot
            : null;
    this.callerSpOffset = this.size + pushed;
  }

  offsetOf(slot: FrameSlot): number {
    const off = this.offsets.get(slot);
    if (off === undefined) throw new Error(`frame slot ${slot.id} is not in this frame`);
    return off;
  }

  /** Where the caller puts stack argument bytes [off, ...) for a call. */
  outgoingArgOffset(off: number): number {
    return off;
  }

  /** Where this function finds its own stack argument bytes [off, ...). */
  incomingArgOffset(off: number): number {
    return this.callerSpOffset + off;
  }

  get slotCount(): number {
    return this.offsets.size;
  }
}
