import test from 'ava';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Programs reading standard input (input(), sys.stdin) and taking arguments after `--`:
// stdin/X.py runs with stdin/X.in as its input and must print what
// `python3 X.py ARGS < X.in` printed (X.out, X.status, and its last stderr line when it
// wrote one). The program suites give their programs no input, hence these runs of their own.
const JITC = fileURLToPath(new URL('../../../bin/jitc.js', import.meta.url));
const dir = new URL('./stdin/', import.meta.url);

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function run(args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JITC, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

// The arguments are those regenerate-stdin.sh gives CPython: after the file as python3 takes
// them (jitc's options may follow), or after `--`.
const cases: [name: string, backend: string, programArgs: string[], lastStderrLine: string, dashes: boolean][] = [
  ['grades', 'interp', ['detail', '8'], '', false],
  ['echo_exit', 'armv7', ['#', 'x'], 'quit after 3 lines', true],
];

for (const [name, backend, programArgs, lastStderrLine, dashes] of cases) {
  test(`${backend}: ${name} reads standard input as CPython does`, async (t) => {
    const file = fileURLToPath(new URL(`${name}.py`, dir));
    const input = readFileSync(new URL(`${name}.in`, dir), 'utf8');
    const expected = readFileSync(new URL(`${name}.out`, dir), 'utf8');
    const status = Number(readFileSync(new URL(`${name}.status`, dir), 'utf8').trim());
    const args = dashes
      ? [file, '--backend', backend, '--', ...programArgs]
      : [file, ...programArgs, '--backend', backend];
    const got = await run(args, input);
    t.is(got.stdout, expected);
    t.is(got.code, status);
    t.is(got.stderr.trimEnd().split('\n').pop(), lastStderrLine);
  });
}
