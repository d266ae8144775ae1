import { Draw } from './choices.ts';
import {
  ARG_BITS,
  type Env,
  Expressions,
  type FuncSig,
  INT_LIMIT,
  KEYS,
  LIST_LIMIT,
  LIST_VAR_SIZE,
  STR_LIMIT,
  STRS,
  type Ty,
  type Var,
} from './expressions.ts';

/**
 * Random mini-Python programs that terminate by construction and print the same thing on
 * every run: loops are `for` over small ranges or slices and `while` on a counter it bumps
 * first; the one recursive function goes down a bounded argument; user functions call only
 * earlier ones; stored values are kept small (see expressions.ts). A program is a set of
 * top-level definitions and a `main()` that the prelude's runner calls. Top-level names are
 * written with an `@` prefix that `render` replaces: many programs fit in one file.
 */
export interface RandomProgram {
  /** The text with `@` where a top-level name's prefix goes. */
  template: string;
}

/** Exceptions the runner names, the most derived first (a user exception before its base). */
const CAUGHT = [
  'E1',
  'E0',
  'UnboundLocalError',
  'NameError',
  'ZeroDivisionError',
  'OverflowError',
  'IndexError',
  'KeyError',
  'ValueError',
  'TypeError',
  'AttributeError',
  'AssertionError',
  'RecursionError',
  'Exception',
];

/**
 * What every program shares (once per file): the user exceptions and the runner, which
 * prints an exception as `Name: message` so that a program that raises still compares.
 */
export const PRELUDE = [
  'class E0(ValueError):',
  '    pass',
  'class E1(E0):',
  '    pass',
  'def run(main):',
  '    try:',
  '        main()',
  ...CAUGHT.flatMap((name) => [`    except ${name} as e:`, `        print('${name}:', e)`]),
  '',
].join('\n');

const TYPES: readonly Ty[] = ['int', 'float', 'str', 'bool', 'list', 'dict'];
const typesOf = (env: Env): readonly Ty[] => (env.classes ? [...TYPES, 'obj'] : TYPES);
const PARAM_TYPES: readonly Ty[] = ['int', 'int', 'float', 'str', 'list'];

interface Block {
  env: Env;
  /** In a def (main or a user function): nested defs and `nonlocal` are possible. */
  inFunction: boolean;
  /** Loop nesting: reassignments inside loops are always bounded. */
  loops: number;
  depth: number;
  fresh: { n: number };
}

/** The program's definitions and its run, without the prelude. */
export function renderProgram(program: RandomProgram, prefix: string): string {
  return program.template.replaceAll('@', prefix);
}

/** The program as a file of its own. */
export const standaloneProgram = (program: RandomProgram): string => PRELUDE + renderProgram(program, '');

