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

const backends: string[][] = [['--backend', 'interp']];
const registry = new Registry(CLI_PLUGINS);
if (registry.backends().some((b) => b.name === 'armv7')) backends.push(['--backend', 'armv7', '--gc', 'boehm']);

const programs = readdirSync(PROGRAMS)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .sort();

test('at least 40 programs', (t) => {
  t.true(programs.length >= 40, `${programs.length} programs`);
});

for (const name of programs) {
  for (const backend of backends) {
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
