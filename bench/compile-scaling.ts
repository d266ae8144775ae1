// How compiling grows with program size: generated programs (framework/test/helpers/
// big-programs.ts) of 1 000, 10 000 and 100 000 clauses or lines — a Prolog fact table, a
// Prolog program of many small rules, a Python module of assignments and one of many small
// functions — each run by `jitc --backend interp`, `jitc --backend armv7` and the native
// system (swipl, python3), alternating systems within every round. Prints wall seconds and
// peak memory (max RSS of the process, from /usr/bin/time) per size and system, whether the
// output is the expected one, the growth from the two largest sizes relative to linear
// (1.00 = linear), and jitc/native ratios on files of about 5 MB.
//
// Usage: npx tsx bench/compile-scaling.ts [--sizes 1000,10000,100000] [--repeat R]
//          [--programs facts,rules,assign,funcs] [--systems native,interp,armv7]
//          [--mb 5] [--no-mb] [--timeout-s S]
//   --repeat R    the median of R runs per system (default 1), interleaved round by round
//   --mb M        the size of the file for the file-size ratio row (0 or --no-mb: none)
//   --timeout-s   per run (default 900); a run that takes longer shows as "timeout"
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  prologFactClausesFor,
  prologFactTable,
  prologRules,
  pythonAssignments,
  pythonFunctions,
  pythonLinesFor,
  type GeneratedProgram,
} from '#conformance';
import { median } from './support/run-process.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : dflt;
};
const sizes = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const repeat = Number(opt('--repeat', '1'));
const chosen = new Set(opt('--programs', 'facts,rules,assign,funcs').split(','));
const systems = opt('--systems', 'native,interp,armv7').split(',') as SystemName[];
const megabytes = args.includes('--no-mb') ? 0 : Number(opt('--mb', '5'));
const timeoutMs = Number(opt('--timeout-s', '900')) * 1000;
const root = new URL('..', import.meta.url).pathname;
const jitc = join(root, 'bin/jitc.js');
const scratch = mkdtempSync(join(tmpdir(), 'jitc-scaling-'));
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const env = { ...process.env, PYTHONHASHSEED: '0' };

type SystemName = 'native' | 'interp' | 'armv7';

interface Kind {
  name: string;
  language: 'prolog' | 'python';
  /** The program of `size` clauses (Prolog) or lines (Python). */
  make: (size: number) => GeneratedProgram;
  /** The size of a file of about `bytes` bytes. */
  sizeFor: (bytes: number) => number;
}

/** Sizes of a generated program per byte, measured on a sample of it. */
const measuredSizeFor =
  (make: (n: number) => GeneratedProgram) =>
  (bytes: number): number => {
    const sample = 10_000;
    return Math.round((bytes / make(sample).source.length) * sample);
  };

const KINDS: Kind[] = [
  { name: 'facts', language: 'prolog', make: prologFactTable, sizeFor: prologFactClausesFor },
  { name: 'rules', language: 'prolog', make: prologRules, sizeFor: measuredSizeFor(prologRules) },
  { name: 'assign', language: 'python', make: pythonAssignments, sizeFor: pythonLinesFor },
  { name: 'funcs', language: 'python', make: pythonFunctions, sizeFor: measuredSizeFor(pythonFunctions) },
];

interface Run {
  wall: number;
  rssMiB: number;
  status: string;
  ok: boolean;
}

/** Runs a command under /usr/bin/time for its peak RSS; compares stdout with `expected`. */
function measure(argv: string[], expected: string): Run {
  const rssFile = join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, ...argv], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    env,
  });
  const wall = (performance.now() - t0) / 1000;
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  const status =
    code === 'ETIMEDOUT'
      ? 'timeout'
      : r.error
        ? `error ${code}`
        : r.status !== null
          ? String(r.status)
          : `signal ${r.signal}`;
  const rssKiB = existsSync(rssFile) ? Number(/(\d+)\s*$/.exec(readFileSync(rssFile, 'utf8'))?.[1] ?? NaN) : NaN;
  return { wall, rssMiB: rssKiB / 1024, status, ok: status === '0' && r.stdout === expected };
}

