import { integerOps } from '#framework';
import { evaluationError, instantiationError, typeError, indicator } from './errors.ts';
import type { Desc, Heap } from './heap.ts';

/** A number during host evaluation. */
export type Num = bigint | { f: number };

const isF = (x: Num): x is { f: number } => typeof x !== 'bigint';
const toF = (x: Num): number => (isF(x) ? x.f : Number(x));
const MAX_BITS = 1 << 22;

export function readNum(h: Heap, t: number): Num | null {
  const k = h.kind(t);
  if (k === 'int' || k === 'big') return h.integer(t);
  if (k === 'flt') return { f: h.float(t) };
  return null;
}

/** Describes a number (a non-finite float is an evaluation error). */
export function num(h: Heap, x: Num): Desc {
  if (!isF(x)) return h.int(x);
  if (!Number.isFinite(x.f)) evaluationError(h, Number.isNaN(x.f) ? 'undefined' : 'float_overflow');
  return h.flt(x.f);
}

/** Describes a number read from text: SWI reads `1.0Inf`, `1.5NaN` (and any `D.DInf`)
 *  as the special floats, where arithmetic producing them is an evaluation error. */
export function numRead(h: Heap, x: Num): Desc {
  return isF(x) ? h.flt(x.f) : h.int(x);
}

export function makeNum(h: Heap, x: Num): number {
  return h.build(num(h, x));
}

/** Evaluates an arithmetic expression term (explicit recursion over expression depth). */
export function evalTerm(h: Heap, t0: number): Num {
  // Post-order over an explicit stack: an operator's task sits under its operands' tasks,
  // so expression depth costs no host stack. Operands are evaluated right to left, as
  // SWI-Prolog does: `X is a + _` is an instantiation error there, `X is _ + a` a type error.
  const tasks: ({ t: number } | { op: string; arity: number })[] = [{ t: t0 }];
  const vals: Num[] = [];
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if ('op' in task) {
      if (task.arity === 1) vals.push(unary(h, task.op, vals.pop()!));
      else if (task.arity > 2) typeError(h, 'evaluable', indicator(h, task.op, task.arity));
      else {
        const x = vals.pop()!,
          y = vals.pop()!;
        vals.push(binary(h, task.op, x, y));
      }
      continue;
    }
    const t = h.deref(task.t);
    const n = readNum(h, t);
    if (n !== null) {
      vals.push(n);
      continue;
    }
    const k = h.kind(t);
    if (k === 'var') instantiationError(h);
    if (k === 'atom') {
      vals.push(constant(h, h.atomName(t), t));
      continue;
    }
    if (k === 'text') {
      vals.push(oneCharacter(h, t));
      continue;
    }
    if (k !== 'str') typeError(h, 'evaluable', t);
    const name = h.syms.names[h.functorOf(t)]!;
    const arity = h.arity(t);
    if (name === '[|]' && arity === 2) vals.push(oneCharacter(h, t));
    else if (arity === 1) tasks.push({ op: name, arity }, { t: h.arg(t, 1) });
    else if (arity === 2) tasks.push({ op: name, arity }, { t: h.arg(t, 1) }, { t: h.arg(t, 2) });
    else {
      // No function has three or more arguments, but SWI evaluates them first, as for the
      // others: `X is f(0, _, _)` is an instantiation error, `f(1, 2, 3)` a type error.
      tasks.push({ op: name, arity });
      for (let i = 1; i <= arity; i++) tasks.push({ t: h.arg(t, i) });
    }
  }
  return vals[0]!;
}

function constant(h: Heap, name: string, t: number): Num {
  switch (name) {
    case 'pi':
      return { f: Math.PI };
    case 'e':
      return { f: Math.E };
    case 'inf':
    case 'infinite':
      return { f: Infinity };
    case 'nan':
      return { f: NaN };
    case 'max_tagged_integer':
      return (1n << 60n) - 1n;
    case 'epsilon':
      return { f: Number.EPSILON };
    case 'random':
      return BigInt(Math.floor(Math.random() * 2 ** 31));
    case 'cputime':
      return { f: process.cpuUsage().user / 1e6 };
    case 'realtime':
      return BigInt(Math.floor(Date.now() / 1000));
    case '[]':
      return typeError(h, 'evaluable', t);
  }
  return typeError(h, 'evaluable', indicator(h, name, 0));
}

