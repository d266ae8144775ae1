import type { Block, Func } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { argIndexForParam, incomingEdges, type Edge } from './support/edges.ts';
import { fusedResults } from './support/fused-results.ts';
import { removeBlockParams } from './support/params.ts';
import { reachableBlocks } from './support/reachable.ts';
import { Substitution } from './support/substitution.ts';

/**
 * Copy propagation over block parameters: a parameter whose every incoming argument is
 * one value (or the parameter itself, around a loop) is that value. Uses are rewritten,
 * and the parameter is dropped from its block and from every edge into it. Also turns
 * `select %c, %x, %x` into `%x`.
 *
 * Only reachable blocks are rewritten: there the single incoming value is defined in a
 * block that dominates every predecessor and therefore the parameter's block as well.
 */
export const copyprop: Pass = functionPass(
  'copyprop',
  'replaces block parameters that always receive the same value, and selects of equal operands',
  (f) => propagateFunction(f),
);

function propagateFunction(f: Func): boolean {
  const subst = new Substitution();
  const dead = new Map<Block, Set<number>>();
  const reachable = reachableBlocks(f);
  const incoming = incomingEdges(f);
  const onlyOnToEdge = fusedResults(f);

  for (let progress = true; progress; ) {
    progress = false;
    for (const b of f.blocks) {
      if (b === f.blocks[0] || !reachable.has(b)) continue;
      const edges = incoming.get(b)!;
      b.params.forEach((p, i) => {
        if (subst.has(p)) return;
        const v = soleIncomingValue(edges, p, i, subst);
        if (v === undefined || onlyOnToEdge.has(v)) return;
        subst.replace(p, v);
        let positions = dead.get(b);
        if (!positions) dead.set(b, (positions = new Set()));
        positions.add(i);
        progress = true;
      });
    }
  }
  let changed = removeBlockParams(f, dead);
  if (collapseSelects(f, subst)) changed = true;
  if (subst.applyTo(f)) changed = true;
  return changed;
}

/** The one value every edge passes for parameter `i` (ignoring the parameter itself), or
 *  undefined when edges disagree or one supplies it implicitly (an exception). */
function soleIncomingValue(edges: readonly Edge[], param: number, i: number, subst: Substitution): number | undefined {
  let sole: number | undefined;
  for (const e of edges) {
    const a = argIndexForParam(e.inst, e.index, i);
    if (a < 0) return undefined;
    const v = subst.resolve(e.target.args[a]!);
    if (v === param) continue;
    if (sole === undefined) sole = v;
    else if (sole !== v) return undefined;
  }
  return sole;
}

function collapseSelects(f: Func, subst: Substitution): boolean {
  let changed = false;
  for (const b of f.blocks) {
    b.insts = b.insts.filter((inst) => {
      if (inst.op.name !== 'select') return true;
      const x = subst.resolve(inst.args[1]!);
      if (x !== subst.resolve(inst.args[2]!)) return true;
      subst.replace(inst.result, x);
      changed = true;
      return false;
    });
  }
  return changed;
}
