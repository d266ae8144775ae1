import test from 'ava';
// Lives with gc-boehm: it checks that a collection that really frees and reuses memory
// keeps the bigints host functions hold alive.
import fc from 'fast-check';
import { boehmCollector } from '../src/index.ts';
import type { RootSource, RootVisitor } from '#framework';
import { Interpreter } from '#framework';
import { FuncBuilder } from '#framework';
import { Module } from '#framework';
import {
  bigintHostFunctions,
  declareBigintExtern,
  emitIntAdd,
  emitIntMul,
  makeInteger,
  readInteger,
  toSmallIntRef,
} from '#framework';
import { BufferedOutput } from '#framework';
import { Program } from '#framework';

class Handles implements RootSource {
  refs: number[] = [];
  visitRoots(visit: RootVisitor): void {
    for (let i = 0; i < this.refs.length; i++) this.refs[i] = visit(this.refs[i]!);
  }
}

/** Tagged small int from an i32 value: (v << 1) | 1. */
function emitTag(b: FuncBuilder, v: number): number {
  const one = b.iconst(1);
  return b.emit('ref.from_bits', [b.emit('ior', [b.emit('ishl', [v, one]), one])]);
}

/** @fact(n) = n! and @fib(n) = fib(n) with the inline fast paths; @mix(n) sums
 *  (fact(i) xor fib(i)) over i = 1..n through host calls, keeping several bigints live. */
function buildModule(): Module {
  const m = new Module();
  {
    const b = new FuncBuilder(m, 'fact', { params: ['i32'], result: 'ref' }, ['n']);
    const n = b.params[0]!;
    const loop = b.block('loop', ['ref', 'i32'], ['acc', 'i']);
    const body = b.block('body');
    const exit = b.block('exit');
    b.br(loop, [b.emit('ref.from_bits', [b.iconst(toSmallIntRef(1))]), b.iconst(1)]);
    b.switchTo(loop);
    const [acc, i] = [loop.params[0]!, loop.params[1]!];
    b.brif(b.emit('icmp.sgt', [i, n]), exit, [], body, []);
    b.switchTo(body);
    const next = emitIntMul(b, acc, emitTag(b, i));
    b.br(loop, [next, b.emit('iadd', [i, b.iconst(1)])]);
    b.switchTo(exit);
    b.ret(acc);
  }
  {
    const b = new FuncBuilder(m, 'fib', { params: ['i32'], result: 'ref' }, ['n']);
    const n = b.params[0]!;
    const loop = b.block('loop', ['ref', 'ref', 'i32'], ['a', 'b', 'i']);
    const body = b.block('body');
    const exit = b.block('exit');
    b.br(loop, [
      b.emit('ref.from_bits', [b.iconst(toSmallIntRef(0))]),
      b.emit('ref.from_bits', [b.iconst(toSmallIntRef(1))]),
      b.iconst(0),
    ]);
    b.switchTo(loop);
    const [x, y, i] = [loop.params[0]!, loop.params[1]!, loop.params[2]!];
    b.brif(b.emit('icmp.sge', [i, n]), exit, [], body, []);
    b.switchTo(body);
    const sum = emitIntAdd(b, x, y);
    b.br(loop, [y, sum, b.emit('iadd', [i, b.iconst(1)])]);
    b.switchTo(exit);
    b.ret(x);
  }
  {
    declareBigintExtern(m, 'int.xor');
    declareBigintExtern(m, 'int.add');
    const b = new FuncBuilder(m, 'mix', { params: ['i32'], result: 'ref' }, ['n']);
    const n = b.params[0]!;
    const loop = b.block('loop', ['ref', 'i32'], ['total', 'i']);
    const body = b.block('body');
    const exit = b.block('exit');
    b.br(loop, [b.emit('ref.from_bits', [b.iconst(toSmallIntRef(0))]), b.iconst(1)]);
    b.switchTo(loop);
    const [total, i] = [loop.params[0]!, loop.params[1]!];
    b.brif(b.emit('icmp.sgt', [i, n]), exit, [], body, []);
    b.switchTo(body);
    const mixed = b.call('int.xor', [b.call('fact', [i]), b.call('fib', [i])]);
    b.br(loop, [b.call('int.add', [total, mixed]), b.emit('iadd', [i, b.iconst(1)])]);
    b.switchTo(exit);
    b.ret(total);
  }
  return m;
}

