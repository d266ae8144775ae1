// Runs the iterate benchmarks on jitc and on swipl in the same minute: wall time, and per
// iteration (a run with N = 0 is subtracted, so start-up and loading do not count)
// instructions, stores, host calls and allocations from `--stats`. On a native backend those
// are guest instructions counted exactly by Unicorn, compared with SWI-Prolog's armhf build
// under qemu-arm (../shared/anchors.md). Native backends run with --jit-threshold 0 by
// default so every function is native and the counts are the compiled code's alone. Several
// backends (--backend armv7,x86-ref) give one table with their counts side by side.
// N is 20 000 on a native backend: iterate_assert's clauses are compiled after 32 calls on
// the generic matcher (~30 000 instructions), a warm-up the anchors' N of 10^6 to 10^7
// spreads to nothing and N = 2 000 counted as 15 instructions an iteration.
// Usage: npx tsx bench/prolog-iterate.ts [--n N] [--backend interp|armv7|x86-ref|a,b] [--gc boehm]
//        [--jit-threshold T] [--no-swipl] [--opt 0|1|2]  (-O level; default: the backend's)
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : dflt;
};
const backends = opt('--backend', 'interp').split(',');
const backend = backends[0]!;
const native = backend !== 'interp';
const n = Number(opt('--n', native ? '20000' : '100000'));
const gc = opt('--gc', 'boehm');
const threshold = opt('--jit-threshold', native ? '0' : '');
const withSwipl = !args.includes('--no-swipl');
const optLevel = opt('--opt', '');
const root = new URL('..', import.meta.url).pathname;
const jitc = `${root}bin/jitc.js`;
// SWI-Prolog 9.0.4 armhf, guest instructions per iteration (anchors.md).
const SWI_ARM: Record<string, number> = {
  iterate: 857,
  iterate_assert: 862,
  iterate_call: 2312,
  iterate_cut: 488,
  iterate_exception: 5802,
  iterate_failure: 2196,
  iterate_findall: 15878,
  iterate_if: 736,
};

interface Stats {
  instructions: number;
  stores: number;
  hostCalls: number;
  allocations: number;
  wall: number;
  out: string;
}

function stats(file: string, count: number, on = backend): Stats {
  const extra = on !== 'interp' ? ['--backend', on, '--gc', gc] : [];
  if (threshold !== '') extra.push('--jit-threshold', threshold);
  if (optLevel !== '') extra.push('-O', optLevel);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [jitc, file, '-g', `bench(${count})`, '--stats', ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = performance.now() - t0;
  const num = (label: string): number => Number(new RegExp(`${label}\\s+(\\d+)`).exec(r.stderr)?.[1] ?? NaN);
  return {
    instructions: num('instructions'),
    stores: num('stores'),
    hostCalls: num('host calls'),
    allocations: num('allocations'),
    wall,
    out: r.stdout,
  };
}

function swipl(file: string): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync('swipl', ['-q', '-g', `bench(${n})`, '-t', 'halt', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  return { ms: performance.now() - t0, out: r.stdout };
}

if (backends.length > 1) {
  sideBySide();
  process.exit(0);
}

console.log(
  `N = ${n}, backend ${backend}${native ? ` × ${gc}` : ''}${threshold !== '' ? `, jit threshold ${threshold}` : ''}`,
);
const columns = [
  'benchmark',
  'instr/iter',
  'stores/iter',
  'host calls/iter',
  'allocs/iter',
  'SWI-ARM instr/iter',
  'ratio',
  'jitc ms (N=0)',
  'swipl ms',
  'output = swipl',
];
console.log(`| ${columns.join(' | ')} |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const name of Object.keys(SWI_ARM)) {
  const file = `${root}bench/prolog/${name}.pl`;
  const base = stats(file, 0);
  const full = stats(file, n);
  const sw = withSwipl ? swipl(file) : null;
  const per = (k: 'instructions' | 'stores' | 'hostCalls' | 'allocations'): number => (full[k] - base[k]) / n;
  const instr = per('instructions');
  const cells = [
    name,
    instr.toFixed(1),
    per('stores').toFixed(1),
    per('hostCalls').toFixed(2),
    per('allocations').toFixed(2),
    String(SWI_ARM[name]),
    (instr / SWI_ARM[name]!).toFixed(2),
    `${full.wall.toFixed(0)} (${base.wall.toFixed(0)})`,
    sw ? sw.ms.toFixed(0) : '-',
    sw ? String(sw.out === full.out) : '-',
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

/** One row per benchmark: each backend's guest instructions and stores per iteration, the
 *  ratio of each to the first, and whether all outputs agree. */
function sideBySide(): void {
  const th = threshold !== '' ? `, jit threshold ${threshold}` : '';
  console.log(`N = ${n}, ${backends.join(' vs ')} × ${gc}${th}`);
  const columns = [
    'benchmark',
    ...backends.map((b) => `${b} instr/iter`),
    ...backends.slice(1).map((b) => `${b}/${backend}`),
    ...backends.map((b) => `${b} stores/iter`),
    'SWI-ARM instr/iter',
    'same output',
  ];
  console.log(`| ${columns.join(' | ')} |`);
  console.log(
    `|---|${columns
      .slice(1, -1)
      .map(() => '---:|')
      .join('')}---|`,
  );
  for (const name of Object.keys(SWI_ARM)) {
    const file = `${root}bench/prolog/${name}.pl`;
    const per = backends.map((b) => {
      const base = stats(file, 0, b);
      const full = stats(file, n, b);
      return {
        instructions: (full.instructions - base.instructions) / n,
        stores: (full.stores - base.stores) / n,
        out: full.out,
      };
    });
    const first = per[0]!;
    const cells = [
      name,
      ...per.map((p) => p.instructions.toFixed(1)),
      ...per.slice(1).map((p) => (p.instructions / first.instructions).toFixed(2)),
      ...per.map((p) => p.stores.toFixed(1)),
      String(SWI_ARM[name]),
      String(per.every((p) => p.out === first.out)),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
