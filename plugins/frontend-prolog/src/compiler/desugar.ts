import { atom, str, varsOf, type Term } from '../reader/terms.ts';

export interface Clause {
  head: Term;
  /** Flat conjunction: `!` (own barrier), `'$cut'(V)` (barrier held in V) and plain goals. */
  goals: Term[];
}

export interface AuxPredicate {
  name: string;
  arity: number;
  clauses: Clause[];
}

/** The variable holding a clause's own cut barrier; the compiler binds it at entry. */
export const OWN_BARRIER = '$CB';
const AUX_BARRIER = '$CBo';

/**
 * Turns a clause body into a flat conjunction. Disjunction, if-then-else and negation
 * become auxiliary predicates, so the clause compiler only sees calls, inline builtins and
 * cuts; a cut inside a branch stays transparent by passing the barrier as a hidden argument.
 */
export class Desugarer {
  readonly aux: AuxPredicate[] = [];
  private counter = 0;

  /** `auxPrefix` names the auxiliary predicates; the library's differ from a program's. */
  constructor(private readonly auxPrefix = '$aux') {}

  clause(head: Term, body: Term): Clause {
    return { head, goals: this.body(body, [head], null) };
  }

  /** `cutVar` null: a transparent cut is this clause's own `!`. */
  private body(body: Term, outside: Term[], cutVar: string | null): Term[] {
    const flat: Term[] = [];
    conjuncts(body, flat);
    const out: Term[] = [];
    // The other goals matter only to a control construct (its shared variables): they
    // are listed for it alone, so a long conjunction of plain goals stays linear.
    flat.forEach((g, i) => {
      for (const x of this.goal(g, () => [...outside, ...flat.filter((_, j) => j !== i)], cutVar)) out.push(x);
    });
    return out;
  }

  private goal(g0: Term, outside: () => Term[], cutVar: string | null): Term[] {
    // `(A | B)` reads as '|'(A, B) (SWI 7) and runs as `(A ; B)`.
    const g = g0.k === 'str' && g0.name === '|' && g0.args.length === 2 ? str(';', g0.args) : g0;
    if (g.k === 'var') return [str('call', [g])];
    if (g.k === 'atom' && g.name === '!') return [cutVar === null ? g : str('$cut', [{ k: 'var', name: cutVar }])];
    if (g.k === 'atom' && g.name === 'true') return [];
    if (g.k !== 'str') return [g];
    const control =
      (g.name === ';' || g.name === '->' || g.name === '\\+') &&
      (g.args.length === 2 || g.name === '\\+') &&
      g.args.length <= 2;
    if (!control) return [g];
    if (g.name === ';' && isStr(g.args[0]!, '*->', 2)) return [str('call', [g])];
    const inside = varsOf(g);
    const outsideVars = new Set<string>();
    for (const t of outside()) varsOf(t, []).forEach((v) => outsideVars.add(v));
    const shared = inside.filter((v) => outsideVars.has(v));
    const needsBarrier = g.name !== '\\+' && hasTransparentCut(g);
    const passedBarrier = cutVar ?? OWN_BARRIER;
    const name = `${this.auxPrefix}${this.counter++}`;
    const params: Term[] = shared.map((v) => ({ k: 'var', name: v }));
    if (needsBarrier) params.push({ k: 'var', name: AUX_BARRIER });
    const head = str(name, params);
    const pred: AuxPredicate = { name, arity: params.length, clauses: [] };
    this.aux.push(pred);
    const branch = (b: Term): Clause => ({ head, goals: this.body(b, [head], AUX_BARRIER) });
    const opaque = (c: Term): Term => (hasTransparentCut(c) ? str('call', [c]) : c);
    const commit = (c: Term, t: Term): Clause => {
      const cond = this.body(opaque(c), [head, t], null);
      return { head, goals: [...cond, atom('!'), ...this.body(t, [head], AUX_BARRIER)] };
    };
    if (g.name === '\\+') {
      pred.clauses.push(
        { head, goals: [...this.body(opaque(g.args[0]!), [head], null), atom('!'), atom('fail')] },
        { head, goals: [] },
      );
    } else if (g.name === '->') {
      pred.clauses.push(commit(g.args[0]!, g.args[1]!));
    } else {
      // `a ; b ; c` nests to the right: one predicate with a clause per alternative (an
      // if-then-else among them commits within its own clause), not one per `;`.
      let x: Term = g;
      for (;;) {
        if (!isStr(x, ';', 2) || isSoftCut(x.args[0]!)) break;
        const alt: Extract<Term, { k: 'str' }> = x;
        const l = alt.args[0]!;
        if (isStr(l, '->', 2)) pred.clauses.push(commit(l.args[0]!, l.args[1]!));
        else pred.clauses.push(branch(l));
        x = alt.args[1]!;
      }
      pred.clauses.push(branch(x));
    }
    const callArgs: Term[] = shared.map((v) => ({ k: 'var', name: v }));
    if (needsBarrier) callArgs.push({ k: 'var', name: passedBarrier });
    return [str(name, callArgs)];
  }
}

function isStr(t: Term, name: string, arity: number): t is Extract<Term, { k: 'str' }> {
  return t.k === 'str' && t.name === name && t.args.length === arity;
}

function isSoftCut(t: Term): boolean {
  return isStr(t, '*->', 2);
}

export function conjuncts(t: Term, out: Term[]): void {
  const stack = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (isStr(x, ',', 2)) stack.push(x.args[1]!, x.args[0]!);
    else out.push(x);
  }
}

/** Whether a cut in t would cut the enclosing clause (not inside call/\+/findall...). */
function hasTransparentCut(t0: Term): boolean {
  const stack = [t0];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.k === 'atom' && t.name === '!') return true;
    if (t.k === 'str' && (t.name === ',' || t.name === ';' || t.name === '->') && t.args.length === 2)
      stack.push(t.args[1]!, t.args[0]!);
  }
  return false;
}