export function generateProgram(choices: readonly number[]): RandomProgram {
  const d = new Draw(choices);
  const x = new Expressions(d);
  const out: string[] = [];
  const emit = (indent: number, line: string): void => void out.push(`${'    '.repeat(indent)}${line}`);

  const classes = d.chance(30);
  if (classes) emitClasses(d, x, emit);
  const rec = d.chance(40);
  if (rec) {
    const m = d.pick(['1000003', '(2 ** 61 - 1)', '(10 ** 25 + 13)']);
    const k = d.range(2, 99);
    out.push(
      'def @rec(n, acc):',
      '    if n <= 0:',
      '        return acc',
      `    return @rec(n - 1, (acc * ${k} + n) % ${m})`,
    );
  }
  const gen = d.chance(15);
  if (gen)
    out.push(
      'def @gen(n, k):',
      '    i = 0',
      '    while i < n:',
      '        yield (i * k + i) % 1009',
      '        i += 1',
      '    if k % 3 == 0:',
      '        yield from [k % 7, n]',
    );
  const funcs: FuncSig[] = [];
  const nFuncs = d.below(3);
  for (let f = 0; f < nFuncs; f++) {
    const params = Array.from({ length: d.range(1, 3) }, () => d.pick(PARAM_TYPES));
    const ret = d.pick(['int', 'int', 'float', 'str', 'list'] as const);
    const lastDefault = params[params.length - 1] === 'int' && d.chance(40);
    const names = params.map((_, i) => (lastDefault && i === params.length - 1 ? 'z' : `p${i}`));
    const sig: FuncSig = { name: `@f${f}`, params, ret, lastDefault };
    const vars: Var[] = params.map((ty, i) => ({ name: names[i]!, ty, size: sizeOfParam(ty), readonly: false }));
    const env: Env = { vars, funcs: [...funcs], classes, rec, gen };
    out.push(`def ${sig.name}(${names.map((n) => (n === 'z' ? 'z=3' : n)).join(', ')}):`);
    const block: Block = { env, inFunction: true, loops: 0, depth: 0, fresh: { n: 0 } };
    statements(d, x, block, 1, d.range(0, 2), emit);
    const r = x.of(ret, block.env, 2);
    const bounded =
      ret === 'int'
        ? x.boundInt(r, INT_LIMIT)
        : ret === 'str'
          ? x.boundStr(r, STR_LIMIT)
          : ret === 'list'
            ? x.boundList(r, LIST_LIMIT)
            : r;
    emit(1, `return ${bounded.code}`);
    funcs.push(sig);
  }
  out.push('def @main():');
  const main: Block = {
    env: { vars: [], funcs, classes, rec, gen },
    inFunction: true,
    loops: 0,
    depth: 0,
    fresh: { n: 0 },
  };
  const before = out.length;
  statements(d, x, main, 1, d.range(1, 5), emit);
  if (out.length === before) emit(1, 'pass');
  out.push('run(@main)');
  return { template: `${out.join('\n')}\n` };
}

function sizeOfParam(ty: Ty): number {
  return ty === 'int' ? ARG_BITS : ty === 'str' ? STR_LIMIT : ty === 'list' ? LIST_LIMIT : 0;
}

function emitClasses(d: Draw, x: Expressions, emit: (indent: number, line: string) => void): void {
  const self: Env = {
    vars: [
      { name: 'self.a', ty: 'int', size: ARG_BITS, readonly: true },
      { name: 'self.b', ty: 'int', size: ARG_BITS, readonly: true },
    ],
    funcs: [],
    classes: false,
    rec: false,
  };
  const withX: Env = { ...self, vars: [...self.vars, { name: 'x', ty: 'int', size: ARG_BITS, readonly: true }] };
  const method = (env: Env): string => x.boundInt(x.int(env, 2), ARG_BITS).code;
  emit(0, 'class @K0:');
  emit(1, `kind = ${d.pick(STRS)}`);
  emit(1, 'def __init__(self, a, b):');
  emit(2, 'self.a = a');
  emit(2, 'self.b = b');
  emit(1, 'def m(self, x):');
  emit(2, `return ${method(withX)}`);
  emit(1, 'def total(self):');
  emit(2, `return ${method(self)}`);
  emit(1, 'def __repr__(self):');
  emit(2, `return f"${d.pick(['K0', 'Point'])}({self.a}, {self.b!r})"`);
  if (d.chance(50)) {
    emit(1, 'def __eq__(self, other):');
    emit(2, 'return self.a == other.a');
    emit(1, 'def __lt__(self, other):');
    emit(2, 'return self.total() < other.total()');
  }
  emit(0, 'class @K1(@K0):');
  emit(1, 'def __init__(self, a, b, c):');
  emit(2, d.chance(70) ? 'super().__init__(a, b)' : '@K0.__init__(self, a, b)');
  emit(2, 'self.c = c');
  emit(1, 'def m(self, x):');
  const withC: Env = { ...withX, vars: [...withX.vars, { name: 'self.c', ty: 'int', size: ARG_BITS, readonly: true }] };
  emit(2, `return (super().m(x) + ${method(withC)}) % 1000000007`);
  if (d.chance(50)) {
    emit(1, 'def __str__(self):');
    emit(2, `return 'K1<' + str(self.c) + '>'`);
  }
}

