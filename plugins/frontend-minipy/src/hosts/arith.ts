import { asNum, floatDivmod, floatPow, intFloorDiv, intFloorMod, makeNum, toFloat, type Num } from './numbers.ts';
import type { Py } from './py-context.ts';
import { typeName } from './format.ts';
import { percentFormat } from './string-format.ts';
import { isSet, setBinary } from './sets.ts';
import { refuseDunder } from './classes.ts';

const OPERATOR_DUNDERS: Record<BinOp, string> = {
  '+': '__add__',
  '-': '__sub__',
  '*': '__mul__',
  '/': '__truediv__',
  '//': '__floordiv__',
  '%': '__mod__',
  '**': '__pow__',
  '<<': '__lshift__',
  '>>': '__rshift__',
  '&': '__and__',
  '|': '__or__',
  '^': '__xor__',
};

/** The operators whose special methods compiled code calls before the host runs. */
const CALLED_OPS = new Set<BinOp>(['+', '-', '*', '/', '//', '%', '**']);

export type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^';

/** Every binary operator on any operands: numbers, then sequences, else TypeError. */
const SET_OPS = new Set<BinOp>(['|', '&', '-', '^']);

export function binaryOp(py: Py, op: BinOp, a: number, b: number): number {
  const x = asNum(py, a);
  const y = asNum(py, b);
  if (x && y) return makeNum(py, numeric(py, op, x, y));
  if (isSet(py, a) && isSet(py, b) && SET_OPS.has(op)) return setBinary(py, op, a, b);
  return sequenceOp(py, op, a, b, x, y);
}

function numTypeName(n: Num): string {
  return n.float !== undefined ? 'float' : 'int';
}

function numeric(py: Py, op: BinOp, x: Num, y: Num): Num {
  if (x.int !== undefined && y.int !== undefined) return intOp(py, op, x.int, y.int);
  if (['<<', '>>', '&', '|', '^'].includes(op))
    return py.raise('TypeError', `unsupported operand type(s) for ${op}: '${numTypeName(x)}' and '${numTypeName(y)}'`);
  const a = toFloat(py, x);
  const b = toFloat(py, y);
  switch (op) {
    case '+':
      return { float: a + b };
    case '-':
      return { float: a - b };
    case '*':
      return { float: a * b };
    case '/':
      if (b === 0) py.raise('ZeroDivisionError', 'float division by zero');
      return { float: a / b };
    case '//':
      if (b === 0) py.raise('ZeroDivisionError', 'float floor division by zero');
      return { float: floatDivmod(a, b)[0] };
    case '%':
      if (b === 0) py.raise('ZeroDivisionError', 'float modulo');
      return { float: floatDivmod(a, b)[1] };
    default:
      return { float: floatPow(py, a, b) };
  }
}

function intOp(py: Py, op: BinOp, a: bigint, b: bigint): Num {
  switch (op) {
    case '+':
      return { int: a + b };
    case '-':
      return { int: a - b };
    case '*':
      return { int: a * b };
    case '/': {
      if (b === 0n) py.raise('ZeroDivisionError', 'division by zero');
      const fa = Number(a);
      const fb = Number(b);
      if (Number.isFinite(fa) && Number.isFinite(fb) && Math.abs(fa) < 2 ** 53 && Math.abs(fb) < 2 ** 53)
        return { float: fa / fb };
      return { float: bigTrueDiv(py, a, b) };
    }
    case '//':
      if (b === 0n) py.raise('ZeroDivisionError', 'integer division or modulo by zero');
      return { int: intFloorDiv(a, b) };
    case '%':
      if (b === 0n) py.raise('ZeroDivisionError', 'integer modulo by zero');
      return { int: intFloorMod(a, b) };
    case '**':
      if (b < 0n) return { float: floatPow(py, toFloat(py, { int: a }), toFloat(py, { int: b })) };
      if (b > 100_000_000n && a !== 0n && a !== 1n && a !== -1n) py.raise('MemoryError' as never);
      return { int: a ** b };
    case '<<':
      if (b < 0n) py.raise('ValueError', 'negative shift count');
      return { int: a << b };
    case '>>':
      if (b < 0n) py.raise('ValueError', 'negative shift count');
      return { int: a >> b };
    case '&':
      return { int: a & b };
    case '|':
      return { int: a | b };
    case '^':
      return { int: a ^ b };
  }
}