function command(system: SystemName, kind: Kind, file: string): string[] {
  if (system === 'native') return kind.language === 'prolog' ? ['swipl', '-q', '-t', 'halt', file] : [python, file];
  return [process.execPath, jitc, file, '--backend', system, ...(system === 'armv7' ? ['--gc', 'boehm'] : [])];
}

/** Every system `repeat` times, alternating within each round; the median-wall run of each. */
function runAll(kind: Kind, size: number): Map<SystemName, Run> {
  const program = kind.make(size);
  const file = join(scratch, `${kind.name}-${size}.${kind.language === 'prolog' ? 'pl' : 'py'}`);
  writeFileSync(file, program.source);
  const all = new Map<SystemName, Run[]>(systems.map((s) => [s, []]));
  for (let round = 0; round < repeat; round++) {
    for (const s of systems) all.get(s)!.push(measure(command(s, kind, file), program.expected));
  }
  rmSync(file, { force: true });
  const result = new Map<SystemName, Run>();
  for (const [s, runs] of all) {
    const mid = median(runs.map((r) => r.wall));
    result.set(
      s,
      runs.reduce((best, r) => (Math.abs(r.wall - mid) < Math.abs(best.wall - mid) ? r : best)),
    );
  }
  return result;
}

const show = (r: Run): string =>
  r.status === '0'
    ? `${r.wall.toFixed(2)} s, ${r.rssMiB.toFixed(0)} MiB${r.ok ? '' : ' (wrong output)'}`
    : `${r.status} after ${r.wall.toFixed(0)} s`;

console.log(
  `sizes ${sizes.join(', ')}; repeat ${repeat}; timeout ${timeoutMs / 1000} s; native = swipl -q -t halt / ${python}\n`,
);
console.log(`| program | size | MB | ${systems.join(' | ')} |`);
console.log(`|---|---:|---:|${systems.map(() => '---:').join('|')}|`);
const growthRows: string[] = [];
for (const kind of KINDS.filter((k) => chosen.has(k.name))) {
  const bySize = new Map<number, Map<SystemName, Run>>();
  for (const size of sizes) {
    const runs = runAll(kind, size);
    bySize.set(size, runs);
    const mb = (kind.make(size).source.length / 1e6).toFixed(2);
    console.log(`| ${kind.name} | ${size} | ${mb} | ${systems.map((s) => show(runs.get(s)!)).join(' | ')} |`);
  }
  if (sizes.length >= 2) {
    const [a, b] = [sizes[sizes.length - 2]!, sizes[sizes.length - 1]!];
    const sizeRatio = b / a;
    const cells = systems.map((s) => {
      const ra = bySize.get(a)!.get(s)!,
        rb = bySize.get(b)!.get(s)!;
      if (ra.status !== '0' || rb.status !== '0') return `${s} -`;
      const time = (rb.wall / ra.wall / sizeRatio).toFixed(2);
      const rss = (rb.rssMiB / ra.rssMiB / sizeRatio).toFixed(2);
      return `${s} time ${time}, RSS ${rss}`;
    });
    growthRows.push(`  ${kind.name} ${a} → ${b}: ${cells.join('; ')}`);
  }
}
if (growthRows.length > 0)
  console.log(
    '\nGrowth relative to linear (ratio of the two largest sizes ÷ size ratio; 1.00 = linear):\n' +
      growthRows.join('\n'),
  );

if (megabytes > 0 && systems.includes('native')) {
  console.log(`\nFiles of about ${megabytes} MB (jitc ÷ native, wall time and peak RSS):`);
  for (const kind of KINDS.filter((k) => chosen.has(k.name))) {
    const size = kind.sizeFor(megabytes * 1e6);
    const runs = runAll(kind, size);
    const native = runs.get('native')!;
    const cells = systems
      .filter((s) => s !== 'native')
      .map((s) => {
        const r = runs.get(s)!;
        if (r.status !== '0' || native.status !== '0') return `${s} ${show(r)} (native ${show(native)})`;
        return `${s} ${(r.wall / native.wall).toFixed(1)}× time, ${(r.rssMiB / native.rssMiB).toFixed(1)}× RSS`;
      });
    console.log(`  ${kind.name} (${size}, native ${show(native)}): ${cells.join('; ')}`);
  }
}
rmSync(scratch, { recursive: true, force: true });
