import { isGround, type Term } from '../reader/terms.ts';
import type { EncodedFacts } from './fact-encoding.ts';
import { Fn } from './ir-text.ts';
import type { EmitContext } from './clause-ir.ts';
import type { Predicate } from './predicate-ir.ts';

/**
 * A static predicate made of this many ground facts or more is a fact table: its facts are
 * data the host lays out in guest memory on the first call (host/fact-tables.ts) and one
 * shared walker in core.jir (@fact$call) runs, instead of code per clause. Smaller
 * predicates stay code, whose specialised head matching is faster per call; big ones
 * would cost compile time and memory linear in their size with a large constant.
 */
export const FACT_TABLE_MIN_CLAUSES = 64;

/** The facts of a fact table, as read. */
export type FactTableSource = EncodedFacts;

/** Whether a clause as read is a ground fact (a fact table's kind of clause). */
export function isGroundFact(c: Term): c is Extract<Term, { k: 'str' }> {
  return c.k === 'str' && !(c.name === ':-' && c.args.length === 2) && isGround(c);
}

/** The entry of fact table `table` (arguments → goal term → walker) and its call/N wrapper. */
export function emitFactTableEntry(ctx: EmitContext, p: Predicate, table: number): void {
  const params = Array.from({ length: p.arity }, (_, i) => `%a${i}`);
  const f = new Fn(`func @${p.fn}(${[...params, '%k'].map((a) => `${a}: ref`).join(', ')}) -> i32`);
  const goal = f.val(`new_array :str, ${f.iconst(p.arity + 1)}`, 'g');
  f.emit(`aset :str, ${goal}, ${f.iconst(0)}, ${f.imm(ctx.syms.imm(p.name, p.arity))}`);
  params.forEach((a, i) => f.emit(`aset :str, ${goal}, ${f.iconst(i + 1)}, ${a}`));
  f.end(`tail_call @fact$call(${f.iconst(table)}, ${goal}, %k)`);
  ctx.add(f);
  const w = new Fn(`func @${p.fn}$w(%g: ref, %k: ref, %cutb: ref) -> i32`);
  w.end(`tail_call @fact$call(${w.iconst(table)}, %g, %k)`);
  ctx.add(w);
}
