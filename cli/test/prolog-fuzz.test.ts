import test from 'ava';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from '#framework';
import { EXCLUDED, fuzzedBuiltins, hasStrings } from '../../plugins/frontend-prolog/test/fuzz/builtin-table.ts';
import { goalArbitrary } from '../../plugins/frontend-prolog/test/fuzz/terms.ts';
import { CLI_PLUGINS } from '../src/all-plugins.ts';
import { cliInProcess } from './cli-harness.ts';

// Every builtin (plugins/frontend-prolog/test/fuzz/builtin-table.ts: from the frontend's own
// tables, bar EXCLUDED) called with random arguments (fuzz/terms.ts) must succeed, fail or
// raise an ISO error term that catch/3 sees: never end the run, print a host stack trace,
// throw something else or break the heap. Goals go in batches, one jitc run per batch, in
// this process (fuzz/driver.pl runs them);
// each batch runs on every landed backend, and the first one again on the interpreter under
// a moving collector with the heap verifier on. JITC_PROLOG_FUZZ_BATCHES runs more batches,
// JITC_PROPERTY_SEED replays a run.
const BATCH = 400;
const batches = Number(process.env.JITC_PROLOG_FUZZ_BATCHES ?? 1);
const seed = Number(process.env.JITC_PROPERTY_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);

const dir = mkdtempSync(join(tmpdir(), 'jitc-prolog-fuzz-'));
const driver = readFileSync(new URL('../../plugins/frontend-prolog/test/fuzz/driver.pl', import.meta.url), 'utf8');
const builtins = fuzzedBuiltins();
const goals = fc.sample(goalArbitrary(builtins, { strings: hasStrings() }), { numRuns: BATCH * batches, seed });

/** A batch's program: the goals as facts, then the driver. */
function batchFile(index: number, batchGoals: readonly string[]): string {
  const facts = batchGoals.map((g, i) => `fz_goal(${i}, ${g}).`).join('\n');
  const path = join(dir, `batch${index}.pl`);
  writeFileSync(path, `${facts}\n${driver}`);
  return path;
}

const configurations: [string, string[]][] = [
  ...new Registry(CLI_PLUGINS)
    .backends()
    .map((b): [string, string[]] => [`${b.name} × boehm`, ['--backend', b.name, '--gc', 'boehm']]),
  ['interp × semispace, verified', ['--gc', 'semispace', '--gc-stress', '997', '--verify-heap']],
];

test(`the fuzzed builtins: ${builtins.length}, excluded: ${Object.keys(EXCLUDED).join(' ')}`, (t) => {
  t.true(builtins.length > 150, builtins.map((b) => `${b.name}/${b.arity}`).join(' '));
});

for (let b = 0; b < batches; b++) {
  const batchGoals = goals.slice(b * BATCH, (b + 1) * BATCH);
  const file = batchFile(b, batchGoals);
  for (const [what, flags] of configurations) {
    if (what.includes('semispace') && b > 0) continue;
    test(`${what}: batch ${b} of ${BATCH} random builtin calls`, async (t) => {
      const got = await cliInProcess(file, '-g', 'fz_main', ...flags);
      const r = { stdout: got.stdout, stderr: got.stderr, code: got.status };
      const lines = r.stdout.split('\n').filter((l) => l.startsWith('@@FUZZ '));
      const bad = lines.filter((l) => l.startsWith('@@FUZZ bad '));
      const ran = lines.filter((l) => l.startsWith('@@FUZZ run ')).map((l) => Number(l.slice(11)));
      const replay = `(seed ${seed}: JITC_PROPERTY_SEED=${seed} replays; program ${file})`;
      for (const l of bad) {
        const i = Number(l.split(' ')[2]);
        t.fail(`${batchGoals[i]} raised a non-ISO ball: ${l.slice(l.indexOf(' ', 11) + 1)} ${replay}`);
      }
      const done = lines.at(-1) === '@@FUZZ done' && r.code === 0;
      if (!done) {
        const last = ran.at(-1);
        t.fail(
          `the run ended with status ${r.code} after goal ${last}: ${last === undefined ? '' : batchGoals[last]} ` +
            `${replay}\n${r.stderr.slice(0, 2000)}`,
        );
      }
      t.notRegex(r.stderr, /^\s+at /m, 'a host stack trace');
      t.is(r.stderr, '', replay);
    });
  }
}
