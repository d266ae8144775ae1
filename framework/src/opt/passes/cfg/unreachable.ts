import type { Func } from '../../../ir/module.ts';
import { reachableBlocks } from '../support/reachable.ts';

/** Drops blocks the entry cannot reach. Their values cannot be used by reachable code:
 *  an unreachable block dominates nothing reachable. */
export function removeUnreachableBlocks(f: Func): boolean {
  const reachable = reachableBlocks(f);
  if (reachable.size === f.blocks.length) return false;
  f.blocks = f.blocks.filter((b) => reachable.has(b));
  return true;
}
