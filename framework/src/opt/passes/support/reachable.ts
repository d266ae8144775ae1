import { buildCfg, postorder } from '../../../ir/cfg.ts';
import type { Block, Func } from '../../../ir/module.ts';

/** Blocks reachable from the entry. */
export function reachableBlocks(f: Func): Set<Block> {
  if (f.blocks.length === 0) return new Set();
  const cfg = buildCfg(f);
  return new Set(postorder(cfg).map((i) => cfg.blocks[i]!));
}

/** Reachable blocks in reverse postorder: definitions come before the uses they dominate. */
export function reachableInReversePostorder(f: Func): Block[] {
  if (f.blocks.length === 0) return [];
  const cfg = buildCfg(f);
  return postorder(cfg)
    .reverse()
    .map((i) => cfg.blocks[i]!);
}
