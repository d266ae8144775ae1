import type { Func } from '../../../ir/module.ts';

/** Results of fused terminators (`iadd_ovf ... to`, `call ... to`): they exist only on the
 *  `to` edge, so no other operand may be replaced by one of them. */
export function fusedResults(f: Func): Set<number> {
  const results = new Set<number>();
  for (const b of f.blocks) {
    const t = b.terminator;
    // A terminator with a result is a fused form.
    if (t && t.result >= 0) results.add(t.result);
  }
  return results;
}
