// boehm against generational on the same programs, in the same run, on every native backend:
// wall time and CPU time (user + system; the best of --repeat alternated runs, so that both
// collectors see the same machine load, which moves wall time far more than CPU time), and with --counts the guest instructions, host calls and allocations from
// `--stats` (which slows a run down many times over, so those runs are separate), with the
// collector's time. The rows: bench/gc/ (binary trees, list building, float boxing, tak,
// nrev), the Prolog iterate family (bench/prolog/, at --iterations N) and nbody in Python
// (../shared/bench/python/nbody.py at --nbody N steps).
// Usage: npx tsx bench/gc-compare.ts [--backend armv7] [--repeat 3] [--counts] [--iterations 100000]
//          [--nbody 2000] [row ...]   (a row is a file name or a name such as iterate_findall)
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from './support/run-process.ts';

const args = process.argv.slice(2);
const VALUED = ['--backend', '--repeat', '--iterations', '--nbody'];
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : dflt;
};
const repeat = Number(opt('--repeat', '3'));
const counts = args.includes('--counts');
const root = new URL('..', import.meta.url).pathname;
const jitc = `${root}bin/jitc.js`;
const GCS = ['boehm', 'generational'];

interface Row {
  name: string;
  /** The file and its goal, without backend or collector. */
  argv: string[];
}

function rows(): Row[] {
  const gcDir = `${root}bench/gc/`;
  const fromGcDir = readdirSync(gcDir)
    .sort()
    .map((f) => ({ name: f, argv: [`${gcDir}${f}`, ...(f.endsWith('.pl') ? ['-g', 'main'] : [])] }));
  const iterations = opt('--iterations', '100000');
  const iterate = readdirSync(`${root}bench/prolog/`)
    .filter((f) => f.startsWith('iterate'))
    .sort()
    .map((f) => ({ name: f.slice(0, -3), argv: [`${root}bench/prolog/${f}`, '-g', `bench(${iterations})`] }));
  const steps = opt('--nbody', '2000');
  const nbodySource = readFileSync(`${root}../shared/bench/python/nbody.py`, 'utf8').replace(
    /^N = .*$/m,
    `N = ${steps}`,
  );
  const nbody = join(mkdtempSync(join(tmpdir(), 'jitc-gc-compare-')), 'nbody.py');
  writeFileSync(nbody, nbodySource);
  const all = [...fromGcDir, ...iterate, { name: 'nbody.py', argv: [nbody] }];
  const named = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
  return named.length === 0 ? all : all.filter((r) => named.some((n) => r.name === n || r.name.startsWith(`${n}.`)));
}

/** Every native backend the command lists, unless --backend names one. */
function backends(): string[] {
  if (args.includes('--backend')) return [opt('--backend', 'armv7')];
  const listed = runProcess(process.execPath, [jitc, 'plugins'], { timeoutMs: 60_000 }).stdout;
  return [...listed.matchAll(/^\s+backend\s+(\S+)/gm)].map((m) => m[1]!).filter((b) => b !== 'interp');
}

function run(row: Row, backend: string, gc: string, stats: boolean) {
  const r = runProcess(
    process.execPath,
    [jitc, ...row.argv, '--backend', backend, '--gc', gc, ...(stats ? ['--stats'] : [])],
    { timeoutMs: 30 * 60_000 },
  );
  if (r.status !== '0') throw new Error(`${row.name} on ${backend} × ${gc}: exit ${r.status}\n${r.stderr}`);
  const parsed = new Map<string, string>();
  for (const m of r.stderr.matchAll(/^ {2}(\S[^\n]*?) {2,}(\S[^\n]*)$/gm)) parsed.set(m[1]!, m[2]!);
  return { wall: r.wall, cpu: r.cpu, stdout: r.stdout, stats: parsed };
}

const num = (s: string | undefined): number => Number((s ?? '0').replace(/[^0-9.]/g, ''));
const table = rows();
const natives = backends();

console.log(`best of ${repeat} alternated runs per collector`);
console.log(
  '| program | backend | boehm s | generational s | speed-up | boehm cpu s | generational cpu s | cpu speed-up | same output |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
for (const backend of natives) {
  for (const row of table) {
    const best = new Map(GCS.map((gc) => [gc, Infinity]));
    const bestCpu = new Map(GCS.map((gc) => [gc, Infinity]));
    const outputs = new Map<string, string>();
    for (let i = 0; i < repeat; i++) {
      for (const gc of GCS) {
        const r = run(row, backend, gc, false);
        best.set(gc, Math.min(best.get(gc)!, r.wall));
        bestCpu.set(gc, Math.min(bestCpu.get(gc)!, r.cpu));
        outputs.set(gc, r.stdout);
      }
    }
    const [b, g] = [best.get('boehm')!, best.get('generational')!];
    const same = outputs.get('boehm') === outputs.get('generational') ? 'yes' : 'NO';
    const [bc, gcpu] = [bestCpu.get('boehm')!, bestCpu.get('generational')!];
    const cells = [b.toFixed(2), g.toFixed(2), `${(b / g).toFixed(2)}×`, bc.toFixed(2), gcpu.toFixed(2)];
    console.log(`| ${row.name} | ${backend} | ${cells.join(' | ')} | ${(bc / gcpu).toFixed(2)}× | ${same} |`);
  }
}

if (counts) {
  // generational counts only the allocations its slow path makes; boehm counts every one,
  // so boehm's count is the denominator of both rows' host calls per allocation.
  console.log('\n| program | backend | collector | instructions | host calls | per allocation | collections | gc ms |');
  console.log('|---|---|---|---:|---:|---:|---:|---:|');
  for (const backend of natives) {
    for (const row of table) {
      let allocations = 0;
      for (const gc of GCS) {
        const s = run(row, backend, gc, true).stats;
        if (gc === 'boehm') allocations = num(s.get('allocations'));
        const hostCalls = num(s.get('host calls'));
        const perAllocation = allocations > 0 ? (hostCalls / allocations).toFixed(4) : '-';
        const cells = [
          num(s.get('instructions')).toLocaleString('en'),
          hostCalls.toLocaleString('en'),
          perAllocation,
          num(s.get('collections')).toLocaleString('en'),
          num(s.get('gc time')).toFixed(0),
        ];
        console.log(`| ${row.name} | ${backend} | ${gc} | ${cells.join(' | ')} |`);
      }
    }
  }
}
