import type { FuncBuilder } from '#framework';
import { boxFloat, toF64 } from './float-arith.ts';
import type { FunctionCompiler } from './function-compiler.ts';

// Small-int and float fast paths written at each operator (issue 16). A call of the runtime's @py.add
// clobbers every register under the internal convention; the test "both operands are small
// ints" and the tagged operation are a handful of instructions, so they go in line, and
// everything else (overflow, floats, bigints, other types, errors) calls the runtime
// function as before, which repeats the cheap test and takes its own paths.

/** The runtime function of each operator with an inline small-int path. */
const RUNTIME: Record<string, string> = {
  '+': 'py.add',
  '-': 'py.sub',
  '*': 'py.mul',
  '//': 'py.floordiv',
  '%': 'py.mod',
};

/** Signed comparisons of two small ints: tagged values 2n+1 order as n does. */
const F64_OPS: Record<string, string> = { '+': 'fadd', '-': 'fsub', '*': 'fmul' };
const F64_COMPARES: Record<string, string> = {
  '<': 'fcmp.lt',
  '<=': 'fcmp.le',
  '>': 'fcmp.gt',
  '>=': 'fcmp.ge',
  '==': 'fcmp.eq',
  '!=': 'fcmp.ne',
};
const INT_COMPARES: Record<string, string> = {
  '<': 'icmp.slt',
  '<=': 'icmp.sle',
  '>': 'icmp.sgt',
  '>=': 'icmp.sge',
  '==': 'icmp.eq',
  '!=': 'icmp.ne',
};

export function hasInlineBinop(op: string): boolean {
  return op in RUNTIME;
}

/** The bits of two operands; one value when they are the same ref (`i * i`), so that
 *  bothSmall tests it once. */
function bitsOf(fc: FunctionCompiler, a: number, b: number): [number, number] {
  const x = fc.b.emit('ref.bits', [a]);
  return [x, a === b ? x : fc.b.emit('ref.bits', [b])];
}

/** i32 1 when refs with bits `x` and `y` are both small ints. */
function bothSmall(fc: FunctionCompiler, x: number, y: number): number {
  const b = fc.b;
  return b.emit('iand', [x === y ? x : b.emit('iand', [x, y]), b.iconst(1)]);
}

/** `a op b` (op in RUNTIME): small ints in line, the runtime function otherwise (`slowFn`
 *  when given: `a op= b`'s, which tries an in-place special method first). `c` is b's value
 *  when b is a small int literal: then only a is tested, and c is an immediate. */
