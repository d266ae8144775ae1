import type { Builtin } from './builtins.ts';
import { domainError, indicator, instantiationError, permissionError, typeError } from './errors.ts';
import type { Desc, Heap } from './heap.ts';
import type { RunState } from './state.ts';
import { isHostBuiltin } from '../protocol/host-protocol.ts';

/** Flags a program may set, with the values each takes and its default (SWI-Prolog's). */
const SETTABLE: Record<string, { values: readonly string[]; dflt: string }> = {
  unknown: { values: ['error', 'fail', 'warning'], dflt: 'error' },
  double_quotes: { values: ['codes', 'chars', 'atom', 'string'], dflt: 'string' },
  back_quotes: { values: ['codes', 'chars', 'string', 'symbol_char'], dflt: 'codes' },
  occurs_check: { values: ['false', 'true', 'error'], dflt: 'false' },
  debug: { values: ['false', 'true'], dflt: 'false' },
  char_conversion: { values: ['false', 'true'], dflt: 'false' },
  last_call_optimisation: { values: ['true', 'false'], dflt: 'true' },
};

/** Flags fixed by the implementation. */
const READ_ONLY: Record<string, string> = {
  bounded: 'false',
  integer_rounding_function: 'toward_zero',
  max_arity: 'unbounded',
};

/** The value of flag `name` now (settable ones as set, else the default). */
export function flagValue(s: RunState, name: string): string | undefined {
  return s.flags.get(name) ?? SETTABLE[name]?.dflt ?? READ_ONLY[name];
}

function flagName(h: Heap, t: number, allowVar: boolean): string | null {
  const k = h.kind(t);
  if (k === 'var') return allowVar ? null : instantiationError(h);
  if (k !== 'atom') return typeError(h, 'atom', t);
  return h.atomName(t);
}

/** A callable term's predicate indicator parts, or an error as clause/2 raises it. */
function headKey(h: Heap, t: number): { name: string; arity: number } {
  const k = h.kind(t);
  if (k === 'var') return instantiationError(h);
  if (k === 'atom') return { name: h.atomName(t), arity: 0 };
  if (k !== 'str') return typeError(h, 'callable', t);
  return { name: h.syms.names[h.functorOf(t)]!, arity: h.arity(t) };
}

/** Flags, and what the program's database holds: current_prolog_flag/2 and
 *  current_predicate/1 enumerate in library Prolog over the lists made here. */
export const FLAG_BUILTINS = {
  'set_prolog_flag/2': (s, g, a) => {
    const h = s.h;
    const f = h.deref(a(1));
    const v = h.deref(a(2));
    const name = flagName(h, f, false)!;
    if (h.kind(v) === 'var') instantiationError(h);
    if (READ_ONLY[name] !== undefined) permissionError(h, 'modify', 'flag', f);
    const spec = SETTABLE[name];
    if (spec === undefined) return domainError(h, 'prolog_flag', f);
    // SWI's errors: a boolean flag wants `bool`, any other its own name as the domain.
    const bool = spec.values.length === 2 && spec.values.includes('true');
    if (h.kind(v) !== 'atom') typeError(h, bool ? 'bool' : 'atom', v);
    if (!spec.values.includes(h.atomName(v))) bool ? typeError(h, 'bool', v) : domainError(h, name, v);
    s.flags.set(name, h.atomName(v));
    return g();
  },
  '$prolog_flags/2': (s, g, a) => {
    // current_prolog_flag/2: the (one or every) flag with its value, as a list of pairs.
    const h = s.h;
    const f = h.deref(a(1));
    const name = flagName(h, f, true);
    const names = name === null ? [...Object.keys(SETTABLE), ...Object.keys(READ_ONLY)] : [name];
    const pairs: Desc[] = [];
    for (const n of names) {
      const v = flagValue(s, n);
      if (v !== undefined) pairs.push(h.str('-', h.atom(n), h.atom(v)));
    }
    // argv: the arguments after `--`, as `swipl prog.pl -- a b` gives them.
    if (name === null || name === 'argv')
      pairs.push(h.str('-', h.atom('argv'), h.list((s.info.argv ?? []).map((x) => h.atom(x)))));
    return h.build(h.str('$prolog_flags', a(1), h.list(pairs)));
  },
  '$user_predicates/1': (s) => {
    // current_predicate/1: the program's predicates, and the dynamic ones alive now.
    const h = s.h;
    const ids = new Set(s.info.userPreds);
    for (const [id, e] of s.db) if (e.head !== 0 || s.info.dynamicPreds.has(id)) ids.add(id);
    const pis = [...ids].map((id) => indicator(h, h.syms.names[id]!, h.syms.arities[id]!));
    return h.build(h.str('$user_predicates', h.list(pis)));
  },
  '$clause_head/1': (s, g, a) => {
    // clause/2's checks: a callable head, and not a builtin or library predicate.
    const h = s.h;
    const { name, arity } = headKey(h, h.deref(a(1)));
    const id = h.syms.id(name, arity);
    const builtin = isHostBuiltin(`${name}/${arity}`) || (s.info.staticPreds.has(id) && !s.info.userPreds.includes(id));
    if (builtin) permissionError(h, 'access', 'private_procedure', indicator(h, name, arity));
    return g();
  },
  '$operators/1': (s) => {
    // current_op/3 enumerates these in library Prolog.
    const h = s.h;
    const ops = s.info.ops.all().map((o) => h.str('op', h.int(BigInt(o.priority)), h.atom(o.type), h.atom(o.name)));
    return h.build(h.str('$operators', h.list(ops)));
  },
} satisfies Record<string, Builtin>;
