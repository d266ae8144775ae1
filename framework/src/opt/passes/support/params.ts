import type { Block, Func } from '../../../ir/module.ts';
import { argIndexForParam, forEachEdge } from './edges.ts';

/**
 * Removes the parameters at `dead` positions from each block and the matching argument
 * from every edge into it. Callers never remove an unwind target's exception parameter.
 */
export function removeBlockParams(f: Func, dead: Map<Block, Set<number>>): boolean {
  if (dead.size === 0) return false;
  forEachEdge(f, (e) => {
    const positions = dead.get(e.target.block);
    if (!positions) return;
    const drop = new Set<number>();
    for (const p of positions) {
      const a = argIndexForParam(e.inst, e.index, p);
      if (a < 0) throw new Error(`cannot remove the exception parameter of ^${e.target.block.name}`);
      drop.add(a);
    }
    e.target.args = e.target.args.filter((_, i) => !drop.has(i));
  });
  let changed = false;
  for (const [b, positions] of dead) {
    if (positions.size === 0) continue;
    b.params = b.params.filter((_, i) => !positions.has(i));
    changed = true;
  }
  return changed;
}
