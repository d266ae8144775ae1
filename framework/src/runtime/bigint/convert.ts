import { Trap } from '../../ir/traps.ts';
import type { HostContext } from '../host.ts';
import { ARRAY_HEADER_BYTES, TYPE_ID_SHIFT, type TypeTable } from '../object-layout.ts';
import {
  BIGINT_SIGN_NEGATIVE,
  BIGINT_SIGN_NONNEGATIVE,
  BIGINT_TYPE_NAME,
  SMALL_INT_MAX,
  SMALL_INT_MAX_BIG,
  SMALL_INT_MIN,
  SMALL_INT_MIN_BIG,
  limbsMagnitude,
  magnitudeLimbs,
} from './representation.ts';

// Module-local copies: under tsx every use of an imported binding is a getter call.
const SHIFT = TYPE_ID_SHIFT;
const ELEMENTS_AT = ARRAY_HEADER_BYTES;
const MIN_BIG = SMALL_INT_MIN_BIG;
const MAX_BIG = SMALL_INT_MAX_BIG;
const MIN = SMALL_INT_MIN;
const MAX = SMALL_INT_MAX;
const NEGATIVE = BIGINT_SIGN_NEGATIVE;
const NONNEGATIVE = BIGINT_SIGN_NONNEGATIVE;
const magnitudeOf = limbsMagnitude;
const limbsOf = magnitudeLimbs;

/** Up to this many limbs, limbs convert one by one; longer magnitudes go through hex
 *  text and native byte reversal (guest memory is little-endian, like the host). */
const SMALL_LIMB_COUNT = 4;
const LARGE_MAGNITUDE = 1n << BigInt(32 * SMALL_LIMB_COUNT);

function magnitudeFromBytes(u8: Uint8Array, offset: number, count: number): bigint {
  const bigEndian = Buffer.from(u8.subarray(offset, offset + 4 * count)).reverse();
  return BigInt(`0x${bigEndian.toString('hex')}`);
}

/** The magnitude's limbs as little-endian bytes (a whole number of 32-bit limbs). */
function littleEndianBytes(magnitude: bigint): Buffer {
  let hex = magnitude.toString(16);
  const partial = hex.length & 7;
  if (partial !== 0) hex = '0'.repeat(8 - partial) + hex;
  return Buffer.from(hex, 'hex').reverse();
}

const typeIds = new WeakMap<TypeTable, number>();

/** The runtime type id of `:bigint`; a host_error trap when the module does not declare it. */
export function bigintTypeId(types: TypeTable): number {
  let id = typeIds.get(types);
  if (id === undefined) {
    const layout = types.byId.find((t) => t?.name === BIGINT_TYPE_NAME);
    if (!layout || layout.kind !== 'array' || layout.elem !== 'i32') {
      throw new Trap('host_error', `the module declares no 'type :${BIGINT_TYPE_NAME} = array i32' (add BIGINT_TYPE)`);
    }
    id = layout.id;
    typeIds.set(types, id);
  }
  return id;
}

function notAnInteger(ref: number): Trap {
  return new Trap('host_error', `0x${(ref >>> 0).toString(16)} is not an integer`);
}

/** The value of an integer ref (small int or `:bigint` object, heap or static). */
export function readInteger(ctx: HostContext, ref: number): bigint {
  const r = ref | 0;
  if ((r & 1) !== 0) return BigInt(r >> 1);
  const memory = ctx.memory;
  if (r === 0 || (r & 3) !== 0 || r < memory.base || r + ELEMENTS_AT + 8 > memory.layout.heapEnd) throw notAnInteger(r);
  const words = memory.i32;
  const at = (r - memory.base) >> 2;
  if (words[at]! >>> SHIFT !== bigintTypeId(ctx.types)) throw notAnInteger(r);
  const length = words[at + 1]!;
  const first = at + (ELEMENTS_AT >> 2);
  if (length < 2 || r + ELEMENTS_AT + 4 * length > memory.layout.heapEnd) throw notAnInteger(r);
  const count = length - 1;
  const magnitude =
    count <= SMALL_LIMB_COUNT
      ? magnitudeOf(words, first + 1, count)
      : magnitudeFromBytes(memory.u8, (first + 1) << 2, count);
  return words[first] === NEGATIVE ? -magnitude : magnitude;
}

/** An integer ref for value: a small int when it fits, else a new `:bigint` object.
 *  Allocation may collect: callers read every input ref before calling this. */
export function makeInteger(ctx: HostContext, value: bigint): number {
  if (value >= MIN_BIG && value <= MAX_BIG) return (Number(value) << 1) | 1;
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const limbs = magnitude < LARGE_MAGNITUDE ? limbsOf(magnitude) : null;
  const bytes = limbs ? null : littleEndianBytes(magnitude);
  const count = limbs ? limbs.length : bytes!.length >> 2;
  const addr = ctx.heap.allocArray(bigintTypeId(ctx.types), count + 1);
  const memory = ctx.memory;
  const words = memory.i32;
  const first = (addr - memory.base + ELEMENTS_AT) >> 2;
  words[first] = negative ? NEGATIVE : NONNEGATIVE;
  if (limbs) for (let i = 0; i < count; i++) words[first + 1 + i] = limbs[i]!;
  else memory.u8.set(bytes!, (first + 1) << 2);
  return addr;
}

/** makeInteger for a JS number that is a safe integer (no bigint work when it fits). */
export function makeIntegerFromNumber(ctx: HostContext, n: number): number {
  if (n >= MIN && n <= MAX) return (n << 1) | 1;
  return makeInteger(ctx, BigInt(n));
}

/** Decimal text of an integer ref (for the frontends' printing). */
export function integerToString(ctx: HostContext, ref: number): string {
  return readInteger(ctx, ref).toString();
}
