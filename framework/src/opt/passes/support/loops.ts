import type { Cfg } from '../../../ir/cfg.ts';
import type { DomTree } from '../../../ir/dominators.ts';

/** A natural loop: its header and every block index in it (the header included). */
export interface Loop {
  header: number;
  body: Set<number>;
}

/**
 * The natural loops of a CFG (an edge u → h where h dominates u makes h a header; its body
 * is h and what reaches u without passing h), innermost first. Nested loops put a block in
 * several bodies, so the walk stops once it has visited `WORK_PER_BLOCK` times as many
 * blocks as the function has: deep nests keep their inner loops, and compile time stays
 * linear. Irreducible cycles have no header that dominates them and are not loops here.
 */
const WORK_PER_BLOCK = 8;

export function naturalLoops(cfg: Cfg, dom: DomTree): Loop[] {
  const latches = new Map<number, number[]>();
  for (const u of dom.rpo)
    for (const h of cfg.succs[u]!)
      if (dom.dominatesIndex(h, u)) {
        let list = latches.get(h);
        if (!list) latches.set(h, (list = []));
        list.push(u);
      }
  // Inner headers come later in reverse postorder: visiting them first gives inner loops
  // their bodies before the work limit can run out.
  const position = new Int32Array(cfg.size);
  dom.rpo.forEach((b, i) => {
    position[b] = i;
  });
  const headers = [...latches.keys()].sort((a, b) => position[b]! - position[a]!);
  const loops: Loop[] = [];
  let work = WORK_PER_BLOCK * cfg.size;
  for (const h of headers) {
    const body = new Set<number>([h]);
    const stack = [...latches.get(h)!];
    let complete = true;
    while (stack.length > 0) {
      const b = stack.pop()!;
      if (body.has(b) || !dom.isReachableIndex(b)) continue;
      if (--work < 0) {
        complete = false;
        break;
      }
      body.add(b);
      for (const p of cfg.preds[b]!) stack.push(p);
    }
    if (!complete) break;
    loops.push({ header: h, body });
  }
  return loops.sort((a, b) => a.body.size - b.body.size);
}
