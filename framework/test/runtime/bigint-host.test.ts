import test from 'ava';
import fc from 'fast-check';
import { arenaCollector } from '../../src/testing/index.ts';
import type { RootSource, RootVisitor } from '../../src/gc/interface.ts';
import { Module } from '../../src/ir/module.ts';
import { Trap } from '../../src/ir/traps.ts';
import {
  BIGINT_TYPE,
  BIGINT_TYPE_NAME,
  bigintConstValues,
  bigintExterns,
  bigintHostFunctions,
  declareBigintRuntime,
  integerToString,
  isSmallInt,
  makeInteger,
  readInteger,
  smallIntValue,
  toSmallIntRef,
} from '../../src/runtime/bigint/index.ts';
import type { HostFunction } from '../../src/runtime/host.ts';
import { BufferedOutput } from '../../src/runtime/output.ts';
import { Program } from '../../src/runtime/program.ts';

/** Keeps test-held refs alive (and updated) across collections. */
class Handles implements RootSource {
  refs: number[] = [];
  visitRoots(visit: RootVisitor): void {
    for (let i = 0; i < this.refs.length; i++) this.refs[i] = visit(this.refs[i]!);
  }
}

function makeProgram(gcStress = 0): { program: Program; handles: Handles } {
  const m = new Module();
  m.types.push({ kind: 'struct', name: 'other', fields: [{ name: 'x', kind: 'i32' }] });
  m.types.push(BIGINT_TYPE);
  m.consts.push({ name: 'big', type: BIGINT_TYPE_NAME, values: bigintConstValues(-(2n ** 100n) - 7n) });
  const program = new Program(m, {
    gc: arenaCollector(),
    out: new BufferedOutput(),
    heapSize: 4 << 20,
    stackSize: 1 << 20,
    gcStress,
    hosts: bigintHostFunctions(),
  });
  const handles = new Handles();
  program.heap.addRoots(handles);
  return { program, handles };
}

const { program, handles } = makeProgram();
const ctx = program.hostContext;
const host = (name: string): HostFunction => program.bindExtern(`int.${name}`);

const MIN_SMALL = -(2n ** 30n);
const MAX_SMALL = 2n ** 30n - 1n;
const fitsSmall = (v: bigint): boolean => v >= MIN_SMALL && v <= MAX_SMALL;

/** Calls a host function on fresh integer refs, checks the result is canonical, reads it back. */
function callInt(name: string, ...values: bigint[]): bigint {
  handles.refs = [];
  for (const v of values) handles.refs.push(makeInteger(ctx, v));
  const ref = host(name).impl([...handles.refs], ctx)!;
  const value = readInteger(ctx, ref);
  if (isSmallInt(ref) !== fitsSmall(value))
    throw new Error(`non-canonical result ${value} (ref 0x${(ref >>> 0).toString(16)})`);
  return value;
}
function callRaw(name: string, ...values: bigint[]): number {
  handles.refs = [];
  for (const v of values) handles.refs.push(makeInteger(ctx, v));
  return host(name).impl([...handles.refs], ctx)!;
}

const BOUNDARIES = [0n, 1n, 2n ** 30n, 2n ** 31n, 2n ** 32n, 2n ** 53n, 2n ** 63n, 2n ** 64n, 2n ** 96n, 2n ** 128n];
const nearBoundary = fc
  .tuple(fc.constantFrom(...BOUNDARIES), fc.integer({ min: -3, max: 3 }), fc.boolean())
  .map(([b, d, negative]) => (negative ? -b : b) + BigInt(d));
const anInteger = fc.oneof(
  nearBoundary,
  fc.bigInt({ min: -(2n ** 31n), max: 2n ** 31n }),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
  fc.bigInt({ min: -(2n ** 2000n), max: 2n ** 2000n }),
);
const nonZero = anInteger.filter((v) => v !== 0n);
const RUNS = { numRuns: 300 };

// Reference semantics written differently from the implementation.
const floorMod = (a: bigint, b: bigint): bigint => ((a % b) + b) % b;
const floorDiv = (a: bigint, b: bigint): bigint => (a - floorMod(a, b)) / b;
const bitLength = (v: bigint): number => (v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length);
function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  return b === 0n ? a : gcd(b, a % b);
}
function roundHalfEven(v: bigint): number {
  const negative = v < 0n;
  const m = negative ? -v : v;
  const bits = bitLength(m);
  if (bits <= 53) return Number(v);
  const shift = bits - 53;
  let q = m >> BigInt(shift);
  const rest = m - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  const x = Number(q) * 2 ** shift;
  return negative ? -x : x;
}

test('small ints: tagging helpers', (t) => {
  t.is(toSmallIntRef(0), 1);
  t.is(toSmallIntRef(-1), -1);
  t.is(smallIntValue(toSmallIntRef(2 ** 30 - 1)), 2 ** 30 - 1);
  t.is(smallIntValue(toSmallIntRef(-(2 ** 30))), -(2 ** 30));
  t.throws(() => toSmallIntRef(2 ** 30), { instanceOf: RangeError });
  t.true(isSmallInt(toSmallIntRef(5)));
  t.false(isSmallInt(makeInteger(ctx, 2n ** 30n)));
});

