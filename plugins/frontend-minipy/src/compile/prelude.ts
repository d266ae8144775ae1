import type { Stmt } from '../syntax/ast.ts';
import { parseProgram } from '../syntax/parser.ts';

/** The prelude's repr of containers holding instances of classes that define `__repr__`. */
export const DEEP_REPR = '__mp_repr';
/** The prelude's sort and min/max by `<` (`>`), for keys among which are instances of classes
 *  that define comparison methods. */
export const GUEST_SORT = '__mp_sort';
export const GUEST_PICK = '__mp_pick';

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


def ${GUEST_SORT}(keys, items, reverse, in_place):
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

/** The program's statements, after the prelude when the program defines a class. */
export function withPrelude(body: Stmt[], source: string): Stmt[] {
  if (!/(^|\n)[ \t]*class[ \t]/.test(source)) return body;
  return [...parseProgram(PRELUDE, '<minipy prelude>'), ...body];
}