/** `count` statements at `indent`; the block's new variables are dropped at its end. */
function statements(
  d: Draw,
  x: Expressions,
  block: Block,
  indent: number,
  count: number,
  emit: (indent: number, line: string) => void,
): void {
  const outer = block.env.vars.length;
  for (let i = 0; i < count; i++) statement(d, x, block, indent, emit);
  block.env.vars.length = outer;
}

function bodyBlock(block: Block, loops: number): Block {
  return {
    env: { ...block.env, vars: [...block.env.vars] },
    inFunction: block.inFunction,
    loops,
    depth: block.depth + 1,
    fresh: block.fresh,
  };
}

function statement(
  d: Draw,
  x: Expressions,
  block: Block,
  indent: number,
  emit: (indent: number, line: string) => void,
): void {
  const env = block.env;
  const nested = block.depth < 2;
  const kind = d.weighted<string>([
    [6, 'print'],
    [6, 'declare'],
    [4, 'reassign'],
    [nested ? 3 : 0, 'if'],
    [nested ? 3 : 0, 'for'],
    [nested ? 1 : 0, 'while'],
    [nested ? 2 : 0, 'try'],
    [3, 'mutate'],
    [1, 'raise'],
    [block.loops > 0 ? 1 : 0, 'break'],
    [1, 'assert'],
    [block.inFunction && block.depth === 0 ? 2 : 0, 'closure'],
  ]);
  switch (kind) {
    case 'closure': {
      // A nested function over the enclosing variables, or a counter it updates (nonlocal).
      const n = block.fresh.n++;
      const inner: Env = { ...env, vars: [...env.vars, { name: 'q', ty: 'int', size: ARG_BITS, readonly: true }] };
      const arg = (): string => x.boundInt(x.int(env, 2), ARG_BITS).code;
      if (d.chance(50)) {
        emit(indent, `def h${n}(q):`);
        emit(indent + 1, `return ${x.boundInt(x.int(inner, 2), INT_LIMIT).code}`);
        emit(indent, `print(h${n}(${arg()}), [h${n}(k) for k in range(${d.range(0, 3)})])`);
      } else {
        emit(indent, `t${n} = ${d.range(0, 9)}`);
        emit(indent, `def h${n}(q):`);
        emit(indent + 1, `nonlocal t${n}`);
        emit(indent + 1, `t${n} = (t${n} * ${d.range(2, 9)} + q) % 1000003`);
        emit(indent + 1, `return t${n}`);
        emit(indent, `print(h${n}(${arg()}), h${n}(${arg()}), t${n})`);
      }
      return;
    }
    case 'print': {
      const n = d.range(1, 3);
      const args = Array.from({ length: n }, () => x.of(d.pick(typesOf(env)), env, 2).code);
      // Sets of ints print in CPython's order (their tables are CPython's, slot for slot).
      if (d.chance(15)) args.push(x.intSet(env, 2).code);
      const tail = d.chance(10) ? `, sep=${d.pick(["'|'", "''", "', '"])}` : '';
      emit(indent, `print(${args.join(', ')}${tail})`);
      return;
    }
    case 'declare': {
      const ty = d.pick(typesOf(env));
      const name = `v${block.fresh.n++}`;
      const e = bounded(x, ty, x.of(ty, env, 2), block.loops > 0);
      emit(indent, `${name} = ${e.code}`);
      env.vars.push({ name, ty, size: ty === 'list' || ty === 'dict' ? LIST_VAR_SIZE : e.size, readonly: false });
      return;
    }
    case 'reassign': {
      const vs = env.vars.filter((v) => !v.readonly);
      if (vs.length === 0) return statement(d, x, block, indent, emit);
      const v = d.pick(vs);
      if (v.ty === 'int' && d.chance(40)) {
        const e = x.boundInt(x.int(env, 2), ARG_BITS);
        const op = d.pick(['+=', '-=', '*=', '//=', '%=']);
        const wrap = block.loops > 0 || op === '*=' || v.size > INT_LIMIT;
        emit(indent, `${v.name} ${op} ${e.code}`);
        if (wrap) emit(indent, `${v.name} = ${v.name} % ${d.pick(['1000003', '(10 ** 20 + 39)'])}`);
        v.size = Math.max(v.size, op === '*=' ? 70 : e.size + 1, wrap ? 70 : v.size + e.size);
        return;
      }
      const e = bounded(x, v.ty, x.of(v.ty, env, 2), block.loops > 0);
      emit(indent, `${v.name} = ${e.code}`);
      if (v.ty !== 'list' && v.ty !== 'dict') v.size = Math.max(v.size, e.size);
      return;
    }
    case 'if': {
      emit(indent, `if ${x.bool(env, 2).code}:`);
      body(d, x, bodyBlock(block, block.loops), indent + 1, emit);
      if (d.chance(40)) {
        emit(indent, `elif ${x.bool(env, 2).code}:`);
        body(d, x, bodyBlock(block, block.loops), indent + 1, emit);
      }
      if (d.chance(40)) {
        emit(indent, 'else:');
        body(d, x, bodyBlock(block, block.loops), indent + 1, emit);
      }
      return;
    }
    case 'for': {
      const inner = bodyBlock(block, block.loops + 1);
      const name = `i${block.fresh.n++}`;
      const c = d.below(4);
      if (c === 0 || env.vars.every((v) => v.ty !== 'list')) {
        emit(indent, `for ${name} in range(${d.range(0, 6)}):`);
        inner.env.vars.push({ name, ty: 'int', size: 4, readonly: true });
      } else if (c === 1) {
        const e = x.list(env, 1);
        emit(indent, `for ${name} in ${e.code}[:6]:`);
        inner.env.vars.push({ name, ty: 'int', size: ARG_BITS, readonly: true });
      } else if (c === 2) {
        emit(indent, `for ${name}, w${name} in enumerate(${x.str(env, 1).code}[:5]):`);
        inner.env.vars.push({ name, ty: 'int', size: 4, readonly: true });
        inner.env.vars.push({ name: `w${name}`, ty: 'str', size: 1, readonly: true });
      } else {
        emit(indent, `for w${name}, ${name} in sorted(${x.dict(env, 1).code}.items())[:5]:`);
        inner.env.vars.push({ name, ty: 'int', size: ARG_BITS, readonly: true });
        inner.env.vars.push({ name: `w${name}`, ty: 'str', size: 3, readonly: true });
      }
      body(d, x, inner, indent + 1, emit);
      if (d.chance(15)) {
        emit(indent, 'else:');
        emit(indent + 1, `print('done', ${name === '' ? 0 : `'${name}'`})`);
      }
      return;
    }
    case 'while': {
      const name = `n${block.fresh.n++}`;
      emit(indent, `${name} = 0`);
      emit(indent, `while ${name} < ${d.range(0, 5)}:`);
      emit(indent + 1, `${name} += 1`);
      const inner = bodyBlock(block, block.loops + 1);
      inner.env.vars.push({ name, ty: 'int', size: 4, readonly: true });
      body(d, x, inner, indent + 1, emit);
      return;
    }
    case 'try': {
      emit(indent, 'try:');
      body(d, x, bodyBlock(block, block.loops), indent + 1, emit);
      const handlers = d.range(1, 2);
      for (let h = 0; h < handlers; h++) {
        const what = d.pick([
          'ZeroDivisionError',
          '(IndexError, KeyError)',
          'ValueError',
          'E0',
          'ArithmeticError',
          'LookupError',
          'Exception',
          'OverflowError',
          'TypeError',
        ]);
        emit(indent, `except ${what} as e${indent}:`);
        emit(indent + 1, `print('caught', ${d.chance(50) ? `e${indent}` : `repr(e${indent})`})`);
      }
      if (d.chance(25)) {
        emit(indent, 'else:');
        emit(indent + 1, "print('no error')");
      }
      if (d.chance(25)) {
        emit(indent, 'finally:');
        emit(indent + 1, "print('finally')");
      }
      return;
    }
    case 'mutate': {
      const lists = env.vars.filter((v) => v.ty === 'list' && !v.readonly);
      const dicts = env.vars.filter((v) => v.ty === 'dict' && !v.readonly);
      const objs = env.vars.filter((v) => v.ty === 'obj' && !v.readonly);
      const elem = (): string => x.boundInt(x.int(env, 2), ARG_BITS).code;
      const c = d.below(3);
      if (c === 0 && lists.length > 0) {
        const l = d.pick(lists).name;
        const m = d.below(7);
        if (m === 0) emit(indent, `${l}.append(${elem()})`);
        else if (m === 1) emit(indent, `print(${l}.pop(${d.chance(50) ? '' : x.smallIndex()}))`);
        else if (m === 2) emit(indent, `${l}[${x.smallIndex()}] = ${elem()}`);
        else if (m === 3) emit(indent, `${l}.sort(${d.pick(['', 'reverse=True', 'key=lambda q: -abs(q)'])})`);
        else if (m === 4) emit(indent, `${l}.insert(${x.smallIndex()}, ${elem()})`);
        else if (m === 5) emit(indent, `del ${l}[${x.smallIndex()}]`);
        else emit(indent, `${l}.extend(${x.boundList(x.list(env, 1), 4).code})`);
        if (block.loops > 0) emit(indent, `${l} = ${l}[:${LIST_LIMIT}]`);
        return;
      }
      if (c === 1 && dicts.length > 0) {
        const m = d.pick(dicts).name;
        const k = d.pick(KEYS);
        if (d.chance(70)) emit(indent, `${m}[${k}] = ${elem()}`);
        else if (d.chance(50)) emit(indent, `del ${m}[${k}]`);
        else emit(indent, `print(${m}.pop(${k}, None))`);
        return;
      }
      if (c === 2 && objs.length > 0) {
        const o = d.pick(objs).name;
        emit(indent, `${o}.${d.pick(['a', 'b'])} = ${elem()}`);
        return;
      }
      emit(indent, `print(${x.of(d.pick(typesOf(env)), env, 2).code})`);
      return;
    }
    case 'raise': {
      emit(indent, `if ${x.bool(env, 2).code}:`);
      const what = d.pick(['E0', 'E1', 'ValueError', 'KeyError']);
      emit(indent + 1, `raise ${what}(${x.boundStr(x.str(env, 1), STR_LIMIT).code})`);
      return;
    }
    case 'break': {
      emit(indent, `if ${x.bool(env, 2).code}:`);
      emit(indent + 1, d.pick(['break', 'continue']));
      return;
    }
    default: {
      emit(indent, `assert ${x.bool(env, 2).code}, ${d.pick(STRS)}`);
      return;
    }
  }
}

/** A block of one to four statements (at least a `pass`). */
function body(
  d: Draw,
  x: Expressions,
  block: Block,
  indent: number,
  emit: (indent: number, line: string) => void,
): void {
  const n = d.range(1, 2);
  let wrote = false;
  const emitting = (i: number, line: string): void => {
    wrote = true;
    emit(i, line);
  };
  statements(d, x, block, indent, n, emitting);
  if (!wrote) emit(indent, 'pass');
}

/** Keeps a stored value small: always in a loop, elsewhere once it passes its limit. */
function bounded(
  x: Expressions,
  ty: Ty,
  e: { code: string; size: number },
  inLoop: boolean,
): { code: string; size: number } {
  if (ty === 'int') return x.boundInt(e, inLoop ? 0 : INT_LIMIT);
  if (ty === 'str') return x.boundStr(e, inLoop ? 0 : STR_LIMIT);
  if (ty === 'list') return x.boundList(e, inLoop ? 0 : LIST_LIMIT);
  return e;
}
