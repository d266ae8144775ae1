import type { Expr, Stmt } from './ast.ts';
import { CPythonCompileError } from './cpython-error.ts';

/**
 * CPython's compiler walks the syntax tree recursively and stops at a depth of three times
 * the recursion limit (1000): "RecursionError: maximum recursion depth exceeded during
 * compilation". Every statement and expression node is one level, a module's statements
 * are at level 1 (CPython 3.11: `x = 1+1+...+1` compiles with 2 999 terms, not 3 000).
 * The tree here has CPython's shape where it matters (flat `and`/`or` chains, nested
 * `elif`s), so the same programs pass. Checked with an explicit stack, so the compiler
 * behind it never recurses deeper than this.
 */
export const MAX_AST_DEPTH = 3000;

export function checkAstDepth(body: Stmt[], file: string): void {
  const work: [node: Stmt | Expr, depth: number, isStmt: boolean][] = [];
  for (let k = body.length - 1; k >= 0; k--) work.push([body[k]!, 1, true]);
  while (work.length > 0) {
    const [node, depth, isStmt] = work.pop()!;
    if (depth > MAX_AST_DEPTH) {
      throw new CPythonCompileError(
        'RecursionError: maximum recursion depth exceeded during compilation',
        file,
        node.line,
        node.col,
        null,
      );
    }
    const exprs: (Expr | null)[] = [];
    const stmts: Stmt[] = [];
    if (isStmt) stmtChildren(node as Stmt, exprs, stmts);
    else exprChildren(node as Expr, exprs);
    for (const s of stmts) work.push([s, depth + 1, true]);
    for (const e of exprs) if (e) work.push([e, depth + 1, false]);
  }
}

export function stmtChildren(s: Stmt, exprs: (Expr | null)[], stmts: Stmt[]): void {
  switch (s.kind) {
    case 'expr':
      exprs.push(s.value);
      break;
    case 'assign':
      pushAll(exprs, s.targets, [s.value]);
      break;
    case 'augassign':
      exprs.push(s.target, s.value);
      break;
    case 'if':
    case 'while':
      exprs.push(s.test);
      pushAll(stmts, s.body, s.orelse);
      break;
    case 'for':
      exprs.push(s.target, s.iter);
      pushAll(stmts, s.body, s.orelse);
      break;
    case 'def':
      pushAll(exprs, defaultExprs(s));
      pushAll(stmts, s.body);
      break;
    case 'class':
      exprs.push(s.base);
      pushAll(stmts, s.body);
      break;
    case 'return':
    case 'yield':
      exprs.push(s.value);
      break;
    case 'assert':
      exprs.push(s.test, s.msg);
      break;
    case 'raise':
      exprs.push(s.exc);
      break;
    case 'del':
      pushAll(exprs, s.targets);
      break;
    case 'try':
      pushAll(stmts, s.body, s.orelse, s.finalbody);
      // An except clause is no statement node; its type and body sit one level below the try.
      for (const h of s.handlers) {
        exprs.push(h.type);
        pushAll(stmts, h.body);
      }
      break;
    default:
  }
}

export function exprChildren(e: Expr, out: (Expr | null)[]): void {
  switch (e.kind) {
    case 'binop':
      out.push(e.left, e.right);
      break;
    case 'unary':
      out.push(e.operand);
      break;
    case 'boolop':
      pushAll(out, e.values);
      break;
    case 'compare':
      pushAll(out, e.operands);
      break;
    case 'ifexp':
      out.push(e.test, e.body, e.orelse);
      break;
    case 'call':
      pushAll(
        out,
        [e.func],
        e.args,
        e.keywords.map((k) => k.value),
        e.unpack.map((u) => u.value),
        (e.kwunpack ?? []).map((u) => u.value),
      );
      break;
    case 'attr':
      out.push(e.obj);
      break;
    case 'subscript':
      out.push(e.obj, e.index);
      break;
    case 'slice':
      out.push(e.lower, e.upper, e.step);
      break;
    case 'list':
    case 'set':
    case 'tuple':
      pushAll(out, e.elts);
      break;
    case 'dict':
      pushAll(out, e.keys, e.values);
      break;
    case 'lambda':
      pushAll(out, defaultExprs(e), [e.body]);
      break;
    case 'comp':
      out.push(e.elt, e.value);
      for (const g of e.generators) out.push(g.target, g.iter, ...g.ifs);
      break;
    case 'fstring':
      for (const part of e.parts) if (part.kind === 'field') out.push(part.value, part.spec);
      break;
    default:
  }
}

/** Appends without spreading into arguments: a list display may have 100 000 items. */
function pushAll<T>(out: T[], ...lists: readonly (readonly T[])[]): void {
  for (const list of lists) for (const x of list) out.push(x);
}

/** A def's or lambda's default values, positional then keyword-only, as evaluated. */
export function defaultExprs(fn: (Expr & { kind: 'lambda' }) | (Stmt & { kind: 'def' })): Expr[] {
  const out = [...fn.defaults];
  for (const d of fn.kwdefaults ?? []) if (d) out.push(d);
  return out;
}
