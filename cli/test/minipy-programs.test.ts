import test, { type ExecutionContext } from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { Registry } from '#framework';
import { CLI_PLUGINS } from '../src/all-plugins.ts';
import { cliInProcess, REPO } from './cli-harness.ts';

// The mini-Python programs (plugins/frontend-minipy/test/programs/) through the whole
// command, in process, against CPython's recorded output: a test of the assembled jitc.
const PROGRAMS = `${REPO}plugins/frontend-minipy/test/programs/`;

interface Expected {
  stdout: string;
  status: number;
  lastLine: string;
}

/** `<name>.expected` is CPython's stdout plus a `# exit N: <last stderr line>` trailer. */
function readExpected(name: string): Expected {
  const text = readFileSync(`${PROGRAMS}${name}.expected`, 'utf8');
  const at = text.lastIndexOf('# exit ');
  const m = /^# exit (\d+):\s?(.*)$/.exec(text.slice(at).trimEnd())!;
  return { stdout: text.slice(0, at), status: Number(m[1]), lastLine: m[2]! };
}

const registry = new Registry(CLI_PLUGINS);
/** Every registered backend: the interpreter, then the native ones (armv7, x86-ref). */
const landed = registry.backends().map((b) => b.name);

// Three runs of each program, all held to CPython's output (docs/decisions.md, "The program
// suites' collector columns"):
// - plain, on boehm, on every registered backend;
// - generational, on every registered backend: the nursery and the old generation both
//   collected a handful of times, with the heap verifier and its remembered-set check on;
// - semispace, which moves every live object at every collection and checks every barrier,
//   on one backend per program, taking turns: the runtime library's host functions are the
//   same on every backend, and compiled frames under semispace are the file tests' job.
// A stressed run's interval is set for about COLLECTIONS collections from the allocation
// count of the program's plain run on the first backend (the count is the same on all), so
// a program that makes 6 allocations and one that makes 36 000 both cost a dozen.
const COLLECTIONS = 12;
const plain = (backend: string): string[] =>
  backend === 'interp' ? ['--backend', backend] : ['--backend', backend, '--gc', 'boehm'];
const stressed = (backend: string, gc: string, allocations: number): string[] => {
  const every = Math.floor(allocations / COLLECTIONS) | 1;
  return ['--backend', backend, '--gc', gc, '--gc-stress', String(every), '--verify-heap'];
};

/** A counter from a run's --stats. */
const statOf = (stderr: string, name: string): number =>
  Number(new RegExp(`^\\s+${name}\\s+(\\d+)`, 'm').exec(stderr)?.[1]);

const programs = readdirSync(PROGRAMS)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .sort();

test('at least 100 programs (the acceptance of issue 20)', (t) => {
  t.true(programs.length >= 100, `${programs.length} programs`);
});

/** Runs one configuration and holds it to CPython's output; returns the run's stderr. */
async function check(t: ExecutionContext, name: string, args: string[]): Promise<string> {
  const want = readExpected(name);
  const got = await cliInProcess(...args, `${PROGRAMS}${name}.py`);
  t.is(got.stdout, want.stdout);
  t.is(got.status, want.status, got.stderr);
  if (want.status !== 0 && !want.lastLine.startsWith('SyntaxError')) {
    const beforeStats = got.stderr.split('jitc stats:\n')[0]!;
    t.is(beforeStats.trimEnd().split('\n').pop(), want.lastLine);
  }
  return got.stderr;
}

// Known bugs, kept running so that a fix shows: none now.
const FAILING_ON_GENERATIONAL = new Set<string>();

programs.forEach((name, index) => {
  // A program CPython rejects never runs: there is nothing to collect.
  const runs = !readExpected(name).lastLine.startsWith('SyntaxError');
  let allocations: (count: number) => void = () => {};
  const counted = new Promise<number>((resolve) => (allocations = resolve));
  // Each moving collector on one backend per program, taking turns (as the Prolog suite).
  const semispaceBackend = landed[index % landed.length];
  const generationalBackend = landed[(index + 1) % landed.length];
  landed.forEach((backend, b) => {
    test(`${name} on ${plain(backend).slice(1).join(' ')}`, async (t) => {
      if (b !== 0) return void (await check(t, name, plain(backend)));
      let stderr = '';
      try {
        stderr = await check(t, name, [...plain(backend), '--stats']);
      } finally {
        allocations(statOf(stderr, 'allocations'));
      }
    });
    const moving = (gc: string) => async (t: ExecutionContext) => {
      const count = await counted;
      if (!Number.isInteger(count)) return t.fail('the plain run printed no allocation count');
      const stderr = await check(t, name, [...stressed(backend, gc, count), '--stats']);
      t.true(statOf(stderr, 'collections') > 0, 'the program moved its objects');
    };
    if (!runs) return;
    const generational = FAILING_ON_GENERATIONAL.has(name) ? test.failing : test;
    if (backend === generationalBackend) generational(`${name} on ${backend} generational`, moving('generational'));
    if (backend === semispaceBackend) test(`${name} on ${backend} semispace`, moving('semispace'));
  });
});
