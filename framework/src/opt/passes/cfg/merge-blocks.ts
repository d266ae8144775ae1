import type { Block, Func } from '../../../ir/module.ts';
import { forEachEdge } from '../support/edges.ts';
import { Substitution } from '../support/substitution.ts';

/**
 * Appends a block to its predecessor when that predecessor's `br` is the block's only
 * incoming edge; the block's parameters become the jump's arguments. Expects every block
 * to be reachable (run after removing unreachable ones), so the predecessor dominates
 * the block and its arguments are available wherever the parameters were used.
 */
export function mergeBlocks(f: Func): boolean {
  const entry = f.blocks[0];
  const edgeCount = new Map<Block, number>();
  forEachEdge(f, (e) => edgeCount.set(e.target.block, (edgeCount.get(e.target.block) ?? 0) + 1));
  const subst = new Substitution();
  const merged = new Set<Block>();
  for (const p of f.blocks) {
    if (merged.has(p)) continue;
    for (;;) {
      const t = p.terminator;
      if (!t || t.op.name !== 'br') break;
      const { block: b, args } = t.targets[0]!;
      if (b === p || b === entry || edgeCount.get(b) !== 1) break;
      b.params.forEach((param, k) => subst.replace(param, args[k]!));
      p.insts.pop();
      p.insts.push(...b.insts);
      merged.add(b);
    }
  }
  if (merged.size === 0) return false;
  f.blocks = f.blocks.filter((b) => !merged.has(b));
  subst.applyTo(f);
  return true;
}
