// Runs the five Python benchmarks of ../shared/bench/python/ at a reduced N on the interpreter
// and on armv7 × boehm, alternating the two, beside CPython: wall and CPU time of each, and from
// `--stats` the host calls and guest instructions per iteration (a run with N = 0 is
// subtracted, so start-up and set-up do not count). Output must equal CPython's.
// An "iteration" is what each benchmark repeats: a call of fib, a loop or sieve step, an
// nbody time step, an inner-loop step of spectral_norm (20·2·N² of them).
// Beside CPython, Debian's PyPy when /usr/bin/pypy3 is installed.
// Usage: npx tsx bench/python-benchmarks.ts [--only fib,nbody] [--scale K | --full] [--no-counts]
//          [--jitc path/to/bin/jitc.js] [--baseline other/checkout/bin/jitc.js] [--rounds R] [--opt 0|1|2]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : dflt;
};
const scale = Number(opt('--scale', '1'));
const withCounts = !args.includes('--no-counts');
// --rounds R repeats every timed run R times and keeps the fastest: on a shared machine the
// minimum is the measure least disturbed by other load.
const rounds = Number(opt('--rounds', '1'));
const root = new URL('..', import.meta.url).pathname;
const sources = `${root}../shared/bench/python/`;
// --jitc picks another checkout's launcher, e.g. a copy of an older commit for a before/after table.
const jitc = opt('--jitc', `${root}bin/jitc.js`);
// Debian's CPython 3.11.2, the oracle of the minipy tests (../shared/notes/oracles.md); the
// pyenv shim on PATH adds ~0.4 s of its own.
const PYTHON = '/usr/bin/python3';
// Debian's PyPy, when installed (apt-get install pypy3): a JIT on the same programs.
const PYPY = existsSync('/usr/bin/pypy3') ? '/usr/bin/pypy3' : null;
const work = mkdtempSync(join(tmpdir(), 'jitc-pybench-'));

const fibCalls = (n: number): number => {
  let [a, b] = [1, 1]; // calls(0) = calls(1) = 1; calls(n) = 1 + calls(n-1) + calls(n-2)
  for (let i = 1; i < n; i++) [a, b] = [b, 1 + a + b];
  return n === 0 ? 1 : b;
};
interface Bench {
  n: number;
  iterations: (n: number) => number;
}
const BENCHES: Record<string, Bench> = {
  fib: { n: 22, iterations: fibCalls },
  loop: { n: 100_000 * scale, iterations: (n) => n },
  nbody: { n: 2_000 * scale, iterations: (n) => n },
  sieve: { n: 100_000 * scale, iterations: (n) => n },
  spectral_norm: { n: Math.round(30 * Math.sqrt(scale)), iterations: (n) => 40 * n * n },
};
// --full runs each file with its own N, as ../shared/bench/python/ has it (issue 16 measures that).
if (args.includes('--full'))
  for (const [name, b] of Object.entries(BENCHES)) {
    const own = /^N = (\d+)$/m.exec(readFileSync(`${sources}${name}.py`, 'utf8'))?.[1];
    if (own !== undefined) b.n = Number(own);
  }
const only = opt('--only', '');
const names = only !== '' ? only.split(',') : Object.keys(BENCHES);

/** The benchmark with its `N = ...` line replaced, written to a scratch file. */
function withN(name: string, n: number): string {
  const text = readFileSync(`${sources}${name}.py`, 'utf8').replace(/^N = .*$/m, `N = ${n}`);
  const file = join(work, `${name}_${n}.py`);
  writeFileSync(file, text);
  return file;
}

/** Wall and CPU (user + system, all threads) milliseconds of one process. */
interface Run {
  ms: number;
  cpu: number;
  out: string;
  stderr: string;
  status: number | null;
}
const timesFile = join(work, 'times');
// CPU time comes from GNU time (-o keeps it out of the program's stderr); it is less
// disturbed than wall time by other processes competing for the cores.
function runOnce(cmd: string, argv: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timesFile, cmd, ...argv], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
    env: { ...process.env, PYTHONHASHSEED: '0' },
  });
  const ms = performance.now() - t0;
  const [user, sys] = readFileSync(timesFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [
    number,
    number,
  ];
  return { ms, cpu: (user + sys) * 1000, out: r.stdout, stderr: r.stderr, status: r.status };
}

