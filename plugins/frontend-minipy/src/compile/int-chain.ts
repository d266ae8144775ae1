import type { Expr } from '../syntax/ast.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { floorDivision, mulModLiteral } from './inline-arith.ts';

// An arithmetic expression of several int operators (`(i + j) * (i + j + 1) // 2 + i + 1`)
// in one fast path: when every local in it holds a small int, the whole expression is
// computed on untagged i32s, each step checked for overflow, and tagged once at the end.
// Operator by operator, each result was tagged, joined with its slow path's result and
// tested again by the next operator: spectral_norm's eval_a spent about 60 instructions
// where this takes 20. Anything else (an overflow, a float, a bigint, a result past the
// small range, an unbound local) evaluates the expression as before, operator by operator:
// the fast path has no effect to undo, and the locals are read again there, with their
// unbound tests in Python's order.

type Binop = Expr & { kind: 'binop' };
type Block = ReturnType<FunctionCompiler['newBlock']>;

/** Below this magnitude an int literal is an i32 operand: a small int, as locals hold. */
const LITERAL_LIMIT = 1n << 30n;

/**
 * The expression's value through the fast path, joined with `generic()`'s, or null when
 * it is not such an expression: at least two operators among + - * and // or % by a
 * positive literal, over int literals and plain locals, with an int literal or a division.
 */
export function intChain(fc: FunctionCompiler, e: Binop, generic: () => number): number | null {
  const locals = new Map<string, number>();
  if (!fc.fastPaths || operators(e) < 2 || !looksIntegral(e) || !qualifies(fc, e, locals) || locals.size === 0)
    return null;
  const ir = fc.b;
  const one = ir.iconst(1);
  const bits = new Map([...locals].map(([name, v]) => [name, ir.emit('ref.bits', [v])]));
  let allSmall = -1;
  for (const b of bits.values()) allSmall = allSmall < 0 ? b : ir.emit('iand', [allSmall, b]);
  const fast = fc.newBlock('intchain');
  // Cold: taken only for an overflow, a non-int or a result past the small range. The
  // layout cannot tell that from a hot overflow edge (loop.py's `i * i % 7`), this can.
  const slow = fc.newBlock('intchain.generic');
  slow.cold = true;
  const join = fc.newBlock('intchain.done', ['ref']);
  fc.branch(ir.emit('iand', [allSmall, one]), fast, slow);
  fc.enter(fast);
  const untagged = new Map([...bits].map(([name, b]) => [name, ir.emit('isar', [b, one])]));
  const r = compute(fc, e, untagged, slow);
  const t = ir.emit('ishl', [r, one]);
  const fits = fc.newBlock('intchain.fits');
  fc.branch(ir.emit('icmp.eq', [ir.emit('isar', [t, one]), r]), fits, slow);
  fc.enter(fits);
  fc.jump(join, [ir.emit('ref.from_bits', [ir.emit('ior', [t, one])])]);
  fc.enter(slow);
  fc.jump(join, [generic()]);
  fc.enter(join);
  return join.params[0]!;
}

/** An int literal, `//` or `%` somewhere: what makes an expression of locals likely ints.
 *  `dx * dx + dy * dy` in nbody holds floats the compiler cannot see: testing its tags
 *  first would only cost. */
function looksIntegral(e: Expr): boolean {
  if (e.kind === 'int') return true;
  if (e.kind !== 'binop') return false;
  return e.op === '//' || e.op === '%' || looksIntegral(e.left) || looksIntegral(e.right);
}

function operators(e: Expr): number {
  return e.kind === 'binop' ? 1 + operators(e.left) + operators(e.right) : 0;
}

/** Whether `e` is made of the chain's operators and operands; collects the locals' values. */
function qualifies(fc: FunctionCompiler, e: Expr, locals: Map<string, number>): boolean {
  switch (e.kind) {
    case 'int':
      return e.value < LITERAL_LIMIT && e.value >= -LITERAL_LIMIT;
    case 'name': {
      const v = locals.get(e.id) ?? fc.peekLocal(e.id);
      if (v === null) return false;
      locals.set(e.id, v);
      return true;
    }
    case 'binop':
      if (e.op === '+' || e.op === '-' || e.op === '*')
        return qualifies(fc, e.left, locals) && qualifies(fc, e.right, locals);
      if (e.op === '//' || e.op === '%') {
        const m = positiveLiteral(e.right);
        // `a * b % m` has a path of its own for products past 32 bits (inlineMulMod), which
        // loop.py's `(i * i) % 7` takes every time once i passes 46 340.
        const mulMod = e.op === '%' && e.left.kind === 'binop' && e.left.op === '*';
        if (m === null || (mulMod && mulModLiteral(BigInt(m)))) return false;
        return qualifies(fc, e.left, locals);
      }
      return false;
    default:
      return false;
  }
}

function positiveLiteral(e: Expr): number | null {
  return e.kind === 'int' && e.value > 0n && e.value < LITERAL_LIMIT ? Number(e.value) : null;
}

const OVERFLOWING: Readonly<Record<string, string>> = { '+': 'iadd_ovf', '-': 'isub_ovf', '*': 'imul_ovf' };

/** The i32 value of `e` (which qualifies), leaving for `overflow` when a step overflows. */
function compute(fc: FunctionCompiler, e: Expr, untagged: ReadonlyMap<string, number>, overflow: Block): number {
  const ir = fc.b;
  if (e.kind === 'int') return ir.iconst(Number(e.value));
  if (e.kind === 'name') return untagged.get(e.id)!;
  if (e.kind !== 'binop') throw new Error(`int chain: unexpected ${e.kind}`);
  const a = compute(fc, e.left, untagged, overflow);
  const c = positiveLiteral(e.right);
  if ((e.op === '//' || e.op === '%') && c !== null) return floorDivide(fc, e.op, a, c);
  const b = compute(fc, e.right, untagged, overflow);
  const ok = fc.newBlock('intchain.ok', ['i32']);
  fc.overflowing(OVERFLOWING[e.op]!, a, b, ok, overflow);
  fc.enter(ok);
  return ok.params[0]!;
}

/** Python's `a // c` or `a % c` for a literal c > 0: a power of two is a shift or a mask.
 *  Neither leaves i32. */
function floorDivide(fc: FunctionCompiler, op: '//' | '%', a: number, c: number): number {
  const ir = fc.b;
  if ((c & (c - 1)) === 0)
    return op === '//' ? ir.emit('isar', [a, ir.iconst(Math.log2(c))]) : ir.emit('iand', [a, ir.iconst(c - 1)]);
  return floorDivision(ir, op, a, ir.iconst(c), true);
}
