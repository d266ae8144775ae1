import type { FuncBuilder } from '../../ir/builder.ts';
import type { Block } from '../../ir/module.ts';
import { declareBigintExtern } from './declarations.ts';

/**
 * Inline small-int fast paths with the `int.*` host call as the slow path. Each emitter
 * starts in the builder's current block, leaves the builder in a fresh join block and
 * returns the join block's parameter (the result). It declares `:bigint` and the extern.
 *
 * With tagged bits X = 2x+1 and Y = 2y+1 (both low bits 1 ⇔ `X & Y & 1`):
 *   add: (X - 1) + Y = 2(x+y) + 1 with iadd_ovf; i32 overflow ⇔ x+y leaves the 31-bit range
 *   sub: X - Y = 2(x-y) with isub_ovf, then `ior 1`
 *   mul: (X - 1) * (Y >> 1) = 2xy with imul_ovf, then `ior 1`
 */

type OverflowOp = 'iadd_ovf' | 'isub_ovf' | 'imul_ovf';

interface TaggedOperands {
  x: number;
  y: number;
  xBits: number;
  yBits: number;
  one: number;
}

/** Emits `ovfOp(left, right)` on untagged-ish operands, the tagged result `finish(r)`, and
 *  the host call `int.<host>(x, y)` when a bigint is involved or the op overflows. */
function emitArithmetic(
  b: FuncBuilder,
  host: string,
  x: number,
  y: number,
  fast: (ops: TaggedOperands) => { op: OverflowOp; left: number; right: number },
  finish: (b: FuncBuilder, raw: number, one: number) => number,
): number {
  const hostName = `int.${host}`;
  declareBigintExtern(b.module, hostName);
  const xBits = b.emit('ref.bits', [x]);
  const yBits = b.emit('ref.bits', [y]);
  const one = b.iconst(1);
  const bothSmall = b.emit('iand', [b.emit('iand', [xBits, yBits]), one]);
  const fastBlock = b.block(`${host}.small`);
  const tagBlock = b.block(`${host}.tag`, ['i32']);
  const slowBlock = b.block(`${host}.slow`);
  const join = b.block(`${host}.done`, ['ref']);
  b.brif(bothSmall, fastBlock, [], slowBlock, []);

  b.switchTo(fastBlock);
  const { op, left, right } = fast({ x, y, xBits, yBits, one });
  b.emitFused(op, [left, right], {}, (r) => ({ block: tagBlock, args: [r] }), { block: slowBlock, args: [] });

  b.switchTo(tagBlock);
  b.br(join, [b.emit('ref.from_bits', [finish(b, tagBlock.params[0]!, one)])]);

  b.switchTo(slowBlock);
  b.br(join, [b.call(hostName, [x, y])]);

  b.switchTo(join);
  return join.params[0]!;
}

/** x + y on integer refs. */
export function emitIntAdd(b: FuncBuilder, x: number, y: number): number {
  return emitArithmetic(
    b,
    'add',
    x,
    y,
    ({ xBits, yBits, one }) => ({ op: 'iadd_ovf', left: b.emit('isub', [xBits, one]), right: yBits }),
    (_b, raw) => raw,
  );
}

/** x - y on integer refs. */
export function emitIntSub(b: FuncBuilder, x: number, y: number): number {
  return emitArithmetic(
    b,
    'sub',
    x,
    y,
    ({ xBits, yBits }) => ({ op: 'isub_ovf', left: xBits, right: yBits }),
    (fb, raw, one) => fb.emit('ior', [raw, one]),
  );
}

/** x * y on integer refs. */
export function emitIntMul(b: FuncBuilder, x: number, y: number): number {
  return emitArithmetic(
    b,
    'mul',
    x,
    y,
    ({ xBits, yBits, one }) => ({
      op: 'imul_ovf',
      left: b.emit('isub', [xBits, one]),
      right: b.emit('isar', [yBits, one]),
    }),
    (fb, raw, one) => fb.emit('ior', [raw, one]),
  );
}

export type IntCondition = 'eq' | 'ne' | 'slt' | 'sle' | 'sgt' | 'sge';

/**
 * Compares integer refs, giving i32 0/1. Small ints compare by their tagged bits (tagging
 * is monotonic); equality needs only one small operand (one canonical representation).
 * Otherwise `int.eq` / `int.cmp` decide.
 */
export function emitIntCompare(b: FuncBuilder, cond: IntCondition, x: number, y: number): number {
  const equality = cond === 'eq' || cond === 'ne';
  const hostName = equality ? 'int.eq' : 'int.cmp';
  declareBigintExtern(b.module, hostName);
  const xBits = b.emit('ref.bits', [x]);
  const yBits = b.emit('ref.bits', [y]);
  const one = b.iconst(1);
  const tags = b.emit(equality ? 'ior' : 'iand', [xBits, yBits]);
  const fastBlock = b.block(`cmp.${cond}.small`);
  const slowBlock = b.block(`cmp.${cond}.slow`);
  const join: Block = b.block(`cmp.${cond}.done`, ['i32']);
  b.brif(b.emit('iand', [tags, one]), fastBlock, [], slowBlock, []);

  b.switchTo(fastBlock);
  b.br(join, [b.emit(`icmp.${cond}`, [xBits, yBits])]);

  b.switchTo(slowBlock);
  const answer = b.call(hostName, [x, y]);
  const outcome = equality ? b.emit(`icmp.${cond}`, [answer, one]) : b.emit(`icmp.${cond}`, [answer, b.iconst(0)]);
  b.br(join, [outcome]);

  b.switchTo(join);
  return join.params[0]!;
}
