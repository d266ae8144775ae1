// Does the JIT pay off? In one go: start-up (`jitc examples/hello.pl` and `hello.py`, beside
// `node -e 0`), the eight iterate benchmarks at their default N and the five Python benchmarks
// of ../shared/bench/python, each on the interpreter and on armv7 × boehm through the installed
// command (`node bin/jitc.js`), beside `swipl` and `python3` run in the same minute. Prints a
// markdown table of wall seconds and ratios, and whether each output is byte-identical to the
// native system's. Exits 1 when an output differs.
//
// Usage: npx tsx bench/payoff.ts [--scale F] [--only name,name] [--runs R] [--timeout-s S] [--baseline PATH]
//   --scale F        multiplies every loop benchmark's N (e.g. 0.1 for a quicker look)
//   --n N            every loop benchmark at N instead of its default (e.g. 100000)
//   --runs R         start-up rows: the median of R runs (default 5)
//   --repeat R       loop rows: the median of R runs, interleaved (default 1)
//   --baseline PATH  another checkout's bin/jitc.js, run beside this one (its interp and
//                    armv7 columns come first), for before/after tables
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, runProcess, type ProcessRun } from './support/run-process.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : dflt;
};
const scale = Number(opt('--scale', '1'));
const only = new Set(
  opt('--only', '')
    .split(',')
    .filter((s) => s !== ''),
);
const runs = Number(opt('--runs', '5'));
const repeat = Number(opt('--repeat', '1'));
const fixedN = opt('--n', '');
/** A loop benchmark's N: --n, else its default times --scale. */
const loopN = (defaultN: number): number =>
  fixedN !== '' ? Number(fixedN) : Math.max(1, Math.round(defaultN * scale));
const timeoutMs = Number(opt('--timeout-s', '1800')) * 1000;
const baseline = opt('--baseline', '');
const root = new URL('..', import.meta.url).pathname;
const jitc = join(root, 'bin/jitc.js');
const pythonDir = join(root, '../shared/bench/python');
const prologDir = join(root, 'bench/prolog');
const scratch = mkdtempSync(join(tmpdir(), 'jitc-payoff-'));
const env = { ...process.env, PYTHONHASHSEED: '0' };
// Debian's CPython (the anchors' 3.11.2), not a version manager's shim that starts a shell first.
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const run = (cmd: string, argv: string[]): ProcessRun => runProcess(cmd, argv, { timeoutMs, env });

interface Row {
  name: string;
  n: string;
  native: ProcessRun;
  interp: ProcessRun;
  armv7: ProcessRun;
  before?: { interp: ProcessRun; armv7: ProcessRun };
  /** Start-up rows compare trimmed output: swipl's top level adds a newline of its own. */
  trim?: boolean;
}

/** A program as each system runs it. */
interface Program {
  name: string;
  n: string;
  native: [string, string[]];
  jitc: string[];
  trim?: boolean;
}

function prologPrograms(): Program[] {
  return readdirSync(prologDir)
    .filter((f) => f.endsWith('.pl'))
    .sort()
    .map((f) => {
      const file = join(prologDir, f);
      const defaultN = Number(/default_n\((\d+)\)/.exec(readFileSync(file, 'utf8'))?.[1]);
      const n = loopN(defaultN);
      const goal = n === defaultN ? 'main' : `bench(${n})`;
      return {
        name: f.slice(0, -3),
        n: String(n),
        native: ['swipl', ['-q', '-g', goal, '-t', 'halt', file]],
        jitc: [file, '-g', goal],
      };
    });
}

function pythonPrograms(): Program[] {
  return readdirSync(pythonDir)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(pythonDir, f), 'utf8');
      const defaultN = Number(/^N = (\d+)$/m.exec(text)?.[1]);
      // fib's N is the argument of an exponential function: scaling it would be meaningless.
      const n = f === 'fib.py' ? defaultN : loopN(defaultN);
      const file = join(scratch, f);
      writeFileSync(file, text.replace(/^N = \d+$/m, `N = ${n}`));
      return { name: f.slice(0, -3), n: String(n), native: [python, [file]], jitc: [file] };
    });
}

const startup: Program[] = [
  {
    name: 'hello.pl',
    n: '-',
    native: ['swipl', ['-q', '-t', 'halt', join(root, 'examples/hello.pl')]],
    jitc: [join(root, 'examples/hello.pl')],
    trim: true,
  },
  {
    name: 'hello.py',
    n: '-',
    native: [python, [join(root, 'examples/hello.py')]],
    jitc: [join(root, 'examples/hello.py')],
  },
];

