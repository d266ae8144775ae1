import test from 'ava';
import fc from 'fast-check';
import { arenaCollector } from '../../src/testing/index.ts';
import type { RootSource, RootVisitor } from '../../src/gc/interface.ts';
import { Interpreter } from '../../src/interp/interpreter.ts';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { printModule } from '../../src/ir/text/printer.ts';
import { assertValid } from '../../src/ir/verify.ts';
import {
  bigintHostFunctions,
  emitIntAdd,
  emitIntCompare,
  emitIntMul,
  emitIntSub,
  isSmallInt,
  makeInteger,
  readInteger,
  type IntCondition,
} from '../../src/runtime/bigint/index.ts';
import { BufferedOutput } from '../../src/runtime/output.ts';
import { Program } from '../../src/runtime/program.ts';

class Handles implements RootSource {
  refs: number[] = [];
  visitRoots(visit: RootVisitor): void {
    for (let i = 0; i < this.refs.length; i++) this.refs[i] = visit(this.refs[i]!);
  }
}

type Emit = (b: FuncBuilder, x: number, y: number) => number;
const ARITHMETIC: [string, Emit, (a: bigint, b: bigint) => bigint][] = [
  ['add', emitIntAdd, (a, b) => a + b],
  ['sub', emitIntSub, (a, b) => a - b],
  ['mul', emitIntMul, (a, b) => a * b],
];
const CONDITIONS: [IntCondition, (a: bigint, b: bigint) => boolean][] = [
  ['eq', (a, b) => a === b],
  ['ne', (a, b) => a !== b],
  ['slt', (a, b) => a < b],
  ['sle', (a, b) => a <= b],
  ['sgt', (a, b) => a > b],
  ['sge', (a, b) => a >= b],
];

function buildModule(): Module {
  const m = new Module();
  for (const [name, emit] of ARITHMETIC) {
    const b = new FuncBuilder(m, name, { params: ['ref', 'ref'], result: 'ref' }, ['x', 'y']);
    b.ret(emit(b, b.params[0]!, b.params[1]!));
  }
  for (const [cond] of CONDITIONS) {
    const b = new FuncBuilder(m, cond, { params: ['ref', 'ref'], result: 'i32' }, ['x', 'y']);
    b.ret(emitIntCompare(b, cond, b.params[0]!, b.params[1]!));
  }
  // Two fast paths in one function: (x + y) * (x - y).
  const b = new FuncBuilder(m, 'product', { params: ['ref', 'ref'], result: 'ref' }, ['x', 'y']);
  const [x, y] = [b.params[0]!, b.params[1]!];
  const sum = emitIntAdd(b, x, y);
  const difference = emitIntSub(b, x, y);
  b.ret(emitIntMul(b, sum, difference));
  return m;
}

const module = buildModule();
const program = new Program(module, {
  gc: arenaCollector(),
  out: new BufferedOutput(),
  heapSize: 4 << 20,
  stackSize: 1 << 20,
  hosts: bigintHostFunctions(),
});
const interp = new Interpreter(program);
const handles = new Handles();
program.heap.addRoots(handles);
const ctx = program.hostContext;

const MIN_SMALL = -(2n ** 30n);
const MAX_SMALL = 2n ** 30n - 1n;
const fitsSmall = (v: bigint): boolean => v >= MIN_SMALL && v <= MAX_SMALL;

/** Runs @name on integer refs; reports the result and whether a host call was made. */
function run(name: string, a: bigint, b: bigint): { result: number; hostCalls: number } {
  handles.refs = [];
  handles.refs.push(makeInteger(ctx, a));
  handles.refs.push(makeInteger(ctx, b));
  const before = interp.stats.hostCalls;
  const result = interp.call(name, [...handles.refs])! | 0;
  return { result, hostCalls: interp.stats.hostCalls - before };
}

