// Runs the iterate benchmarks on jitc (interpreter by default; pass --backend NAME) and on
// swipl in the same minute: wall time, and IR instructions and allocations per iteration
// from `--stats` (a run with N = 0 is subtracted so start-up and loading do not count).
// Usage: npx tsx bench/prolog-iterate.ts [--n N] [--backend interp|armv7]
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : dflt;
};
const n = Number(opt('--n', '100000'));
const backend = opt('--backend', 'interp');
const root = new URL('..', import.meta.url).pathname;
const jitc = `${root}bin/jitc.js`;
const names = ['iterate', 'iterate_assert', 'iterate_call', 'iterate_cut', 'iterate_exception', 'iterate_failure', 'iterate_findall', 'iterate_if'];

function timed(cmd: string, argv: string[]): { ms: number } {
  const t0 = performance.now();
  execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  return { ms: performance.now() - t0 };
}

function stats(file: string, count: number): { instructions: number; allocations: number; wall: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [jitc, file, '-g', `bench(${count})`, '--stats', '--backend', backend], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const text = r.stderr;
  const wall = performance.now() - t0;
  const num = (label: string): number => Number(new RegExp(`${label}\\s+(\\d+)`).exec(text)?.[1] ?? NaN);
  return { instructions: num('instructions'), allocations: num('allocations'), wall };
}

console.log(`N = ${n}, backend ${backend}`);
console.log("benchmark          jitc ms (N=0 ms)   instr/iter  allocs/iter   swipl ms");
for (const name of names) {
  const file = `${root}bench/prolog/${name}.pl`;
  const base = stats(file, 0);
  const full = stats(file, n);
  const swipl = timed('swipl', ['-q', '-g', `bench(${n})`, '-t', 'halt', file]);
  const per = (x: number, y: number): string => ((x - y) / n).toFixed(1);
  console.log(
    `${name.padEnd(20)} ${full.wall.toFixed(0).padStart(7)} (${base.wall.toFixed(0).padStart(5)}) ${per(full.instructions, base.instructions).padStart(12)} ${per(full.allocations, base.allocations).padStart(12)} ${swipl.ms.toFixed(0).padStart(10)}`,
  );
}
