// How the IR text path scales: generated modules (framework/test/helpers/big-ir.ts) of many
// small functions, one huge function, and one long chain of blocks, each at several sizes,
// through parse → verify → print → interpreter compile and one run of @main. Every size runs
// in a fresh process so that its peak RSS is its own. Prints milliseconds per phase, peak
// RSS, and for each shape the growth from the smallest to the largest size relative to
// linear (1.00 = linear; 10× the size taking 12× the time is 1.20). Times are CPU time of
// the process (user + system, all threads), which other load on the machine disturbs less
// than wall time.
//
// Usage: npx tsx bench/ir-scaling.ts [--sizes 10000,100000] [--shapes funcs,huge,chain] [--repeat R]
//   --sizes   sizes in instructions (funcs: 1 function per 10 instructions)
//   --repeat  the median of R fresh processes per row (default 1), shapes alternating
// Profile one row: node --import tsx --cpu-prof bench/ir-scaling.ts --one huge 100000
import { spawnSync } from 'node:child_process';
import { boehmCollector } from '../plugins/gc-boehm/src/index.ts';
import { Interpreter } from '../framework/src/interp/interpreter.ts';
import { parseModule } from '../framework/src/ir/text/parser.ts';
import { printModule } from '../framework/src/ir/text/printer.ts';
import { verifyModule } from '../framework/src/ir/verify.ts';
import { BufferedOutput } from '../framework/src/runtime/output.ts';
import { Program } from '../framework/src/runtime/program.ts';
import {
  blockChainModule,
  hugeFunctionModule,
  manyFunctionsModule,
  type GeneratedModule,
} from '../framework/test/helpers/big-ir.ts';
import { median } from './support/run-process.ts';

const SHAPES: Record<string, (size: number) => GeneratedModule> = {
  funcs: (size) => manyFunctionsModule(Math.max(1, Math.round(size / 10))),
  huge: (size) => hugeFunctionModule(size),
  chain: (size) => blockChainModule(Math.max(1, Math.round(size / 2))),
};

interface Measurement {
  shape: string;
  size: number;
  instructions: number;
  bytes: number;
  parse: number;
  verify: number;
  print: number;
  run: number;
  total: number;
  rssMiB: number;
  /** Live heap after each phase (MiB; only with --expose-gc), to find where memory goes. */
  heapMiB?: Record<string, number>;
}

/** The live JS heap now, after a full collection, or NaN without --expose-gc. */
function liveHeapMiB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** CPU milliseconds this process has used (all threads): less disturbed than wall time by
 *  other work on a shared machine. */
function cpuMillis(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One shape at one size, in this process. */
function measureOne(shape: string, size: number): Measurement {
  const gen = SHAPES[shape]!(size);
  const heap: Record<string, number> = { text: liveHeapMiB() };
  const t0 = cpuMillis();
  const m = parseModule(gen.text, `${shape}-${size}.jir`);
  const t1 = cpuMillis();
  heap.parsed = liveHeapMiB();
  const errors = verifyModule(m);
  if (errors.length > 0) throw new Error(`generated module is invalid: ${errors[0]}`);
  const t2 = cpuMillis();
  const text = printModule(m);
  const t3 = cpuMillis();
  if (text.length === 0) throw new Error('printed nothing');
  const out = new BufferedOutput();
  const program = new Program(m, { gc: boehmCollector(), out, heapSize: 16 << 20, stackSize: 8 << 20 });
  const interp = new Interpreter(program, {});
  interp.call('main', []);
  const t4 = cpuMillis();
  heap.ran = liveHeapMiB();
  if (out.text() !== gen.expected)
    throw new Error(
      `${shape} ${size}: printed ${JSON.stringify(out.text())}, expected ${JSON.stringify(gen.expected)}`,
    );
  return {
    shape,
    size,
    instructions: gen.instructions,
    bytes: gen.text.length,
    parse: t1 - t0,
    verify: t2 - t1,
    print: t3 - t2,
    run: t4 - t3,
    total: t4 - t0,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    ...(Number.isNaN(heap.text) ? {} : { heapMiB: heap }),
  };
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : dflt;
};

if (args[0] === '--one') {
  console.log(JSON.stringify(measureOne(args[1]!, Number(args[2]))));
} else {
  const sizes = opt('--sizes', '10000,100000').split(',').map(Number);
  const shapes = opt('--shapes', 'funcs,huge,chain').split(',');
  const repeat = Number(opt('--repeat', '1'));
  const self = new URL(import.meta.url).pathname;
  const fresh = (shape: string, size: number): Measurement => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--one', shape, String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`${shape} ${size} failed (${r.status ?? r.signal}):\n${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measurement;
  };
  const results = new Map<string, Measurement[]>();
  for (const size of sizes) {
    for (let round = 0; round < repeat; round++) {
      for (const shape of shapes) {
        const key = `${shape}/${size}`;
        results.set(key, [...(results.get(key) ?? []), fresh(shape, size)]);
      }
    }
  }
  const med = (ms: Measurement[], k: keyof Measurement): number => median(ms.map((m) => m[k] as number));
  const heads = [
    'shape',
    'size',
    'insts',
    'MB text',
    'parse cpu ms',
    'verify cpu ms',
    'print cpu ms',
    'compile+run cpu ms',
    'total cpu ms',
    'peak RSS MiB',
  ];
  console.log(`| ${heads.join(' | ')} |`);
  console.log(
    `|---|${heads
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
  );
  for (const shape of shapes) {
    for (const size of sizes) {
      const ms = results.get(`${shape}/${size}`)!;
      const row = [
        shape,
        String(size),
        String(ms[0]!.instructions),
        (ms[0]!.bytes / 1e6).toFixed(2),
        ...(['parse', 'verify', 'print', 'run', 'total'] as const).map((k) => med(ms, k).toFixed(0)),
        med(ms, 'rssMiB').toFixed(0),
      ];
      console.log(`| ${row.join(' | ')} |`);
    }
  }
  if (sizes.length >= 2) {
    const [small, large] = [sizes[0]!, sizes[sizes.length - 1]!];
    console.log(`\nGrowth ${small} → ${large} relative to linear (time ratio ÷ instruction ratio):`);
    for (const shape of shapes) {
      const a = results.get(`${shape}/${small}`)!,
        b = results.get(`${shape}/${large}`)!;
      const scale = b[0]!.instructions / a[0]!.instructions;
      const phases = (['parse', 'verify', 'print', 'run', 'total'] as const).map(
        (k) => `${k} ${(med(b, k) / med(a, k) / scale).toFixed(2)}`,
      );
      console.log(`  ${shape}: ${phases.join(', ')}`);
    }
  }
}
