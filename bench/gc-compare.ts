// boehm against generational on the same programs, in the same run: wall time (the best of
// --repeat alternated runs, so that both collectors see the same machine load), and with
// --counts the guest instructions, stores and host calls from `--stats` (which slows a run
// down many times over, so those runs are separate), with the collector's time.
// Usage: npx tsx bench/gc-compare.ts [--backend armv7] [--repeat 3] [--counts] [program ...]
import { readdirSync } from 'node:fs';
import { runProcess } from './support/run-process.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : dflt;
};
const backend = opt('--backend', 'armv7');
const repeat = Number(opt('--repeat', '3'));
const counts = args.includes('--counts');
const root = new URL('..', import.meta.url).pathname;
const jitc = `${root}bin/jitc.js`;
const GCS = ['boehm', 'generational'];
const named = args.filter((a, i) => !a.startsWith('--') && !['--backend', '--repeat'].includes(args[i - 1] ?? ''));
const programs = named.length > 0 ? named : readdirSync(`${root}bench/gc`).map((f) => `${root}bench/gc/${f}`);

function run(file: string, gc: string, stats: boolean): { wall: number; stdout: string; stats: Map<string, string> } {
  const extra = file.endsWith('.pl') ? ['-g', 'main'] : [];
  const r = runProcess(
    process.execPath,
    [jitc, file, ...extra, '--backend', backend, '--gc', gc, ...(stats ? ['--stats'] : [])],
    { timeoutMs: 30 * 60_000 },
  );
  if (r.status !== '0') throw new Error(`${file} on ${gc}: exit ${r.status}\n${r.stderr}`);
  const parsed = new Map<string, string>();
  for (const m of r.stderr.matchAll(/^ {2}(\S[^\n]*?) {2,}(\S[^\n]*)$/gm)) parsed.set(m[1]!, m[2]!);
  return { wall: r.wall, stdout: r.stdout, stats: parsed };
}

const num = (s: string | undefined): number => Number((s ?? '0').replace(/[^0-9.]/g, ''));

console.log(`backend ${backend}, best of ${repeat} alternated runs per collector`);
console.log('| program | boehm s | generational s | speed-up | same output |');
console.log('|---|---:|---:|---:|---|');
for (const file of programs) {
  const best = new Map(GCS.map((gc) => [gc, Infinity]));
  const outputs = new Map<string, string>();
  for (let i = 0; i < repeat; i++) {
    for (const gc of GCS) {
      const r = run(file, gc, false);
      best.set(gc, Math.min(best.get(gc)!, r.wall));
      outputs.set(gc, r.stdout);
    }
  }
  const [b, g] = [best.get('boehm')!, best.get('generational')!];
  const same = outputs.get('boehm') === outputs.get('generational') ? 'yes' : 'NO';
  console.log(`| ${file.split('/').pop()} | ${b.toFixed(2)} | ${g.toFixed(2)} | ${(b / g).toFixed(2)}× | ${same} |`);
}

if (counts) {
  console.log('\n| program | collector | instructions | stores | host calls | bytes allocated | collections | gc ms |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const file of programs) {
    for (const gc of GCS) {
      const s = run(file, gc, true).stats;
      const row = ['instructions', 'stores', 'host calls', 'bytes allocated', 'collections', 'gc time'].map((k) =>
        num(s.get(k)).toLocaleString('en'),
      );
      console.log(`| ${file.split('/').pop()} | ${gc} | ${row.join(' | ')} |`);
    }
  }
}