const jsFact = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * jsFact(n - 1));
function jsFib(n: number): bigint {
  let [a, b] = [0n, 1n];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

function stressedProgram(module: Module, gcStress: number): Program {
  return new Program(module, {
    gc: boehmCollector(),
    out: new BufferedOutput(),
    heapSize: 256 << 10,
    stackSize: 1 << 20,
    gcStress,
    verifyHeap: true,
    hosts: bigintHostFunctions(),
  });
}

test('IR loops building bigints survive a collection at every allocation', (t) => {
  const program = stressedProgram(buildModule(), 1);
  const interp = new Interpreter(program);
  t.is(readInteger(program.hostContext, interp.call('fact', [60])!), jsFact(60));
  t.is(readInteger(program.hostContext, interp.call('fib', [300])!), jsFib(300));
  let expected = 0n;
  for (let i = 1; i <= 40; i++) expected += jsFact(i) ^ jsFib(i);
  t.is(readInteger(program.hostContext, interp.call('mix', [40])!), expected);
  t.true(program.heap.stats.collections > 100, `${program.heap.stats.collections} collections`);
  t.notThrows(() => program.heap.verify());
  interp.dispose();
});

test('garbage bigints are reclaimed: a long loop runs in a small heap', (t) => {
  const program = stressedProgram(buildModule(), 0);
  const interp = new Interpreter(program);
  // fib(20000) allocates ~20000 objects of up to ~1.7 KB: far more than the 256 KiB heap.
  t.is(readInteger(program.hostContext, interp.call('fib', [20000])!), jsFib(20000));
  t.true(program.heap.stats.collections > 0);
  interp.dispose();
});

test('host functions under random-interval stress keep rooted inputs and produce valid objects', (t) => {
  const program = new Program(buildModule(), {
    gc: boehmCollector(),
    out: new BufferedOutput(),
    heapSize: 256 << 10,
    stackSize: 1 << 20,
    gcStress: 2,
    gcStressSeed: 7,
    verifyHeap: true,
    hosts: bigintHostFunctions(),
  });
  const ctx = program.hostContext;
  const handles = new Handles();
  program.heap.addRoots(handles);
  const ops: [string, (a: bigint, b: bigint) => bigint][] = [
    ['int.add', (a, b) => a + b],
    ['int.mul', (a, b) => a * b],
    ['int.xor', (a, b) => a ^ b],
    ['int.sub', (a, b) => a - b],
  ];
  const big = fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n });
  fc.assert(
    fc.property(fc.array(big, { minLength: 2, maxLength: 12 }), fc.nat(), (values, pick) => {
      // One at a time: each new ref must be rooted before the next allocation.
      handles.refs = [];
      for (const v of values) handles.refs.push(makeInteger(ctx, v));
      // Fold all values with a rotating op; every intermediate stays rooted in handles.
      let acc = values[0]!;
      for (let i = 1; i < values.length; i++) {
        const [name, op] = ops[(pick + i) % ops.length]!;
        const ref = program.bindExtern(name).impl([handles.refs[0]!, handles.refs[i]!], ctx)!;
        handles.refs[0] = ref;
        acc = op(acc, values[i]!);
        t.is(readInteger(ctx, ref), acc);
      }
      for (let i = 1; i < values.length; i++) t.is(readInteger(ctx, handles.refs[i]!), values[i]!, 'inputs intact');
    }),
    { numRuns: 100 },
  );
  t.true(program.heap.stats.collections > 50);
  t.notThrows(() => program.heap.verify());
});
