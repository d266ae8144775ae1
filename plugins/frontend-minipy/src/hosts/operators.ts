import { classOf, dunderNamed, isClass } from './classes.ts';
import type { Py } from './py-context.ts';
import { typeName } from './format.ts';
import { FALSE, TRUE } from '../runtime/tags.ts';

// The arithmetic special methods runtime/operators.jir calls, by its operator index.
const NAMES = ['__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__', '__pow__'];
const reflectedName = (op: number): string => `__r${NAMES[op]!.slice(2)}`;

/** @py.find_binop's step: which method comes next; REFLECTED_TRIED once b's went first. */
const LEFT = 1;
const RIGHT = 2;
const REFLECTED_TRIED = 4;

function derivesFrom(py: Py, cls: number, base: number): boolean {
  for (let c = py.word(cls + 8); isClass(py, c); c = py.word(c + 8)) if (c === base) return true;
  return false;
}

/**
 * The next special method to try for `a op b` from `step` on, as (method, first, second,
 * next step), or 0: CPython's binary_op1 order. A right operand whose class derives from the
 * left's and overrides the reflected method goes first; then a's method; then, for operands
 * of different classes, b's reflected method (unless it went first).
 */
export function findBinop(py: Py, a: number, b: number, op: number, step: number): number {
  const ca = classOf(py, a);
  const cb = classOf(py, b);
  const reflected = reflectedName(op);
  let at = step;
  if (at === 0) {
    if (ca !== 0 && cb !== 0 && ca !== cb && derivesFrom(py, cb, ca)) {
      const rm = dunderNamed(py, b, reflected);
      if (rm !== 0 && rm !== dunderNamed(py, a, reflected))
        return py.makeTuple([rm, b, a, py.smallInt(LEFT | REFLECTED_TRIED)]);
    }
    at = LEFT;
  }
  if ((at & 3) === LEFT) {
    const m = ca !== 0 ? dunderNamed(py, a, NAMES[op]!) : 0;
    if (m !== 0) return py.makeTuple([m, a, b, py.smallInt(RIGHT | (at & REFLECTED_TRIED))]);
    at = RIGHT | (at & REFLECTED_TRIED);
  }
  if ((at & 3) === RIGHT && (at & REFLECTED_TRIED) === 0 && cb !== 0 && ca !== cb) {
    const rm = dunderNamed(py, b, reflected);
    if (rm !== 0) return py.makeTuple([rm, b, a, py.smallInt(3)]);
  }
  return 0;
}

/** `a op= b`: the class's in-place method (__iadd__ ...), or 0. */
export function findInplace(py: Py, a: number, op: number): number {
  return dunderNamed(py, a, `__i${NAMES[op]!.slice(2)}`);
}

/** `-a`: the class's __neg__, or 0. */
export function findUnary(py: Py, a: number): number {
  return dunderNamed(py, a, '__neg__');
}

/** Comparison methods by @py.compare.user's op (0 < 1 <= 2 > 3 >= 4 == 5 !=), with the
 *  reflected (swapped) method of each. */
const COMPARE_NAMES = ['__lt__', '__le__', '__gt__', '__ge__', '__eq__', '__ne__'];
const SWAPPED = [2, 3, 0, 1, 4, 5];
const COMPARE_TEXT = ['<', '<=', '>', '>=', '==', '!='];

/** `v`'s method for comparison `op` as [method, negate]: `!=` without `__ne__` is `__eq__`
 *  inverted (object.__ne__); [0, false] when there is none. */
function compareMethod(py: Py, v: number, op: number): [number, boolean] {
  const m = dunderNamed(py, v, COMPARE_NAMES[op]!);
  if (m !== 0 || op !== 5) return [m, false];
  return [dunderNamed(py, v, '__eq__'), true];
}

/** The next comparison method to try for `l op r` from `step` on, as (method, first, second,
 *  negate, next step), or 0: CPython's do_richcompare order (see @py.compare.user). */
export function findCompareStep(py: Py, l: number, r: number, op: number, step: number): number {
  const cl = classOf(py, l);
  const cr = classOf(py, r);
  const swapped = SWAPPED[op]!;
  const entry = (m: number, first: number, second: number, negate: boolean, next: number): number =>
    py.makeTuple([m, first, second, negate ? TRUE : FALSE, py.smallInt(next)]);
  let at = step;
  if (at === 0) {
    if (cl !== 0 && cr !== 0 && cl !== cr && derivesFrom(py, cr, cl)) {
      const [m, negate] = compareMethod(py, r, swapped);
      if (m !== 0) return entry(m, r, l, negate, LEFT | REFLECTED_TRIED);
    }
    at = LEFT;
  }
  if ((at & 3) === LEFT) {
    const [m, negate] = cl !== 0 ? compareMethod(py, l, op) : [0, false];
    if (m !== 0) return entry(m, l, r, negate, RIGHT | (at & REFLECTED_TRIED));
    at = RIGHT | (at & REFLECTED_TRIED);
  }
  if ((at & 3) === RIGHT && (at & REFLECTED_TRIED) === 0 && cr !== 0) {
    const [m, negate] = compareMethod(py, r, swapped);
    if (m !== 0) return entry(m, r, l, negate, 3);
  }
  return 0;
}

/** Every comparison method declined: `==` and `!=` are identity, orderings a TypeError. */
export function compareDeclined(py: Py, l: number, r: number, op: number): number {
  if (op === 4) return l === r ? 1 : 0;
  if (op === 5) return l === r ? 0 : 1;
  return py.raise(
    'TypeError',
    `'${COMPARE_TEXT[op]}' not supported between instances of '${typeName(py, l)}' and '${typeName(py, r)}'`,
  );
}
