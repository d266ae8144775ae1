import type { MachBlock, MachFunction } from './machine-function.ts';
import type { BranchTarget, MachInst } from './machine-inst.ts';
import { MachCfg } from './machine-cfg.ts';

/**
 * Splits every critical edge (from a block with several successors to a block with several
 * predecessors) with a block that only jumps on. Afterwards each edge has an end where its
 * parallel move can go: the end of its source (single successor) or the start of its
 * target (single predecessor). Blocks that get no moves cost nothing once emitted: their
 * jump falls through or the emitter drops them.
 */
export function splitCriticalEdges<D>(mf: MachFunction<D>, makeJump: (to: MachBlock) => MachInst<D>): void {
  const cfg = new MachCfg(mf);
  if (cfg.preds[0]!.length > 0) throw new Error(`${mf.name}: the machine entry block must not be a branch target`);
  for (const b of [...mf.blocks]) {
    const term = b.terminator;
    if (!term || term.targets.length < 2) continue;
    const targets: BranchTarget[] = term.targets.map((t, i) => {
      if (cfg.preds[t.block.id]!.length < 2) return t;
      const split = mf.newBlock(`${b.name}.to.${t.block.name}.${i}`);
      split.insts.push({ ...makeJump(t.block), targets: [{ block: t.block, args: t.args }] });
      return { block: split, args: [] };
    });
    b.insts[b.insts.length - 1] = { ...term, targets };
  }
}
