import { truth } from './builtins.ts';
import { compareOp } from './compare.ts';
import { typeName } from './format.ts';
import type { Py } from './py-context.ts';
import { NONE } from '../runtime/tags.ts';

const LT = 0;

/** Stable merge sort of indices by keys (`reverse`: descending, equal keys keep their order). */
function sortedOrder(py: Py, keys: number[], reverse: boolean): number[] {
  let src = keys.map((_, i) => i);
  let dst = new Array<number>(src.length);
  for (let width = 1; width < src.length; width *= 2) {
    for (let lo = 0; lo < src.length; lo += 2 * width) {
      const mid = Math.min(lo + width, src.length);
      const hi = Math.min(lo + 2 * width, src.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = keys[src[i]!]!;
        const b = keys[src[j]!]!;
        const takeRight = reverse ? compareOp(py, a, b, LT) : compareOp(py, b, a, LT);
        dst[k++] = takeRight ? src[j++]! : src[i++]!;
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** `sorted(items, key=..., reverse=...)` (a new list) or `items.sort(...)` (in place, None),
 *  with `keys[i]` the key of `items[i]`, computed by compiled code. */
export function sortKeyed(py: Py, items: number, keys: number, reverse: number, inPlace: boolean): number {
  if (py.typeOf(items) !== py.t.list)
    return py.raise('AttributeError', `'${typeName(py, items)}' object has no attribute 'sort'`);
  const values = py.listValues(items);
  const order = sortedOrder(py, py.listValues(keys), truth(py, reverse));
  const result = order.map((i) => values[i]!);
  if (!inPlace) return py.makeList(result);
  const arr = py.listItems(items);
  for (let i = 0; i < result.length; i++) py.setElem(arr, i, result[i]!);
  py.barrier(arr);
  return NONE;
}

/** `min`/`max` with `key` or `default`: the first item whose key is least (greatest). */
export function pickKeyed(py: Py, items: number, keys: number, max: boolean, dflt: number): number {
  const values = py.listValues(items);
  const ks = py.listValues(keys);
  const name = max ? 'max' : 'min';
  if (values.length === 0) {
    if (dflt !== 0) return dflt;
    return py.raise('ValueError', `${name}() arg is an empty sequence`);
  }
  let best = 0;
  for (let i = 1; i < values.length; i++)
    if (max ? compareOp(py, ks[i]!, ks[best]!, 2) : compareOp(py, ks[i]!, ks[best]!, LT)) best = i;
  return values[best]!;
}
