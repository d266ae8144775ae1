import {
  HeapCorruption,
  OBJECT_ALIGN,
  Worklist,
  type GuestMemory,
  type ObjectStarts,
  type ObjectWalker,
  type RootSource,
} from '#framework';

const GRANULE_SHIFT = Math.log2(OBJECT_ALIGN);

/** The spans of the heap that hold objects, in address order: the old generation's used
 *  part, then the nursery's. */
export interface Spans {
  readonly oldBase: number;
  readonly oldTop: number;
  readonly nurseryBase: number;
  readonly nurseryTop: number;
}

/**
 * The major collection: marks what the roots reach, then slides every live object of
 * both generations down to the heap's start in address order (Lisp 2: compute new
 * addresses, update every ref, move). Sliding keeps allocation order, so the old
 * generation stays one run of objects that promotion bumps onto. Returns the new top of
 * the old generation, or null, with nothing changed, when the live objects do not fit
 * below the nursery.
 */
export class MarkCompact {
  private readonly marks: Uint32Array;
  private readonly pending = new Worklist();
  private readonly forwarding = new Map<number, number>();
  private readonly heapBase: number;

  constructor(
    private readonly memory: GuestMemory,
    private readonly walker: ObjectWalker,
    private readonly starts: ObjectStarts,
  ) {
    const { heapBase, heapEnd } = memory.layout;
    this.heapBase = heapBase;
    this.marks = new Uint32Array(Math.ceil((heapEnd - heapBase) / OBJECT_ALIGN / 32));
  }

  /** Live bytes found by the mark phase of the last collect(). */
  liveBytes = 0;

  collect(roots: Iterable<RootSource>, spans: Spans): number | null {
    // Only the spans' bits: a stressed run collects thousands of times in a mostly empty heap.
    this.clearMarks(spans.oldBase, spans.oldTop);
    this.clearMarks(spans.nurseryBase, spans.nurseryTop);
    this.forwarding.clear();
    const inHeap = (ref: number): boolean =>
      (ref & 3) === 0 &&
      ((ref >= spans.oldBase && ref < spans.oldTop) || (ref >= spans.nurseryBase && ref < spans.nurseryTop));
    const mark = (ref: number): number => {
      if (inHeap(ref) && !this.isMarked(ref)) {
        this.setMark(ref);
        this.pending.push(ref);
      }
      return ref;
    };
    for (const source of roots) source.visitRoots(mark);
    while (!this.pending.isEmpty()) this.walker.updateRefs(this.pending.pop(), mark);

    let free = spans.oldBase;
    const live: number[] = [];
    const plan = (from: number, to: number): void => {
      for (let addr = from; addr < to; ) {
        const size = this.walker.sizeOf(addr);
        if (this.isMarked(addr)) {
          this.forwarding.set(addr, free);
          live.push(addr, size);
          free += size;
        }
        addr += size;
      }
    };
    plan(spans.oldBase, spans.oldTop);
    plan(spans.nurseryBase, spans.nurseryTop);
    this.liveBytes = free - spans.oldBase;
    if (free > spans.nurseryBase) return null;

    const update = (ref: number): number => {
      if (!inHeap(ref)) return ref;
      const to = this.forwarding.get(ref);
      // A slot visited twice (or a ref into the middle of an object) has no forwarding
      // entry: say so rather than write undefined into the root.
      if (to === undefined)
        throw new HeapCorruption(`a root holds 0x${ref.toString(16)}, which is not the start of a live object`);
      return to;
    };
    for (const source of roots) source.visitRoots(update);
    for (let i = 0; i < live.length; i += 2) this.walker.updateRefs(live[i]!, update);

    const base = this.memory.base;
    const bytes = this.memory.u8;
    this.starts.clear(spans.oldBase, spans.oldTop);
    this.starts.clear(spans.nurseryBase, spans.nurseryTop);
    for (let i = 0; i < live.length; i += 2) {
      const from = live[i]!;
      const size = live[i + 1]!;
      const to = this.forwarding.get(from)!;
      if (to !== from) bytes.copyWithin(to - base, from - base, from - base + size);
      this.starts.add(to);
    }
    return free;
  }

  private clearMarks(from: number, to: number): void {
    if (to <= from) return;
    const first = (from - this.heapBase) >>> GRANULE_SHIFT;
    const last = (to - 1 - this.heapBase) >>> GRANULE_SHIFT;
    this.marks.fill(0, first >>> 5, (last >>> 5) + 1);
  }

  private isMarked(addr: number): boolean {
    const g = (addr - this.heapBase) >>> GRANULE_SHIFT;
    return (this.marks[g >>> 5]! & (1 << (g & 31))) !== 0;
  }

  private setMark(addr: number): void {
    const g = (addr - this.heapBase) >>> GRANULE_SHIFT;
    this.marks[g >>> 5]! |= 1 << (g & 31);
  }
}
