import test from 'ava';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { processLimit } from '../../../framework/test/helpers/process-limit.ts';

// Each programs/X.pl runs as `jitc X.pl -g main`; stdout and the exit status must equal
// what `swipl -q -g main -t halt X.pl` gave (X.out, X.status, generated with swipl).
const execFileAsync = promisify(execFile);
const spawnLimit = processLimit();
const run = (cmd: string, args: string[], options: { maxBuffer: number }): Promise<{ stdout: string; stderr: string }> => spawnLimit(() => execFileAsync(cmd, args, options));
const dir = new URL('./programs/', import.meta.url);
const jitc = new URL('../../../bin/jitc.js', import.meta.url).pathname;
const programs = readdirSync(dir).filter((f) => f.endsWith('.pl')).sort();

async function jitcRun(args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const r = await run(process.execPath, [jitc, ...args], { maxBuffer: 1 << 26 });
    return { stdout: r.stdout, code: 0 };
  } catch (err) {
    const e = err as { stdout?: string; code?: number };
    return { stdout: e.stdout ?? '', code: typeof e.code === 'number' ? e.code : -1 };
  }
}

const backends = ['interp'];
const listed = await jitcRun(['plugins']);
if (/\barmv7\b/.test(listed.stdout)) backends.push('armv7');

// These also run with a collection at every allocation: host code building error terms
// and code compiled at run time must keep everything they hold rooted.
const STRESSED = new Set(['univ_lists', 'db_hot_compiled', 'db_hot_backtrack', 'exceptions_errors', 'iso_errors', 'arith_big', 'univ_functor', 'head_compound', 'fact_table']);

for (const backend of backends) {
  for (const file of programs) {
    const base = file.slice(0, -3);
    for (const stress of STRESSED.has(base) ? [false, true] : [false]) {
      test(`${backend}: ${base}${stress ? ' (gc stress)' : ''}`, async (t) => {
        const path = new URL(file, dir).pathname;
        const expected = readFileSync(new URL(`${base}.out`, dir), 'utf8');
        const status = Number(readFileSync(new URL(`${base}.status`, dir), 'utf8').trim());
        const args = [path, '-g', 'main', ...(backend === 'interp' ? [] : ['--backend', backend, '--gc', 'boehm']), ...(stress ? ['--gc-stress', '1'] : [])];
        const got = await jitcRun(args);
        t.is(got.stdout, expected);
        t.is(got.code, status);
      });
    }
  }
}
