import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Registry } from '#framework';
import { processLimit } from '#framework/testing';
import { caseArbitrary, renderCase, type RandomCase } from '../../plugins/frontend-prolog/test/random/program-gen.ts';
import { CLI_PLUGINS } from '../src/all-plugins.ts';
import { cliInProcess } from './cli-harness.ts';

// Random Prolog programs (plugins/frontend-prolog/test/random/program-gen.ts) give the
// output `swipl` gives, on every landed backend. The cases of a run share one file (each its
// own predicate names), so a run is one `swipl` and one jitc run per backend, in this process
// (a process per run cost about half a CPU-second of start-up each, shrinking steps
// included); each case prints a header and its queries' results, failures and caught errors. A case that differs is shrunk (one case per file,
// run alone) and saved as programs/random_<seed>.pl with swipl's output: the program suite
// runs it from then on. JITC_PROLOG_RANDOM_RUNS sets the cases (default 100),
// JITC_PROPERTY_SEED replays a run.
const runs = Number(process.env.JITC_PROLOG_RANDOM_RUNS ?? 100);
const seed = Number(process.env.JITC_PROPERTY_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);

const execFileAsync = promisify(execFile);
const spawnLimit = processLimit();
const dir = mkdtempSync(join(tmpdir(), 'jitc-prolog-random-'));
const programs = new URL('../../plugins/frontend-prolog/test/programs/', import.meta.url);

/** Runs jitc on a file in this process: stdout and the exit status. */
async function runJitc(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await cliInProcess(...args);
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

interface Run {
  stdout: string;
  code: number;
}

async function swipl(file: string): Promise<Run> {
  return spawnLimit(async () => {
    try {
      const r = await execFileAsync('swipl', ['-q', '-g', 'main', '-t', 'halt', file], { maxBuffer: 1 << 26 });
      return { stdout: r.stdout, code: 0 };
    } catch (err) {
      const e = err as { stdout?: string; code?: number };
      return { stdout: e.stdout ?? '', code: typeof e.code === 'number' ? e.code : -1 };
    }
  });
}

/** A file running the cases in turn, each after a `=== case I` line. */
function programOf(cases: readonly RandomCase[]): string {
  const main = `main :- ${cases.map((_, i) => `write('=== case ${i}'), nl, c${i}_main`).join(', ')}.\n`;
  return cases.map((c, i) => renderCase(c, `c${i}`)).join('') + main;
}

/** Each case's part of the output. */
const byCase = (stdout: string): string[] => stdout.split(/^=== case \d+\n/m).slice(1);

// A unification binding a variable to a term holding it makes a cyclic term, which SWI-Prolog
// supports and jitc does not (docs/prolog.md): swipl runs the cases with the occurs check
// raising an error, and the cases where it fired are left out of the comparison.
const OCCURS_CHECK = ':- set_prolog_flag(occurs_check, error).\n';

/** Runs `source` on swipl, with the occurs check on. */
async function onSwipl(source: string, name: string): Promise<Run> {
  const file = join(dir, `${name}.swi.pl`);
  writeFileSync(file, OCCURS_CHECK + source);
  return swipl(file);
}

const generated = fc.sample(caseArbitrary, { numRuns: runs, seed });
const all = await onSwipl(programOf(generated), 'all');
const allOutputs = byCase(all.stdout);
const acyclic = generated.flatMap((c, i) => (allOutputs[i]?.includes('occurs_check') ? [] : [{ c, i }]));
const file = join(dir, 'random.pl');
writeFileSync(file, programOf(acyclic.map((x) => x.c)));
const wanted = acyclic.map((x) => allOutputs[x.i]!);

let shrinkSteps = 0;

/** Whether jitc on `flags` prints what swipl prints for one case alone. */
async function agrees(c: RandomCase, flags: readonly string[]): Promise<boolean> {
  const source = programOf([c]);
  const name = `shrinking${++shrinkSteps}`;
  const want = await onSwipl(source, name);
  if (want.stdout.includes('occurs_check')) return true;
  const jitcFile = join(dir, `${name}.pl`);
  writeFileSync(jitcFile, source);
  const got = await runJitc([jitcFile, '-g', 'main', ...flags]);
  return want.stdout === got.stdout && want.code === got.code;
}

/** Shrinks the differing case `index` (replayed from the run's seed, fast-check's path) and
 *  saves the smallest as a program test with swipl's output. */
async function saveShrunk(t: ExecutionContext, index: number, flags: readonly string[]): Promise<void> {
  const details = await fc.check(
    fc.asyncProperty(caseArbitrary, (x) => agrees(x, flags)),
    { seed, path: String(index), numRuns: runs },
  );
  const smallest = details.counterexample?.[0];
  if (!smallest) return void t.log('the case alone agrees: it differs only after the cases before it');
  const base = `random_${seed >>> 0}`;
  const source = `${renderCase(smallest, 'c0')}main :- c0_main.\n`;
  const path = new URL(`${base}.pl`, programs).pathname;
  writeFileSync(path, source);
  const want = await swipl(path);
  writeFileSync(new URL(`${base}.out`, programs), want.stdout);
  writeFileSync(new URL(`${base}.status`, programs), `${want.code}\n`);
  t.log(`shrunk in ${details.numShrinks} steps, saved as ${path}:\n${source}`);
}

for (const backend of new Registry(CLI_PLUGINS).backends().map((b) => b.name)) {
  const flags = ['--backend', backend, '--gc', 'boehm'];
  test(`${backend}: ${runs} random programs print what swipl prints`, async (t) => {
    t.is(all.code, 0, `swipl failed on ${file}`);
    t.is(allOutputs.length, generated.length, 'swipl ran every case');
    const got = await runJitc([file, '-g', 'main', ...flags]);
    const gotten = byCase(got.stdout);
    const replay = `JITC_PROPERTY_SEED=${seed} replays (program ${file})`;
    const differing = wanted.findIndex((w, i) => gotten[i] !== w);
    if (differing >= 0) {
      const index = acyclic[differing]!.i;
      t.log(`case ${index} differs: ${replay}\n${renderCase(generated[index]!, 'c0')}`);
      t.log(`swipl:\n${wanted[differing]}\njitc:\n${gotten[differing] ?? '(nothing)'}\n${got.stderr.slice(0, 1500)}`);
      await saveShrunk(t, index, flags);
      return t.fail(`case ${index} of seed ${seed} differs`);
    }
    t.is(got.code, 0, got.stderr);
    t.log(`${acyclic.length} cases compared, ${runs - acyclic.length} left out as cyclic (seed ${seed})`);
  });
}