/** The least wall and CPU time of `rounds` runs (each must print the same). */
function run(cmd: string, argv: string[]): Run {
  let best = runOnce(cmd, argv);
  for (let i = 1; i < rounds; i++) {
    const r = runOnce(cmd, argv);
    if (r.out !== best.out || r.status !== best.status) return { ...r, out: `${r.out} (differs between runs)` };
    best = { ...best, ms: Math.min(best.ms, r.ms), cpu: Math.min(best.cpu, r.cpu) };
  }
  return best;
}

const INTERP = ['--backend', 'interp'];
// --opt N runs armv7 at -O N (default: the backend's).
const armOpt = opt('--opt', '');
const ARM = ['--backend', 'armv7', '--gc', 'boehm', ...(armOpt !== '' ? ['-O', armOpt] : [])];
const stat = (r: Run, label: string): number => Number(new RegExp(`${label}\\s+(\\d+)`).exec(r.stderr)?.[1] ?? NaN);

/** Wall times and counts of one jitc checkout on one benchmark. */
function measure(launcher: string, name: string, b: Bench, file: string, want: string): string[] {
  const interp = run(process.execPath, [launcher, file, ...INTERP]);
  const arm = run(process.execPath, [launcher, file, ...ARM]);
  const same = interp.out === want && arm.out === want && interp.status === 0 && arm.status === 0;
  // Start-up and set-up alone: the same program with N = 0.
  const startup = run(process.execPath, [launcher, withN(name, 0), ...ARM]);
  let counts = ['-', '-', '-'];
  if (withCounts) {
    const full = runOnce(process.execPath, [launcher, file, ...ARM, '--stats']);
    const zero = runOnce(process.execPath, [launcher, withN(name, 0), ...ARM, '--stats']);
    const iters = b.iterations(b.n) - b.iterations(0);
    const per = (label: string, digits: number): string =>
      ((stat(full, label) - stat(zero, label)) / iters).toFixed(digits);
    counts = [per('host calls', 3), per('allocations', 3), per('instructions', 1)];
  }
  if (!same) {
    const printed = (r: Run): string => `${r.out.trim()} ${r.stderr.trim()}`;
    console.error(`${name}: CPython ${want.trim()} | interp ${printed(interp)} | armv7 ${printed(arm)}`);
  }
  const times = (r: Run): string => `${r.ms.toFixed(0)} (${r.cpu.toFixed(0)})`;
  return [
    times(interp),
    times(arm),
    `${(arm.ms / interp.ms).toFixed(2)} (${(arm.cpu / interp.cpu).toFixed(2)})`,
    times(startup),
    ...counts,
    String(same),
  ];
}

// --baseline runs another checkout's launcher right before this one on each benchmark, so a
// before/after table comes from one run.
const baseline = opt('--baseline', '');
const versions =
  baseline !== ''
    ? [
        ['before', baseline],
        ['after', jitc],
      ]
    : [['', jitc]];
console.log(
  `scale ${scale}; wall ms (CPU ms), least of ${rounds} run(s) each, alternating; ` +
    'per-iteration counts from --stats on armv7 × boehm (N − N=0); armv7 N=0 is start-up and set-up alone',
);
const columns = [
  'benchmark',
  'N',
  'version',
  'CPython ms',
  'PyPy ms',
  'interp ms',
  'armv7 ms',
  'armv7/interp',
  'armv7 N=0 ms',
  'host calls/iter',
  'allocs/iter',
  'instr/iter',
  'output = CPython',
];
console.log(`| ${columns.join(' | ')} |`);
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const name of names) {
  const b = BENCHES[name]!;
  const file = withN(name, b.n);
  const py = run(PYTHON, [file]);
  const pypy = PYPY ? run(PYPY, [file]) : null;
  for (const [label, launcher] of versions) {
    const cells = [
      name,
      String(b.n),
      label!,
      `${py.ms.toFixed(0)} (${py.cpu.toFixed(0)})`,
      pypy ? `${pypy.ms.toFixed(0)} (${pypy.cpu.toFixed(0)})${pypy.out === py.out ? '' : ' differs'}` : '-',
      ...measure(launcher!, name, b, file, py.out),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