/** Correctly rounded a / b for ints too large for exact doubles. */
function bigTrueDiv(py: Py, a: bigint, b: bigint): number {
  const neg = a < 0n !== b < 0n;
  let n = a < 0n ? -a : a;
  const d = b < 0n ? -b : b;
  // Scale so the quotient has 64+ significant bits, then let Number() round once more.
  const shift = Math.max(0, 70 - (n.toString(2).length - d.toString(2).length));
  n <<= BigInt(shift);
  const q = n / d;
  const sticky = n % d !== 0n ? 1n : 0n;
  const r = Number((q << 1n) | sticky) / 2 ** (shift + 1);
  if (!Number.isFinite(r)) py.raise('OverflowError', 'integer division result too large for a float');
  return neg ? -r : r;
}

function sequenceOp(py: Py, op: BinOp, a: number, b: number, x: Num | null, y: Num | null): number {
  const ta = py.typeOf(a);
  const tb = py.typeOf(b);
  const ids = py.t;
  if (op === '+') {
    if (ta === ids.str) {
      if (tb !== ids.str) py.raise('TypeError', `can only concatenate str (not "${typeName(py, b)}") to str`);
      return concatStr(py, a, b);
    }
    if (ta === ids.list) {
      if (tb !== ids.list) py.raise('TypeError', `can only concatenate list (not "${typeName(py, b)}") to list`);
      return py.makeList([...py.listValues(a), ...py.listValues(b)]);
    }
    if (ta === ids.tuple) {
      if (tb !== ids.tuple) py.raise('TypeError', `can only concatenate tuple (not "${typeName(py, b)}") to tuple`);
      return py.makeTuple([...py.tupleItems(a), ...py.tupleItems(b)]);
    }
  }
  if (op === '%' && ta === ids.str) return py.makeStr(percentFormat(py, py.readStr(a), b));
  if (op === '*') {
    if ((ta === ids.str || ta === ids.list || ta === ids.tuple) && !y)
      py.raise('TypeError', `can't multiply sequence by non-int of type '${typeName(py, b)}'`);
    if ((tb === ids.str || tb === ids.list || tb === ids.tuple) && !x)
      py.raise('TypeError', `can't multiply sequence by non-int of type '${typeName(py, a)}'`);
    if (ta === ids.str || ta === ids.list || ta === ids.tuple) return repeat(py, a, y!);
    if (tb === ids.str || tb === ids.list || tb === ids.tuple) return repeat(py, b, x!);
  }
  // + - * / // % ** reach here after their special methods (runtime/operators.jir) declined.
  if (!CALLED_OPS.has(op)) {
    refuseDunder(py, a, OPERATOR_DUNDERS[op]);
    refuseDunder(py, b, `__r${OPERATOR_DUNDERS[op].slice(2)}`);
  }
  const shown = op === '**' ? '** or pow()' : op;
  return py.raise(
    'TypeError',
    `unsupported operand type(s) for ${shown}: '${typeName(py, a)}' and '${typeName(py, b)}'`,
  );
}

function concatStr(py: Py, a0: number, b0: number): number {
  const na = py.length(a0);
  const nb = py.length(b0);
  const ha = py.hold(a0);
  const hb = py.hold(b0);
  const r = py.allocArray(py.t.str, na + nb);
  const a = py.get(ha);
  const b = py.get(hb);
  const w = py.w;
  const ra = ((r - py.base) >> 2) + 2;
  w.copyWithin(ra, ((a - py.base) >> 2) + 2, ((a - py.base) >> 2) + 2 + na);
  w.copyWithin(ra + na, ((b - py.base) >> 2) + 2, ((b - py.base) >> 2) + 2 + nb);
  return r;
}

function repeat(py: Py, seq: number, count: Num): number {
  if (count.int === undefined) return py.raise('TypeError', "can't multiply sequence by non-int of type 'float'");
  const n = count.int < 0n ? 0 : Number(count.int);
  const t = py.typeOf(seq);
  if (t === py.t.str) {
    const len = py.length(seq);
    if (len * n > 1 << 28) py.raise('MemoryError' as never);
    const hs = py.hold(seq);
    const r = py.allocArray(py.t.str, len * n);
    const from = ((py.get(hs) - py.base) >> 2) + 2;
    const to = ((r - py.base) >> 2) + 2;
    for (let i = 0; i < n; i++) py.w.copyWithin(to + i * len, from, from + len);
    return r;
  }
  const items = t === py.t.list ? py.listValues(seq) : py.tupleItems(seq);
  if (items.length * n > 1 << 26) py.raise('MemoryError' as never);
  const out = new Array<number>(items.length * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < items.length; j++) out[i * items.length + j] = items[j]!;
  return t === py.t.list ? py.makeList(out) : py.makeTuple(out);
}
