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

for (const backend of backends) {
  for (const file of programs) {
    const base = file.slice(0, -3);
    for (const stress of STRESSED.has(base) ? [false, true] : [false]) {
      test(`${backend}: ${base}${stress ? ' (gc stress)' : ''}`, async (t) => {
        const path = new URL(file, dir).pathname;
        const expected = readFileSync(new URL(`${base}.out`, dir), 'utf8');
        const status = Number(readFileSync(new URL(`${base}.status`, dir), 'utf8').trim());
        const args = [
          path,
          '-g',
          'main',
          ...(backend === 'interp' ? [] : ['--backend', backend, '--gc', 'boehm']),
          ...(stress ? ['--gc-stress', '1'] : []),
        ];
        const got = await runJitc(args);
        t.is(got.stdout, expected);
        t.is(got.code, status);
      });
    }
  }
}
