/**
 * A frame descriptor per call site, keyed by return address: what the collector needs to
 * walk a guest stack and find (and, for a moving collector, update) every live ref. Only
 * spill slots are listed: calls clobber every allocatable register, so a ref live across a
 * call is always in its slot there.
 */
export interface FrameDescriptor {
  /** Function-relative code offset of the return address (just after the call). */
  readonly returnOffset: number;
  readonly frameSize: number;
  /** Stack-pointer offset of the return address into the caller. */
  readonly returnAddressOffset: number;
  /** The caller's stack pointer is ours plus this. */
  readonly callerSpOffset: number;
  /** Stack-pointer offsets of the slots that hold live refs at this call. */
  readonly refSlots: readonly number[];
}

/** One frame of a guest stack, as the unwinder sees it. */
export interface StackFrame {
  readonly sp: number;
  /** The return address that identifies where this frame is suspended. */
  readonly returnAddress: number;
  readonly descriptor: FrameDescriptor;
}

/** All frame descriptors of the code cache, by absolute return address. */
export class StackMapTable {
  private readonly byAddress = new Map<number, FrameDescriptor>();

  /** Adds a function's descriptors once its code is placed at `base`. */
  register(base: number, descriptors: readonly FrameDescriptor[]): void {
    for (const d of descriptors) this.byAddress.set((base + d.returnOffset) >>> 0, d);
  }

  lookup(returnAddress: number): FrameDescriptor | undefined {
    return this.byAddress.get(returnAddress >>> 0);
  }

  get size(): number {
    return this.byAddress.size;
  }

  /**
   * Walks the frames of guest code suspended at calls, innermost first: `returnAddress` is
   * that of the innermost call, `sp` the stack pointer of the frame that made it. Stops at
   * a return address without a descriptor (the host's stop address).
   */
  *frames(sp: number, returnAddress: number, readWord: (address: number) => number): Generator<StackFrame> {
    let ra = returnAddress >>> 0,
      at = sp;
    for (let d = this.lookup(ra); d; d = this.lookup(ra)) {
      yield { sp: at, returnAddress: ra, descriptor: d };
      ra = readWord(at + d.returnAddressOffset) >>> 0;
      at += d.callerSpOffset;
    }
  }
}
