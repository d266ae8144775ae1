import { str, type Term } from '../reader/terms.ts';
import type { Clause } from './desugar.ts';

/**
 * The clauses of a flat predicate specialized to one call, as goal lists over the caller's
 * terms: each clause's variables are renamed apart (`prefix`), a head variable first met
 * stands for the call's argument, and the other head arguments become `=` goals with it.
 * `=` between two atomic constants is decided here: a clause that cannot match is dropped.
 * A clause whose goals repeat an earlier clause's is dropped too: the goals are inline
 * builtins (deterministic, with no effect but bindings), so after the earlier clause failed
 * and its bindings were undone they fail again. `equal(0, 0). equal(X, X).` called as
 * `equal(Y, 0)` becomes the one goal list `[Y = 0]`.
 */
export function reduceForCall(
  clauses: readonly Clause[],
  args: readonly Term[],
  prefix: string,
  sameConstant: (a: Term, b: Term) => boolean | null,
): Term[][] {
  const out: Term[][] = [];
  const seen = new Set<string>();
  clauses.forEach((c, i) => {
    const subst = new Map<string, Term>();
    const rename = (t: Term): Term => {
      if (t.k === 'var') return subst.get(t.name) ?? { k: 'var', name: `${prefix}${i}_${t.name}` };
      if (t.k === 'str') return str(t.name, t.args.map(rename));
      return t;
    };
    const goals: Term[] = [];
    let dead = false;
    const heads = c.head.k === 'str' ? c.head.args : [];
    heads.forEach((h, j) => {
      const a = args[j]!;
      if (h.k === 'var' && !h.name.endsWith('_anon') && !subst.has(h.name)) {
        subst.set(h.name, a);
        return;
      }
      if (h.k === 'var' && h.name.endsWith('_anon')) return;
      const x = rename(h);
      const same = sameConstant(x, a);
      if (same === false) dead = true;
      else if (same === null && !(x.k === 'var' && a.k === 'var' && x.name === a.name))
        // A variable on the left: `0 = Y` and `Y = 0` are one goal to compare.
        goals.push(a.k === 'var' && x.k !== 'var' ? str('=', [a, x]) : str('=', [x, a]));
    });
    if (dead) return;
    for (const g of c.goals) goals.push(rename(g));
    const key = JSON.stringify(goals, (k, v) => (k === 'v' && typeof v === 'bigint' ? `${v}n` : v));
    if (seen.has(key)) return;
    seen.add(key);
    out.push(goals);
  });
  return out;
}
