import test from 'ava';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Programs reading standard input (read_term/2, read/1, get_char/1, peek_char/1) and
// taking arguments after `--`: stdin/X.pl is run with stdin/X.in as its input, and must
// print what `swipl -q -g main -t halt X.pl -- ARGS < X.in` printed (X.out, X.status).
// The program suites give their programs no input, hence these two runs of their own.
const JITC = fileURLToPath(new URL('../../../bin/jitc.js', import.meta.url));
const dir = new URL('./stdin/', import.meta.url);

function run(args: string[], input: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JITC, ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
    child.stdin.end(input);
  });
}

const cases: [name: string, backend: string, programArgs: string[]][] = [
  ['read_terms', 'interp', ['alpha', 'b c']],
  ['read_error', 'armv7', []],
];

for (const [name, backend, programArgs] of cases) {
  test(`${backend}: ${name} reads standard input as swipl does`, async (t) => {
    const file = fileURLToPath(new URL(`${name}.pl`, dir));
    const input = readFileSync(new URL(`${name}.in`, dir), 'utf8');
    const expected = readFileSync(new URL(`${name}.out`, dir), 'utf8');
    const status = Number(readFileSync(new URL(`${name}.status`, dir), 'utf8').trim());
    const got = await run([file, '-g', 'main', '--backend', backend, '--', ...programArgs], input);
    t.is(got.stdout, expected);
    t.is(got.code, status);
  });
}
