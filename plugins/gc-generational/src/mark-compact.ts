import {
  HeapCorruption,
  OBJECT_ALIGN,
  Worklist,
  type GuestMemory,
  type ObjectStarts,
  type ObjectWalker,
  type RootSource,
} from '#framework';

import { copyWords } from './copy-words.ts';

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
 * The live objects of one collection in address order, three int32 words each: the
 * object's address, its size and its header (while the object's header word holds its new
 * address). Typed storage, since heap addresses above 1 GiB are no small integers to V8.
 */
class LiveObjects {
  private items = new Int32Array(3 * 1024);
  length = 0;

  push(addr: number, size: number, header: number): void {
    if (this.length + 3 > this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = addr;
    this.items[this.length++] = size;
    this.items[this.length++] = header;
  }

  get words(): Int32Array {
    return this.items;
  }
}

/**
 * The major collection: marks what the roots reach, then slides every live object of
 * both generations down to the heap's start in address order (Lisp 2: compute new
 * addresses, update every ref, move). Sliding keeps allocation order, so the old
 * generation stays one run of objects that promotion bumps onto. Returns the new top of
 * the old generation, or null, with nothing changed, when the live objects do not fit
 * below the nursery.
 *
 * The forwarding address of a live object is written into its header word, the header
 * kept in the live list until the object moves: one typed-array read per ref updated,
 * where a Map from old to new address cost a hash lookup per ref and an entry per object.
 */
export class MarkCompact {
  private readonly marks: Uint32Array;
  private readonly pending = new Worklist();
  private readonly live = new LiveObjects();
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

    const base = this.memory.base;
    const words = this.memory.i32;
    const live = this.live;
    live.length = 0;
    let free = spans.oldBase;
    const plan = (from: number, to: number): void => {
      for (let addr = from; addr < to; ) {
        const size = this.walker.sizeOf(addr);
        if (this.isMarked(addr)) {
          live.push(addr, size, words[(addr - base) >> 2]!);
          free += size;
        }
        addr += size;
      }
    };
    plan(spans.oldBase, spans.oldTop);
    plan(spans.nurseryBase, spans.nurseryTop);
    this.liveBytes = free - spans.oldBase;
    if (free > spans.nurseryBase) return null;

    // Each live object's header word now takes its new address (the headers are in `live`).
    const list = live.words;
    let to = spans.oldBase;
    for (let i = 0; i < live.length; i += 3) {
      words[(list[i]! - base) >> 2] = to;
      to += list[i + 1]!;
    }
    // While an object's own refs are updated its header is back in place, so a ref to
    // itself (a Prolog variable is unbound when it points to itself) takes `scanningTo`.
    let scanning = 0;
    let scanningTo = 0;
    const update = (ref: number): number => {
      if (!inHeap(ref)) return ref;
      if (ref === scanning) return scanningTo;
      // A slot visited twice (or a ref into the middle of an object) is not a marked
      // start: say so rather than write a header into the root.
      if (!this.isMarked(ref))
        throw new HeapCorruption(`a root holds 0x${ref.toString(16)}, which is not the start of a live object`);
      return words[(ref - base) >> 2]!;
    };
    for (const source of roots) source.visitRoots(update);
    for (let i = 0; i < live.length; i += 3) {
      const at = (list[i]! - base) >> 2;
      scanning = list[i]!;
      scanningTo = words[at]!;
      words[at] = list[i + 2]!;
      this.walker.updateRefs(scanning, update);
      words[at] = scanningTo;
    }

    this.starts.clear(spans.oldBase, spans.oldTop);
    this.starts.clear(spans.nurseryBase, spans.nurseryTop);
    for (let i = 0; i < live.length; i += 3) {
      const from = list[i]!;
      const size = list[i + 1]!;
      const dest = words[(from - base) >> 2]!;
      if (dest !== from) copyWords(words, (dest - base) >> 2, (from - base) >> 2, size >> 2);
      words[(dest - base) >> 2] = list[i + 2]!;
      this.starts.add(dest);
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
