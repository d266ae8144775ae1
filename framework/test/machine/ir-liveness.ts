// IR-level liveness, written independently of the machine layer: the ref values live
// across each call are exactly what that call's stack map must list. An edge argument
// keeps its value alive only when the parameter it feeds is used.
import type { Block, Func, Inst } from '../../src/ir/module.ts';

export function liveAcrossCalls(func: Func): Map<Inst, Set<number>> {
  /** Live right after the block's parameters are defined (parameters included). */
  const liveTop = new Map<Block, Set<number>>(func.blocks.map((b) => [b, new Set<number>()]));
  const liveOutOf = (b: Block): Set<number> => {
    const out = new Set<number>();
    for (const t of b.terminator?.targets ?? []) {
      const top = liveTop.get(t.block)!;
      for (const v of top) if (!t.block.params.includes(v)) out.add(v);
      t.args.forEach((a, i) => top.has(t.block.params[i]!) && out.add(a));
    }
    return out;
  };
  const walk = (b: Block, visit?: (inst: Inst, after: Set<number>) => void): Set<number> => {
    const live = liveOutOf(b);
    for (let i = b.insts.length - 1; i >= 0; i--) {
      const inst = b.insts[i]!;
      if (inst.result >= 0) live.delete(inst.result);
      visit?.(inst, new Set(live));
      for (const a of inst.args) live.add(a);
    }
    return live;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of [...func.blocks].reverse()) {
      const now = walk(b);
      if (now.size !== liveTop.get(b)!.size) {
        liveTop.set(b, now);
        changed = true;
      }
    }
  }
  const across = new Map<Inst, Set<number>>();
  for (const b of func.blocks) walk(b, (inst, after) => inst.op.name === 'call' && across.set(inst, after));
  return across;
}