export function inlineBinop(
  fc: FunctionCompiler,
  op: string,
  a: number,
  b: number,
  c?: number,
  slowFn?: string,
): number {
  const ir = fc.b;
  const divides = op === '//' || op === '%';
  if (divides && c === 0) return fc.call(slowFn ?? RUNTIME[op]!, [a, b]);
  const [x, y] = bitsOf(fc, a, b);
  const one = ir.iconst(1);
  let go = c === undefined ? bothSmall(fc, x, y) : ir.emit('iand', [x, one]);
  // A zero divisor (tagged 1) raises in the runtime.
  if (divides && c === undefined) go = ir.emit('iand', [go, ir.emit('icmp.ne', [y, one])]);
  const fast = fc.newBlock('int');
  const slow = fc.newBlock('arith.slow');
  const join = fc.newBlock('arith.done', ['ref']);
  // + - * of floats, or of a float and a small int (converted exactly, as Python does),
  // compute in line too; an int overflow never comes here (it would need a bigint).
  const floats = op in F64_OPS ? fc.newBlock('arith.float') : slow;
  fc.branch(go, fast, floats);
  if (floats !== slow) {
    fc.enter(floats);
    const fx = toF64(fc, a, slow);
    const fy = c === undefined ? toF64(fc, b, slow) : ir.fconst(c);
    fc.jump(join, [boxFloat(fc, ir.emit(F64_OPS[op]!, [fx, fy]))]);
  }
  fc.enter(fast);
  const done = (tagged: number): void => fc.jump(join, [ir.emit('ref.from_bits', [tagged])]);
  if (op === '+' || op === '-' || op === '*') {
    const ok = fc.newBlock('int.ok', ['i32']);
    // (2x+1) - 1 + (2y+1) = 2(x+y)+1; (2x+1) - (2y+1) = 2(x-y); (2x) * y = 2xy; with a
    // literal c: (2x+1) + 2c = 2(x+c)+1 and (2x+1) - 2c = 2(x-c)+1.
    if (c !== undefined && op !== '*')
      fc.overflowing(op === '+' ? 'iadd_ovf' : 'isub_ovf', x, ir.iconst(2 * c), ok, slow);
    else if (op === '+') fc.overflowing('iadd_ovf', ir.emit('isub', [x, one]), y, ok, slow);
    else if (op === '-') fc.overflowing('isub_ovf', x, y, ok, slow);
    else {
      const yv = c === undefined ? ir.emit('isar', [y, one]) : ir.iconst(c);
      fc.overflowing('imul_ovf', ir.emit('isub', [x, one]), yv, ok, slow);
    }
    fc.enter(ok);
    const t = ok.params[0]!;
    done(op === '+' || (op === '-' && c !== undefined) ? t : ir.emit('ior', [t, one]));
  } else if (c !== undefined && c > 1 && (c & (c - 1)) === 0) {
    // A power-of-two literal 2^k: with x = 2n+1, n // 2^k is x >> (k+1) (the tag's half
    // never reaches the next integer) and cannot leave the small range; n % 2^k, always
    // >= 0 in Python, keeps its tag as x & (2^(k+1) - 1).
    if (op === '%') done(ir.emit('iand', [x, ir.iconst(2 * c - 1)]));
    else {
      const q = ir.emit('isar', [x, ir.iconst(Math.log2(c) + 1)]);
      done(ir.emit('ior', [ir.emit('ishl', [q, one]), one]));
    }
  } else {
    const xv = ir.emit('isar', [x, one]);
    const yv = c === undefined ? ir.emit('isar', [y, one]) : ir.iconst(c);
    if (op === '%') {
      const m = floorDivision(ir, '%', xv, yv, c !== undefined && c > 0);
      done(ir.emit('ior', [ir.emit('ishl', [m, one]), one]));
    } else {
      const q = floorDivision(ir, '//', xv, yv, c !== undefined && c > 0);
      // Only -2^30 // -1 leaves the small range.
      const t = ir.emit('ishl', [q, one]);
      const fits = fc.newBlock('int.fits');
      fc.branch(ir.emit('icmp.eq', [ir.emit('isar', [t, one]), q]), fits, slow);
      fc.enter(fits);
      done(ir.emit('ior', [t, one]));
    }
  }
  fc.enter(slow);
  fc.jump(join, [fc.call(slowFn ?? RUNTIME[op]!, [a, b])]);
  fc.enter(join);
  return join.params[0]!;
}

/**
 * Python's `x // y` or `x % y` on i32s (y not 0, and not -1 when x is INT_MIN): rounded
 * toward -inf, the remainder taking the divisor's sign. `yPositive` when y is known > 0.
 */
export function floorDivision(ir: FuncBuilder, op: '//' | '%', x: number, y: number, yPositive: boolean): number {
  const zero = ir.iconst(0);
  const r = ir.emit('srem', [x, y]);
  // A non-zero remainder whose sign differs from the divisor's moves the quotient down by
  // one and the remainder up by the divisor; with y > 0 that is exactly when r < 0.
  const adjust = yPositive
    ? ir.emit('icmp.slt', [r, zero])
    : ir.emit('iand', [ir.emit('icmp.ne', [r, zero]), ir.emit('icmp.slt', [ir.emit('ixor', [r, y]), zero])]);
  if (op === '%') return ir.emit('iadd', [r, ir.emit('select', [adjust, y, zero])]);
  return ir.emit('isub', [ir.emit('sdiv', [x, y]), adjust]);
}

/** Whether `(a * b) % m` with this literal m has the inline path of `inlineMulMod`. */
export function mulModLiteral(m: bigint): boolean {
  return m > 0n && m < 46_341n;
}

/**
 * `(a * b) % m` for a literal 0 < m < 46 341 (loop.py's `(i * i) % 7`). A product of two
 * small ints that leaves 31 bits would be a bigint, made only to be reduced; instead, as
 * (a·b) mod m = ((a mod m)·(b mod m)) mod m with Python's non-negative remainders for m > 0,
 * and (m-1)² < 2^31, the result comes from three i32 remainders. Operands that are not
 * both small ints multiply and reduce through the runtime as before.
 */
