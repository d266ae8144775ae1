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

// These also run with a collection at every allocation: host code building error terms
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
]);

// The semispace column: each program again under the collector that moves every live object
// at every collection, with the heap verifier and its write-barrier check on (host code must
// hold refs across allocations in handles and announce every ref store). The stress interval
// is set per program for about COLLECTIONS collections, from the allocations its plain run
// counts: small programs are collected every few allocations, big ones stay quick.
const COLLECTIONS = 25;

/** A counter from a run's --stats. */
const statOf = (stderr: string, name: string): number =>
  Number(new RegExp(`^\\s+${name}\\s+(\\d+)`, 'm').exec(stderr)?.[1]);

for (const backend of backends) {
  for (const file of programs) {
    const base = file.slice(0, -3);
    const path = new URL(file, dir).pathname;
    const expected = readFileSync(new URL(`${base}.out`, dir), 'utf8');
    const status = Number(readFileSync(new URL(`${base}.status`, dir), 'utf8').trim());
    const onBackend = backend === 'interp' ? [] : ['--backend', backend];
    let allocations: (count: number) => void = () => {};
    const counted = new Promise<number>((resolve) => (allocations = resolve));
    for (const stress of STRESSED.has(base) ? [false, true] : [false]) {
      test(`${backend}: ${base}${stress ? ' (gc stress)' : ''}`, async (t) => {
        const args = [
          path,
          '-g',
          'main',
          ...onBackend,
          ...(backend === 'interp' ? [] : ['--gc', 'boehm']),
          ...(stress ? ['--gc-stress', '1'] : ['--stats']),
        ];
        const got = await runJitc(args);
        if (!stress) allocations(statOf(got.stderr, 'allocations'));
        t.is(got.stdout, expected);
        t.is(got.code, status);
      });
    }
    test(`${backend}: ${base} (semispace)`, async (t) => {
      const count = await counted;
      if (!Number.isInteger(count)) return t.fail('the plain run printed no allocation count');
      const every = Math.floor(count / COLLECTIONS) | 1;
      const args = [path, '-g', 'main', ...onBackend, '--gc', 'semispace', '--verify-heap', '--gc-stress', `${every}`];
      const got = await runJitc([...args, '--stats']);
      t.is(got.stdout, expected, got.stderr);
      t.is(got.code, status);
      t.true(statOf(got.stderr, 'collections') > 0, 'the program moved its objects');
    });
  }
}
