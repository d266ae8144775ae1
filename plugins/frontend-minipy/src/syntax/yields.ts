import type { Stmt } from './ast.ts';

/** The first `yield` statement of a body, outside nested defs and classes (null: none). */
export function firstYield(body: Stmt[]): Stmt | null {
  const work = [...body].reverse();
  while (work.length > 0) {
    const s = work.pop()!;
    switch (s.kind) {
      case 'yield':
        return s;
      case 'if':
      case 'while':
      case 'for':
        work.push(...[...s.body, ...s.orelse].reverse());
        break;
      case 'try':
        work.push(...[...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody].reverse());
        break;
    }
  }
  return null;
}

/** Whether a def's body makes it a generator function. */
export function isGeneratorBody(body: Stmt[]): boolean {
  return firstYield(body) !== null;
}
