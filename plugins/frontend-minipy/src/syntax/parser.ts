import { SourceError } from '#framework';
import type { BinOpName, CmpOpName, Comprehension, Expr, FPart, Handler, KeywordParams, Pos, Stmt } from './ast.ts';
import { parseFString } from './fstring.ts';
import { checkAstDepth } from './ast-depth.ts';
import { CPythonCompileError } from './cpython-error.ts';
import { KEYWORDS, type Token } from './tokens.ts';
import { tokenize } from './tokenizer.ts';
import { firstYield } from './yields.ts';
import { genexpFunction } from './genexp.ts';

// Statements and expressions outside part 1, named in the SyntaxError.
const UNSUPPORTED_STMT: Record<string, string> = {
  from: 'from-import statements',
  with: 'with statements',
  async: 'async functions',
  await: 'await expressions',
};
const BIN_LEVELS: BinOpName[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%']];
const AUG_OPS = ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^='];
/**
 * CPython's parser stack (MAXSTACK): it runs out, with a bare MemoryError, on chains of
 * prefix operators, conditional expressions and powers nested about 6000 rule calls deep.
 * Measured on CPython 3.11: an expression statement starts 33 calls down, a call argument
 * 3 further; each unary operator, `not` and `... if ... else` costs one, each `**` two.
 */
const PARSER_STACK = 6000;
const STATEMENT_BASE = 33;
const BRACKET_COST = 3;

/** Parses a module into statements; anything outside the language is a SyntaxError naming it. */
export function parseProgram(src: string, file: string): Stmt[] {
  const body = new Parser(tokenize(src, file), file).module();
  checkAstDepth(body, file);
  return body;
}

class Parser {
  private i = 0;
  private funcDepth = 0;
  private loopDepth = 0;
  /** Rule calls CPython's parser would be in (see PARSER_STACK), beyond STATEMENT_BASE. */
  private nesting = 0;
  constructor(
    private readonly toks: Token[],
    private readonly file: string,
  ) {}

  module(): Stmt[] {
    const body: Stmt[] = [];
    while (this.peek().kind !== 'eof') body.push(...this.statement());
    return body;
  }

  private peek(k = 0): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.kind === 'op' || t.kind === 'name') && t.text === text;
  }
  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }
  private fail(msg: string, t: Pos = this.peek()): never {
    throw new SourceError(`SyntaxError: ${msg}`, this.file, t.line, t.col);
  }
  private expect(text: string): Token {
    if (!this.is(text)) this.fail(`expected '${text}'${this.describe()}`);
    return this.next();
  }
  private describe(): string {
    const t = this.peek();
    return t.kind === 'newline'
      ? ' before end of line'
      : t.kind === 'eof'
        ? ' before end of file'
        : t.kind === 'indent'
          ? ' (unexpected indent)'
          : ` near '${t.text}'`;
  }
  /** Runs `parse` `cost` rule calls deeper, failing as CPython does past its parser stack. */
  private deeper<T>(cost: number, parse: () => T): T {
    this.nesting += cost;
    try {
      if (STATEMENT_BASE + this.nesting > PARSER_STACK) {
        const t = this.peek();
        throw new CPythonCompileError('MemoryError', this.file, t.line, t.col, null);
      }
      return parse();
    } finally {
      this.nesting -= cost;
    }
  }
  /** Parses a chain whose links `descend`; the count goes back when the chain is done. */
  private chain<T>(parse: () => T): T {
    const saved = this.nesting;
    try {
      return parse();
    } finally {
      this.nesting = saved;
    }
  }
  /** Counts `cost` more rule calls for the rest of a chain parsed in a loop (see chain). */
  private descend(cost: number): void {
    this.nesting += cost;
    if (STATEMENT_BASE + this.nesting > PARSER_STACK) {
      const t = this.peek();
      throw new CPythonCompileError('MemoryError', this.file, t.line, t.col, null);
    }
  }

  private pos(t: Token): Pos {
    return { line: t.line, col: t.col };
  }
  private identifier(): string {
    const t = this.peek();
    if (t.kind !== 'name' || KEYWORDS.has(t.text)) this.fail(`expected a name${this.describe()}`);
    return this.next().text;
  }

  private block(): Stmt[] {
    this.expect(':');
    if (this.peek().kind !== 'newline') return this.simpleLine();
    this.next();
    if (this.peek().kind !== 'indent') this.fail('expected an indented block');
    this.next();
    const body: Stmt[] = [];
    while (this.peek().kind !== 'dedent' && this.peek().kind !== 'eof') body.push(...this.statement());
    this.next();
    return body;
  }

  private statement(): Stmt[] {
    const t = this.peek();
    if (t.kind === 'indent') this.fail('unexpected indent');
    if (t.kind === 'name' && UNSUPPORTED_STMT[t.text]) this.fail(`${UNSUPPORTED_STMT[t.text]} are not supported`);
    if (t.kind === 'op' && t.text === '@') this.fail('decorators are not supported');
    switch (t.kind === 'name' ? t.text : '') {
      case 'if':
        return [this.ifStmt()];
      case 'while': {
        this.next();
        const test = this.expr();
        const body = this.loopBody();
        return [{ kind: 'while', test, body, orelse: this.elseBlock(), ...this.pos(t) }];
      }
      case 'for': {
        this.next();
        const target = this.targetList();
        this.expect('in');
        const iter = this.exprList();
        const body = this.loopBody();
        return [{ kind: 'for', target, iter, body, orelse: this.elseBlock(), ...this.pos(t) }];
      }
      case 'def':
        return [this.defStmt()];
      case 'class':
        return [this.classStmt()];
      case 'try':
        return [this.tryStmt()];
    }
    return this.simpleLine();
  }

  private loopBody(): Stmt[] {
    this.loopDepth++;
    try {
      return this.block();
    } finally {
      this.loopDepth--;
    }
  }
  private elseBlock(): Stmt[] {
    return this.accept('else') ? this.block() : [];
  }

  /** `if`/`elif` chains are nested ifs, built in a loop: a chain may be long. */
  private ifStmt(): Stmt {
    const clauses: { t: Token; test: Expr; body: Stmt[] }[] = [];
    do {
      const t = this.next();
      const test = this.expr();
      clauses.push({ t, test, body: this.block() });
    } while (this.is('elif'));
    let orelse: Stmt[] = this.accept('else') ? this.block() : [];
    for (let k = clauses.length - 1; k >= 0; k--) {
      const { t, test, body } = clauses[k]!;
      orelse = [{ kind: 'if', test, body, orelse, ...this.pos(t) }];
    }
    return orelse[0]!;
  }

  private defStmt(): Stmt {
    const t = this.next();
    const name = this.identifier();
    this.expect('(');
    const { params, vararg, defaults, kwonly, kwdefaults, kwarg } = this.parameters(')');
    this.expect(')');
    if (this.is('->')) this.fail('annotations are not supported');
    this.funcDepth++;
    const saved = this.loopDepth;
    this.loopDepth = 0;
    try {
      const body = this.block();
      return {
        kind: 'def',
        name,
        params,
        vararg,
        defaults,
        ...keywordParams(kwonly, kwdefaults, kwarg),
        body,
        ...this.pos(t),
      };
    } finally {
      this.funcDepth--;
      this.loopDepth = saved;
    }
  }

  private classStmt(): Stmt {
    const t = this.next();
    const name = this.identifier();
    let base: Expr | null = null;
    if (this.accept('(')) {
      if (!this.is(')')) {
        base = this.expr();
        if (this.is('=')) this.fail('class keywords (metaclass=...) are not supported');
        if (this.accept(',') && !this.is(')')) this.fail('multiple inheritance is not supported');
      }
      this.expect(')');
    }
    const saved = this.loopDepth;
    this.loopDepth = 0;
    try {
      const body = this.block();
      return { kind: 'class', name, base, body, ...this.pos(t) };
    } finally {
      this.loopDepth = saved;
    }
  }

  /** Parameters up to `close` (`)` of a def, `:` of a lambda): positional ones with
   *  defaults, `*args` or a bare `*`, keyword-only ones, `**kwargs`. */
  private parameters(close: string): {
    params: string[];
    vararg: string | null;
    defaults: Expr[];
    kwonly: string[];
    kwdefaults: (Expr | null)[];
    kwarg: string | null;
  } {
    const params: string[] = [];
    const defaults: Expr[] = [];
    const kwonly: string[] = [];
    const kwdefaults: (Expr | null)[] = [];
    let vararg: string | null = null;
    let star = false;
    let kwarg: string | null = null;
    const fresh = (): string => {
      const p = this.peek();
      const name = this.identifier();
      if (params.includes(name) || kwonly.includes(name) || name === vararg)
        this.fail(`duplicate argument '${name}' in function definition`, p);
      if (this.is(':') && close === ')') this.fail('annotations are not supported');
      return name;
    };
    while (!this.is(close)) {
      if (kwarg !== null) this.fail('arguments cannot follow var-keyword argument');
      if (this.is('/')) this.fail('positional-only parameters are not supported');
      if (this.accept('**')) {
        kwarg = fresh();
        if (!this.accept(',')) break;
        continue;
      }
      if (this.is('*')) {
        const at = this.next();
        if (star) this.fail('* argument may appear only once', at);
        star = true;
        if (this.is(',') || this.is(close)) {
          if (this.is(close) || this.is(close, 1) || this.is('**', 1))
            this.fail('named arguments must follow bare *', at);
        } else vararg = fresh();
        if (!this.accept(',')) break;
        continue;
      }
      const p = this.peek();
      const pname = fresh();
      const dflt = this.accept('=') ? this.expr() : null;
      if (star) {
        kwonly.push(pname);
        kwdefaults.push(dflt);
      } else {
        params.push(pname);
        if (dflt) defaults.push(dflt);
        else if (defaults.length > 0) this.fail('non-default argument follows default argument', p);
      }
      if (!this.accept(',')) break;
    }
    return { params, vararg, defaults, kwonly, kwdefaults, kwarg };
  }

  /** `lambda params: body`; the body is one expression (no conditional-expression arms around it). */
  private lambda(): Expr {
    const t = this.next();
    const { params, vararg, defaults, kwonly, kwdefaults, kwarg } = this.parameters(':');
    this.expect(':');
    const body = this.expr();
    return {
      kind: 'lambda',
      params,
      vararg,
      defaults,
      ...keywordParams(kwonly, kwdefaults, kwarg),
      body,
      ...this.pos(t),
    };
  }

  private tryStmt(): Stmt {
    const t = this.next();
    const body = this.block();
    const handlers: Handler[] = [];
    while (this.is('except')) {
      const h = this.next();
      if (this.is('*')) this.fail('except* is not supported');
      let type: Expr | null = null;
      let name: string | null = null;
      if (!this.is(':')) {
        type = this.expr();
        if (this.accept('as')) name = this.identifier();
      } else if (this.is('except', 1) || handlers.some((x) => x.type === null))
        this.fail("default 'except:' must be last", h);
      handlers.push({ type, name, body: this.block(), ...this.pos(h) });
    }
    if (handlers.some((x, k) => x.type === null && k < handlers.length - 1))
      this.fail("default 'except:' must be last", t);
    const orelse = handlers.length > 0 && this.is('else') ? (this.next(), this.block()) : [];
    const finalbody = this.accept('finally') ? this.block() : [];
    if (handlers.length === 0 && finalbody.length === 0) this.fail("expected 'except' or 'finally' block");
    // A generator suspended in a `try` with `finally` would run it when closed (GeneratorExit),
    // which this implementation does not do; `except` and `finally` bodies would keep the
    // exception being handled across a yield. Such yields are refused (docs/decisions.md).
    const refuse = (stmts: Stmt[], where: string): void => {
      const y = firstYield(stmts);
      if (y) this.fail(`'yield' inside ${where} is not supported`, y);
    };
    if (finalbody.length > 0) refuse(body, "'try' with 'finally'");
    for (const h of handlers) refuse(h.body, "'except' blocks");
    refuse(finalbody, "'finally' blocks");
    return { kind: 'try', body, handlers, orelse, finalbody, ...this.pos(t) };
  }

  private simpleLine(): Stmt[] {
    const out = [this.simple()];
    while (this.accept(';')) {
      if (this.peek().kind === 'newline') break;
      out.push(this.simple());
    }
    if (this.peek().kind !== 'newline') this.fail(`invalid syntax${this.describe()}`);
    this.next();
    return out;
  }

  private simple(): Stmt {
    const t = this.peek();
    const p = this.pos(t);
    if (t.kind === 'name' && UNSUPPORTED_STMT[t.text]) this.fail(`${UNSUPPORTED_STMT[t.text]} are not supported`);
    switch (t.kind === 'name' ? t.text : '') {
      case 'pass':
        this.next();
        return { kind: 'pass', ...p };
      case 'import': {
        // `sys` is the one module there is (docs/python.md).
        this.next();
        const at = this.peek();
        const module = this.identifier();
        if (module !== 'sys' || this.is('.')) this.fail(`import of modules other than sys is not supported`, at);
        if (this.is('as') || this.is(',')) this.fail('import forms other than `import sys` are not supported', at);
        return { kind: 'import', module: 'sys', ...p };
      }
      case 'break':
      case 'continue':
        this.next();
        if (this.loopDepth === 0) this.fail(`'${t.text}' outside loop`, t);
        return { kind: t.text as 'break' | 'continue', ...p };
      case 'yield': {
        this.next();
        if (this.funcDepth === 0) this.fail("'yield' outside function", t);
        const from = this.accept('from');
        const value = from ? this.expr() : this.atLineEnd() ? null : this.exprList();
        return { kind: 'yield', value, from, ...p };
      }
      case 'return': {
        this.next();
        if (this.funcDepth === 0) this.fail("'return' outside function", t);
        return { kind: 'return', value: this.atLineEnd() ? null : this.exprList(), ...p };
      }
      case 'global':
      case 'nonlocal': {
        this.next();
        if (t.text === 'nonlocal' && this.funcDepth === 0)
          this.fail('nonlocal declaration not allowed at module level', t);
        const names = [this.identifier()];
        while (this.accept(',')) names.push(this.identifier());
        return { kind: t.text as 'global' | 'nonlocal', names, ...p };
      }
      case 'assert': {
        this.next();
        const test = this.expr();
        return { kind: 'assert', test, msg: this.accept(',') ? this.expr() : null, ...p };
      }
      case 'raise': {
        this.next();
        const exc = this.atLineEnd() ? null : this.expr();
        if (this.is('from')) this.fail("'raise ... from' is not supported");
        return { kind: 'raise', exc, ...p };
      }
      case 'del': {
        this.next();
        const targets = [this.primaryTarget()];
        while (this.accept(',') && !this.atLineEnd()) targets.push(this.primaryTarget());
        for (const x of targets)
          if (x.kind !== 'subscript' || x.index.kind === 'slice')
            this.fail('del is supported only on list items and dict keys', x);
        return { kind: 'del', targets, ...p };
      }
    }
    const first = this.exprList();
    const aug = this.peek();
    if (aug.kind === 'op' && AUG_OPS.includes(aug.text)) {
      this.next();
      this.checkTarget(first, false);
      return { kind: 'augassign', target: first, op: aug.text.slice(0, -1) as BinOpName, value: this.exprList(), ...p };
    }
    if (this.is(':')) this.fail('annotations are not supported');
    if (!this.is('=')) return { kind: 'expr', value: first, ...p };
    const targets = [first];
    let value = first;
    while (this.accept('=')) {
      value = this.exprList();
      targets.push(value);
    }
    targets.pop();
    for (const x of targets) this.checkTarget(x, true);
    return { kind: 'assign', targets, value, ...p };
  }

  private atLineEnd(): boolean {
    const k = this.peek().kind;
    return k === 'newline' || k === 'eof' || this.is(';');
  }

  private checkTarget(e: Expr, allowTuple: boolean): void {
    if (e.kind === 'name' || e.kind === 'subscript' || e.kind === 'attr') {
      if (e.kind === 'subscript' && e.index.kind === 'slice') this.fail('slice assignment is not supported', e);
      return;
    }
    if (allowTuple && (e.kind === 'tuple' || e.kind === 'list')) {
      for (const x of e.elts) this.checkTarget(x, true);
      return;
    }
    this.fail(
      allowTuple ? 'cannot assign to expression' : "'expression' is an illegal expression for augmented assignment",
      e,
    );
  }

  private targetList(): Expr {
    const t = this.peek();
    const first = this.primaryTarget();
    if (!this.is(',')) return first;
    const elts = [first];
    while (this.accept(',') && !this.is('in')) elts.push(this.primaryTarget());
    return { kind: 'tuple', elts, ...this.pos(t) };
  }
  private primaryTarget(): Expr {
    const e = this.orExpr(true);
    this.checkTarget(e, true);
    return e;
  }

  /** A comma list becomes a tuple (`return a, b`, `x = 1, 2`). */
  private exprList(): Expr {
    const t = this.peek();
    const first = this.expr();
    if (!this.is(',')) return first;
    const elts = [first];
    while (this.accept(',')) {
      if (this.atLineEnd() || this.is('=') || this.is(')')) break;
      elts.push(this.expr());
    }
    return { kind: 'tuple', elts, ...this.pos(t) };
  }

  /** `a if c else b if d else e` nests to the right; parsed in a loop. */
  expr(): Expr {
    const saved = this.nesting;
    const arms: { t: Token; body: Expr; test: Expr }[] = [];
    try {
      for (;;) {
        const t = this.peek();
        if (this.is('lambda')) {
          const e = this.lambda();
          let r = e;
          for (let k = arms.length - 1; k >= 0; k--)
            r = { kind: 'ifexp', test: arms[k]!.test, body: arms[k]!.body, orelse: r, ...this.pos(arms[k]!.t) };
          return r;
        }
        if (this.is('yield')) this.fail('yield expressions are not supported (only yield statements)');
        const body = this.orExpr(false);
        if (this.is(':=')) this.fail('assignment expressions are not supported');
        if (!this.accept('if')) {
          let e = body;
          for (let k = arms.length - 1; k >= 0; k--)
            e = { kind: 'ifexp', test: arms[k]!.test, body: arms[k]!.body, orelse: e, ...this.pos(arms[k]!.t) };
          return e;
        }
        const test = this.orExpr(false);
        this.expect('else');
        arms.push({ t, body, test });
        this.descend(1);
      }
    } finally {
      this.nesting = saved;
    }
  }

  /** `a or b or c` is one node with three values, as in CPython's AST. */
  private orExpr(noIn: boolean): Expr {
    const first = this.andExpr(noIn);
    if (!this.is('or')) return first;
    const values = [first];
    while (this.accept('or')) values.push(this.andExpr(noIn));
    return { kind: 'boolop', op: 'or', values, line: first.line, col: first.col };
  }
  private andExpr(noIn: boolean): Expr {
    const first = this.notExpr(noIn);
    if (!this.is('and')) return first;
    const values = [first];
    while (this.accept('and')) values.push(this.notExpr(noIn));
    return { kind: 'boolop', op: 'and', values, line: first.line, col: first.col };
  }
  private notExpr(noIn: boolean): Expr {
    const nots: Token[] = [];
    return this.chain(() => {
      while (this.is('not')) {
        nots.push(this.next());
        this.descend(1);
      }
      let e = this.comparison(noIn);
      for (let k = nots.length - 1; k >= 0; k--) e = { kind: 'unary', op: 'not', operand: e, ...this.pos(nots[k]!) };
      return e;
    });
  }
  private comparison(noIn: boolean): Expr {
    const first = this.binary(0);
    const ops: CmpOpName[] = [];
    const operands = [first];
    for (;;) {
      let op: CmpOpName | null = null;
      if (['<', '<=', '>', '>=', '==', '!='].some((o) => this.is(o))) op = this.next().text as CmpOpName;
      else if (this.is('is')) {
        this.next();
        op = this.accept('not') ? 'is not' : 'is';
      } else if (this.is('in') && !noIn) {
        this.next();
        op = 'in';
      } else if (this.is('not') && this.is('in', 1)) {
        this.next();
        this.next();
        op = 'not in';
      }
      if (!op) break;
      ops.push(op);
      operands.push(this.binary(0));
    }
    return ops.length === 0 ? first : { kind: 'compare', ops, operands, line: first.line, col: first.col };
  }
  private binary(level: number): Expr {
    if (level === BIN_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      const op = BIN_LEVELS[level]!.find((o) => t.kind === 'op' && t.text === o);
      if (!op) {
        if (level === BIN_LEVELS.length - 1 && t.kind === 'op' && t.text === '@')
          this.fail('matrix multiplication is not supported');
        return left;
      }
      this.next();
      left = { kind: 'binop', op, left, right: this.binary(level + 1), ...this.pos(t) };
    }
  }
  /** Prefix operators, then a power: `-x ** -y ** z` is `-(x ** (-(y ** z)))`. Chains of
   *  either are parsed in a loop and built from the inside out. */
  private unary(): Expr {
    return this.chain(() => {
      // One link per power operand: the prefix operators before it, the operand, the `**` after it.
      const links: { prefixes: Token[]; operand: Expr; pow: Token | null }[] = [];
      for (;;) {
        const prefixes: Token[] = [];
        for (
          let t = this.peek();
          t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~');
          t = this.peek()
        ) {
          prefixes.push(this.next());
          this.descend(1);
        }
        const operand = this.postfix();
        const pow = this.is('**') ? this.next() : null;
        links.push({ prefixes, operand, pow });
        if (!pow) break;
        this.descend(2);
      }
      let e: Expr | null = null;
      for (let k = links.length - 1; k >= 0; k--) {
        const { prefixes, operand, pow } = links[k]!;
        let v: Expr = pow && e ? { kind: 'binop', op: '**', left: operand, right: e, ...this.pos(pow) } : operand;
        for (let j = prefixes.length - 1; j >= 0; j--) {
          const t = prefixes[j]!;
          v = { kind: 'unary', op: t.text as '-' | '+' | '~', operand: v, ...this.pos(t) };
        }
        e = v;
      }
      return e!;
    });
  }

  private postfix(): Expr {
    let e = this.atom();
    for (;;) {
      const t = this.peek();
      if (this.is('(')) {
        e = this.deeper(BRACKET_COST, () => this.callArgs(e));
      } else if (this.accept('[')) {
        const index = this.deeper(BRACKET_COST, () => this.subscript());
        this.expect(']');
        e = { kind: 'subscript', obj: e, index, ...this.pos(t) };
      } else if (this.accept('.')) {
        e = { kind: 'attr', obj: e, name: this.identifier(), ...this.pos(t) };
      } else return e;
    }
  }

  private callArgs(func: Expr): Expr {
    this.next();
    const args: Expr[] = [];
    const keywords: { name: string; value: Expr }[] = [];
    const unpack: { at: number; value: Expr }[] = [];
    const kwunpack: { at: number; value: Expr }[] = [];
    while (!this.is(')')) {
      if (this.accept('**')) {
        kwunpack.push({ at: keywords.length, value: this.expr() });
        if (!this.accept(',')) break;
        continue;
      }
      if (this.accept('*')) {
        if (kwunpack.length > 0) this.fail('iterable argument unpacking follows keyword argument unpacking');
        if (keywords.length > 0) this.fail('a * argument after keyword arguments is not supported');
        unpack.push({ at: args.length, value: this.expr() });
        if (!this.accept(',')) break;
        continue;
      }
      if (this.peek().kind === 'name' && this.is('=', 1)) {
        const at = this.peek();
        const name = this.identifier();
        if (keywords.some((k) => k.name === name)) this.fail(`keyword argument repeated: ${name}`, at);
        this.next();
        keywords.push({ name, value: this.expr() });
      } else {
        if (kwunpack.length > 0) this.fail('positional argument follows keyword argument unpacking');
        if (keywords.length > 0) this.fail('positional argument follows keyword argument');
        args.push(this.expr());
      }
      if (this.is('for')) {
        if (args.length !== 1 || keywords.length > 0 || unpack.length > 0 || kwunpack.length > 0)
          this.fail('Generator expression must be parenthesized');
        args[0] = this.comprehension('gen', args[0]!, null);
        if (!this.is(')')) this.fail('Generator expression must be parenthesized');
      }
      if (!this.accept(',')) break;
    }
    this.expect(')');
    const call: Expr & { kind: 'call' } = {
      kind: 'call',
      func,
      args,
      keywords,
      unpack,
      line: func.line,
      col: func.col,
    };
    if (kwunpack.length > 0) call.kwunpack = kwunpack;
    return call;
  }

  private subscript(): Expr {
    const t = this.peek();
    const part = (): Expr | null => (this.is(':') || this.is(']') ? null : this.expr());
    const lower = part();
    if (!this.is(':')) {
      if (!lower) this.fail('expected an index');
      if (this.is(',')) this.fail('multiple subscripts are not supported');
      return lower!;
    }
    this.next();
    const upper = part();
    const step = this.accept(':') ? part() : null;
    return { kind: 'slice', lower, upper, step, ...this.pos(t) };
  }

  private atom(): Expr {
    const t = this.next();
    const p = this.pos(t);
    switch (t.kind) {
      case 'int':
        return { kind: 'int', value: parseIntLiteral(t.text, () => this.fail('invalid decimal literal', t)), ...p };
      case 'float':
        return { kind: 'float', value: Number(t.text), ...p };
      case 'str':
      case 'fstr': {
        const toks = [t];
        while (this.peek().kind === 'str' || this.peek().kind === 'fstr') toks.push(this.next());
        if (toks.every((x) => x.kind === 'str'))
          return { kind: 'str', value: toks.map((x) => x.value!).join(''), ...p };
        const parts: FPart[] = [];
        for (const x of toks) {
          if (x.kind === 'str') parts.push({ kind: 'text', value: x.value! });
          else
            parts.push(
              ...parseFString(
                x,
                (src, at) => this.subExpression(src, at),
                (msg, at) => this.fail(msg, at),
              ),
            );
        }
        return { kind: 'fstring', parts, ...p };
      }
      case 'name':
        if (t.text === 'None' || t.text === 'True' || t.text === 'False') return { kind: 'const', value: t.text, ...p };
        if (UNSUPPORTED_STMT[t.text]) this.fail(`${UNSUPPORTED_STMT[t.text]} are not supported`, t);
        if (KEYWORDS.has(t.text)) this.fail(`invalid syntax near '${t.text}'`, t);
        return { kind: 'name', id: t.text, ...p };
      case 'op':
        if (t.text === '(') return this.deeper(BRACKET_COST, () => this.parenthesized(p));
        if (t.text === '[') {
          const elts = this.deeper(BRACKET_COST, () => this.items(']'));
          const only = elts[0];
          if (elts.length === 1 && only!.kind === 'comp' && only!.type === 'list') return only!;
          return { kind: 'list', elts, ...p };
        }
        if (t.text === '{') return this.deeper(BRACKET_COST, () => this.dictDisplay(p));
        if (t.text === '...') this.fail('Ellipsis is not supported', t);
    }
    this.fail(
      t.kind === 'newline' || t.kind === 'eof'
        ? 'invalid syntax (unexpected end of line)'
        : `invalid syntax near '${t.text}'`,
      t,
    );
  }

  /** An f-string field's expression, parsed as if parenthesized, at its place in the file. */
  private subExpression(src: string, at: Pos): Expr {
    const toks = tokenize(`(${src})`, this.file).map((x) =>
      x.line === 1 ? { ...x, line: at.line, col: at.col + x.col - 2 } : { ...x, line: x.line + at.line - 1 },
    );
    const sub = new Parser(toks, this.file);
    sub.nesting = this.nesting;
    const e = sub.atom();
    if (sub.peek().kind !== 'newline' && sub.peek().kind !== 'eof') sub.fail(`invalid syntax${sub.describe()}`);
    return e;
  }

  /** The `for ... in ... [if ...]` clauses after a comprehension's element. */
  private comprehension(type: 'list' | 'dict' | 'set' | 'gen', elt: Expr, value: Expr | null): Expr {
    const generators: Comprehension[] = [];
    while (this.accept('for')) {
      const target = this.targetList();
      this.expect('in');
      const iter = this.orExpr(false);
      const ifs: Expr[] = [];
      while (this.accept('if')) ifs.push(this.orExpr(false));
      generators.push({ target, iter, ifs });
    }
    if (this.is('async')) this.fail('async comprehensions are not supported');
    const comp: Expr & { kind: 'comp' } = { kind: 'comp', type, elt, value, generators, line: elt.line, col: elt.col };
    if (type === 'gen') comp.fn = genexpFunction(comp);
    return comp;
  }

  private items(close: string): Expr[] {
    const elts: Expr[] = [];
    while (!this.is(close)) {
      if (this.is('*')) this.fail('starred expressions are not supported');
      elts.push(this.expr());
      if (this.is('for')) {
        if (close !== ']' || elts.length !== 1) this.fail("invalid syntax near 'for'");
        const comp = this.comprehension('list', elts[0]!, null);
        this.expect(']');
        return [comp];
      }
      if (!this.accept(',')) break;
    }
    this.expect(close);
    return elts;
  }

  private parenthesized(p: Pos): Expr {
    if (this.accept(')')) return { kind: 'tuple', elts: [], ...p };
    const first = this.expr();
    if (this.is('for')) {
      const comp = this.comprehension('gen', first, null);
      this.expect(')');
      return comp;
    }
    if (this.accept(')')) return first;
    this.expect(',');
    const rest = this.items(')');
    return { kind: 'tuple', elts: [first, ...rest], ...p };
  }

  private dictDisplay(p: Pos): Expr {
    const keys: Expr[] = [];
    const values: Expr[] = [];
    while (!this.is('}')) {
      if (this.is('**')) this.fail('dict unpacking is not supported');
      if (this.is('*')) this.fail('starred expressions are not supported');
      keys.push(this.expr());
      if (keys.length === 1 && !this.is(':')) return this.setDisplay(keys[0]!, p);
      this.expect(':');
      values.push(this.expr());
      if (this.is('for') && keys.length === 1) {
        const comp = this.comprehension('dict', keys[0]!, values[0]!);
        this.expect('}');
        return comp;
      }
      if (!this.accept(',')) break;
    }
    this.expect('}');
    return { kind: 'dict', keys, values, ...p };
  }

  /** `{a, b}` or `{x for ...}`, after its first element. */
  private setDisplay(first: Expr, p: Pos): Expr {
    if (this.is('for')) {
      const comp = this.comprehension('set', first, null);
      this.expect('}');
      return comp;
    }
    const elts = [first];
    if (this.accept(',')) elts.push(...this.items('}'));
    else this.expect('}');
    return { kind: 'set', elts, ...p };
  }
}

function parseIntLiteral(text: string, bad: () => never): bigint {
  if (/^0[0-9]+$/.test(text) && !/^0+$/.test(text)) bad();
  try {
    return BigInt(text);
  } catch {
    return bad();
  }
}

/** The optional keyword-parameter fields of a def or lambda, present only when used. */
function keywordParams(kwonly: string[], kwdefaults: (Expr | null)[], kwarg: string | null): KeywordParams {
  return kwonly.length === 0 && kwarg === null ? {} : { kwonly, kwdefaults, kwarg };
}
