import type { MachCfg } from './machine-cfg.ts';

/**
 * How many loops each block is in. A loop is found by its retreating edge u → h in the
 * layout order (reverse postorder), and its body is every block that reaches u without
 * passing through h. Loops sharing a header count once. Blocks not laid out have depth 0.
 */
export function loopDepths(cfg: MachCfg, order: readonly number[]): Int32Array {
  const depth = new Int32Array(cfg.succs.length);
  const rank = new Int32Array(cfg.succs.length).fill(-1);
  order.forEach((id, i) => (rank[id] = i));
  const bodies = new Map<number, Set<number>>();
  for (const u of order) {
    for (const h of cfg.succs[u]!) {
      if (rank[h]! > rank[u]!) continue;
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
  for (const body of bodies.values()) for (const b of body) depth[b]!++;
  return depth;
}
