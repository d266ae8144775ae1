// Runs each bench/prolog benchmark's `main` (its default_n, e.g. 10^7 iterations) on jitc and
// on swipl one right after the other, and prints a markdown table: wall seconds of each, their
// ratio, the exit status of each, and whether stdout is byte-identical with stderr empty on
// both. A run that exceeds the timeout is killed and reported as "timeout". Exits 1 if any
// benchmark's output differs from swipl's (a timeout counts as differing).
// Usage: npx tsx bench/prolog-default-n.ts [--backend interp|armv7] [--gc boehm] [--only name,name] [--timeout-s S]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { runProcess, type ProcessRun } from './support/run-process.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : dflt;
};
const backend = opt('--backend', 'interp');
const gc = opt('--gc', '');
const only = opt('--only', '');
const timeoutMs = Number(opt('--timeout-s', '1800')) * 1000;
const root = new URL('..', import.meta.url).pathname;
const dir = `${root}bench/prolog/`;
const names =
  only !== ''
    ? only.split(',')
    : readdirSync(dir)
        .filter((f) => f.endsWith('.pl'))
        .map((f) => f.slice(0, -3))
        .sort();

type Run = ProcessRun;
const run = (cmd: string, argv: string[]): Run => runProcess(cmd, argv, { timeoutMs });

const defaultN = (name: string): string => {
  const r = run('swipl', ['-q', '-g', 'default_n(N), write(N)', '-t', 'halt', `${dir}${name}.pl`]);
  return r.stdout.trim() || '?';
};

const jitcOpts = ['--backend', backend, ...(gc !== '' ? ['--gc', gc] : [])];
const swiplVersion = spawnSync('swipl', ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`jitc ${jitcOpts.join(' ')} vs ${swiplVersion}, timeout ${timeoutMs / 1000} s`);
console.log('');
console.log('| benchmark | N | jitc s | swipl s | jitc/swipl | jitc exit | swipl exit | output = swipl |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|');
let differs = false;
const details: string[] = [];
for (const name of names) {
  const file = `${dir}${name}.pl`;
  const j = run(process.execPath, [`${root}bin/jitc.js`, file, '-g', 'main', ...jitcOpts]);
  const s = run('swipl', ['-q', '-g', 'main', '-t', 'halt', file]);
  const same =
    j.status !== 'timeout' && j.status === s.status && j.stdout === s.stdout && j.stderr === '' && s.stderr === '';
  if (!same) {
    differs = true;
    for (const [who, r] of [
      ['jitc', j],
      ['swipl', s],
    ] as const) {
      details.push(
        `${name} ${who} (exit ${r.status}) stdout:\n${r.stdout.slice(0, 2000)}\n` +
          `${name} ${who} stderr:\n${r.stderr.slice(0, 2000)}`,
      );
    }
  }
  const secs = (r: Run): string => (r.status === 'timeout' ? `>${r.wall.toFixed(0)}` : r.wall.toFixed(2));
  const cells = [
    name,
    defaultN(name),
    secs(j),
    secs(s),
    `${j.status === 'timeout' ? '>' : ''}${(j.wall / s.wall).toFixed(1)}`,
    j.status,
    s.status,
    same ? 'yes' : 'NO',
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
if (details.length > 0) console.log(`\n${details.join('\n')}`);
process.exit(differs ? 1 : 0);