/** The value of `"c"` or `[X]` in an expression, as SWI: X's code when X is a one-character
 *  atom, X when it is a code; nothing else is evaluated (`[1+1]` is a type error). */
function oneCharacter(h: Heap, t: number): bigint {
  if (h.kind(t) === 'text') {
    const chars = [...h.text(t)];
    return chars.length === 1 ? BigInt(chars[0]!.codePointAt(0)!) : typeError(h, '[]', t);
  }
  // The element is checked first, then that it is the only one (SWI 9's order).
  const x = h.deref(h.arg(t, 1));
  const k = h.kind(x);
  if (k === 'var') return instantiationError(h);
  let code: bigint;
  if (k === 'int' && h.integer(x) >= 0n) code = h.integer(x);
  else if (k === 'atom' && [...h.atomName(x)].length === 1) code = BigInt(h.atomName(x).codePointAt(0)!);
  else return typeError(h, 'character', x);
  return h.atomName(h.deref(h.arg(t, 2))) === '[]' ? code : typeError(h, '[]', t);
}

function needInt(h: Heap, x: Num): bigint {
  if (isF(x)) return typeError(h, 'integer', h.flt(x.f));
  return x;
}

function floatResult(h: Heap, f: number): Num {
  if (Number.isNaN(f)) evaluationError(h, 'undefined');
  if (!Number.isFinite(f)) evaluationError(h, 'float_overflow');
  return { f };
}

function toInt(h: Heap, f: number): bigint {
  if (!Number.isFinite(f)) evaluationError(h, 'undefined');
  return BigInt(f);
}

export function unary(h: Heap, name: string, x: Num): Num {
  switch (name) {
    case '-':
      return isF(x) ? { f: -x.f } : -x;
    case '+':
      return x;
    case 'abs':
      return isF(x) ? { f: Math.abs(x.f) } : x < 0n ? -x : x;
    case 'sign':
      return isF(x) ? { f: Math.sign(x.f) } : x > 0n ? 1n : x < 0n ? -1n : 0n;
    case 'min':
    case 'max':
      break;
    case 'sqrt': {
      const v = toF(x);
      if (v < 0) evaluationError(h, 'undefined');
      return { f: Math.sqrt(v) };
    }
    case 'sin':
      return { f: Math.sin(toF(x)) };
    case 'cos':
      return { f: Math.cos(toF(x)) };
    case 'tan':
      return { f: Math.tan(toF(x)) };
    case 'asin':
      return floatResult(h, Math.asin(toF(x)));
    case 'acos':
      return floatResult(h, Math.acos(toF(x)));
    case 'atan':
      return { f: Math.atan(toF(x)) };
    case 'exp':
      return floatResult(h, Math.exp(toF(x)));
    case 'log': {
      const v = toF(x);
      if (v <= 0) {
        if (v === 0 && !isF(x)) evaluationError(h, 'undefined');
        evaluationError(h, 'undefined');
      }
      return { f: Math.log(v) };
    }
    case 'float':
      return { f: toF(x) };
    case 'integer':
      return isF(x) ? toInt(h, Math.sign(x.f) * Math.round(Math.abs(x.f))) : x; // half away from zero, as round/1
    case 'float_integer_part':
      return { f: Math.trunc(toF(x)) };
    case 'float_fractional_part': {
      const v = toF(x);
      return { f: v - Math.trunc(v) };
    }
    case 'truncate':
      return isF(x) ? toInt(h, Math.trunc(x.f)) : x;
    case 'round':
      return isF(x) ? toInt(h, Math.sign(x.f) * Math.round(Math.abs(x.f))) : x;
    case 'ceiling':
      return isF(x) ? toInt(h, Math.ceil(x.f)) : x;
    case 'floor':
      return isF(x) ? toInt(h, Math.floor(x.f)) : x;
    case '\\':
      return ~needInt(h, x);
    case 'msb': {
      const v = needInt(h, x);
      if (v <= 0n) typeError(h, 'positive_integer', h.int(v));
      return BigInt(integerOps.bitLength(v) - 1);
    }
    case 'succ':
      return needInt(h, x) + 1n;
  }
  return typeError(h, 'evaluable', indicator(h, name, 1));
}

