import type { LiveInterval } from './live-interval.ts';

/** Unhandled intervals by start position. At equal starts, first pieces of two-address defs
 *  go first (they must get their operand's register before anyone else takes it), then other
 *  definitions (they come out of a fixed register they would like to keep), then reloads. */
export class IntervalQueue {
  private readonly heap: LiveInterval[] = [];

  constructor(private readonly urgent: (it: LiveInterval) => boolean) {}

  get size(): number {
    return this.heap.length;
  }

  push(it: LiveInterval): void {
    const h = this.heap;
    h.push(it);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      const t = h[i]!;
      h[i] = h[parent]!;
      h[parent] = t;
      i = parent;
    }
  }

  pop(): LiveInterval | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        const t = h[i]!;
        h[i] = h[m]!;
        h[m] = t;
        i = m;
      }
    }
    return top;
  }

  private before(a: LiveInterval, b: LiveInterval): boolean {
    if (a.start !== b.start) return a.start < b.start;
    const ua = this.urgent(a),
      ub = this.urgent(b);
    if (ua !== ub) return ua;
    if (a.isFirstPiece !== b.isFirstPiece) return a.isFirstPiece;
    return a.vreg < b.vreg;
  }
}
