import type { Term } from '../reader/terms.ts';
import type { EmitContext } from './clause-ir.ts';
import { Desugarer, type Clause } from './desugar.ts';
import { ConstPool, Fn, mangle, NeedsStaticData } from './ir-text.ts';
import { emitPredicate, type Predicate } from './predicate-ir.ts';
import type { DynamicLink } from './program.ts';
import type { Symbols } from './symbols.ts';

export interface RuntimePredicate {
  /** .jir text of the predicate's functions, for the run's code loader. */
  text: string;
  /** The entry function: (arguments…, continuation) → status, as a code slot holds it. */
  entry: string;
}

/** The run-time compiler's shape, as the host receives it (ProgramInfo.compileDynamic). */
export type RuntimeCompiler = typeof compileDynamicPredicate;

/**
 * Compiles the clauses of a dynamic predicate, as `(Head :- Body)` terms, into functions
 * to load into the running program, named apart by `version`. Returns null when a clause
 * needs static data (a float or bigint constant), which loaded code cannot declare.
 */
export function compileDynamicPredicate(
  link: DynamicLink,
  syms: Symbols,
  name: string,
  arity: number,
  clauses: Term[],
  version: number,
): RuntimePredicate | null {
  const prefix = `x${version}_`;
  const desugar = new Desugarer();
  const split = (t: Term): Clause => {
    if (t.k !== 'str' || t.name !== ':-' || t.args.length !== 2)
      throw new Error('dynamic clause is not (Head :- Body)');
    return desugar.clause(t.args[0]!, t.args[1]!);
  };
  const preds: Predicate[] = [{ name, arity, clauses: clauses.map(split), fn: prefix + mangle(name, arity, 0) }];
  desugar.aux.forEach((a, i) =>
    preds.push({ name: a.name, arity: a.arity, clauses: a.clauses, fn: prefix + mangle(a.name, a.arity, i + 1) }),
  );
  const aux = new Map(preds.slice(1).map((p) => [`${p.name}/${p.arity}`, p.fn]));
  const fns: Fn[] = [];
  const ctx: EmitContext = {
    syms,
    consts: new ConstPool(syms, false),
    add: (f) => fns.push(f),
    target(n, a) {
      const fn = aux.get(`${n}/${a}`);
      if (fn) return { kind: 'pred', fn };
      const t = link.target(n, a);
      return t.kind === 'dynamic' && n === name && a === arity ? { ...t, self: preds[0]!.fn } : t;
    },
    semidet: (n, a) => (aux.has(`${n}/${a}`) ? null : link.semidet(n, a)),
    // The program's clauses are released once its text is out (Unit.release).
    inlineable: () => null,
  };
  try {
    for (const p of preds) emitPredicate(ctx, p);
  } catch (e) {
    if (e instanceof NeedsStaticData) return null;
    throw e;
  }
  return { text: fns.map((f) => f.text()).join('\n'), entry: preds[0]!.fn };
}