export function binary(h: Heap, name: string, x: Num, y: Num): Num {
  const anyF = isF(x) || isF(y);
  switch (name) {
    case '+':
      return anyF ? floatResult(h, toF(x) + toF(y)) : (x as bigint) + (y as bigint);
    case '-':
      return anyF ? floatResult(h, toF(x) - toF(y)) : (x as bigint) - (y as bigint);
    case '*':
      return anyF ? floatResult(h, toF(x) * toF(y)) : (x as bigint) * (y as bigint);
    case '/': {
      if (!anyF) {
        const a = x as bigint,
          b = y as bigint;
        if (b === 0n) evaluationError(h, 'zero_divisor');
        if (a % b === 0n) return a / b;
        return { f: Number(a) / Number(b) };
      }
      if (toF(y) === 0 && !isF(y)) evaluationError(h, 'zero_divisor');
      if (toF(y) === 0) evaluationError(h, 'zero_divisor');
      return floatResult(h, toF(x) / toF(y));
    }
    case '//': {
      const a = needInt(h, x),
        b = needInt(h, y);
      if (b === 0n) evaluationError(h, 'zero_divisor');
      return integerOps.truncDiv(a, b);
    }
    case 'rem': {
      const a = needInt(h, x),
        b = needInt(h, y);
      if (b === 0n) evaluationError(h, 'zero_divisor');
      return integerOps.truncRem(a, b);
    }
    case 'mod': {
      const a = needInt(h, x),
        b = needInt(h, y);
      if (b === 0n) evaluationError(h, 'zero_divisor');
      return integerOps.floorMod(a, b);
    }
    case 'div': {
      const a = needInt(h, x),
        b = needInt(h, y);
      if (b === 0n) evaluationError(h, 'zero_divisor');
      return integerOps.floorDiv(a, b);
    }
    // Equal values of different types: SWI answers the float (max(2, 2.0) is 2.0).
    case 'min': {
      const c = compareNum(x, y);
      return c < 0 || (c === 0 && isF(x)) ? x : y;
    }
    case 'max': {
      const c = compareNum(x, y);
      return c > 0 || (c === 0 && isF(x)) ? x : y;
    }
    case 'gcd':
      return integerOps.gcd(needInt(h, x), needInt(h, y));
    case '>>':
      return integerOps.shiftRight(needInt(h, x), needInt(h, y), MAX_BITS);
    case '<<':
      return integerOps.shiftLeft(needInt(h, x), needInt(h, y), MAX_BITS);
    case '/\\':
      return needInt(h, x) & needInt(h, y);
    case '\\/':
      return needInt(h, x) | needInt(h, y);
    case 'xor':
      return needInt(h, x) ^ needInt(h, y);
    case 'atan2':
    case 'atan':
      return { f: Math.atan2(toF(x), toF(y)) };
    case 'copysign':
      return { f: Math.sign(toF(y)) * Math.abs(toF(x)) };
    case 'log':
      return floatResult(h, Math.log(toF(y)) / Math.log(toF(x)));
    case 'truncate':
      break;
    case '**':
      if (!anyF) return intPow(h, x as bigint, y as bigint, true);
      return floatResult(h, Math.pow(toF(x), toF(y)));
    case '^':
      if (!anyF) return intPow(h, x as bigint, y as bigint, false);
      return floatResult(h, Math.pow(toF(x), toF(y)));
  }
  return typeError(h, 'evaluable', indicator(h, name, 2));
}

function intPow(h: Heap, a: bigint, b: bigint, floatOnNegative: boolean): Num {
  if (b >= 0n) return integerOps.pow(a, b, MAX_BITS);
  if (a === 1n) return 1n;
  if (a === -1n) return b % 2n === 0n ? 1n : -1n;
  if (floatOnNegative) return { f: Math.pow(Number(a), Number(b)) };
  if (a === 0n) evaluationError(h, 'zero_divisor');
  return typeError(h, 'float', h.int(a));
}

export function compareNum(x: Num, y: Num): number {
  if (!isF(x) && !isF(y)) return x < y ? -1 : x > y ? 1 : 0;
  const a = toF(x),
    b = toF(y);
  return a < b ? -1 : a > b ? 1 : 0;
}
