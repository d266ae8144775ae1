import fc from 'fast-check';

/**
 * Random Prolog programs that end by construction: facts over small atoms and integers,
 * rules r0..rN whose bodies call only facts and lower-numbered rules (no recursion but
 * through the fixed, bounded helpers: a countdown on a decreasing integer guarded by N > 0,
 * and a list length over a list findall/3 built), cuts, if-then-else, negation,
 * disjunction, arithmetic with bigints, findall/bagof/setof, catch/throw and
 * assert/retract of a dynamic predicate. Every name starts with the case's prefix, so that
 * several cases share one file (and one `swipl` and one `jitc` run).
 */
export interface RandomCase {
  facts: [string, string][];
  units: string[];
  /** Each rule's clauses, each clause a list of body goals (templates, see GOALS). */
  rules: string[][][];
  /** The countdown's multiplier. */
  factor: string;
  queries: string[];
}

const ATOMS = ['a', 'b', 'c', 'abc', '[]', "'A b'"];
const SMALL = ['0', '1', '2', '3', '-1', '5'];
const BIG = ['98765432109876543210', '-12345678901234567890123', '4294967296', '1152921504606846976', '7'];

const constant = fc.oneof(fc.constantFrom(...ATOMS), fc.constantFrom(...SMALL));

/** Body goals; `&` is the case's prefix, `#` the index of a lower rule (dropped in r0). */
// biome-ignore format: a table
const GOALS = [
  '&f(X, Y)', '&f(Y, Z)', '&f(X, X)', '&f(Z, Y)', '&g(X)', '&g(Y)', '&g(Z)',
  '&r#(X, Z)', '&r#(Y, X)', '&r#(Z, W)',
  'X = a', 'Y = 3', 'Z = f(X)', 'W = [X, Y]', '!',
  '\\+ &f(X, _)', '\\+ &g(Y)', 'X \\= Y', 'X \\== Z',
  '( &g(X) -> Y = yes ; Y = no )', '( &f(X, Z) -> true ; Z = none )', '( X == Y -> Z = same ; Z = diff )',
  '( &g(X) ; &f(X, Y) )', '( &g(Z), ! ; Z = last )', '( Y = 1 ; Y = 2 ; Y = 3 )',
  'integer(Y), Z is Y * &K + 3', 'Z is X + Y', 'Z is X * X - Y', 'Y > 2', 'X =:= Y', 'Z is &K mod (Y + 7)',
  'Z is -(&K) // 3 + Y', 'Z is max(Y, 2) << 40', 'Z is abs(Y - &K)',
  'X @< Y', 'compare(Z, X, Y)', 'atom(X)', 'integer(Y)', 'var(Z)', 'nonvar(X)', 'number(X)',
  'findall(A, &f(A, _), L), &len(L, Z)', 'findall(A-B, &f(A, B), Z)', 'setof(A, B^&f(A, B), Z)',
  'bagof(A, &f(A, Y), Z)', 'setof(B-A, &f(A, B), Z)', 'aggregate_all(count, &f(_, _), Z)',
  'findall(Y, &r#(X, Y), Z)', 'forall(&f(A, B), A \\== B)',
  'catch(&thrower(X), ball(Z), true)', 'catch(&thrower(Y), E, (E = ball(Z)))', 'throw(ball(X))',
  '&count(3, 1, Z)', '&count(Y, 1, Z)', '&count(X, Y, Z)',
  'assertz(&d(X))', 'asserta(&d(Y))', 'retract(&d(Z))', '&d(Z)', 'retract(&d(_))',
  'msort([Y, X, b], Z)', 'sort(0, @>=, [X, Y, 1], Z)', 'length(Z, 2)', 'atom_length(X, Z)', 'succ(Y, Z)',
  'copy_term(f(X, Y, _), Z)', 'functor(Z, X, 2)', 'Z =.. [g, X, Y]', 'atom_codes(X, Z)', 'between(1, 3, Z)',
  'nth1(2, [X, Y, Z], W)', 'last([X, Y], Z)', 'append(Z, [X], [a, Y])', 'memberchk(Z, [X, Y])',
];

