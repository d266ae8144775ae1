// Wall time of whole runs (start-up included) of mini-Python programs on every jitc backend,
// beside CPython and, when installed, Debian's PyPy, in the same minutes: the measure of
// issue 20. Default programs: the five of ../shared/bench/python/ at a reduced N (as
// bench/python-benchmarks.ts runs them) and two test programs built on classes and
// comprehensions (shapes_classes.py, set_inventory.py).
// Usage: npx tsx bench/python-backends.ts [--rounds R] [--backends interp,armv7,x86-ref] [FILE.py ...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : dflt;
};
const rounds = Number(opt('--rounds', '3'));
const backends = opt('--backends', 'interp,armv7,x86-ref').split(',');
const root = new URL('..', import.meta.url).pathname;
const jitc = `${root}bin/jitc.js`;
const PYTHON = '/usr/bin/python3';
const PYPY = existsSync('/usr/bin/pypy3') ? '/usr/bin/pypy3' : null;
const work = mkdtempSync(join(tmpdir(), 'jitc-pybackends-'));

/** The reduced N of bench/python-benchmarks.ts: a run of a few seconds at most. */
const REDUCED_N: Record<string, number> = { fib: 22, loop: 100_000, nbody: 2_000, sieve: 100_000, spectral_norm: 30 };

function defaultPrograms(): string[] {
  const shared = `${root}../shared/bench/python/`;
  const reduced = Object.entries(REDUCED_N).map(([name, n]) => {
    const file = join(work, `${name}.py`);
    writeFileSync(file, readFileSync(`${shared}${name}.py`, 'utf8').replace(/^N = .*$/m, `N = ${n}`));
    return file;
  });
  const tests = `${root}plugins/frontend-minipy/test/programs/`;
  return [...reduced, `${tests}shapes_classes.py`, `${tests}set_inventory.py`];
}

interface Run {
  ms: number;
  out: string;
}

/** The least wall time of `rounds` runs, and what the first printed. */
function run(cmd: string, argv: string[]): Run {
  let best: Run | null = null;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, argv, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONHASHSEED: '0' },
    });
    const ms = performance.now() - t0;
    const out = `${r.stdout}\n# exit ${r.status}`;
    best = best === null ? { ms, out } : { ms: Math.min(best.ms, ms), out: best.out };
  }
  return best!;
}

const files = args.filter((a, i) => a.endsWith('.py') && !['--rounds', '--backends'].includes(args[i - 1] ?? ''));
const programs = files.length > 0 ? files : defaultPrograms();
const columns = [
  'program',
  'CPython ms',
  'PyPy ms',
  ...backends.map((b) => `${b} ms`),
  ...backends.map((b) => `${b}/CPython`),
  'output = CPython',
];
console.log(`wall ms, least of ${rounds} runs each, start-up included; jitc backends with boehm at their default -O`);
console.log(`| ${columns.join(' | ')} |`);
console.log(
  `|---|${columns
    .slice(1, -1)
    .map(() => '---:')
    .join('|')}|---|`,
);
for (const file of programs) {
  const py = run(PYTHON, [file]);
  const pypy = PYPY ? run(PYPY, [file]) : null;
  const ours = backends.map((b) => run(process.execPath, [jitc, file, '--backend', b, '--gc', 'boehm']));
  const cells = [
    basename(file),
    py.ms.toFixed(0),
    pypy ? `${pypy.ms.toFixed(0)}${pypy.out === py.out ? '' : ' (differs)'}` : '-',
    ...ours.map((r) => r.ms.toFixed(0)),
    ...ours.map((r) => (r.ms / py.ms).toFixed(2)),
    String(ours.every((r) => r.out === py.out)),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
