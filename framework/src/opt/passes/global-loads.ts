import { buildCfg, reversePostorder } from '../../ir/cfg.ts';
import type { Func, Inst } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { Substitution } from './support/substitution.ts';

/**
 * Forwards globals across blocks: a `gget` whose global holds the same SSA value on every
 * path to it (read by an earlier `gget` or written by a `gset`, with no call in between)
 * is replaced by that value. A forward must-analysis over the blocks; the value, being
 * defined on every path, dominates the read.
 *
 * Why: runtimes keep their state in globals (the Prolog trail top, the choice point), read
 * at a function's entry and again where a slow path may have changed them. On the paths
 * that made no call the second read is the first, so `tr != tr0` folds away and so does the
 * work it guards (undoing an empty trail). gvn numbers loads within a block only.
 *
 * A call (or a raw instruction) may change any global. An instruction that may collect
 * may move what a ref global points to, but the SSA value read from it is a root at that
 * safepoint too and moves with it.
 */
export const globalloads: Pass = functionPass(
  'globalloads',
  "replaces a global's read by the value it holds on every path to it (read or written before, no call between)",
  (f) => forwardGlobals(f),
);

type Known = Map<string, number>;

function forwardGlobals(f: Func): boolean {
  if (!f.blocks.some((b) => b.insts.some((i) => i.op.name === 'gget'))) return false;
  const cfg = buildCfg(f);
  const order = reversePostorder(cfg);
  /** What each block's end knows; undefined: not reached yet (the top of the lattice). */
  const atEnd: (Known | undefined)[] = cfg.blocks.map(() => undefined);
  const atStart = (b: number): Known => {
    if (b === order[0]) return new Map();
    let known: Known | undefined;
    for (const p of cfg.preds[b]!) {
      const out = atEnd[p];
      if (out === undefined) continue;
      if (known === undefined) known = new Map(out);
      else for (const [g, v] of known) if (out.get(g) !== v) known.delete(g);
    }
    return known ?? new Map();
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of order) {
      const known = atStart(b);
      for (const inst of cfg.blocks[b]!.insts) step(inst, known, null);
      if (!sameKnown(atEnd[b], known)) {
        atEnd[b] = known;
        changed = true;
      }
    }
  }
  const subst = new Substitution();
  for (const b of order) {
    const block = cfg.blocks[b]!;
    const known = atStart(b);
    const kept = block.insts.filter((inst) => step(inst, known, subst));
    if (kept.length !== block.insts.length) block.insts = kept;
  }
  if (subst.size === 0) return false;
  subst.applyTo(f);
  return true;
}

/** Updates `known` past `inst`; with `subst`, records a forwarded read and returns false
 *  for it (the instruction is dropped). */
function step(inst: Inst, known: Known, subst: Substitution | null): boolean {
  const name = inst.op.name;
  if (name === 'gget') {
    const v = known.get(inst.sym!);
    if (v === undefined) known.set(inst.sym!, inst.result);
    else if (subst) {
      subst.replace(inst.result, v);
      return false;
    }
  } else if (name === 'gset') known.set(inst.sym!, inst.args[0]!);
  else if (inst.op.category === 'call' || inst.op.category === 'raw') known.clear();
  return true;
}

function sameKnown(a: Known | undefined, b: Known): boolean {
  if (a === undefined || a.size !== b.size) return false;
  for (const [g, v] of a) if (b.get(g) !== v) return false;
  return true;
}
