import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { landedConfigurations, runJitc } from '#framework/testing';

// Each programs/X.pl runs as `jitc X.pl -g main`; stdout and the exit status must equal
// what `swipl -q -g main -t halt X.pl` gave (X.out, X.status, generated with swipl).
const dir = new URL('./programs/', import.meta.url);
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.pl'))
  .sort();

const backends = [...new Set((await landedConfigurations()).map((c) => c.backend))];

// Three runs of each program, all held to swipl's output (docs/decisions.md, "The program
// suites' collector columns"):
// - plain, on boehm, on every landed backend;
// - generational: the nursery and the old generation both collected a handful of times,
//   with the heap verifier and its remembered-set check on;
// - semispace, which moves every live object at every collection and checks every barrier.
// Each moving collector runs a program on one backend, taking turns (never the same one for
// both): host code is the same on every backend, and compiled frames under the moving
// collectors are the file tests' and the differentials' job. That keeps the suite within
// CI's time.
// A stressed run's interval is set for about COLLECTIONS collections from the allocation
// count of the program's plain run on the first backend (the count is the same on all).
const COLLECTIONS = 12;

// These collect at every allocation in their semispace run: host code building error terms
// and code compiled at run time must keep everything they hold rooted.
const STRESSED = new Set([
  'univ_lists',
  'db_hot_compiled',
  'db_hot_backtrack',
  'exceptions_errors',
  'iso_errors',
  'arith_big',
  'univ_functor',
  'head_compound',
  'fact_table',
  'str_term_text',
  'str_db',
]);

/** A counter from a run's --stats. */
const statOf = (stderr: string, name: string): number =>
  Number(new RegExp(`^\\s+${name}\\s+(\\d+)`, 'm').exec(stderr)?.[1]);

programs.forEach((file, index) => {
  const base = file.slice(0, -3);
  const path = new URL(file, dir).pathname;
  const expected = readFileSync(new URL(`${base}.out`, dir), 'utf8');
  const status = Number(readFileSync(new URL(`${base}.status`, dir), 'utf8').trim());
  let allocations: (count: number) => void = () => {};
  const counted = new Promise<number>((resolve) => (allocations = resolve));
  const semispaceBackend = backends[index % backends.length];
  const generationalBackend = backends[(index + 1) % backends.length];

  backends.forEach((backend, b) => {
    const onBackend = backend === 'interp' ? [] : ['--backend', backend];
    const counts = b === 0;
    test(`${backend}: ${base}`, async (t) => {
      const plainGc = backend === 'interp' ? [] : ['--gc', 'boehm'];
      const got = await runJitc([path, '-g', 'main', ...onBackend, ...plainGc, ...(counts ? ['--stats'] : [])]);
      if (counts) allocations(statOf(got.stderr, 'allocations'));
      t.is(got.stdout, expected);
      t.is(got.code, status);
    });

    const stressed = (gc: string) => async (t: import('ava').ExecutionContext) => {
      const count = await counted;
      if (!Number.isInteger(count)) return t.fail('the plain run printed no allocation count');
      const every = gc === 'semispace' && STRESSED.has(base) ? 1 : Math.floor(count / COLLECTIONS) | 1;
      const args = [path, '-g', 'main', ...onBackend, '--gc', gc, '--verify-heap', '--gc-stress', `${every}`];
      const got = await runJitc([...args, '--stats']);
      t.is(got.stdout, expected, got.stderr);
      t.is(got.code, status);
      t.true(statOf(got.stderr, 'collections') > 0, 'the program moved its objects');
    };
    if (backend === generationalBackend) test(`${backend}: ${base} (generational)`, stressed('generational'));
    if (backend === semispaceBackend) test(`${backend}: ${base} (semispace)`, stressed('semispace'));
  });
});
