import { existenceError, permissionError, indicator, typeError, instantiationError, domainError } from './errors.ts';
import type { RunState } from './state.ts';
import type { Heap } from './heap.ts';
import { flagValue } from './flags.ts';
import { emit } from './output.ts';
import { copyOf } from './term-ops.ts';
import * as L from './layout.ts';
import { DIED_NEVER } from './dynamic-code.ts';

/** The predicate symbol of a callable term, or raises. */
export function predicateOf(s: RunState, t0: number): number {
  const h = s.h;
  const t = h.deref(t0);
  const k = h.kind(t);
  if (k === 'var') instantiationError(h);
  if (k === 'atom') return h.symId(t);
  if (k === 'str') return h.functorOf(t);
  return typeError(h, 'callable', t);
}

/** First clause record of a goal's predicate (0 when none); mode 0 raises for unknown predicates. */
export function dbFirst(s: RunState, goal: number, mode: number): number {
  const id = predicateOf(s, goal);
  const e = s.db.get(id);
  if (e) {
    if (mode === 0) s.code.called(id);
    return e.head;
  }
  if (mode !== 0) return 0;
  const name = s.info.syms.names[id]!;
  const arity = s.info.syms.arities[id]!;
  const unknown = flagValue(s, 'unknown');
  if (unknown === 'error') existenceError(s.h, name, arity);
  if (unknown === 'warning') emit(s, `Warning: Unknown procedure: ${name}/${arity}\n`, 'user_error');
  return 0;
}

/** assert/asserta/assertz: the clause is copied into a new record (logical update view: born now). */
export function assertClause(s: RunState, clause0: number, atEnd: boolean): void {
  const h = s.h;
  const clause = h.deref(clause0);
  const neck = h.syms.id(':-', 2);
  let head = clause;
  if (h.kind(clause) === 'str' && h.functorOf(clause) === neck) head = h.deref(h.arg(clause, 1));
  const id = predicateOf(s, head);
  const name = h.syms.names[id]!,
    arity = h.syms.arities[id]!;
  if (s.info.staticPreds.has(id)) permissionError(h, 'modify', 'static_procedure', indicator(h, name, arity));
  if (clause !== head) {
    const body = h.deref(h.arg(clause, 2));
    if (h.kind(body) === 'var') instantiationError(h);
    if (!callableBody(h, body)) typeError(h, 'callable', body);
  }
  let entry = s.db.get(id);
  if (!entry) {
    entry = { head: 0, tail: 0 };
    s.db.set(id, entry);
  }
  const handles = h.ctx.handles;
  const copy = handles.hold(
    h.build(clause === head ? h.str(':-', copyOf(h, clause), h.atom('true')) : copyOf(h, clause)),
  );
  const rec = h.ctx.heap.allocStruct(L.T_CLAUSE);
  const term = handles.get(copy);
  h.setW(rec + L.CLAUSE_TERM, term);
  let key = 0;
  const hd = h.deref(h.arg(term, 1));
  if (h.kind(hd) === 'str') {
    const a = h.deref(h.arg(hd, 1));
    if (h.kind(a) === 'atom' || h.kind(a) === 'int') key = a;
  }
  h.setW(rec + L.CLAUSE_KEY, key);
  s.gen++;
  s.code.changed(id);
  h.setW(rec + L.CLAUSE_BORN, s.gen);
  h.setW(rec + L.CLAUSE_DIED, DIED_NEVER);
  if (entry.head === 0) {
    entry.head = entry.tail = rec;
  } else if (atEnd) {
    h.setRef(entry.tail, L.CLAUSE_NEXT, rec);
    entry.tail = rec;
  } else {
    h.setW(rec + L.CLAUSE_NEXT, entry.head);
    entry.head = rec;
  }
}

export function eraseClause(s: RunState, rec: number): boolean {
  const h = s.h;
  if (h.w(rec + L.CLAUSE_DIED) !== DIED_NEVER) return false;
  s.code.changed(predicateOf(s, h.arg(h.w(rec + L.CLAUSE_TERM), 1)));
  s.gen++;
  h.setW(rec + L.CLAUSE_DIED, s.gen);
  return true;
}

/** A renamed copy of a clause record's (Head :- Body) term. */
export function renameClause(s: RunState, rec: number): number {
  return s.h.build(copyOf(s.h, s.h.w(rec + L.CLAUSE_TERM)));
}

export function ensureDynamic(s: RunState, head: number): void {
  const id = predicateOf(s, head);
  if (s.info.staticPreds.has(id)) {
    const h = s.h;
    permissionError(h, 'modify', 'static_procedure', indicator(h, h.syms.names[id]!, h.syms.arities[id]!));
  }
  if (!s.db.has(id)) s.db.set(id, { head: 0, tail: 0 });
}

export function abolish(s: RunState, pi: number): void {
  const h = s.h;
  const t = h.deref(pi);
  if (h.kind(t) === 'var') instantiationError(h);
  if (h.kind(t) !== 'str' || h.syms.names[h.functorOf(t)] !== '/' || h.arity(t) !== 2)
    typeError(h, 'predicate_indicator', t);
  const name = h.deref(h.arg(t, 1));
  const arity = h.deref(h.arg(t, 2));
  if (h.kind(name) === 'var' || h.kind(arity) === 'var') instantiationError(h);
  if (h.kind(arity) !== 'int' && h.kind(arity) !== 'big') typeError(h, 'integer', arity);
  if (h.kind(name) !== 'atom') typeError(h, 'atom', name);
  if (h.integer(arity) < 0n) domainError(h, 'not_less_than_zero', arity);
  const id = h.syms.id(h.atomName(name), Number(h.integer(arity)));
  if (s.info.staticPreds.has(id)) permissionError(h, 'modify', 'static_procedure', t);
  const e = s.db.get(id);
  if (!e) return;
  for (let c = e.head; c !== 0; c = h.w(c + L.CLAUSE_NEXT)) eraseClause(s, c);
  s.code.changed(id);
  // The predicate is gone, dynamic or not: calling it again is an existence error (as SWI).
  s.db.delete(id);
}

const CONTROL = new Set([',/2', ';/2', '->/2', '*->/2', '\\+/1']);

/** Whether every goal of a clause body is callable or a variable (a number is not). */
export function callableBody(h: Heap, body: number): boolean {
  const stack = [body];
  while (stack.length > 0) {
    const t = h.deref(stack.pop()!);
    const k = h.kind(t);
    if (k === 'var' || k === 'atom') continue;
    if (k !== 'str') return false;
    if (CONTROL.has(`${h.syms.names[h.functorOf(t)]}/${h.arity(t)}`))
      for (let i = 1; i <= h.arity(t); i++) stack.push(h.arg(t, i));
  }
  return true;
}
