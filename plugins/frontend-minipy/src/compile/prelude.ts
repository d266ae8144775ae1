import type { Stmt } from '../syntax/ast.ts';
import { parseProgram } from '../syntax/parser.ts';

/** The prelude's repr of containers holding instances of classes that define `__repr__`. */
export const DEEP_REPR = '__mp_repr';

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

/** The program's statements, after the prelude when the program defines a class. */
export function withPrelude(body: Stmt[], source: string): Stmt[] {
  if (!/(^|\n)[ \t]*class[ \t]/.test(source)) return body;
  return [...parseProgram(PRELUDE, '<minipy prelude>'), ...body];
}
