import type { Func } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { collapseEqualBranches } from './cfg/equal-branches.ts';
import { mergeBlocks } from './cfg/merge-blocks.ts';
import { threadJumps } from './cfg/thread-jumps.ts';
import { removeUnreachableBlocks } from './cfg/unreachable.ts';

/**
 * Control-flow cleanup, repeated until nothing changes: removes unreachable blocks,
 * turns branches whose edges agree into jumps, threads jumps through empty blocks, and
 * merges a block into its predecessor when a `br` is its only way in. Instructions move
 * only as whole blocks, in order, so nothing with effects is reordered.
 */
export const simplifycfg: Pass = functionPass(
  'simplifycfg',
  'removes unreachable blocks, threads jumps through empty blocks and merges straight-line blocks',
  (f) => simplifyFunction(f),
);

function simplifyFunction(f: Func): boolean {
  if (f.blocks.length === 0) return false;
  let changed = false;
  for (;;) {
    let round = removeUnreachableBlocks(f);
    if (collapseEqualBranches(f)) round = true;
    if (threadJumps(f)) round = true;
    // Threading can strand blocks; merging relies on every block being reachable.
    if (removeUnreachableBlocks(f)) round = true;
    if (mergeBlocks(f)) round = true;
    if (!round) return changed;
    changed = true;
  }
}
