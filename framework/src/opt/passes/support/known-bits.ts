import type { Block, Func, Inst } from '../../../ir/module.ts';
import { reachableInReversePostorder } from './reachable.ts';

/**
 * Bits of an i32 (or of a ref's bit pattern) known on every path: `ones` are surely 1,
 * `zeros` surely 0. Tagged values are what this is for: a small int is `(n << 1) | 1`, so
 * its low bit is known even when n is not, and so is the low bit of a sum or difference of
 * two of them: a frontend's "both operands are small ints" test folds where they came from
 * a loop counter or an earlier int fast path.
 */
export interface KnownBits {
  readonly ones: number;
  readonly zeros: number;
}

const UNKNOWN: KnownBits = { ones: 0, zeros: 0 };
const constant = (k: number): KnownBits => ({ ones: k | 0, zeros: ~k });
const BOOLEAN: KnownBits = { ones: 0, zeros: ~1 };

export const isFullyKnown = (k: KnownBits): boolean => (k.ones | k.zeros) === -1;

/** The low bits both operands know without a gap: the bits of a sum, difference or product
 *  below the first unknown operand bit depend only on known bits. */
function lowKnownMask(a: KnownBits, b: KnownBits): number {
  const known = (a.ones | a.zeros) & (b.ones | b.zeros);
  // Trailing ones of `known`: ~known & (known + 1) is its lowest zero bit.
  const lowestUnknown = ~known & (known + 1);
  return lowestUnknown === 0 ? -1 : (lowestUnknown - 1) | 0;
}

function arithmetic(a: KnownBits, b: KnownBits, f: (x: number, y: number) => number): KnownBits {
  const mask = lowKnownMask(a, b);
  if (mask === 0) return UNKNOWN;
  const v = f(a.ones, b.ones) & mask;
  return { ones: v, zeros: ~v & mask };
}

function shiftLeft(a: KnownBits, k: number): KnownBits {
  return { ones: a.ones << k, zeros: (a.zeros << k) | ((1 << k) - 1) };
}

function meet(a: KnownBits, b: KnownBits): KnownBits {
  return { ones: a.ones & b.ones, zeros: a.zeros & b.zeros };
}

/**
 * Known bits of every i32 and ref value of a function, in one sweep in reverse postorder.
 * A block parameter knows what all its incoming arguments know; an argument from a block
 * not yet visited (a loop's back edge) knows nothing, so no fact rests on itself.
 */
export function computeKnownBits(f: Func): Map<number, KnownBits> {
  const facts = new Map<number, KnownBits>();
  const of = (v: number): KnownBits => facts.get(v) ?? UNKNOWN;
  const order = reachableInReversePostorder(f);
  const incoming = incomingArguments(order);
  const visited = new Set<Block>();
  for (const block of order) {
    const edges = incoming.get(block) ?? [];
    block.params.forEach((p, i) => {
      if (edges.length === 0 || edges.some((e) => !visited.has(e.from))) return;
      let k: KnownBits | undefined;
      for (const e of edges) {
        const arg = of(e.args[i]!);
        k = k === undefined ? arg : meet(k, arg);
      }
      if (k && (k.ones | k.zeros) !== 0) facts.set(p, k);
    });
    for (const inst of block.insts) {
      if (inst.result < 0) continue;
      const k = knownBitsOf(inst, of);
      if ((k.ones | k.zeros) !== 0) facts.set(inst.result, k);
    }
    visited.add(block);
  }
  return facts;
}

interface Edge {
  from: Block;
  args: number[];
}

function incomingArguments(order: Block[]): Map<Block, Edge[]> {
  const incoming = new Map<Block, Edge[]>();
  for (const from of order) {
    const t = from.terminator;
    if (!t) continue;
    for (const target of t.targets) {
      let list = incoming.get(target.block);
      if (!list) incoming.set(target.block, (list = []));
      list.push({ from, args: target.args });
    }
  }
  return incoming;
}

function knownBitsOf(inst: Inst, of: (v: number) => KnownBits): KnownBits {
  const [x, y] = inst.args;
  const a = (): KnownBits => of(x!);
  const b = (): KnownBits => of(y!);
  const shiftCount = (): number | undefined => {
    const k = b();
    return isFullyKnown(k) ? k.ones & 31 : undefined;
  };
  switch (inst.op.name) {
    case 'iconst':
      return constant(inst.imm);
    case 'rnull':
      return constant(0);
    case 'ref.bits':
    case 'ref.from_bits':
      return a();
    case 'iand':
      return { ones: a().ones & b().ones, zeros: a().zeros | b().zeros };
    case 'ior':
      return { ones: a().ones | b().ones, zeros: a().zeros & b().zeros };
    case 'ixor': {
      const known = (a().ones | a().zeros) & (b().ones | b().zeros);
      const v = (a().ones ^ b().ones) & known;
      return { ones: v, zeros: ~v & known };
    }
    case 'iadd':
    case 'iadd_ovf':
      return arithmetic(a(), b(), (p, q) => p + q);
    case 'isub':
    case 'isub_ovf':
      return arithmetic(a(), b(), (p, q) => p - q);
    case 'imul':
    case 'imul_ovf':
      return arithmetic(a(), b(), Math.imul);
    case 'ishl': {
      const k = shiftCount();
      return k === undefined ? UNKNOWN : shiftLeft(a(), k);
    }
    case 'isar': {
      const k = shiftCount();
      return k === undefined ? UNKNOWN : { ones: a().ones >> k, zeros: a().zeros >> k };
    }
    case 'ishr': {
      const k = shiftCount();
      if (k === undefined) return UNKNOWN;
      const high = k === 0 ? 0 : ~(-1 >>> k);
      return { ones: a().ones >>> k, zeros: (a().zeros >>> k) | high };
    }
    case 'select':
      return meet(of(inst.args[1]!), of(inst.args[2]!));
    case 'ref.is_ptr': {
      const k = a();
      return (k.ones & 3) !== 0 ? constant(0) : BOOLEAN;
    }
    case 'icmp.eq':
    case 'icmp.ne': {
      const p = a();
      const q = b();
      // A bit known 1 on one side and 0 on the other: the two can never be equal.
      if (((p.ones & q.zeros) | (p.zeros & q.ones)) !== 0) return constant(inst.op.name === 'icmp.ne' ? 1 : 0);
      return BOOLEAN;
    }
    default:
      return inst.op.name.startsWith('icmp.') || inst.op.name.startsWith('fcmp.') ? BOOLEAN : UNKNOWN;
  }
}