test('makeInteger / readInteger round-trip in canonical form', (t) => {
  fc.assert(
    fc.property(anInteger, (v) => {
      const ref = makeInteger(ctx, v);
      t.is(isSmallInt(ref), fitsSmall(v));
      t.is(readInteger(ctx, ref), v);
      t.is(integerToString(ctx, ref), v.toString());
      if (!isSmallInt(ref)) {
        const words = ctx.memory.i32;
        const at = (ref - ctx.memory.base) >> 2;
        const length = words[at + 1]!;
        t.is(words[at + 2], v < 0n ? 1 : 0, 'sign');
        t.not(words[at + 1 + length], 0, 'no leading zero limb');
      }
    }),
    RUNS,
  );
});

test('limb layout is little-endian, magnitude with a separate sign', (t) => {
  const ref = makeInteger(ctx, -(2n ** 32n + 5n));
  const at = (ref - ctx.memory.base) >> 2;
  t.deepEqual([...ctx.memory.i32.subarray(at + 1, at + 5)], [3, 1, 5, 1]);
  t.deepEqual(bigintConstValues(2n ** 63n), [0, 0, -(2 ** 31)]);
  t.throws(() => bigintConstValues(5n), { instanceOf: RangeError });
});

test('static bigint literals read back', (t) => {
  t.is(readInteger(ctx, program.image.constAddr.get('big')!), -(2n ** 100n) - 7n);
});

test('non-integer refs trap host_error', (t) => {
  const other = program.heap.allocStruct(program.types.get('other').id);
  for (const ref of [0, 2, 6, other, other + 4, 0x7ffffff0]) {
    t.throws(() => readInteger(ctx, ref), { instanceOf: Trap, message: /host_error/ }, `ref ${ref}`);
  }
});

const binaryCases: [string, (a: bigint, b: bigint) => bigint][] = [
  ['add', (a, b) => a + b],
  ['sub', (a, b) => a - b],
  ['mul', (a, b) => a * b],
  ['and', (a, b) => a & b],
  ['or', (a, b) => a | b],
  ['xor', (a, b) => a ^ b],
  ['gcd', gcd],
];
for (const [name, expected] of binaryCases) {
  test(`int.${name} matches JS bigint semantics`, (t) => {
    fc.assert(
      fc.property(anInteger, anInteger, (a, b) => t.is(callInt(name, a, b), expected(a, b))),
      RUNS,
    );
  });
}

const divisionCases: [string, (a: bigint, b: bigint) => bigint][] = [
  ['floordiv', floorDiv],
  ['floormod', floorMod],
  ['truncdiv', (a, b) => a / b],
  ['truncrem', (a, b) => a % b],
];
for (const [name, expected] of divisionCases) {
  test(`int.${name} matches and traps div_by_zero`, (t) => {
    fc.assert(
      fc.property(anInteger, nonZero, (a, b) => t.is(callInt(name, a, b), expected(a, b))),
      RUNS,
    );
    t.throws(() => callInt(name, 5n, 0n), { instanceOf: Trap, message: /div_by_zero/ });
    t.throws(() => callInt(name, 2n ** 70n, 0n), { instanceOf: Trap, message: /div_by_zero/ });
  });
}

test('division rounding on signs (Python // %, Prolog // rem)', (t) => {
  t.deepEqual([callInt('floordiv', -7n, 2n), callInt('floormod', -7n, 2n)], [-4n, 1n]);
  t.deepEqual([callInt('floordiv', 7n, -2n), callInt('floormod', 7n, -2n)], [-4n, -1n]);
  t.deepEqual([callInt('truncdiv', -7n, 2n), callInt('truncrem', -7n, 2n)], [-3n, -1n]);
  t.is(callInt('floordiv', -(2n ** 30n), -1n), 2n ** 30n, 'leaves the small range');
});

const unaryCases: [string, (a: bigint) => bigint][] = [
  ['neg', (a) => -a],
  ['abs', (a) => (a < 0n ? -a : a)],
  ['not', (a) => -a - 1n],
  ['bit_length', (a) => BigInt(bitLength(a))],
  ['msb', (a) => BigInt(bitLength(a) - 1)],
];
for (const [name, expected] of unaryCases) {
  test(`int.${name} matches JS bigint semantics`, (t) => {
    fc.assert(
      fc.property(anInteger, (a) => t.is(callInt(name, a), expected(a))),
      RUNS,
    );
  });
}

test('int.neg and int.abs cross the small-int boundary canonically', (t) => {
  t.is(callInt('neg', -(2n ** 30n)), 2n ** 30n);
  t.is(callInt('neg', 2n ** 30n), -(2n ** 30n));
  t.true(isSmallInt(callRaw('neg', 2n ** 30n)));
  t.is(callInt('msb', 1n), 0n);
});