export function inlineMulMod(fc: FunctionCompiler, a: number, b: number, m: number): number {
  const ir = fc.b;
  const [x, y] = bitsOf(fc, a, b);
  const one = ir.iconst(1);
  const zero = ir.iconst(0);
  const mc = ir.iconst(m);
  const fast = fc.newBlock('int');
  const slow = fc.newBlock('arith.slow');
  const ok = fc.newBlock('int.ok', ['i32']);
  const wide = fc.newBlock('int.wide');
  const join = fc.newBlock('arith.done', ['ref']);
  const tagged = (v: number): number => ir.emit('ref.from_bits', [ir.emit('ior', [ir.emit('ishl', [v, one]), one])]);
  const floorMod = (v: number): number => {
    const r = ir.emit('srem', [v, mc]);
    return ir.emit('iadd', [r, ir.emit('select', [ir.emit('icmp.slt', [r, zero]), mc, zero])]);
  };
  fc.branch(bothSmall(fc, x, y), fast, slow);
  fc.enter(fast);
  const yv = ir.emit('isar', [y, one]);
  fc.overflowing('imul_ovf', ir.emit('isub', [x, one]), yv, ok, wide);
  fc.enter(ok);
  fc.jump(join, [tagged(floorMod(ir.emit('isar', [ok.params[0]!, one])))]);
  fc.enter(wide);
  const product = ir.emit('imul', [floorMod(ir.emit('isar', [x, one])), floorMod(yv)]);
  fc.jump(join, [tagged(ir.emit('urem', [product, mc]))]);
  fc.enter(slow);
  const p = fc.call('py.mul', [a, b]);
  fc.jump(join, [inlineBinop(fc, '%', p, fc.smallInt(m))]);
  fc.enter(join);
  return join.params[0]!;
}

/**
 * A comparison `l op r` (op one of < <= > >= == !=) as i32: two small ints compare in
 * line; anything else takes `general` (the class dunders, then the runtime's compare).
 */
export function inlineCompare(fc: FunctionCompiler, op: string, l: number, r: number, general: () => number): number {
  const ir = fc.b;
  const [x, y] = bitsOf(fc, l, r);
  const fast = fc.newBlock('cmp.int');
  const other = fc.newBlock('cmp.other');
  const join = fc.newBlock('cmp.done', ['i32']);
  const generic = fc.newBlock('cmp.generic');
  fc.branch(bothSmall(fc, x, y), fast, other);
  fc.enter(fast);
  fc.jump(join, [ir.emit(INT_COMPARES[op]!, [x, y])]);
  fc.enter(other);
  fc.jump(join, [floatCompare(fc, op, l, r, generic)]);
  fc.enter(generic);
  fc.jump(join, [general()]);
  fc.enter(join);
  return join.params[0]!;
}

/** Like inlineCompare, but ends the block with a branch to `yes` or `no`: no 0/1 value is
 *  made for an `if` or `while` to test again. */
export function branchOnCompare(
  fc: FunctionCompiler,
  op: string,
  l: number,
  r: number,
  general: () => number,
  yes: ReturnType<FunctionCompiler['newBlock']>,
  no: ReturnType<FunctionCompiler['newBlock']>,
): void {
  const ir = fc.b;
  const [x, y] = bitsOf(fc, l, r);
  const fast = fc.newBlock('cmp.int');
  const other = fc.newBlock('cmp.other');
  const generic = fc.newBlock('cmp.generic');
  fc.branch(bothSmall(fc, x, y), fast, other);
  fc.enter(fast);
  fc.branch(ir.emit(INT_COMPARES[op]!, [x, y]), yes, no);
  fc.enter(other);
  fc.branch(floatCompare(fc, op, l, r, generic), yes, no);
  fc.enter(generic);
  fc.branch(general(), yes, no);
}

/** Two floats, or a float and a small int (which converts exactly, so comparing the f64s is
 *  Python's exact int-float comparison), compared in f64; anything else jumps to `generic`. */
function floatCompare(
  fc: FunctionCompiler,
  op: string,
  l: number,
  r: number,
  generic: ReturnType<FunctionCompiler['newBlock']>,
): number {
  const fx = toF64(fc, l, generic);
  const fy = toF64(fc, r, generic);
  return fc.b.emit(F64_COMPARES[op]!, [fx, fy]);
}

export function hasInlineCompare(op: string): boolean {
  return op in INT_COMPARES;
}