const BOUNDARIES = [0n, 1n, 2n ** 15n, 2n ** 29n, 2n ** 30n, 2n ** 31n, 2n ** 32n, 2n ** 64n];
const nearBoundary = fc
  .tuple(fc.constantFrom(...BOUNDARIES), fc.integer({ min: -3, max: 3 }), fc.boolean())
  .map(([b, d, negative]) => (negative ? -b : b) + BigInt(d));
const anInteger = fc.oneof(
  nearBoundary,
  fc.bigInt({ min: MIN_SMALL, max: MAX_SMALL }),
  fc.bigInt({ min: -(2n ** 16n), max: 2n ** 16n }),
  fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }),
);

test('the emitted IR verifies and round-trips through the text format', (t) => {
  t.notThrows(() => assertValid(module));
  const text = printModule(module);
  t.is(printModule(parseModule(text)), text);
  t.regex(text, /iadd_ovf .* to \^add\.tag\(.*\) ovf \^add\.slow/);
  t.regex(text, /extern @int\.mul\(ref, ref\) -> ref collects/);
  t.regex(text, /type :bigint = array i32/);
});

for (const [name, , expected] of ARITHMETIC) {
  test(`emitInt${name[0]!.toUpperCase()}${name.slice(1)}: fast path for small results, host call otherwise`, (t) => {
    fc.assert(
      fc.property(anInteger, anInteger, (a, b) => {
        const { result, hostCalls } = run(name, a, b);
        const value = expected(a, b);
        t.is(readInteger(ctx, result), value);
        t.is(isSmallInt(result), fitsSmall(value));
        const inline = fitsSmall(a) && fitsSmall(b) && fitsSmall(value);
        t.is(hostCalls, inline ? 0 : 1, `${a} ${name} ${b}`);
      }),
      { numRuns: 500 },
    );
  });
}

test('overflow edges of the tagged tricks', (t) => {
  const max = MAX_SMALL;
  const min = MIN_SMALL;
  t.deepEqual(run('add', max, 0n).hostCalls, 0);
  t.deepEqual(run('add', max, 1n).hostCalls, 1);
  t.deepEqual(run('add', min, -1n).hostCalls, 1);
  t.deepEqual(run('sub', min, 1n).hostCalls, 1);
  t.deepEqual(run('sub', -1n, max).hostCalls, 0);
  t.deepEqual(run('sub', -2n, max).hostCalls, 1);
  t.deepEqual(run('mul', min, 1n).hostCalls, 0);
  t.deepEqual(run('mul', min, -1n).hostCalls, 1);
  t.deepEqual(run('mul', 2n ** 15n, -(2n ** 15n)).hostCalls, 0);
  t.deepEqual(run('mul', 2n ** 15n, 2n ** 15n).hostCalls, 1);
  t.is(readInteger(ctx, run('mul', min, min).result), 2n ** 60n);
});

test('emitIntCompare agrees with bigint comparison and inlines small operands', (t) => {
  const pairs = fc.oneof(
    fc.tuple(anInteger, anInteger),
    anInteger.map((v) => [v, v] as [bigint, bigint]),
  );
  fc.assert(
    fc.property(pairs, ([a, b]) => {
      for (const [cond, expected] of CONDITIONS) {
        const { result, hostCalls } = run(cond, a, b);
        t.is(result, expected(a, b) ? 1 : 0, `${a} ${cond} ${b}`);
        const equality = cond === 'eq' || cond === 'ne';
        const inline = equality ? fitsSmall(a) || fitsSmall(b) : fitsSmall(a) && fitsSmall(b);
        t.is(hostCalls, inline ? 0 : 1);
      }
    }),
    { numRuns: 300 },
  );
});

test('fast paths chain in one function', (t) => {
  fc.assert(
    fc.property(anInteger, anInteger, (a, b) => t.is(readInteger(ctx, run('product', a, b).result), (a + b) * (a - b))),
    { numRuns: 300 },
  );
});
