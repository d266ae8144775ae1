/**
 * Interpreter speed in IR instructions per second, on a loop kernel and on a call-heavy
 * kernel (recursive fib). Run with `npx tsx bench/interp-speed.ts [--quick]`.
 */
import { boehmCollector } from '../plugins/gc-boehm/src/index.ts';
import { Interpreter } from '../framework/src/interp/interpreter.ts';
import { FuncBuilder } from '../framework/src/ir/builder.ts';
import { Module } from '../framework/src/ir/module.ts';
import { BufferedOutput } from '../framework/src/runtime/output.ts';
import { Program } from '../framework/src/runtime/program.ts';

/** `@loop(n)`: n iterations of a multiply, xor and two adds over two loop-carried values. */
function loopKernel(m: Module): void {
  const f = new FuncBuilder(m, 'loop', { params: ['i32'], result: 'i32' }, ['n']);
  const n = f.params[0]!;
  const head = f.block('head', ['i32', 'i32'], ['i', 'acc']);
  const body = f.block('body');
  const exit = f.block('exit', ['i32'], ['r']);
  f.br(head, [f.iconst(0), f.iconst(0)]);
  f.switchTo(head);
  const [i, acc] = head.params as [number, number];
  f.brif(f.emit('icmp.slt', [i, n]), body, [], exit, [acc]);
  f.switchTo(body);
  const mixed = f.emit('ixor', [acc, f.emit('imul', [i, f.iconst(3)])]);
  f.br(head, [f.emit('iadd', [i, f.iconst(1)]), f.emit('iadd', [mixed, i])]);
  f.switchTo(exit);
  f.ret(exit.params[0]);
}

/** `@fib(n)`: the doubly recursive Fibonacci, almost all calls and returns. */
function fibKernel(m: Module): void {
  const f = new FuncBuilder(m, 'fib', { params: ['i32'], result: 'i32' }, ['n']);
  const n = f.params[0]!;
  const base = f.block('base');
  const rec = f.block('rec');
  f.brif(f.emit('icmp.slt', [n, f.iconst(2)]), base, [], rec, []);
  f.switchTo(base);
  f.ret(n);
  f.switchTo(rec);
  const a = f.emit('isub', [n, f.iconst(1)]);
  const b = f.emit('isub', [n, f.iconst(2)]);
  f.ret(f.emit('iadd', [f.call('fib', [a]), f.call('fib', [b])]));
}

interface Measurement {
  instructions: number;
  calls: number;
  millis: number;
}

function measure(m: Module, name: string, arg: number): Measurement {
  const program = new Program(m, { gc: boehmCollector(), out: new BufferedOutput() });
  const interp = new Interpreter(program);
  const start = performance.now();
  interp.call(name, [arg]);
  const millis = performance.now() - start;
  interp.dispose();
  return { instructions: interp.stats.instructions, calls: interp.stats.calls, millis };
}

function report(label: string, m: Module, name: string, arg: number, repeats: number): void {
  measure(m, name, Math.max(1, arg >> 4)); // warm up the host JIT
  const runs = Array.from({ length: repeats }, () => measure(m, name, arg)).sort((x, y) => x.millis - y.millis);
  const median = runs[runs.length >> 1]!;
  const mips = median.instructions / median.millis / 1000;
  console.log(
    `${label.padEnd(22)} ${median.instructions.toLocaleString('en').padStart(13)} instructions ` +
      `${median.calls.toLocaleString('en').padStart(11)} calls ${median.millis.toFixed(1).padStart(8)} ms ` +
      `${mips.toFixed(1).padStart(6)} M instructions/s`,
  );
}

const quick = process.argv.includes('--quick');
const m = new Module();
loopKernel(m);
fibKernel(m);
const repeats = quick ? 3 : 5;
report(`loop(${quick ? '1e6' : '1e7'})`, m, 'loop', quick ? 1_000_000 : 10_000_000, repeats);
report(`fib(${quick ? 22 : 27})`, m, 'fib', quick ? 22 : 27, repeats);
