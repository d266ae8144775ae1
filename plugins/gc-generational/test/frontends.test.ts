import test from 'ava';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { landedConfigurations, runJitc } from '#framework/testing';

// What the generational collector promises the frontends' compiled code, measured with
// `jitc --stats` on a native backend: short-lived objects die young (constant heap), and
// compiled code leaves for the host only on slow paths.
const programs = new URL('./programs/', import.meta.url).pathname;
const root = new URL('../../../', import.meta.url).pathname;
const landed = [...new Set((await landedConfigurations()).map((c) => c.backend))];
const native = landed.find((b) => b !== 'interp');

interface Stats {
  stdout: string;
  hostCalls: number;
  /** `host calls by function`, as far as the row lists them. */
  byFunction: Map<string, number>;
  bytes: number;
  collections: number;
  live: number;
}

async function run(args: string[]): Promise<Stats> {
  const r = await runJitc([...args, '--backend', native!, '--gc', 'generational', '--stats']);
  if (r.code !== 0) throw new Error(`jitc ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  const row = (label: string): string => new RegExp(`^\\s+${label}\\s+(.*)$`, 'm').exec(r.stderr)?.[1] ?? '';
  const byFunction = new Map<string, number>();
  for (const m of row('host calls by function').matchAll(/(\S+) (\d+)/g)) byFunction.set(m[1]!, Number(m[2]));
  return {
    stdout: r.stdout,
    hostCalls: Number(row('host calls')),
    byFunction,
    bytes: Number(row('bytes allocated')),
    collections: Number(row('collections')),
    live: Number(row('live after last gc')),
  };
}

// A 1 MiB heap has a 128 KiB nursery: both loops fill it tens of times. Were anything kept
// per iteration, 60 000 more iterations would keep at least 480 KB more.
const HEAP = ['--heap', '1M'];
const SMALL = 20_000;
const BIG = 80_000;

if (native !== undefined) {
  test(`a Prolog loop that allocates a continuation per iteration runs in constant heap on ${native}`, async (t) => {
    const file = `${programs}continuation_loop.pl`;
    const small = await run([file, '-g', `main(${SMALL})`, ...HEAP]);
    const big = await run([file, '-g', `main(${BIG})`, ...HEAP]);
    // 0+1+…+7 repeated, from swipl.
    t.is(small.stdout, '70000\n');
    t.is(big.stdout, '280000\n');
    const perIteration = (big.bytes - small.bytes) / (BIG - SMALL);
    t.true(perIteration >= 16, `${perIteration} bytes allocated per iteration`);
    t.true(small.collections >= 4, `${small.collections} collections`);
    // The last collection is garbage_collect/0's major one: what lives after it is exact.
    t.true(big.live <= small.live + 256, `live after the last gc: ${small.live} -> ${big.live}`);
  });

  test(`a Python float loop runs in constant heap on ${native}`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'jitc-float-loop-'));
    const source = readFileSync(`${programs}float_loop.py`, 'utf8');
    const file = (n: number): string => {
      const path = join(dir, `float_loop_${n}.py`);
      writeFileSync(path, source.replace('run(N)', `run(${n})`));
      return path;
    };
    const small = await run([file(SMALL), ...HEAP]);
    const big = await run([file(BIG), ...HEAP]);
    // From CPython 3.11.
    t.is(small.stdout, '39998.0\n');
    t.is(big.stdout, '159998.0\n');
    const perIteration = (big.bytes - small.bytes) / (BIG - SMALL);
    // Three boxed floats of 16 bytes each.
    t.true(perIteration >= 48, `${perIteration} bytes allocated per iteration`);
    t.true(small.collections >= 4, `${small.collections} collections`);
    // Minor collections promote what is live at that moment (a float or two) and no major
    // one is due in this heap, so the old generation grows a little with every nursery:
    // far less than one float per hundred iterations, which a leak could not stay under.
    const grown = big.live - small.live;
    t.true(grown < ((BIG - SMALL) / 100) * 16, `live after the last gc: ${small.live} -> ${big.live}`);
  });

  // The inline fast path and the filtered barrier leave compiled code for the host only
  // when the nursery is full or an old object is handed a young ref (the first time
  // between two collections). The heap is small so that the nursery fills many times.
  // These four of the iterate family allocate per iteration; the other four allocate
  // nothing (iterate-stats.test.ts), so no collector has a slow path to take in them.
  for (const bench of ['iterate_failure', 'iterate_call', 'iterate_exception', 'iterate_findall']) {
    test(`${bench} on ${native} × generational: host calls only on slow paths`, async (t) => {
      const file = `${root}bench/prolog/${bench}.pl`;
      const a = await run([file, '-g', `bench(${SMALL / 10})`, ...HEAP]);
      const b = await run([file, '-g', `bench(${SMALL})`, ...HEAP]);
      const iterations = SMALL - SMALL / 10;
      const slowPaths = (s: Stats): number =>
        [...s.byFunction].filter(([name]) => name.startsWith('generational.')).reduce((n, [, c]) => n + c, 0);
      const perIteration = (b.hostCalls - a.hostCalls) / iterations;
      t.log(`${perIteration.toFixed(4)} host calls per iteration, ${b.collections} collections`);
      t.is(b.hostCalls - a.hostCalls, slowPaths(b) - slowPaths(a), 'every further host call is a slow path');
      t.true(perIteration <= (bench === 'iterate_findall' ? 1 : 0.1), `${perIteration} per iteration`);
    });
  }

  test(`--emit asm on ${native} shows the inline allocation and the filtered barrier`, async (t) => {
    const args = [`${programs}push.jir`, '--backend', native, '--gc', 'generational', '--emit', 'asm'];
    const r = await runJitc([...args, '--entry', 'push']);
    t.is(r.code, 0, r.stderr);
    // Each labelled block, up to the next label.
    const blocks = new Map<string, string>();
    for (const m of r.stdout.matchAll(/^\^([\w.]+):\n((?:(?![\^.][\w.]*:$).*\n)*)/gm)) blocks.set(m[1]!, m[2]!);
    const calls = (label: string): number => (blocks.get(label) ?? '').match(/\b(bl|call)\b/g)?.length ?? 0;
    for (const label of ['alloc.fast', 'alloc.slow', 'barrier.value', 'barrier.card'])
      t.true(blocks.has(label), `no ^${label} in\n${r.stdout}`);
    t.is(calls('entry'), 0, 'the free pointer and the limit are loaded, not asked for');
    t.is(calls('alloc.fast'), 0, 'the fast path bumps and writes the header in line');
    t.is(calls('alloc.slow'), 1);
    t.is(calls('barrier.value'), 0);
    t.is(calls('barrier.card'), 0, 'the barrier marks a card in line');
  });
}
