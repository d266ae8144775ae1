import type { Expr, Stmt } from '../syntax/ast.ts';

/** Names a target expression binds. */
export function targetNames(t: Expr, out: Set<string>): void {
  if (t.kind === 'name') out.add(t.id);
  else if (t.kind === 'tuple' || t.kind === 'list') for (const e of t.elts) targetNames(e, out);
}

/** Walks statements (not into nested defs) collecting bound names and `global` declarations. */
export function boundNames(body: Stmt[], bound: Set<string>, declaredGlobal: Set<string>): void {
  const work = [...body];
  while (work.length > 0) {
    const s = work.pop()!;
    switch (s.kind) {
      case 'assign':
        for (const t of s.targets) targetNames(t, bound);
        break;
      case 'augassign':
        targetNames(s.target, bound);
        break;
      case 'for':
        targetNames(s.target, bound);
        pushAll(work, s.body, s.orelse);
        break;
      case 'def':
      case 'class':
        bound.add(s.name);
        break;
      case 'global':
        for (const n of s.names) declaredGlobal.add(n);
        break;
      case 'if':
      case 'while':
        pushAll(work, s.body, s.orelse);
        break;
      case 'try':
        pushAll(work, s.body, s.orelse, s.finalbody);
        for (const h of s.handlers) {
          if (h.name) bound.add(h.name);
          pushAll(work, h.body);
        }
        break;
      default:
    }
  }
}

/** Every `def` statement at module level, including ones nested in if/while/for/try. */
export function moduleDefs(body: Stmt[]): (Stmt & { kind: 'def' })[] {
  const out: (Stmt & { kind: 'def' })[] = [];
  const work = [...body].reverse();
  while (work.length > 0) {
    const s = work.pop()!;
    if (s.kind === 'def') out.push(s);
    else if (s.kind === 'if' || s.kind === 'while' || s.kind === 'for')
      pushAll(work, [...s.body, ...s.orelse].reverse());
    else if (s.kind === 'try')
      pushAll(work, [...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody].reverse());
  }
  return out;
}

/** Names assigned at module level other than by `def`. */
export function reboundAtModule(body: Stmt[]): Set<string> {
  const bound = new Set<string>();
  const work = [...body];
  while (work.length > 0) {
    const s = work.pop()!;
    if (s.kind === 'assign') for (const t of s.targets) targetNames(t, bound);
    else if (s.kind === 'class') bound.add(s.name);
    else if (s.kind === 'augassign') targetNames(s.target, bound);
    else if (s.kind === 'for') {
      targetNames(s.target, bound);
      pushAll(work, s.body, s.orelse);
    } else if (s.kind === 'if' || s.kind === 'while') pushAll(work, s.body, s.orelse);
    else if (s.kind === 'try') {
      pushAll(work, s.body, s.orelse, s.finalbody);
      for (const h of s.handlers) {
        if (h.name) bound.add(h.name);
        pushAll(work, h.body);
      }
    }
  }
  return bound;
}

/** Appends without spreading into arguments: a body may hold 100 000 statements. */
function pushAll<T>(out: T[], ...lists: readonly (readonly T[])[]): void {
  for (const list of lists) for (const x of list) out.push(x);
}
