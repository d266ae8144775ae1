import type { MachCfg } from './machine-cfg.ts';

/** The loops of a machine function, found by their retreating edges u → h in the layout
 *  order (reverse postorder): a loop's body is every block that reaches u without passing
 *  through h. Loops sharing a header count as one. */
export interface Loops {
  /** How many loops each block is in (0 for blocks not laid out). */
  readonly depth: Int32Array;
  /** The headers of the loops each block is in, outermost first. */
  readonly headers: readonly (readonly number[])[];
  /** The sources of each header's retreating edges (empty for a block that heads no loop). */
  readonly latches: readonly (readonly number[])[];
}

export function findLoops(cfg: MachCfg, order: readonly number[]): Loops {
  const n = cfg.succs.length;
  const rank = new Int32Array(n).fill(-1);
  order.forEach((id, i) => (rank[id] = i));
  const bodies = new Map<number, Set<number>>();
  const latches: number[][] = Array.from({ length: n }, () => []);
  for (const u of order) {
    for (const h of cfg.succs[u]!) {
      if (rank[h]! > rank[u]!) continue;
      latches[h]!.push(u);
      let body = bodies.get(h);
      if (!body) bodies.set(h, (body = new Set([h])));
      const work = [u];
      while (work.length > 0) {
        const b = work.pop()!;
        if (body.has(b)) continue;
        body.add(b);
        for (const p of cfg.preds[b]!) if (rank[p]! >= 0) work.push(p);
      }
    }
  }
  const depth = new Int32Array(n);
  const headers: number[][] = Array.from({ length: n }, () => []);
  // An enclosing loop's body holds every block of the loops inside it: larger first.
  const outermostFirst = [...bodies].sort((a, b) => b[1].size - a[1].size);
  for (const [h, body] of outermostFirst) {
    for (const b of body) {
      depth[b]!++;
      headers[b]!.push(h);
    }
  }
  return { depth, headers, latches };
}
