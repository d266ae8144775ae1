/** The mini-Python syntax tree. Every node carries its source position. */
export interface Pos {
  line: number;
  col: number;
}

export type BinOpName = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^';
export type CmpOpName = '<' | '<=' | '>' | '>=' | '==' | '!=' | 'is' | 'is not' | 'in' | 'not in';

export type Expr = Pos &
  (
    | { kind: 'int'; value: bigint }
    | { kind: 'float'; value: number }
    | { kind: 'str'; value: string }
    | { kind: 'const'; value: 'None' | 'True' | 'False' }
    | { kind: 'name'; id: string }
    | { kind: 'binop'; op: BinOpName; left: Expr; right: Expr }
    | { kind: 'unary'; op: '-' | '+' | 'not' | '~'; operand: Expr }
    | { kind: 'boolop'; op: 'and' | 'or'; values: Expr[] }
    | { kind: 'compare'; ops: CmpOpName[]; operands: Expr[] }
    | { kind: 'ifexp'; test: Expr; body: Expr; orelse: Expr }
    | {
        kind: 'call';
        func: Expr;
        args: Expr[];
        keywords: { name: string; value: Expr }[];
        /** `f(a, *xs, b)`: iterables unpacked into the positional arguments, each before
         *  `args[at]` (at = args.length: after them all). */
        unpack: { at: number; value: Expr }[];
        /** `f(k=1, **d)`: mappings unpacked into the keyword arguments, each before
         *  `keywords[at]` (at = keywords.length: after them all). */
        kwunpack?: { at: number; value: Expr }[];
      }
    | { kind: 'attr'; obj: Expr; name: string }
    | { kind: 'subscript'; obj: Expr; index: Expr }
    | { kind: 'slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
    | { kind: 'list'; elts: Expr[] }
    | { kind: 'set'; elts: Expr[] }
    | { kind: 'tuple'; elts: Expr[] }
    | { kind: 'dict'; keys: Expr[]; values: Expr[] }
    | { kind: 'fstring'; parts: FPart[] }
    | ({ kind: 'lambda'; params: string[]; vararg: string | null; defaults: Expr[]; body: Expr } & KeywordParams)
    | {
        kind: 'comp';
        type: 'list' | 'dict' | 'set' | 'gen';
        elt: Expr;
        value: Expr | null;
        generators: Comprehension[];
        /** A generator expression as the generator function CPython makes of it:
         *  `def <genexpr>(.0): for t in .0: [if c:] ... yield elt` (syntax/genexp.ts). */
        fn?: Stmt & { kind: 'def' };
      }
  );

/** One `for target in iter if cond...` clause of a comprehension. */
export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

/** A piece of an f-string: literal text, or a replacement field `{value!conv:spec}`. */
export type FPart =
  | { kind: 'text'; value: string }
  | { kind: 'field'; value: Expr; conv: 's' | 'r' | 'a' | ''; spec: Expr | null };

export interface Handler extends Pos {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export type Stmt = Pos &
  (
    | { kind: 'expr'; value: Expr }
    | { kind: 'assign'; targets: Expr[]; value: Expr }
    | { kind: 'augassign'; target: Expr; op: BinOpName; value: Expr }
    | { kind: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { kind: 'while'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { kind: 'for'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
    | { kind: 'break' }
    | { kind: 'continue' }
    | ({
        kind: 'def';
        name: string;
        params: string[];
        vararg: string | null;
        defaults: Expr[];
        body: Stmt[];
      } & KeywordParams)
    | { kind: 'return'; value: Expr | null }
    | { kind: 'global'; names: string[] }
    | { kind: 'nonlocal'; names: string[] }
    | { kind: 'class'; name: string; base: Expr | null; body: Stmt[] }
    | { kind: 'pass' }
    | { kind: 'assert'; test: Expr; msg: Expr | null }
    | { kind: 'raise'; exc: Expr | null }
    | { kind: 'try'; body: Stmt[]; handlers: Handler[]; orelse: Stmt[]; finalbody: Stmt[] }
    | { kind: 'del'; targets: Expr[] }
    /** `import sys`, the one module: its attributes are compiled where they are used. */
    | { kind: 'import'; module: 'sys' }
    /** `yield v` (value null: `yield`) and `yield from v`, as statements only. */
    | { kind: 'yield'; value: Expr | null; from: boolean }
  );

/** Keyword-only parameters (after `*` or `*args`) with their defaults (null: required), and
 *  `**kwargs`; absent on functions that have neither. */
export interface KeywordParams {
  kwonly?: string[];
  kwdefaults?: (Expr | null)[];
  kwarg?: string | null;
}
