// Kernels on the native backends vs the interpreter, and the same kernels in C (gcc -O2 for
// each backend's ISA) run in Unicorn as the quality bar: guest instructions, stores and host
// calls per iteration, and wall time; then the tiering scenario (a hot loop reached after a
// cold start) at several --jit-threshold values. Instructions are counted by Unicorn on both
// sides (jitc: --stats's block counts; C: a hook per instruction).
// Run: npx tsx bench/native-kernels.ts [--backend armv7,x86-ref] [--no-tiering]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_PLUGINS } from '../cli/src/all-plugins.ts';
import { prepareRun } from '../framework/src/driver.ts';
import { ARM_EMU_ARCH } from '../framework/src/emu/arch-arm.ts';
import { X86_EMU_ARCH } from '../framework/src/emu/arch-x86.ts';
import type { EmuArch } from '../framework/src/emu/emu-arch.ts';
import { GuestMachine } from '../framework/src/emu/guest-machine.ts';
import { parseModule, Registry, BufferedOutput, MiB, type RunConfig } from '../framework/src/index.ts';

const args = process.argv.slice(2);
const backendArg = args.includes('--backend') ? args[args.indexOf('--backend') + 1]! : 'armv7,x86-ref';
const BACKENDS = backendArg.split(',');
const withTiering = !args.includes('--no-tiering');

const KERNELS = `
type :pair = struct { head: i32, tail: ref }

func @count(%n: i32) -> i32 {
^entry:
  %z = iconst 0
  br ^loop(%z, %z)
^loop(%i: i32, %acc: i32):
  %c = icmp.slt %i, %n
  brif %c, ^body, ^done
^body:
  %a = iadd %acc, %i
  %one = iconst 1
  %j = iadd %i, %one
  br ^loop(%j, %a)
^done:
  ret %acc
}

func @fib(%n: i32) -> i32 {
^entry:
  %two = iconst 2
  %small = icmp.slt %n, %two
  brif %small, ^base, ^rec
^base:
  ret %n
^rec:
  %one = iconst 1
  %a = isub %n, %one
  %fa = call @fib(%a)
  %b = isub %a, %one
  %fb = call @fib(%b)
  %r = iadd %fa, %fb
  ret %r
}

func @alloc(%n: i32) -> ref {
^entry:
  %z = iconst 0
  %nil = rnull
  br ^loop(%z, %nil)
^loop(%i: i32, %last: ref):
  %c = icmp.slt %i, %n
  brif %c, ^body, ^done
^body:
  %p = new :pair
  set :pair.head, %p, %i
  set :pair.tail, %p, %last
  %one = iconst 1
  %j = iadd %i, %one
  br ^loop(%j, %p)
^done:
  ret %last
}

; Dot product of x[i] = i * 0.5 and y[i] = n - i, computed on the fly; returns sum / n.
func @dot(%n: i32) -> i32 {
^entry:
  %z = iconst 0
  %fz = fconst 0.0
  br ^loop(%z, %fz)
^loop(%i: i32, %acc: f64):
  %c = icmp.slt %i, %n
  brif %c, ^body, ^done
^body:
  %fi = i2f %i
  %half = fconst 0.5
  %x = fmul %fi, %half
  %ni = isub %n, %i
  %y = i2f %ni
  %p = fmul %x, %y
  %a = fadd %acc, %p
  %one = iconst 1
  %j = iadd %i, %one
  br ^loop(%j, %a)
^done:
  %fn = i2f %n
  %q = fdiv %acc, %fn
  %r = f2i %q
  ret %r
}

; The tiering scenario: a cold start (each of @cold1..3 runs once), then a hot loop
; calling @step n times.
func @cold1(%x: i32) -> i32 {
^entry:
  %k = iconst 3
  %r = imul %x, %k
  ret %r
}
func @cold2(%x: i32) -> i32 {
^entry:
  %r = call @cold1(%x)
  %k = iconst 7
  %s = iadd %r, %k
  ret %s
}
func @cold3(%x: i32) -> i32 {
^entry:
  %r = call @cold2(%x)
  %s = call @cold1(%r)
  ret %s
}
func @step(%acc: i32, %i: i32) -> i32 {
^entry:
  %m = imul %i, %i
  %k = iconst 1023
  %b = iand %m, %k
  %r = iadd %acc, %b
  ret %r
}
func @tiering(%n: i32) -> i32 {
^entry:
  %z = iconst 0
  %s = call @cold3(%n)
  br ^loop(%z, %s)
^loop(%i: i32, %acc: i32):
  %c = icmp.slt %i, %n
  brif %c, ^body, ^done
^body:
  %a = call @step(%acc, %i)
  %one = iconst 1
  %j = iadd %i, %one
  br ^loop(%j, %a)
^done:
  ret %acc
}
`;

/** fib(n) makes this many calls: iterations of the fib kernel. */
const fibCalls = (n: number): number => (n < 2 ? 1 : 1 + fibCalls(n - 1) + fibCalls(n - 2));