const QUERIES = [
  'forall(&r#(X, Y), (&w(X-Y), nl))',
  'findall(X-Y, &r#(X, Y), L), &w(L), nl',
  '( &r#(a, Y) -> &w(first(Y)) ; write(none) ), nl',
  'forall(&r#(X, 3), (&p(X), nl))',
  'aggregate_all(count, &r#(_, _), N), write(count(N)), nl',
  '( \\+ &r#(b, _) -> write(no_b) ; write(some_b) ), nl',
  'findall(Z, &d(Z), L), &p(d(L)), nl',
];

export const caseArbitrary: fc.Arbitrary<RandomCase> = fc.integer({ min: 1, max: 4 }).chain((ruleCount) =>
  fc.record({
    facts: fc.array(fc.tuple(constant, constant), { minLength: 1, maxLength: 6 }),
    units: fc.array(constant, { maxLength: 4 }),
    rules: fc.tuple(
      ...Array.from({ length: ruleCount }, (_, k) =>
        fc.array(
          fc.array(
            fc.constantFrom(...GOALS.filter((g) => k > 0 || !g.includes('#'))).map((g) => lowerRule(g, k)),
            { maxLength: 4 },
          ),
          { minLength: 1, maxLength: 3 },
        ),
      ),
    ),
    factor: fc.constantFrom(...BIG),
    queries: fc.array(
      fc
        .tuple(fc.constantFrom(...QUERIES), fc.integer({ min: 0, max: ruleCount - 1 }))
        .map(([q, r]) => q.replace('#', String(r))),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);

/** A goal naming `&r#` calls rule (k - 1), the one below: no rule reaches itself. */
function lowerRule(goal: string, k: number): string {
  return goal.replace('#', String(k - 1));
}

/** The case as clauses whose names start with `prefix`; `prefix_main` runs its queries. */
export function renderCase(c: RandomCase, prefix: string): string {
  const p = (text: string): string => text.replaceAll('&K', c.factor).replaceAll('&', `${prefix}_`);
  const lines = [
    `:- dynamic(${prefix}_d/1).`,
    ...c.facts.map(([a, b]) => p(`&f(${a}, ${b}).`)),
    ...(c.units.length === 0 ? [p('&g(_) :- fail.')] : c.units.map((a) => p(`&g(${a}).`))),
    ...c.rules.flatMap((clauses, k) =>
      clauses.map((body) => p(`&r${k}(X, Y) :- ${body.length === 0 ? 'true' : body.join(', ')}.`)),
    ),
    p('&count(0, A, A) :- !.'),
    p('&count(N, A0, A) :- N > 0, N < 20, N1 is N - 1, A1 is A0 * &K + N, &count(N1, A1, A).'),
    p('&len([], 0).'),
    p('&len([_|T], N) :- &len(T, M), N is M + 1.'),
    p('&thrower(X) :- &g(X), throw(ball(X)).'),
    p('&thrower(_).'),
    p(`&main :- ${c.queries.map((q, i) => `&q(${i}, (${q}))`).join(', ')}.`),
    p('&q(I, G) :- write(query(I)), nl, catch((G -> true ; write(failed), nl), E, &caught(E)).'),
    p("&caught(error(F, _)) :- !, write('caught error: '), &p(F), nl."),
    p("&caught(B) :- write('caught: '), &p(B), nl."),
    // Variables print as `_123` on SWI-Prolog and `_G123` on jitc: they are shown as `_`.
    p('&w(T) :- copy_term(T, C), term_variables(C, Vs), &blank(Vs), write(C).'),
    p('&p(T) :- copy_term(T, C), term_variables(C, Vs), &blank(Vs), print(C).'),
    p('&blank([]).'),
    p("&blank(['_'|Vs]) :- &blank(Vs)."),
  ];
  return `${lines.join('\n')}\n`;
}
