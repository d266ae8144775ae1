import test from 'ava';
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
const backends: string[][] = landed.map((b) => (b === 'interp' ? ['--backend', b] : ['--backend', b, '--gc', 'boehm']));

// Every program also runs on every backend under a collector that moves every live object
// at every collection, with the heap verifier and the barrier check on: host functions,
// the runtime library and compiled code must keep every ref they hold current. A collection
// every 5 allocations gives each program at least one (the smallest make 6 allocations, a
// typical one 30); the four that make 6 000 to 36 000 collect every 50 (still 130 to 730
// collections), which saves 25 s of collecting on this 2-core machine.
const SEMISPACE_STRESS = 5;
const SEMISPACE_STRESS_ALLOCATION_HEAVY = 50;
const ALLOCATION_HEAVY = new Set(['float_pow', 'primes_gcd', 'float_compare', 'int_wide_products']);
const semispace = (name: string): string[][] =>
  landed.map((backend) => [
    '--backend',
    backend,
    '--gc',
    'semispace',
    '--gc-stress',
    String(ALLOCATION_HEAVY.has(name) ? SEMISPACE_STRESS_ALLOCATION_HEAVY : SEMISPACE_STRESS),
    '--verify-heap',
  ]);

const programs = readdirSync(PROGRAMS)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .sort();

test('at least 40 programs', (t) => {
  t.true(programs.length >= 40, `${programs.length} programs`);
});

for (const name of programs) {
  for (const backend of [...backends, ...semispace(name)]) {
    test(`${name} on ${backend.slice(1).join(' ')}`, async (t) => {
      const want = readExpected(name);
      const got = await cliInProcess(...backend, `${PROGRAMS}${name}.py`);
      t.is(got.stdout, want.stdout);
      t.is(got.status, want.status, got.stderr);
      if (want.status !== 0 && !want.lastLine.startsWith('SyntaxError')) {
        t.is(got.stderr.trimEnd().split('\n').pop(), want.lastLine);
      }
    });
  }
}