interface Kernel {
  name: string;
  small: number;
  large: number;
  iterations: (n: number) => number;
}
const KERNEL_LIST: Kernel[] = [
  { name: 'count', small: 1000, large: 1_000_000, iterations: (n) => n },
  { name: 'fib', small: 10, large: 25, iterations: fibCalls },
  { name: 'alloc', small: 1000, large: 100_000, iterations: (n) => n },
  { name: 'dot', small: 1000, large: 1_000_000, iterations: (n) => n },
];

interface Figures {
  instructions: number;
  stores: number;
  hostCalls: number;
  nsPerIteration: number;
}

const registry = new Registry(CLI_PLUGINS);

function runJitc(
  backend: string,
  kernel: Pick<Kernel, 'name'>,
  n: number,
  count: boolean,
  jitThreshold = 0,
): {
  stats: {
    instructions: number;
    stores: number;
    hostCalls: number;
    compileMillis: number;
    compiledFunctions: number;
    interpMillis: number;
    nativeMillis: number;
  };
  ms: number;
} {
  const config: RunConfig = {
    backend,
    gc: 'boehm',
    optLevel: 1,
    heapSize: 64 * MiB,
    countInstructions: count,
    jitThreshold,
  };
  const run = prepareRun(registry, parseModule(KERNELS, 'kernels.jir'), config, { out: new BufferedOutput() });
  const started = performance.now();
  run.engine.call(kernel.name, [n]);
  const ms = performance.now() - started;
  const stats = { ...run.engine.stats };
  run.engine.dispose();
  return { stats, ms };
}

function jitcFigures(backend: string, kernel: Kernel): Figures {
  const a = runJitc(backend, kernel, kernel.small, true).stats;
  const b = runJitc(backend, kernel, kernel.large, true).stats;
  const iters = kernel.iterations(kernel.large) - kernel.iterations(kernel.small);
  const ms = Math.min(...[0, 1, 2].map(() => runJitc(backend, kernel, kernel.large, false).ms));
  return {
    instructions: (b.instructions - a.instructions) / iters,
    stores: (b.stores - a.stores) / iters,
    hostCalls: (b.hostCalls - a.hostCalls) / iters,
    nsPerIteration: (ms * 1e6) / kernel.iterations(kernel.large),
  };
}

// ---- the C kernels, compiled by gcc for the backend's ISA and run in Unicorn ----

const CODE = 0x10000,
  RUNTIME = 0x1000,
  DATA = 0x100000,
  DATA_SIZE = 8 * MiB;

/** A flat image of the kernels placed at CODE, and each kernel's offset in it. */
interface CImage {
  arch: EmuArch;
  text: Uint8Array;
  symbols: Map<string, number>;
}

function symbolsOf(nm: string, file: string, base: number): Map<string, number> {
  const symbols = new Map<string, number>();
  for (const line of execFileSync(nm, [file], { encoding: 'utf8' }).split('\n')) {
    const m = /^([0-9a-f]+) [Tt] (\w+)$/.exec(line.trim());
    if (m) symbols.set(m[2]!, parseInt(m[1]!, 16) - base);
  }
  return symbols;
}

const SOURCE = fileURLToPath(new URL('native-kernels/kernels.c', import.meta.url));

/** armv7: the object's .text alone (constants are immediates; calls are resolved). */
function compileArm(dir: string): CImage {
  const obj = join(dir, 'kernels-arm.o'),
    bin = join(dir, 'kernels-arm.bin');
  execFileSync('arm-linux-gnueabihf-gcc', [
    '-O2',
    '-marm',
    '-march=armv7-a',
    '-mfpu=vfpv3-d16',
    '-mfloat-abi=hard',
    '-fno-pic',
    '-c',
    SOURCE,
    '-o',
    obj,
  ]);
  execFileSync('arm-linux-gnueabihf-objcopy', ['-O', 'binary', '-j', '.text', obj, bin]);
  return {
    arch: ARM_EMU_ARCH,
    text: new Uint8Array(readFileSync(bin)),
    symbols: symbolsOf('arm-linux-gnueabihf-nm', obj, 0),
  };
}

/** x86-64: linked at CODE, since doubles are loaded from .rodata (rip-relative). */
function compileX86(dir: string): CImage {
  const obj = join(dir, 'kernels-x86.o'),
    elf = join(dir, 'kernels-x86.elf'),
    bin = join(dir, 'kernels-x86.bin'),
    script = join(dir, 'kernels-x86.ld');
  execFileSync('x86_64-linux-gnu-gcc', [
    '-O2',
    '-fno-pic',
    '-fcf-protection=none',
    '-fno-asynchronous-unwind-tables',
    '-Wno-pointer-to-int-cast',
    '-c',
    SOURCE,
    '-o',
    obj,
  ]);
  writeFileSync(script, `SECTIONS { . = 0x${CODE.toString(16)}; .text : { *(.text*) } .rodata : { *(.rodata*) } }\n`);
  execFileSync('x86_64-linux-gnu-ld', ['-T', script, '--build-id=none', '-o', elf, obj]);
  execFileSync('x86_64-linux-gnu-objcopy', ['-O', 'binary', '-j', '.text', '-j', '.rodata', elf, bin]);
  return {
    arch: X86_EMU_ARCH,
    text: new Uint8Array(readFileSync(bin)),
    symbols: symbolsOf('x86_64-linux-gnu-nm', elf, CODE),
  };
}

