import test from 'ava';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from '#framework';
import {
  batchSource,
  expectedFile,
  lastLineOf,
  type PythonRun,
  runCPython,
  splitBatchOutput,
} from '../../plugins/frontend-minipy/test/random/batch.ts';
import { choiceList } from '../../plugins/frontend-minipy/test/random/choices.ts';
import {
  generateProgram,
  type RandomProgram,
  standaloneProgram,
} from '../../plugins/frontend-minipy/test/random/program-gen.ts';
import { CLI_PLUGINS } from '../src/all-plugins.ts';
import { cliInProcess, REPO } from './cli-harness.ts';

// Random mini-Python programs (plugins/frontend-minipy/test/random/) against CPython: the
// programs of a run go into one file, which CPython runs once and jitc once per backend, in
// this process. The interpreter runs every program, each native backend a share of them
// (compiling is most of the cost). MINIPY_RANDOM_CASES=N runs N programs on every backend;
// MINIPY_RANDOM_SEED replays a run. A mismatch is replayed program by program, shrunk by
// fast-check, and saved with CPython's expected output as a program test
// (plugins/frontend-minipy/test/programs/random_<seed>.py), which the program suites then run
// on every backend and collector.

const CHOICES = 1500;
const requested = process.env.MINIPY_RANDOM_CASES;
const CASES = Number(requested ?? 200);
/** Without MINIPY_RANDOM_CASES, a native backend runs this many of the programs. */
const NATIVE_SHARE = 20;
const SEED = Number(process.env.MINIPY_RANDOM_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
const SHRINK_MILLIS = 60_000;
const PROGRAMS = `${REPO}plugins/frontend-minipy/test/programs/`;

const backends = new Registry(CLI_PLUGINS).backends().map((b) => b.name);
const args = (backend: string): string[] =>
  backend === 'interp' ? ['--backend', backend] : ['--backend', backend, '--gc', 'boehm'];

const arbitrary = choiceList(CHOICES);
const parameters = (numRuns: number): fc.Parameters<[number[]]> => ({ seed: SEED, numRuns });

/** The programs of this run, in the order fast-check draws them for the seed. */
function drawPrograms(): number[][] {
  const drawn: number[][] = [];
  fc.assert(
    fc.property(arbitrary, (choices) => {
      drawn.push(choices);
    }),
    parameters(CASES),
  );
  return drawn;
}

const dir = mkdtempSync(join(tmpdir(), 'jitc-minipy-random-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

/** jitc's stdout for a file, or its whole report when it did not exit 0. */
async function runJitc(backend: string, source: string, name: string): Promise<PythonRun> {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, source);
  const r = await cliInProcess(...args(backend), file);
  return { stdout: r.stdout, status: r.status, lastLine: lastLineOf(r.stderr) };
}

const same = (a: PythonRun, b: PythonRun): boolean =>
  a.stdout === b.stdout && a.status === b.status && (a.status === 0 || a.lastLine === b.lastLine);

/** Which programs of a share differ on `backend` (by index), from one run of their batch. */
async function batchVerdicts(
  backend: string,
  programs: readonly RandomProgram[],
  expected: readonly (string | undefined)[],
): Promise<Map<number, boolean>> {
  const got = await runJitc(backend, batchSource(programs), `batch-${backend}`);
  const outputs = splitBatchOutput(got.stdout, programs.length);
  const verdicts = new Map<number, boolean>();
  // A program is decided when its output ends where the next one's begins; the last one and
  // any after a crash are replayed alone if the shrinking reaches them.
  outputs.forEach((out, i) => {
    if (out === undefined || (outputs[i + 1] === undefined && got.status !== 0)) return;
    verdicts.set(i, out === expected[i]);
  });
  return verdicts;
}

/** Replays the run program by program on `backend` (the batch's verdicts spare the runs it
 *  decided), shrinks the first mismatch and saves it as a program test. */
async function shrinkAndSave(backend: string, known: Map<string, boolean>, numRuns: number): Promise<string> {
  const property = fc.asyncProperty(arbitrary, async (choices) => {
    const source = standaloneProgram(generateProgram(choices));
    const verdict = known.get(source);
    if (verdict !== undefined) return verdict;
    const [want, got] = await Promise.all([runCPython(source), runJitc(backend, source, 'shrink')]);
    return same(want, got);
  });
  const details = await fc.check(property, {
    ...parameters(numRuns),
    interruptAfterTimeLimit: SHRINK_MILLIS,
    markInterruptAsFailure: false,
  });
  if (!details.failed || details.counterexample === null)
    return `the mismatch did not replay program by program (seed ${SEED}, ${details.numRuns} runs)`;
  const source = standaloneProgram(generateProgram(details.counterexample[0]));
  const want = await runCPython(source);
  const got = await runJitc(backend, source, 'shrunk');
  const name = `random_${SEED >>> 0}`;
  writeFileSync(`${PROGRAMS}${name}.py`, source);
  writeFileSync(`${PROGRAMS}${name}.expected`, expectedFile(want));
  return [
    `MINIPY_RANDOM_SEED=${SEED}: ${backend} differs from CPython; shrunk program saved as ${name}.py:`,
    source,
    `CPython: ${JSON.stringify(want)}`,
    `jitc:    ${JSON.stringify(got)}`,
  ].join('\n');
}

test(`random programs print what CPython prints (seed ${SEED})`, async (t) => {
  const choices = drawPrograms();
  const programs = choices.map(generateProgram);
  const want = await runCPython(batchSource(programs));
  t.is(want.status, 0, `CPython rejected the batch: ${want.lastLine}`);
  const expected = splitBatchOutput(want.stdout, programs.length);
  t.true(
    expected.every((e) => e !== undefined),
    'CPython ran every program',
  );
  let offset = 0;
  for (const backend of backends) {
    const share = backend === 'interp' || requested !== undefined ? programs.length : NATIVE_SHARE;
    const start = share === programs.length ? 0 : offset % programs.length;
    if (share !== programs.length) offset += share;
    const slice = programs.slice(start, start + share);
    const verdicts = await batchVerdicts(backend, slice, expected.slice(start, start + share));
    t.log(`${backend}: ${slice.length} programs`);
    const differs = [...verdicts].some(([, ok]) => !ok) || verdicts.size < slice.length;
    if (!differs) continue;
    const known = new Map<string, boolean>();
    for (const [i, ok] of verdicts) known.set(standaloneProgram(slice[i]!), ok);
    // Programs outside the backend's share are not its concern: they pass when replayed.
    programs.forEach((p, i) => {
      if (i < start || i >= start + share) known.set(standaloneProgram(p), true);
    });
    t.fail(await shrinkAndSave(backend, known, programs.length));
    return;
  }
});
