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
/** `'$catch_enter'(Handler, Data, CP)` and `'$catch_exit'(CP)`: a compiled catch/3
 *  (see Desugarer.catchGoal); CP names the catch choice point. */
export const CATCH_ENTER = '$catch_enter';
export const CATCH_EXIT = '$catch_exit';
/** `'$findall_enter'(Template, List, CP)` and `'$findall_add'(CP)`: a compiled findall/3
 *  (see Desugarer.findallGoal). */
export const FINDALL_ENTER = '$findall_enter';
export const FINDALL_ADD = '$findall_add';
/** `'$rethrow'(Ball)`: a catch handler's ball goes on to the next catch, uncopied. */
export const RETHROW = '$rethrow';
const CATCH_CP = '$CATCH';

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

  /**
   * `catch(G, C, R)` with a goal known here becomes two auxiliary predicates. The first
   * pushes the catch choice point (its continuation is the predicate's own: where the
   * recovery goes on), runs G compiled, its cuts local to it as call/1's, and leaves the
   * catch. The second is the handler throw_ball calls with the ball and a term of the
   * variables C and R share with the rest: its first clause matches C in its head and
   * runs R (as call/1 would: its cut is local), the second throws the ball on.
   */
  private catchGoal(g: Extract<Term, { k: 'str' }>, outside: () => Term[]): Term[] {
    const [goal, catcher, recovery] = g.args as [Term, Term, Term];
    const v = (name: string): Extract<Term, { k: 'var' }> => ({ k: 'var', name });
    const outsideVars = new Set<string>();
    for (const t of outside()) varsOf(t, []).forEach((x) => outsideVars.add(x));
    const shared = varsOf(g).filter((x) => outsideVars.has(x));
    const name = `${this.auxPrefix}${this.counter++}`;
    const head = str(name, shared.map(v));
    const handler = `${this.auxPrefix}${this.counter++}`;
    const goalVars = new Set([...outsideVars, ...varsOf(goal)]);
    const kept = varsOf(str('', [catcher, recovery])).filter((x) => goalVars.has(x));
    const data: Term = kept.length > 0 ? str('v', kept.map(v)) : atom('v');
    const cp = v(`${CATCH_CP}${this.counter}`);
    this.aux.push({
      name,
      arity: shared.length,
      clauses: [
        {
          head,
          goals: [
            str(CATCH_ENTER, [atom(handler), data, cp]),
            ...this.body(goal, [head, data, cp], cp.name),
            str(CATCH_EXIT, [cp]),
          ],
        },
      ],
    });
    const handlerHead = str(handler, [catcher, kept.length > 0 ? data : v(`${CATCH_CP}${this.counter}_anon`)]);
    const run = isCallableBody(recovery) ? recovery : str('call', [recovery]);
    const ball = v(`${CATCH_CP}${this.counter}_ball`);
    this.aux.push({
      name: handler,
      arity: 2,
      clauses: [
        { head: handlerHead, goals: [atom('!'), ...this.body(run, [handlerHead], null)] },
        { head: str(handler, [ball, v(`${CATCH_CP}${this.counter}_anon`)]), goals: [str(RETHROW, [ball])] },
      ],
    });
    return [head];
  }

  /**
   * `findall(T, G, L)` with a goal known here: an auxiliary predicate whose one clause
   * pushes the findall choice point (its continuation is the predicate's own: where the
   * list goes on), runs G compiled, its cuts local to it, and adds a copy of T for each
   * solution (`'$findall_add'` fails back into G).
   */
  private findallGoal(g: Extract<Term, { k: 'str' }>, outside: () => Term[]): Term[] {
    const [template, goal, list] = g.args as [Term, Term, Term];
    const outsideVars = new Set<string>();
    for (const t of outside()) varsOf(t, []).forEach((x) => outsideVars.add(x));
    const name = `${this.auxPrefix}${this.counter++}`;
    const head = str(
      name,
      varsOf(g)
        .filter((x) => outsideVars.has(x))
        .map((x): Term => ({ k: 'var', name: x })),
    );
    const cpName = `${CATCH_CP}${this.counter}`;
    const cp: Term = { k: 'var', name: cpName };
    const goals = [str(FINDALL_ENTER, [template, list, cp]), ...this.body(goal, [head, template, cp], cpName)];
    this.aux.push({
      name,
      arity: head.k === 'str' ? head.args.length : 0,
      clauses: [{ head, goals: [...goals, str(FINDALL_ADD, [cp])] }],
    });
    return [head];
  }

  private goal(g0: Term, outside: () => Term[], cutVar: string | null): Term[] {
    // `(A | B)` reads as '|'(A, B) (SWI 7) and runs as `(A ; B)`.
    const g = g0.k === 'str' && g0.name === '|' && g0.args.length === 2 ? str(';', g0.args) : g0;
    if (g.k === 'var') return [str('call', [g])];
    if (g.k === 'atom' && g.name === '!') return [cutVar === null ? g : str('$cut', [{ k: 'var', name: cutVar }])];
    if (g.k === 'atom' && g.name === 'true') return [];
    if (g.k !== 'str') return [g];
    if (g.name === 'catch' && g.args.length === 3 && isCallableBody(g.args[0]!)) return this.catchGoal(g, outside);
    if (g.name === 'findall' && g.args.length === 3 && isCallableBody(g.args[1]!)) return this.findallGoal(g, outside);
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

/** A goal catch/3 can compile: callable, and so is every goal of its control constructs
 *  (a variable is called); call/1 would raise a type error for anything else. */
function isCallableBody(t0: Term): boolean {
  const stack = [t0];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.k === 'var' || t.k === 'atom') continue;
    if (t.k !== 'str') return false;
    const control =
      ((t.name === ',' || t.name === ';' || t.name === '->' || t.name === '*->' || t.name === '|') &&
        t.args.length === 2) ||
      (t.name === '\\+' && t.args.length === 1);
    if (control) stack.push(...t.args);
  }
  return true;
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
