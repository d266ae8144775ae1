import { atom, int, list, str, type Term } from '../reader/terms.ts';

/**
 * DCG rules (`Head --> Body`) as the clauses SWI-Prolog's consult makes of them: every
 * non-terminal gets two more arguments, the list before and after it; terminal lists and
 * string literals become unifications with the list; `{}`, `!`, `\+`, `call//N` and the
 * control constructs translate as in SWI's dcg_translate_rule/2. Only the clause's shape
 * for clause/2 differs (SWI folds a leading terminal into the head's unification): the
 * clauses run the same.
 */
export function dcgRule(head: Term, body: Term): Term {
  const fresh = freshVariables();
  const s0 = fresh();
  const s = fresh();
  if (head.k === 'str' && head.name === ',' && head.args.length === 2) {
    // A pushback `H, PB --> B`: after B, the list is PB in front of what B left.
    const [h, pushback] = head.args as [Term, Term];
    const mid = fresh();
    return str(':-', [withLists(h, s0, s), str(',', [dcgBody(body, s0, mid, fresh), terminal(pushback, s, mid)])]);
  }
  return str(':-', [withLists(head, s0, s), dcgBody(body, s0, s, fresh)]);
}

/** The body `b` as a goal taking the list from `s0` to `s`. */
export function dcgBody(b: Term, s0: Term, s: Term, fresh: () => Term): Term {
  if (b.k === 'var') return str('phrase', [b, s0, s]);
  if (b.k === 'str' && b.args.length === 2 && b.name === ',') {
    const mid = fresh();
    return str(',', [dcgBody(b.args[0]!, s0, mid, fresh), dcgBody(b.args[1]!, mid, s, fresh)]);
  }
  if (b.k === 'str' && b.args.length === 2 && (b.name === ';' || b.name === '|')) {
    return str(';', [dcgBody(b.args[0]!, s0, s, fresh), dcgBody(b.args[1]!, s0, s, fresh)]);
  }
  if (b.k === 'str' && b.args.length === 2 && (b.name === '->' || b.name === '*->')) {
    const mid = fresh();
    return str(b.name, [dcgBody(b.args[0]!, s0, mid, fresh), dcgBody(b.args[1]!, mid, s, fresh)]);
  }
  if (b.k === 'str' && b.args.length === 1 && b.name === '\\+') {
    return str(',', [str('\\+', [dcgBody(b.args[0]!, s0, fresh(), fresh)]), str('=', [s0, s])]);
  }
  if (b.k === 'atom' && b.name === '!') return str(',', [atom('!'), str('=', [s0, s])]);
  if (b.k === 'atom' && b.name === '[]') return str('=', [s0, s]);
  if (b.k === 'atom' && b.name === '{}') return str('=', [s0, s]);
  if (b.k === 'str' && b.args.length === 1 && b.name === '{}') return str(',', [b.args[0]!, str('=', [s0, s])]);
  if (b.k === 'str' && b.name === '[|]' && b.args.length === 2) return terminal(b, s0, s);
  if (b.k === 'string') return terminal(b, s0, s);
  if (b.k === 'str' && b.name === 'call') return str('call', [...b.args, s0, s]);
  return withLists(b, s0, s);
}

/** `s0` unified with the terminals of `t` (a list or a string literal) in front of `s`. */
function terminal(t: Term, s0: Term, s: Term): Term {
  if (t.k === 'string')
    return str('=', [
      s0,
      list(
        [...t.v].map((c) => int(c.codePointAt(0)!)),
        s,
      ),
    ]);
  const items: Term[] = [];
  let x: Term = t;
  while (x.k === 'str' && x.name === '[|]' && x.args.length === 2) {
    items.push(x.args[0]!);
    x = x.args[1]!;
  }
  return str('=', [s0, list(items, s)]);
}

/** A non-terminal called with the list arguments. */
function withLists(t: Term, s0: Term, s: Term): Term {
  if (t.k === 'atom') return str(t.name, [s0, s]);
  if (t.k === 'str') return str(t.name, [...t.args, s0, s]);
  // Not callable: the call raises the type error SWI's translation raises at load.
  return str('call', [t, s0, s]);
}

/** Variables no source text can name (a source variable starts with a capital or `_`). */
export function freshVariables(): () => Term {
  let n = 0;
  return () => ({ k: 'var', name: `$S${n++}` });
}