const jitcRun = (p: Program, backend: string, command = jitc): ProcessRun =>
  run(process.execPath, [command, ...p.jitc, '--backend', backend, ...(backend === 'interp' ? [] : ['--gc', 'boehm'])]);

/** The median-wall run of a list of runs. */
function medianOf(all: ProcessRun[]): ProcessRun {
  const mid = median(all.map((r) => r.wall));
  return all.reduce((best, r) => (Math.abs(r.wall - mid) < Math.abs(best.wall - mid) ? r : best));
}

/** Runs each system `times` times, alternating them round by round, so that every system
 *  sees the same minutes; the median run of each. */
function alternate<K extends string>(times: number, systems: Record<K, () => ProcessRun>): Record<K, ProcessRun> {
  const names = Object.keys(systems) as K[];
  const all = new Map<K, ProcessRun[]>(names.map((k) => [k, []]));
  for (let round = 0; round < times; round++) for (const k of names) all.get(k)!.push(systems[k]());
  return Object.fromEntries(names.map((k) => [k, medianOf(all.get(k)!)])) as Record<K, ProcessRun>;
}

const selected = (p: Program): boolean => only.size === 0 || only.has(p.name);
const rows: Row[] = [];
const nodeStart = alternate(runs, { node: () => run(process.execPath, ['-e', '0']) }).node;
console.log(
  `node -e 0: ${nodeStart.wall.toFixed(3)} s (median of ${runs}); scale ${scale}; timeout ${timeoutMs / 1000} s\n`,
);
const beforeHeads = baseline ? ['before interp s', 'before armv7 s', 'before armv7/interp'] : [];
const heads = [
  'program',
  'N',
  'native s',
  ...beforeHeads,
  'interp s',
  'armv7 s',
  'armv7/interp',
  'armv7/native',
  'armv7/(node -e 0)',
  'output = native',
];
console.log(`| ${heads.join(' | ')} |`);
console.log(
  `|---|${heads
    .slice(1, -1)
    .map(() => '---:')
    .join('|')}|---|`,
);
for (const [p, times] of [
  ...startup.map((s) => [s, runs] as const),
  ...[...prologPrograms(), ...pythonPrograms()].map((s) => [s, repeat] as const),
]) {
  if (!selected(p)) continue;
  const systems: Record<string, () => ProcessRun> = {
    native: () => run(p.native[0], p.native[1]),
    interp: () => jitcRun(p, 'interp'),
    armv7: () => jitcRun(p, 'armv7'),
  };
  if (baseline) {
    systems.beforeInterp = () => jitcRun(p, 'interp', baseline);
    systems.beforeArmv7 = () => jitcRun(p, 'armv7', baseline);
  }
  const now = alternate(times, systems);
  const row: Row = { name: p.name, n: p.n, native: now.native!, interp: now.interp!, armv7: now.armv7!, trim: p.trim };
  if (baseline) row.before = { interp: now.beforeInterp!, armv7: now.beforeArmv7! };
  rows.push(row);
  console.log(`| ${cells(row).join(' | ')} |`);
}

function cells(r: Row): string[] {
  const secs = (x: ProcessRun): string => (x.status === 'timeout' ? `>${x.wall.toFixed(0)}` : x.wall.toFixed(3));
  const ratio = (a: ProcessRun, b: ProcessRun): string => (a.wall / b.wall).toFixed(2);
  const before = r.before ? [secs(r.before.interp), secs(r.before.armv7), ratio(r.before.armv7, r.before.interp)] : [];
  return [
    r.name,
    r.n,
    secs(r.native),
    ...before,
    secs(r.interp),
    secs(r.armv7),
    ratio(r.armv7, r.interp),
    ratio(r.armv7, r.native),
    ratio(r.armv7, nodeStart),
    matches(r) ? 'yes' : 'NO',
  ];
}

function matches(r: Row): boolean {
  const out = (x: ProcessRun): string => (r.trim ? x.stdout.trim() : x.stdout);
  return [r.interp, r.armv7].every((x) => x.status === r.native.status && out(x) === out(r.native) && x.stderr === '');
}

const differing = rows.filter((r) => !matches(r));
for (const r of differing) {
  for (const [who, x] of [
    ['native', r.native],
    ['interp', r.interp],
    ['armv7', r.armv7],
  ] as const) {
    console.log(`\n${r.name} ${who} (exit ${x.status}):\n${x.stdout.slice(0, 1000)}${x.stderr.slice(0, 1000)}`);
  }
}
process.exit(differing.length > 0 ? 1 : 0);