function cFigures(kernel: Kernel, c: CImage): Figures {
  const run = (n: number, count: boolean): { instructions: number; stores: number; ms: number } => {
    const machine = new GuestMachine({
      arch: c.arch,
      runtimePage: RUNTIME,
      stackTop: DATA + DATA_SIZE,
      count: count ? { instructions: true, stores: true } : {},
    });
    try {
      machine.mapCodeRegion(CODE, 0x10000);
      machine.writeCode(CODE, c.text);
      machine.mapHostMemory(DATA, new ArrayBuffer(DATA_SIZE));
      const started = performance.now();
      machine.call(CODE + c.symbols.get(kernel.name)!, [n, DATA]);
      const ms = performance.now() - started;
      return { ...machine.counters, ms };
    } finally {
      machine.close();
    }
  };
  const a = run(kernel.small, true),
    b = run(kernel.large, true);
  const iters = kernel.iterations(kernel.large) - kernel.iterations(kernel.small);
  const ms = Math.min(...[0, 1, 2].map(() => run(kernel.large, false).ms));
  return {
    instructions: (b.instructions - a.instructions) / iters,
    stores: (b.stores - a.stores) / iters,
    hostCalls: 0,
    nsPerIteration: (ms * 1e6) / kernel.iterations(kernel.large),
  };
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const ratio = (a: number, b: number): string => (b === 0 ? (a === 0 ? '1' : '∞') : `${(a / b).toFixed(2)}×`);

const dir = mkdtempSync(join(tmpdir(), 'jitc-bench-'));
const compilers: Record<string, (dir: string) => CImage> = { armv7: compileArm, 'x86-ref': compileX86 };
const images = new Map(BACKENDS.map((b) => [b, compilers[b]!(dir)]));
console.log('per iteration (fib: per call); wall time of the large run only (no counting hooks)');
console.log('kernel  tier           instr   stores  host   ns/iter');
const summary: string[] = [];
for (const kernel of KERNEL_LIST) {
  const interp = jitcFigures('interp', kernel);
  const rows: [string, Figures][] = [['interp', interp]];
  for (const backend of BACKENDS) {
    const native = jitcFigures(backend, kernel),
      gcc = cFigures(kernel, images.get(backend)!);
    rows.push([backend, native], [`gcc-O2 ${images.get(backend)!.arch.name}`, gcc]);
    const vsGcc =
      `instr ${ratio(native.instructions, gcc.instructions)}, stores ${ratio(native.stores, gcc.stores)}, ` +
      `time ${ratio(native.nsPerIteration, gcc.nsPerIteration)}`;
    summary.push(
      `${kernel.name.padEnd(7)} ${backend}/gcc ${vsGcc}; interp/${backend} time ${ratio(interp.nsPerIteration, native.nsPerIteration)}`,
    );
  }
  for (const [tier, f] of rows) {
    const cells = [
      kernel.name.padEnd(7),
      tier.padEnd(14),
      fmt(f.instructions).padStart(6),
      fmt(f.stores).padStart(7),
      fmt(f.hostCalls).padStart(5),
      fmt(f.nsPerIteration).padStart(9),
    ];
    console.log(cells.join(' '));
  }
}
console.log(`\nratios\n${summary.join('\n')}`);
if (!withTiering) process.exit(0);

// ---- tiering: a cold start, then a hot loop; wall time includes compiling ----
console.log('\ntiering scenario (@tiering: cold start, then a hot loop of n calls), wall time of one run');
console.log('n        backend  threshold  instr      compiled  compile ms  interp ms  native ms  wall ms');
for (const n of [1_000, 100_000]) {
  const rows: [string, string, number][] = [
    ['interp', 'interp', 0],
    ...BACKENDS.flatMap((b) => [0, 1, 10, 100, 1000, 10000].map((t): [string, string, number] => [String(t), b, t])),
  ];
  for (const [label, backend, threshold] of rows) {
    const counted = runJitc(backend, { name: 'tiering' }, n, true, threshold).stats;
    const timed = [0, 1, 2].map(() => runJitc(backend, { name: 'tiering' }, n, false, threshold));
    const best = timed.reduce((a, b) => (b.ms < a.ms ? b : a));
    const st = best.stats;
    const figures = [
      String(counted.instructions).padStart(9),
      String(st.compiledFunctions).padStart(8),
      st.compileMillis.toFixed(1).padStart(10),
      st.interpMillis.toFixed(1).padStart(9),
      st.nativeMillis.toFixed(1).padStart(9),
      best.ms.toFixed(1).padStart(7),
    ];
    console.log(`${String(n).padEnd(8)} ${backend.padEnd(8)} ${label.padEnd(10)} ${figures.join('  ')}`);
  }
}