test('int.shl / int.shr are arithmetic and unbounded', (t) => {
  const count = fc.integer({ min: -300, max: 300 });
  fc.assert(
    fc.property(anInteger, count, (a, n) => {
      const k = BigInt(n);
      const left = n >= 0 ? a * 2n ** k : floorDiv(a, 2n ** -k);
      const right = n >= 0 ? floorDiv(a, 2n ** k) : a * 2n ** -k;
      t.is(callInt('shl', a, k), left);
      t.is(callInt('shr', a, k), right);
    }),
    RUNS,
  );
  t.is(callInt('shr', -(2n ** 200n), 2n ** 40n), -1n);
  t.is(callInt('shr', 2n ** 200n, 2n ** 80n), 0n);
  t.is(callInt('shl', 0n, 2n ** 80n), 0n);
  t.throws(() => callInt('shl', 1n, 2n ** 40n), { instanceOf: Trap, message: /out_of_memory/ });
});

test('int.pow', (t) => {
  fc.assert(
    fc.property(
      anInteger.filter((v) => bitLength(v) < 300),
      fc.integer({ min: 0, max: 40 }),
      (a, e) => t.is(callInt('pow', a, BigInt(e)), a ** BigInt(e)),
    ),
    RUNS,
  );
  t.is(callInt('pow', 0n, 0n), 1n);
  t.is(callInt('pow', -1n, 2n ** 100n + 1n), -1n);
  t.is(callInt('pow', 1n, 2n ** 100n), 1n);
  t.is(callInt('pow', 0n, 2n ** 100n), 0n);
  t.throws(() => callInt('pow', 2n, -1n), { instanceOf: Trap, message: /host_error/ });
  t.throws(() => callInt('pow', 3n, 2n ** 40n), { instanceOf: Trap, message: /out_of_memory/ });
});

test('int.cmp and int.eq', (t) => {
  const withEqualPairs = fc.oneof(
    fc.tuple(anInteger, anInteger),
    anInteger.map((v) => [v, v] as [bigint, bigint]),
  );
  fc.assert(
    fc.property(withEqualPairs, ([a, b]) => {
      t.is(callRaw('cmp', a, b), a < b ? -1 : a > b ? 1 : 0);
      t.is(callRaw('eq', a, b), a === b ? 1 : 0);
    }),
    RUNS,
  );
});

test('int.to_f64 rounds half to even like Python float(int)', (t) => {
  fc.assert(
    fc.property(anInteger, (a) => t.is(callRaw('to_f64', a), roundHalfEven(a))),
    RUNS,
  );
  t.is(callRaw('to_f64', 2n ** 53n + 1n), 2 ** 53);
  t.is(callRaw('to_f64', 2n ** 53n + 3n), 2 ** 53 + 4);
  t.is(callRaw('to_f64', 2n ** 1024n), Infinity);
  t.is(callRaw('to_f64', -(2n ** 1024n)), -Infinity);
});

test('int.from_f64 truncates toward zero', (t) => {
  const fromF64 = host('from_f64');
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const ref = fromF64.impl([x], ctx)!;
      const v = readInteger(ctx, ref);
      t.is(v, BigInt(Math.trunc(x)));
      t.is(isSmallInt(ref), fitsSmall(v));
    }),
    RUNS,
  );
  t.is(readInteger(ctx, fromF64.impl([-2.5], ctx)!), -2n);
  t.is(readInteger(ctx, fromF64.impl([2 ** 62], ctx)!), 2n ** 62n);
  for (const bad of [NaN, Infinity, -Infinity])
    t.throws(() => fromF64.impl([bad], ctx), { instanceOf: Trap, message: /host_error/ });
});

test('host function table: names, flags and externs agree', (t) => {
  const hosts = bigintHostFunctions();
  t.true(hosts.every((h) => h.name.startsWith('int.') && !h.raises));
  t.deepEqual(
    hosts
      .filter((h) => !h.collects)
      .map((h) => h.name)
      .sort(),
    ['int.cmp', 'int.eq', 'int.to_f64'],
  );
  t.deepEqual(
    bigintExterns().map((e) => e.name),
    hosts.map((h) => h.name),
  );
  const m = new Module();
  declareBigintRuntime(m);
  declareBigintRuntime(m);
  t.is(m.externs.length, hosts.length);
  t.deepEqual(m.types, [BIGINT_TYPE]);
});

test('a module without :bigint gets a clear host_error', (t) => {
  const bare = new Program(new Module(), {
    gc: arenaCollector(),
    out: new BufferedOutput(),
    heapSize: 1 << 20,
    stackSize: 1 << 20,
  });
  t.is(makeInteger(bare.hostContext, 5n), toSmallIntRef(5));
  t.throws(() => makeInteger(bare.hostContext, 2n ** 40n), { instanceOf: Trap, message: /declares no 'type :bigint/ });
});
