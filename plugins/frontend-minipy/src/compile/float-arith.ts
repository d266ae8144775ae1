import type { Expr } from '../syntax/ast.ts';
import { typeId } from '../runtime/library.ts';
import { expr, inlinedCall } from './expressions.ts';
import type { FunctionCompiler } from './function-compiler.ts';
import { FLOAT_OPS, isFloatExpr } from './float-types.ts';

// Float arithmetic in line for expressions known to be floats (float-types.ts): an
// expression tree of + - * / computes in f64 registers and boxes once, for its result.
// Operands not known to be floats convert as Python converts them (a small int exactly,
// a float by reading its box); anything else (bools, bigints, other types, a zero divisor)
// calls the runtime operator with boxed operands, whose float result is read back.

const RUNTIME: Record<string, string> = { '+': 'py.add', '-': 'py.sub', '*': 'py.mul', '/': 'py.truediv' };
const F64_OPS: Record<string, string> = { '+': 'fadd', '-': 'fsub', '*': 'fmul', '/': 'fdiv' };
const FLOAT_FIELD = { sym: 'float', field: 'v' };
/** Ints that convert to f64 exactly: the compiler converts such literals itself. */
const EXACT = 2n ** 53n;

export function boxFloat(fc: FunctionCompiler, f: number): number {
  const box = fc.b.emit('new', [], { sym: 'float' });
  fc.b.emit('set', [box, f], FLOAT_FIELD);
  return box;
}

/** An operand as compiled: its f64 when known, its ref when it was made (a float's box is
 *  made only where the runtime needs it). */
interface Operand {
  f64?: number;
  ref?: number;
}

function operand(fc: FunctionCompiler, e: Expr): Operand {
  if (isFloatExpr(e, fc.floatFacts)) return { f64: floatValue(fc, e) };
  // An int literal converts now; the runtime still gets the int (int / int is not int / float).
  if (e.kind === 'int' && e.value > -EXACT && e.value < EXACT)
    return { f64: fc.b.fconst(Number(e.value)), ref: expr(fc, e) };
  return { ref: expr(fc, e) };
}

/** The f64 of `e`, for which isFloatExpr holds. */
export function floatValue(fc: FunctionCompiler, e: Expr): number {
  fc.line = e.line;
  switch (e.kind) {
    case 'float':
      return fc.b.fconst(e.value);
    case 'unary':
      if (e.op === '-') return fc.b.emit('fneg', [floatValue(fc, e.operand)]);
      return floatValue(fc, e.operand);
    case 'binop':
      if (FLOAT_OPS.has(e.op)) return floatChain(fc, e);
      break;
    case 'name':
      if (fc.isFloatLocal(e.id)) return fc.readFloatLocal(e.id);
      break;
    case 'call': {
      const inlined = inlinedCall(fc, e, 'f64');
      if (inlined !== null) return inlined;
      break;
    }
    default:
  }
  return fc.b.emit('get', [expr(fc, e)], FLOAT_FIELD);
}

/** A chain down the left (`a + b + c ...`), walked in a loop as binopChain does. */
function floatChain(fc: FunctionCompiler, top: Expr & { kind: 'binop' }): number {
  const spine: (Expr & { kind: 'binop' })[] = [];
  let e: Expr = top;
  // Down the left while the operator is inline and the subtree is a float (then every
  // node above is one too, since each has a float operand or is a division).
  while (e.kind === 'binop' && FLOAT_OPS.has(e.op) && isFloatExpr(e, fc.floatFacts)) {
    spine.push(e);
    e = e.left;
  }
  let acc = operand(fc, e);
  for (let k = spine.length - 1; k >= 0; k--) {
    const node = spine[k]!;
    const r = operand(fc, node.right);
    fc.line = node.line;
    acc = { f64: floatOp(fc, node.op, acc, r) };
  }
  return acc.f64!;
}

/** `l op r` in f64, with the runtime's operator as the way out. */
function floatOp(fc: FunctionCompiler, op: string, l: Operand, r: Operand): number {
  const b = fc.b;
  // Two f64s add, subtract and multiply without a way out.
  if (l.f64 !== undefined && r.f64 !== undefined && op !== '/') return b.emit(F64_OPS[op]!, [l.f64, r.f64]);
  const slow = fc.newBlock('float.slow');
  const join = fc.newBlock('float.done', ['f64']);
  const x = l.f64 ?? toF64(fc, l.ref!, slow);
  const y = r.f64 ?? toF64(fc, r.ref!, slow);
  if (op === '/') {
    // A zero divisor raises ZeroDivisionError in the runtime.
    const divide = fc.newBlock('float.div');
    fc.branch(b.emit('fcmp.eq', [y, b.fconst(0)]), slow, divide);
    fc.enter(divide);
  }
  fc.jump(join, [b.emit(F64_OPS[op]!, [x, y])]);
  fc.enter(slow);
  const ref = (o: Operand): number => o.ref ?? boxFloat(fc, o.f64!);
  const result = fc.call(RUNTIME[op]!, [ref(l), ref(r)]);
  fc.jump(join, [b.emit('get', [result], FLOAT_FIELD)]);
  fc.enter(join);
  return join.params[0]!;
}

/** The f64 a small int or float `v` converts to; anything else jumps to `other`. */
export function toF64(fc: FunctionCompiler, v: number, other: ReturnType<FunctionCompiler['newBlock']>): number {
  const b = fc.b;
  const bits = b.emit('ref.bits', [v]);
  const one = b.iconst(1);
  const small = fc.newBlock('f64.int');
  const obj = fc.newBlock('f64.obj');
  const boxed = fc.newBlock('f64.float');
  const done = fc.newBlock('f64', ['f64']);
  fc.branch(b.emit('iand', [bits, one]), small, obj);
  fc.enter(small);
  fc.jump(done, [b.emit('i2f', [b.emit('isar', [bits, one])])]);
  fc.enter(obj);
  const typed = fc.newBlock('f64.typed');
  fc.branch(b.emit('ref.is_ptr', [v]), typed, other);
  fc.enter(typed);
  const isFloat = b.emit('icmp.eq', [b.emit('ref.type_id', [v]), b.iconst(typeId('float'))]);
  fc.branch(isFloat, boxed, other);
  fc.enter(boxed);
  fc.jump(done, [b.emit('get', [v], FLOAT_FIELD)]);
  fc.enter(done);
  return done.params[0]!;
}
