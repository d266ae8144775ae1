import type { Block, Func, Target } from '../../../ir/module.ts';
import { isUnwindEdge } from '../support/edges.ts';

/**
 * Sends edges that enter an empty block — one holding only `br ^next(args)` — straight
 * to `^next`, with the empty block's parameters replaced by the edge's own arguments.
 *
 * A block is skipped when its parameters are used anywhere but in its own jump: blocks it
 * dominates could read them, and bypassing it would break that dominance. Cold blocks are
 * kept (Block.cold). Unwind edges
 * are left alone (their target's first parameter is the exception), and so are chains of
 * empty blocks that loop back on themselves.
 */
export function threadJumps(f: Func): boolean {
  const forwarders = bypassableBlocks(f);
  if (forwarders.size === 0) return false;
  let changed = false;
  for (const x of f.blocks) {
    const t = x.terminator;
    if (!t) continue;
    t.targets.forEach((target, i) => {
      if (isUnwindEdge(t, i)) return;
      const threaded = finalTarget(target, forwarders);
      if (threaded) {
        t.targets[i] = threaded;
        changed = true;
      }
    });
  }
  return changed;
}

/** Where the edge ends up after every empty block on its way, or undefined when it stays. */
function finalTarget(start: Target, forwarders: ReadonlySet<Block>): Target | undefined {
  let target = start;
  const seen = new Set<Block>();
  while (forwarders.has(target.block)) {
    const b = target.block;
    seen.add(b);
    const next = b.insts[0]!.targets[0]!;
    if (seen.has(next.block)) return undefined;
    const incoming = target.args;
    target = {
      block: next.block,
      args: next.args.map((v) => {
        const k = b.params.indexOf(v);
        return k >= 0 ? incoming[k]! : v;
      }),
    };
  }
  return target === start ? undefined : target;
}

/** Non-entry blocks holding only a `br` whose parameters feed nothing but that `br`. */
function bypassableBlocks(f: Func): Set<Block> {
  const candidates = new Set<Block>();
  const owner = new Map<number, Block>();
  for (const b of f.blocks.slice(1)) {
    // A cold block stays: it is the mark that the layout moves everything it dominates out
    // of line, and its jump runs only on the rare path.
    if (b.cold || b.insts.length !== 1 || b.insts[0]!.op.name !== 'br') continue;
    candidates.add(b);
    for (const p of b.params) owner.set(p, b);
  }
  if (owner.size === 0) return candidates;
  for (const b of f.blocks) {
    for (const inst of b.insts) {
      const usedHere = (v: number): void => {
        const o = owner.get(v);
        if (o && o !== b) candidates.delete(o);
      };
      inst.args.forEach(usedHere);
      for (const t of inst.targets) t.args.forEach(usedHere);
    }
  }
  return candidates;
}
