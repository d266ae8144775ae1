import type { Signature } from '../../ir/types.ts';
import type { HostContext, HostFunction } from '../host.ts';
import { makeInteger, makeIntegerFromNumber, readInteger } from './convert.ts';
import {
  bitLength,
  compare,
  floorDiv,
  floorMod,
  fromF64,
  gcd,
  pow,
  shiftLeft,
  shiftRight,
  truncDiv,
  truncRem,
} from './operations.ts';

// Module-local copies: under tsx every use of an imported binding is a getter call.
const read = readInteger;
const make = makeInteger;
const makeFromNumber = makeIntegerFromNumber;

const BINARY: Signature = { params: ['ref', 'ref'], result: 'ref' };
const UNARY: Signature = { params: ['ref'], result: 'ref' };
const PREDICATE: Signature = { params: ['ref', 'ref'], result: 'i32' };

/** JS bigints cannot exceed about 2^30 bits; the heap may be smaller still. */
const ENGINE_MAX_BITS = 2 ** 30 - 1;
function maxBits(ctx: HostContext): number {
  return Math.min(ENGINE_MAX_BITS, (ctx.memory.layout.heapEnd - ctx.memory.layout.heapBase) * 8);
}

function allocating(name: string, sig: Signature, impl: HostFunction['impl']): HostFunction {
  return { name: `int.${name}`, sig, collects: true, raises: false, impl };
}
function nonAllocating(name: string, sig: Signature, impl: HostFunction['impl']): HostFunction {
  return { name: `int.${name}`, sig, collects: false, raises: false, impl };
}

type BinaryOp = (a: bigint, b: bigint, ctx: HostContext) => bigint;
type UnaryOp = (a: bigint) => bigint;

// Every impl reads all its inputs before makeInteger allocates (allocation may collect).
const binary = (name: string, op: BinaryOp): HostFunction =>
  allocating(name, BINARY, ([x, y], ctx) => {
    const a = read(ctx, x!);
    const b = read(ctx, y!);
    return make(ctx, op(a, b, ctx));
  });
const unary = (name: string, op: UnaryOp): HostFunction =>
  allocating(name, UNARY, ([x], ctx) => make(ctx, op(read(ctx, x!))));

/** Adds or subtracts, without bigint work when both operands are small ints. */
const additive = (name: string, sign: 1 | -1): HostFunction =>
  allocating(name, BINARY, ([x, y], ctx) => {
    const xs = x! | 0;
    const ys = y! | 0;
    if ((xs & ys & 1) === 1) return makeFromNumber(ctx, (xs >> 1) + sign * (ys >> 1));
    const a = read(ctx, xs);
    const b = read(ctx, ys);
    return make(ctx, sign === 1 ? a + b : a - b);
  });

/**
 * The `int.*` host functions. Arguments and results are integer refs except where noted.
 * Division by zero traps div_by_zero; pow with a negative exponent and from_f64 of
 * NaN/inf trap host_error; results that cannot fit the heap trap out_of_memory.
 */
export function bigintHostFunctions(): HostFunction[] {
  return [
    additive('add', 1),
    additive('sub', -1),
    binary('mul', (a, b) => a * b),
    unary('neg', (a) => -a),
    unary('abs', (a) => (a < 0n ? -a : a)),
    binary('floordiv', floorDiv),
    binary('floormod', floorMod),
    binary('truncdiv', truncDiv),
    binary('truncrem', truncRem),
    binary('pow', (a, b, ctx) => pow(a, b, maxBits(ctx))),
    binary('and', (a, b) => a & b),
    binary('or', (a, b) => a | b),
    binary('xor', (a, b) => a ^ b),
    unary('not', (a) => ~a),
    binary('shl', (a, b, ctx) => shiftLeft(a, b, maxBits(ctx))),
    binary('shr', (a, b, ctx) => shiftRight(a, b, maxBits(ctx))),
    binary('gcd', gcd),
    unary('msb', (a) => BigInt(bitLength(a) - 1)),
    unary('bit_length', (a) => BigInt(bitLength(a))),
    nonAllocating('cmp', PREDICATE, ([x, y], ctx) => {
      const xs = x! | 0;
      const ys = y! | 0;
      // Tagging is monotonic: small ints compare by their bits.
      if ((xs & ys & 1) === 1) return xs < ys ? -1 : xs > ys ? 1 : 0;
      return compare(read(ctx, xs), read(ctx, ys));
    }),
    nonAllocating('eq', PREDICATE, ([x, y], ctx) => {
      const xs = x! | 0;
      const ys = y! | 0;
      // One canonical representation: a small int never equals a bigint object.
      if (xs === ys) return 1;
      if (((xs | ys) & 1) === 1) return 0;
      return read(ctx, xs) === read(ctx, ys) ? 1 : 0;
    }),
    nonAllocating('to_f64', { params: ['ref'], result: 'f64' }, ([x], ctx) => Number(read(ctx, x!))),
    allocating('from_f64', { params: ['f64'], result: 'ref' }, ([x], ctx) => make(ctx, fromF64(x!))),
  ];
}
