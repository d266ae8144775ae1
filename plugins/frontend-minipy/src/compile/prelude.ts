import type { Stmt } from '../syntax/ast.ts';
import { parseProgram } from '../syntax/parser.ts';

/** The prelude's repr of containers holding instances of classes that define `__repr__`. */
export const DEEP_REPR = '__mp_repr';
/** The prelude's sort and min/max by `<` (`>`), for keys among which are instances of classes
 *  that define comparison methods. */
export const GUEST_SORT = '__mp_sort';
export const GUEST_PICK = '__mp_pick';
/** The prelude's sum, for programs whose classes define `__add__` or `__radd__`. */
export const GUEST_SUM = '__mp_sum';

/** sum() by `+` in compiled code, so that a class's __add__/__radd__ is called; CPython's
 *  sum adds in the same order, with the same errors. */
const SUM_PRELUDE = `def ${GUEST_SUM}(iterable, start):
    if isinstance(start, str):
        raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
    total = start
    for v in iterable:
        total = total + v
    return total
`;

/**
 * Python source compiled into programs that define classes: the host renders containers
 * itself but cannot call a class's `__repr__` (host functions never call guest code), so
 * a container holding such instances is rendered by this compiled function instead.
 */
const PRELUDE = `
def ${DEEP_REPR}(v):
    if isinstance(v, list):
        return "[" + ", ".join([${DEEP_REPR}(x) for x in v]) + "]"
    if isinstance(v, tuple):
        if len(v) == 1:
            return "(" + ${DEEP_REPR}(v[0]) + ",)"
        return "(" + ", ".join([${DEEP_REPR}(x) for x in v]) + ")"
    if isinstance(v, dict):
        return "{" + ", ".join([${DEEP_REPR}(k) + ": " + ${DEEP_REPR}(v[k]) for k in v]) + "}"
    return repr(v)

`;

/** Sorting and min/max by `<`/`>` calls, for programs whose classes define orderings. */
const ORDER_PRELUDE = `def ${GUEST_SORT}(keys, items, reverse, in_place):
    # Stable merge sort by keys[i] < keys[j] alone, as list.sort compares; reverse=True
    # reverses, sorts and reverses back, as CPython does, so equal keys keep their order.
    n = len(keys)
    order = list(range(n))
    if reverse:
        order.reverse()
    width = 1
    while width < n:
        merged = []
        for lo in range(0, n, 2 * width):
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            while i < mid and j < hi:
                if keys[order[j]] < keys[order[i]]:
                    merged.append(order[j])
                    j += 1
                else:
                    merged.append(order[i])
                    i += 1
            while i < mid:
                merged.append(order[i])
                i += 1
            while j < hi:
                merged.append(order[j])
                j += 1
        order = merged
        width *= 2
    if reverse:
        order.reverse()
    result = [items[k] for k in order]
    if not in_place:
        return result
    for k in range(n):
        items[k] = result[k]
    return None


def ${GUEST_PICK}(items, keys, is_max):
    # min() keeps the first smallest (key < best), max() the first largest (key > best).
    best = 0
    for i in range(1, len(keys)):
        if is_max:
            if keys[i] > keys[best]:
                best = i
        elif keys[i] < keys[best]:
            best = i
    return items[best]

`;

/** Lazy `zip`, `enumerate`, `map` and `filter`, for arguments that are generators or instance
 *  iterators (possibly infinite): host builtins would have to drain them first. */
export const LAZY = { zip: '__mp_zip', enumerate: '__mp_enumerate', map: '__mp_map', filter: '__mp_filter' };

const LAZY_PRELUDE = `
__mp_end = []


def ${LAZY.zip}(*iterables):
    its = [iter(x) for x in iterables]
    if len(its) == 0:
        return
    while True:
        row = []
        for it in its:
            v = next(it, __mp_end)
            if v is __mp_end:
                return
            row.append(v)
        yield tuple(row)


def ${LAZY.enumerate}(iterable, start):
    n = start
    for v in iterable:
        yield n, v
        n += 1


def ${LAZY.map}(fn, *iterables):
    if len(iterables) == 1:
        for v in iterables[0]:
            yield fn(v)
        return
    for row in ${LAZY.zip}(*iterables):
        yield fn(*row)


def ${LAZY.filter}(fn, iterable):
    for v in iterable:
        if fn is None:
            if v:
                yield v
        elif fn(v):
            yield v
`;

/**
 * The program's statements, after the preludes it needs: the one for classes when it
 * defines a class, the orderings when a class defines `__lt__`, `__gt__`, `__le__` or
 * `__ge__`, the lazy builtins when it can make an infinite iterator (it has a
 * generator function or a `__next__`; without them every iterator is finite, and draining
 * one first gives the same values).
 */
export function withPrelude(body: Stmt[], source: string): Stmt[] {
  const preludes: Stmt[] = [];
  if (/(^|\n)[ \t]*class[ \t]/.test(source)) preludes.push(...parseProgram(PRELUDE, '<minipy prelude>'));
  if (/\bdef[ \t]+__(lt|gt|le|ge)__\b/.test(source)) preludes.push(...parseProgram(ORDER_PRELUDE, '<minipy prelude>'));
  if (/\bdef[ \t]+__r?add__\b/.test(source)) preludes.push(...parseProgram(SUM_PRELUDE, '<minipy prelude>'));
  if (/\byield\b|__next__/.test(source)) preludes.push(...parseProgram(LAZY_PRELUDE, '<minipy prelude>'));
  return preludes.length === 0 ? body : [...preludes, ...body];
}
