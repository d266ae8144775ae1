import type { Func, Target } from '../../../ir/module.ts';
import { jumpInst } from '../support/make-inst.ts';

/** `brif %c, ^x(a), ^x(a)` and a `switch` whose edges all agree become `br ^x(a)`. */
export function collapseEqualBranches(f: Func): boolean {
  let changed = false;
  for (const b of f.blocks) {
    const t = b.terminator;
    if (!t || (t.op.name !== 'brif' && t.op.name !== 'switch')) continue;
    const [first, ...rest] = t.targets;
    if (!first || !rest.every((other) => sameTarget(first, other))) continue;
    b.insts[b.insts.length - 1] = jumpInst(first);
    changed = true;
  }
  return changed;
}

function sameTarget(a: Target, b: Target): boolean {
  return a.block === b.block && a.args.length === b.args.length && a.args.every((v, i) => v === b.args[i]);
}
