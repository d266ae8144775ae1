import fc from 'fast-check';

/**
 * Random Prolog terms for calling builtins with, as source text. Everything is ground in
 * the source (a fact table costs little to compile) and stands for what the driver builds
 * at run time: `fz_var(K)` is the goal's K-th fresh variable, `fz_deep(N)` a compound
 * nested N deep, `fz_list(N)` the list 1..N.
 */

/** Atoms: plain, quoted, operators, builtin names (call/N), flags, format directives. */
// biome-ignore format: a table
const ATOMS = [
  'a', 'b', 'foo', '[]', '', 'hello world', "don't", 'é', 'λx', '+', '-', '*', '/', ',', ';', '->', ':-', '{}', '|',
  'true', 'fail', 'atom', 'integer', 'atom_length', 'write', 'succ', 'plus', 'member', 'char', 'code', 'alpha',
  'digit', 'to_lower', 'xfx', 'fy', 'yfx', 'user_output', 'user_error', 'user_input', 'bounded', 'max_integer',
  'double_quotes', 'codes', 'chars', 'atom', 'unknown', 'error', 'inf', 'infinite', 'nan', 'epsilon', 'pi', 'count',
  'sum', 'max', 'quoted', 'abc', '0', '12', '-7', '1.5', '1e10', '0x1F', ' 42', "0'a", '~w', 'x~ay', '~d', '~D',
  '~e', '~4f', '~g', '~*c', '~t~w~10|', '~p', '~s', '~i~w', '~q~n', '~', '~a~a', '~r', '~8|', '~+', '~c', '~`-t~30|',
  '~:d', '~2d', '@',
];

/** Integers: small, at the edges of tagged and machine words, beyond them, code points. */
// biome-ignore format: a table
const INTEGERS = [
  0n, 1n, -1n, 2n, 3n, 7n, 10n, 32n, 97n, 255n, 1024n, 1025n, 0x10ffffn, 0x110000n, 2n ** 27n - 1n, 2n ** 30n,
  2n ** 31n - 1n, 2n ** 31n, -(2n ** 31n), 2n ** 32n, 2n ** 53n + 1n, 2n ** 62n, 2n ** 63n - 1n, 2n ** 63n,
  -(2n ** 63n), 2n ** 64n, -(2n ** 64n), 10n ** 30n, -(10n ** 30n), 2n ** 200n,
];

// biome-ignore format: a table
const FLOATS = ['0.0', '-0.0', '1.5', '-2.5', '1.0e10', '1.0e300', '-1.0e-300', '3.0', '0.1', '1.0e15', '255.0'];

/** Goals for the meta-predicates' goal arguments: all end, some raise, one throws a non-error ball. */
const GOALS = [
  'true',
  'fail',
  '!',
  'member(fz_var(0),[1,2,3])',
  'throw(fz_ball)',
  "'='(fz_var(0),a)",
  'atom(a)',
  "','(true,fail)",
  "';'(fail,true)",
  "'->'(true,fail)",
  'write(x)',
  'between(1,3,fz_var(1))',
  'atom_length(fz_var(2),fz_var(0))',
  "'is'(fz_var(0),'+'(1,a))",
];

// biome-ignore format: a table
const FUNCTORS = ['f', 'g', 'foo', '-', '+', '/', '*', ',', ';', '->', ':-', '{}', '^', '-', 'error', 'point'];

export const quoteAtom = (a: string): string =>
  a === '[]' ? '[]' : `'${a.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `"..."` strings, once the frontend has them (hasStrings()). */
// biome-ignore format: a table
const STRINGS = ['""', '"abc"', '"hello world"', '"42"', '"~w"', '"é"'];

/** `closed`: no variables and no partial lists, for the list library (LIST_WALKERS). */
export function termArbitrary(options: { strings: boolean; closed: boolean }): fc.Arbitrary<string> {
  const leaves: fc.Arbitrary<string>[] = [
    fc.constantFrom(...ATOMS).map(quoteAtom),
    fc.oneof(fc.integer({ min: -5, max: 20 }).map(String), fc.constantFrom(...INTEGERS).map(String)),
    fc.constantFrom(...FLOATS),
    fc.constantFrom('fz_deep(50)', 'fz_deep(10000)', 'fz_list(0)', 'fz_list(3)', 'fz_list(1000)'),
  ];
  if (!options.closed)
    leaves.push(
      fc.integer({ min: 0, max: 2 }).map((k) => `fz_var(${k})`),
      fc.constantFrom(...GOALS),
    );
  if (options.strings) leaves.push(fc.constantFrom(...STRINGS));
  const { term } = fc.letrec<{ term: string; compound: string; list: string }>((tie) => ({
    term: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...leaves, tie('compound'), tie('list')),
    compound: fc
      .tuple(fc.constantFrom(...FUNCTORS), fc.array(tie('term'), { minLength: 1, maxLength: 3 }))
      .map(([f, args]) => `${quoteAtom(f)}(${args.join(',')})`),
    list: fc
      .tuple(
        fc.array(tie('term'), { maxLength: 4 }),
        options.closed ? fc.constant(undefined) : fc.option(tie('term'), { nil: undefined }),
      )
      .map(([items, tail]) => (items.length === 0 ? '[]' : `[${items.join(',')}${tail ? `|${tail}` : ''}]`)),
  }));
  return term;
}

/** A call of `name/arity` with random arguments, as source text. */
export function goalArbitrary(
  builtins: readonly { name: string; arity: number }[],
  options: { strings: boolean },
): fc.Arbitrary<string> {
  const open = termArbitrary({ ...options, closed: false });
  const closed = termArbitrary({ ...options, closed: true });
  return fc.constantFrom(...builtins).chain(({ name, arity }) => {
    const term = `${name}/${arity}` in LIST_WALKERS ? closed : open;
    return arity === 0
      ? fc.constant(quoteAtom(name))
      : fc.array(term, { minLength: arity, maxLength: arity }).map((args) => `${quoteAtom(name)}(${args.join(',')})`);
  });
}

/** The list library's predicates that, as SWI-Prolog's do, search without end when a list
 *  argument is open (subtract(L, D, [x]) with L unbound tries ever longer lists): they get
 *  arguments without variables or partial lists. What they call is fuzzed on its own. */
// biome-ignore format: a table
const WALKER_KEYS = [
  'append/2', 'append/3', 'delete/3', 'exclude/3', 'include/3', 'partition/4', 'foldl/4', 'foldl/5', 'foldl/6',
  'maplist/2', 'maplist/3', 'maplist/4', 'maplist/5', 'maplist/6', 'maplist/7', 'intersection/3', 'union/3',
  'subtract/3', 'sum_list/2', 'sumlist/2', 'max_list/2', 'min_list/2', 'max_member/2', 'min_member/2', 'last/2',
  'list_to_set/2', 'nth0/3', 'nth1/3', 'reverse/2', 'permutation/2', 'select/3', 'selectchk/3', 'select/4',
  'nextto/3', 'pairs_keys_values/3', 'pairs_keys/2', 'pairs_values/2', 'flatten/2', 'predsort/3',
];
const LIST_WALKERS: Readonly<Record<string, true>> = Object.fromEntries(WALKER_KEYS.map((k) => [k, true]));
