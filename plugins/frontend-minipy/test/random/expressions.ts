import type { Draw } from './choices.ts';

/**
 * Typed random expressions of the random-program generator. Every expression knows a bound
 * on its size (bits for an int, characters for a str, elements for a list), so that the
 * statements can keep values from growing without bound (a `% M` or a slice when a bound
 * passes its limit): a program's running time stays small by construction.
 */
export type Ty = 'int' | 'float' | 'str' | 'bool' | 'list' | 'dict' | 'obj';

export interface Expr {
  code: string;
  /** Bits of an int, characters of a str, elements of a list; 0 for the other types. */
  size: number;
}

export interface Var {
  name: string;
  ty: Ty;
  size: number;
  /** Loop variables and parameters of lambdas are read only. */
  readonly: boolean;
}

export interface FuncSig {
  name: string;
  params: Ty[];
  ret: Ty;
  /** The last parameter has a default (an int 3), so calls may leave it out or name it. */
  lastDefault: boolean;
}

/** What the expressions of one place in the program may use. */
export interface Env {
  vars: Var[];
  funcs: FuncSig[];
  /** The classes K0 (a, b) and K1(K0) (a, b, c), methods m(x) -> int, total() -> int. */
  classes: boolean;
  /** The recursive function rec(n, acc) -> int. */
  rec: boolean;
  /** The generator function gen(n, k), yielding at most n + 2 small ints. */
  gen?: boolean;
}

/** Limits: ints kept under 2000 bits where they are stored, strs under 80 characters. */
export const INT_LIMIT = 2000;
export const ARG_BITS = 200;
export const STR_LIMIT = 80;
export const LIST_LIMIT = 16;
/** What a list or dict variable may hold after appends in loops: its size is not tracked. */
export const LIST_VAR_SIZE = 60;

const MODULI = ['1000003', '(10 ** 9 + 7)', '(2 ** 61 - 1)', '(10 ** 30 + 57)', '97', '(2 ** 127 - 1)'];
const MODULUS_BITS = 128;
const BIG_INTS: readonly [string, number][] = [
  ['12345678901234567890', 64],
  ['(2 ** 64)', 65],
  ['(10 ** 30)', 100],
  ['(-(2 ** 100))', 101],
  ['9999999999999999999999', 74],
  ['(1 << 62)', 63],
  ['(2 ** 63 - 1)', 63],
  ['4611686018427387904', 63],
  ['(-9223372036854775808)', 64],
  ['1073741823', 30],
  ['1073741824', 31],
  ['(-1073741825)', 31],
  ['2147483647', 31],
  ['(2 ** 31)', 32],
  ['(-(2 ** 62))', 63],
];
const FLOATS = [
  '0.0',
  '0.5',
  '1.5',
  '(-2.25)',
  '3.14159',
  '1e-07',
  '1e+300',
  '2.5e+16',
  '0.1',
  '(-0.0)',
  '1e+22',
  '123.456',
  '(-7.0)',
  '2.0',
];
export const STRS = [
  "''",
  "'a'",
  "'hello'",
  "'Hello World'",
  "'x,y,z'",
  "'  pad '",
  "'42'",
  "'-17'",
  "'abcabc'",
  "'3.5'",
];
export const KEYS = ["'a'", "'b'", "'key'", "'x'", "'zz'"];
const FLOAT_STRS = ["'2.5'", "'1e5'", "'inf'", "'-0.0'", "' 7 '", "'1_000.5'", "'abc'"];
const INT_STRS = ["'42'", "'-17'", "' 8 '", "'1_000'", "'0x1f'", "'3.5'", "''", "'99999999999999999999'"];

const bitsOf = (n: number): number => Math.max(1, Math.ceil(Math.log2(Math.abs(n) + 1)));
const paren = (code: string): string => `(${code})`;

export class Expressions {
  /** Inside an f-string's braces, where CPython 3.11 allows no f-string with the same quotes. */
  private inFstring = 0;
  constructor(private readonly d: Draw) {}

  /** `e % M` when e may exceed `limit` bits. */
  boundInt(e: Expr, limit: number): Expr {
    if (e.size <= limit) return e;
    return { code: `(${e.code} % ${this.d.pick(MODULI)})`, size: MODULUS_BITS };
  }

  boundStr(e: Expr, limit: number): Expr {
    return e.size <= limit ? e : { code: `${paren(e.code)}[:40]`, size: 40 };
  }

  boundList(e: Expr, limit: number): Expr {
    return e.size <= limit ? e : { code: `${paren(e.code)}[:${LIST_LIMIT}]`, size: LIST_LIMIT };
  }

  /** An expression of type `ty`, nested at most `depth` deep. */
  of(ty: Ty, env: Env, depth: number): Expr {
    switch (ty) {
      case 'int':
        return this.int(env, depth);
      case 'float':
        return this.float(env, depth);
      case 'str':
        return this.str(env, depth);
      case 'bool':
        return this.bool(env, depth);
      case 'list':
        return this.list(env, depth);
      case 'dict':
        return this.dict(env, depth);
      case 'obj':
        return this.obj(env, depth);
    }
  }

  private varOf(env: Env, ty: Ty): Var | undefined {
    const vs = env.vars.filter((v) => v.ty === ty);
    return vs.length === 0 ? undefined : this.d.pick(vs);
  }

  int(env: Env, depth: number): Expr {
    const d = this.d;
    const v = this.varOf(env, 'int');
    if (depth <= 0 || !d.chance(75)) {
      if (v && !d.chance(40)) return { code: v.name, size: v.size };
      if (d.chance(25)) {
        const [code, size] = d.pick(BIG_INTS);
        return { code, size };
      }
      const r = d.range(0, 60);
      const n = r <= 40 ? r : 40 - r;
      return { code: n < 0 ? `(${n})` : `${n}`, size: bitsOf(n) };
    }
    const sub = (): Expr => this.int(env, depth - 1);
    const kind = d.below(32);
    switch (kind) {
      case 0:
      case 1:
      case 2: {
        const a = sub();
        const b = sub();
        const op = d.pick(['+', '-', '*']);
        return {
          code: `(${a.code} ${op} ${b.code})`,
          size: op === '*' ? a.size + b.size : Math.max(a.size, b.size) + 1,
        };
      }
      case 3:
      case 4: {
        const a = sub();
        const b = sub();
        const op = d.pick(['//', '%']);
        return { code: `(${a.code} ${op} ${b.code})`, size: op === '//' ? a.size + 1 : b.size };
      }
      case 5: {
        let a = sub();
        const k = d.range(0, 9);
        if (a.size * k > INT_LIMIT) a = { code: `(${a.code} % 1000003)`, size: 20 };
        return { code: `(${a.code} ** ${k})`, size: Math.max(1, a.size * k) };
      }
      case 6: {
        const a = sub();
        const k = d.range(-1, 100);
        return d.chance(50)
          ? { code: `(${a.code} << ${k})`, size: a.size + Math.max(k, 0) }
          : { code: `(${a.code} >> ${k % 40})`, size: a.size };
      }
      case 7: {
        const a = sub();
        const b = sub();
        return { code: `(${a.code} ${d.pick(['&', '|', '^'])} ${b.code})`, size: Math.max(a.size, b.size) + 1 };
      }
      case 8: {
        const a = sub();
        return { code: `${d.pick(['-', 'abs', '~'])}(${a.code})`, size: a.size + 1 };
      }
      case 9:
        return { code: `len(${this.of(d.pick(['str', 'list', 'dict'] as const), env, depth - 1).code})`, size: 10 };
      case 10:
        return d.chance(50)
          ? { code: `int(${this.float(env, depth - 1).code})`, size: 1030 }
          : { code: `int(${d.pick(INT_STRS)})`, size: 70 };
      case 11: {
        const l = this.list(env, depth - 1);
        return { code: `${paren(l.code)}[${this.smallIndex()}]`, size: ARG_BITS };
      }
      case 12: {
        const m = this.dict(env, depth - 1);
        return d.chance(50)
          ? { code: `${paren(m.code)}[${d.pick(KEYS)}]`, size: ARG_BITS }
          : { code: `${paren(m.code)}.get(${d.pick(KEYS)}, ${d.range(-3, 9)})`, size: ARG_BITS };
      }
      case 13: {
        const l = this.list(env, depth - 1);
        const f = d.pick(['sum', 'max', 'min', 'len']);
        return { code: `${f}(${l.code})`, size: ARG_BITS + 8 };
      }
      case 14: {
        const a = sub();
        const b = sub();
        return { code: `${d.pick(['min', 'max'])}(${a.code}, ${b.code})`, size: Math.max(a.size, b.size) };
      }
      case 15:
      case 16: {
        const call = this.call(env, 'int', depth);
        if (call) return call;
        return sub();
      }
      case 17: {
        if (!env.classes) return sub();
        const o = this.obj(env, depth - 1);
        const c = d.below(4);
        if (c === 0) return { code: `${paren(o.code)}.a`, size: ARG_BITS };
        if (c === 1) return { code: `${paren(o.code)}.total()`, size: ARG_BITS + 2 };
        return { code: `${paren(o.code)}.m(${this.boundInt(sub(), ARG_BITS).code})`, size: 3 * ARG_BITS };
      }
      case 18: {
        if (!env.rec) return sub();
        const n = d.chance(50) ? `${d.range(0, 40)}` : `(${sub().code} % 30)`;
        return { code: `@rec(${n}, ${this.boundInt(sub(), ARG_BITS).code})`, size: MODULUS_BITS };
      }
      case 19: {
        const f = this.float(env, depth - 1);
        return d.chance(60) ? { code: `round(${f.code})`, size: 1030 } : { code: `int(${f.code} // 1)`, size: 1030 };
      }
      case 20: {
        const c = this.bool(env, depth - 1);
        const a = sub();
        const b = sub();
        return { code: `(${a.code} if ${c.code} else ${b.code})`, size: Math.max(a.size, b.size) };
      }
      case 21: {
        const a = sub();
        const b = sub();
        return d.chance(50)
          ? { code: `divmod(${a.code}, ${b.code})[${d.below(2)}]`, size: a.size + 1 }
          : { code: `pow(${a.code}, ${d.range(-2, 30)}, ${b.code})`, size: b.size };
      }
      case 22: {
        const s = this.str(env, depth - 1);
        const c = d.below(3);
        if (c === 0) return { code: `${paren(s.code)}.find(${d.pick(STRS)})`, size: 8 };
        if (c === 1) return { code: `${paren(s.code)}.count(${d.pick(STRS)})`, size: 8 };
        return { code: `ord(${paren(s.code)}[${this.smallIndex()}])`, size: 8 };
      }
      case 23: {
        const l = this.list(env, depth - 1);
        const e = this.int(
          { ...env, vars: [...env.vars, { name: 'q', ty: 'int', size: ARG_BITS, readonly: true }] },
          1,
        );
        const cond = d.chance(50) ? ` if q % ${d.range(2, 4)}` : '';
        return { code: `sum(${e.code} for q in ${l.code}${cond})`, size: e.size + 8 };
      }
      case 24: {
        const l = this.list(env, depth - 1);
        return { code: `${paren(l.code)}.index(${sub().code})`, size: 8 };
      }
      case 25: {
        const c = this.bool(env, depth - 1);
        return { code: `(${c.code} + ${d.range(0, 3)})`, size: 3 };
      }
      case 26: {
        const s = this.str(env, depth - 1);
        return { code: `int(${s.code})`, size: Math.ceil(s.size * 3.33) + 1 };
      }
      case 27: {
        const l = this.list(env, depth - 1);
        return { code: `sorted(${l.code})[${this.smallIndex()}]`, size: ARG_BITS };
      }
      case 28: {
        const s = this.intSet(env, depth - 1);
        const c = d.below(4);
        if (c === 0) return { code: `len(${s.code})`, size: 8 };
        if (c === 1) return { code: `sum(${s.code})`, size: ARG_BITS + 8 };
        if (c === 2) return { code: `max(${s.code}, default=-1)`, size: ARG_BITS };
        return { code: `((${this.boundInt(sub(), ARG_BITS).code}) in ${s.code})`, size: 1 };
      }
      case 29: {
        if (!env.gen) return sub();
        const g = this.genCall(env, depth);
        const c = d.below(3);
        if (c === 0) return { code: `sum(${g})`, size: 20 };
        if (c === 1) return { code: `next(${g}, -1)`, size: 11 };
        return { code: `max(${g}, default=0)`, size: 11 };
      }
      default: {
        const a = sub();
        return { code: `(${a.code} ${d.pick(['+', '-', '*'])} ${d.range(1, 9)})`, size: a.size + 4 };
      }
    }
  }

  float(env: Env, depth: number): Expr {
    const d = this.d;
    const v = this.varOf(env, 'float');
    if (depth <= 0 || !d.chance(75)) {
      if (v && !d.chance(40)) return { code: v.name, size: 0 };
      return { code: d.pick(FLOATS), size: 0 };
    }
    const sub = (): Expr => this.float(env, depth - 1);
    const f = (code: string): Expr => ({ code, size: 0 });
    switch (d.below(14)) {
      case 0:
      case 1:
      case 2:
        return f(`(${sub().code} ${d.pick(['+', '-', '*', '/'])} ${sub().code})`);
      case 3:
        return f(`(${sub().code} ${d.pick(['//', '%'])} ${sub().code})`);
      case 4:
        return f(`(${this.int(env, depth - 1).code} / ${this.int(env, depth - 1).code})`);
      case 5:
        return f(`float(${this.int(env, depth - 1).code})`);
      case 6:
        return f(`(${sub().code} ** ${d.range(-3, 5)})`);
      case 7:
        return f(`(${this.boundInt(this.int(env, depth - 1), 64).code} ** ${d.range(-4, -1)})`);
      case 8:
        return f(`${d.pick(['abs', '-'])}(${sub().code})`);
      case 9:
        return f(`round(${sub().code}, ${d.range(-1, 4)})`);
      case 10:
        return f(`float(${d.pick(FLOAT_STRS)})`);
      case 11:
        return f(`${d.pick(['min', 'max'])}(${sub().code}, ${sub().code})`);
      case 12:
        return f(`(${sub().code} + ${this.int(env, depth - 1).code})`);
      default: {
        const call = this.call(env, 'float', depth);
        return call ?? sub();
      }
    }
  }

  str(env: Env, depth: number): Expr {
    const d = this.d;
    const v = this.varOf(env, 'str');
    if (depth <= 0 || !d.chance(75)) {
      if (v && !d.chance(40)) return { code: v.name, size: v.size };
      const s = d.pick(STRS);
      return { code: s, size: s.length - 2 };
    }
    const sub = (): Expr => this.str(env, depth - 1);
    switch (d.below(20)) {
      case 0:
      case 1: {
        const a = sub();
        const b = sub();
        return { code: `(${a.code} + ${b.code})`, size: a.size + b.size };
      }
      case 2: {
        const a = sub();
        const k = d.range(-1, 3);
        return { code: `(${a.code} * ${k})`, size: a.size * Math.max(k, 0) };
      }
      case 3: {
        const a = sub();
        const lo = d.chance(50) ? `${d.range(-5, 5)}` : '';
        const hi = d.chance(50) ? `${d.range(-5, 8)}` : '';
        const step = d.chance(20) ? `:${d.pick([-1, 2, -2])}` : '';
        return { code: `${paren(a.code)}[${lo}:${hi}${step}]`, size: a.size };
      }
      case 4: {
        const a = sub();
        const m = d.pick(['upper()', 'lower()', 'strip()', 'title()', 'capitalize()', 'swapcase()', 'lstrip()']);
        return { code: `${paren(a.code)}.${m}`, size: a.size };
      }
      case 5: {
        const a = sub();
        return { code: `${paren(a.code)}.replace(${d.pick(STRS)}, ${d.pick(STRS)})`, size: a.size * 12 };
      }
      case 6: {
        const i = this.boundInt(this.int(env, depth - 1), INT_LIMIT);
        return { code: `str(${i.code})`, size: Math.ceil(i.size / 3.3) + 2 };
      }
      case 7:
        return { code: `${d.pick(['str', 'repr'])}(${this.float(env, depth - 1).code})`, size: 24 };
      case 8: {
        const a = sub();
        return { code: `repr(${a.code})`, size: a.size * 4 + 2 };
      }
      case 9: {
        const l = this.list(env, depth - 1);
        return { code: `str(${l.code})`, size: l.size * 64 + 2 };
      }
      case 10:
        return this.inFstring > 0 ? sub() : this.fstring(env, depth);
      case 11:
        return this.percent(env, depth);
      case 12: {
        const l = this.list(env, depth - 1);
        const sep = d.pick(["','", "''", "' '", "'-'"]);
        return { code: `${sep}.join([str(q) for q in ${l.code}])`, size: l.size * 62 };
      }
      case 13:
        return { code: `${paren(sub().code)}[${this.smallIndex()}]`, size: 1 };
      case 14: {
        const a = sub();
        const w = d.range(0, 12);
        const m = d.pick([`center(${w}, '*')`, `zfill(${w})`, `ljust(${w}, '.')`, `rjust(${w})`]);
        return { code: `${paren(a.code)}.${m}`, size: a.size + w };
      }
      case 15: {
        const a = sub();
        return { code: `' '.join(${paren(a.code)}.split(${d.pick(['', "','", "'a'"])}))`, size: a.size };
      }
      case 16: {
        const c = this.bool(env, depth - 1);
        const a = sub();
        const b = sub();
        return { code: `(${a.code} if ${c.code} else ${b.code})`, size: Math.max(a.size, b.size) };
      }
      case 17: {
        if (env.classes && d.chance(50)) return { code: `${paren(this.obj(env, depth - 1).code)}.kind`, size: 12 };
        const m = this.dict(env, depth - 1);
        return { code: `str(${m.code})`, size: LIST_VAR_SIZE * 70 };
      }
      case 18: {
        const i = this.boundInt(this.int(env, depth - 1), 64);
        return { code: `chr(65 + ${i.code} % 26)`, size: 1 };
      }
      default: {
        const call = this.call(env, 'str', depth);
        return call ?? sub();
      }
    }
  }

  /** An f-string with a format spec the issue lists, or `str.format`. */
  private fstring(env: Env, depth: number): Expr {
    const d = this.d;
    this.inFstring++;
    const i = this.boundInt(this.int(env, depth - 1), INT_LIMIT);
    const x = this.float(env, depth - 1);
    const s = this.boundStr(this.str(env, depth - 1), 40);
    this.inFstring--;
    const intSpec = d.pick(['', ':5d', ':>8,', ':08d', ':x', ':+d', ':_', ':<6', ':^7', ':b', '!r']);
    const floatSpec = d.pick(['', ':.3f', ':10.2e', ':g', ':.1%', ':,.2f', ':+.0f', '!r', ':8.3g', ':.15g']);
    const strSpec = d.pick(['', ':<10', ':>6', ':^9', '!r', ':.2', ':*^8']);
    switch (d.below(4)) {
      case 0:
        return { code: `f"{${i.code}${intSpec}}|"`, size: i.size / 3 + 30 };
      case 1:
        return { code: `f"<{${x.code}${floatSpec}}>"`, size: 340 };
      case 2:
        return { code: `f"[{${s.code}${strSpec}}]"`, size: s.size * 4 + 12 };
      default: {
        const spec = d.pick(['{}:{}', '{1}-{0}', '{:>5}/{!r}', '{0}{0}{1}']);
        return { code: `'${spec}'.format(${s.code}, ${i.code})`, size: 2 * (s.size * 4 + i.size / 3) + 10 };
      }
    }
  }

  private percent(env: Env, depth: number): Expr {
    const d = this.d;
    const i = this.boundInt(this.int(env, depth - 1), INT_LIMIT);
    const x = this.float(env, depth - 1);
    const s = this.boundStr(this.str(env, depth - 1), 40);
    const fmt = d.pick(["'%d-%s'", "'%5.2f|%r'", "'%x %s'", "'%-6s|%.3e'", "'%s and %s'", "'%+d%%'"]);
    const args =
      fmt === "'%5.2f|%r'" || fmt === "'%-6s|%.3e'"
        ? `(${fmt === "'%5.2f|%r'" ? x.code : s.code}, ${fmt === "'%5.2f|%r'" ? s.code : x.code})`
        : fmt === "'%+d%%'"
          ? i.code
          : `(${i.code}, ${s.code})`;
    return { code: `(${fmt} % ${args})`, size: i.size / 3 + s.size * 4 + 340 };
  }

  bool(env: Env, depth: number): Expr {
    const d = this.d;
    const b = (code: string): Expr => ({ code, size: 0 });
    if (depth <= 0 || !d.chance(85)) {
      const v = this.varOf(env, 'bool');
      if (v && d.chance(50)) return b(v.name);
      return b(d.pick(['True', 'False']));
    }
    const cmp = d.pick(['<', '<=', '==', '!=', '>', '>=']);
    switch (d.below(10)) {
      case 0:
      case 1:
      case 2:
        return b(`(${this.int(env, depth - 1).code} ${cmp} ${this.int(env, depth - 1).code})`);
      case 3:
        return b(`(${this.float(env, depth - 1).code} ${cmp} ${this.int(env, depth - 1).code})`);
      case 4:
        return b(`(${this.str(env, depth - 1).code} ${cmp} ${this.str(env, depth - 1).code})`);
      case 5: {
        const c = d.below(3);
        if (c === 0) return b(`(${this.int(env, depth - 1).code} in ${this.list(env, depth - 1).code})`);
        if (c === 1) return b(`(${this.str(env, depth - 1).code} in ${this.dict(env, depth - 1).code})`);
        return b(`(${this.str(env, depth - 1).code} not in ${this.str(env, depth - 1).code})`);
      }
      case 6:
        return b(`(not ${this.bool(env, depth - 1).code})`);
      case 7:
        return b(`(${this.bool(env, depth - 1).code} ${d.pick(['and', 'or'])} ${this.bool(env, depth - 1).code})`);
      case 8:
        if (env.classes && d.chance(50)) return b(`isinstance(${this.obj(env, depth - 1).code}, @K1)`);
        return b(`${d.pick(['any', 'all'])}(q > ${d.range(-2, 5)} for q in ${this.list(env, depth - 1).code})`);
      default:
        return b(`${paren(this.str(env, depth - 1).code)}.${d.pick(['startswith', 'endswith'])}(${d.pick(STRS)})`);
    }
  }

  list(env: Env, depth: number): Expr {
    const d = this.d;
    const v = this.varOf(env, 'list');
    const elem = (): string => this.boundInt(this.int(env, depth - 1), ARG_BITS).code;
    if (depth <= 0 || !d.chance(75)) {
      if (v && !d.chance(40)) return { code: v.name, size: v.size };
      const n = d.below(5);
      return {
        code: `[${Array.from({ length: n }, () => (depth <= 0 ? `${d.range(-9, 30)}` : elem())).join(', ')}]`,
        size: n,
      };
    }
    const sub = (): Expr => this.list(env, depth - 1);
    const q: Env = { ...env, vars: [...env.vars, { name: 'q', ty: 'int', size: ARG_BITS, readonly: true }] };
    switch (d.below(14)) {
      case 11:
        return env.gen ? { code: `list(${this.genCall(env, depth)})`, size: 8 } : sub();
      case 12: {
        const s = this.intSet(env, depth - 1);
        return { code: `sorted(${s.code}${d.chance(30) ? ', reverse=True' : ''})`, size: s.size };
      }
      case 0: {
        const n = d.range(0, 8);
        const e = this.boundInt(this.int(q, depth - 1), ARG_BITS);
        const cond = d.chance(40) ? ` if ${this.bool(q, 1).code}` : '';
        return { code: `[${e.code} for q in range(${n})${cond}]`, size: n };
      }
      case 1: {
        const l = sub();
        const e = this.boundInt(this.int(q, depth - 1), ARG_BITS);
        return { code: `[${e.code} for q in ${l.code}]`, size: l.size };
      }
      case 2: {
        const l = sub();
        const how = d.pick([
          '',
          ', reverse=True',
          ', key=abs',
          ', key=lambda q: (q % 3, -q)',
          ', key=lambda q: str(q)',
        ]);
        return { code: `sorted(${l.code}${how})`, size: l.size };
      }
      case 3: {
        const l = sub();
        const lo = d.range(-4, 4);
        const hi = d.range(-2, 9);
        return { code: `${paren(l.code)}[${lo}:${hi}${d.chance(20) ? ':-1' : ''}]`, size: l.size };
      }
      case 4: {
        const a = sub();
        const b = sub();
        return { code: `(${a.code} + ${b.code})`, size: a.size + b.size };
      }
      case 5: {
        const a = sub();
        const k = d.range(0, 3);
        return { code: `(${a.code} * ${k})`, size: a.size * k };
      }
      case 6: {
        const lo = d.range(-5, 5);
        const hi = d.range(-5, 12);
        const step = d.pick(['', ', 2', ', -1', ', 3']);
        return { code: `list(range(${lo}, ${hi}${step}))`, size: 17 };
      }
      case 7: {
        const l = sub();
        const f = d.pick(['lambda q: q * 2', 'lambda q: q % 5', 'abs', 'lambda q: -q']);
        return d.chance(50)
          ? { code: `list(map(${f}, ${l.code}))`, size: l.size }
          : { code: `list(filter(lambda q: q % ${d.range(2, 3)}, ${l.code}))`, size: l.size };
      }
      case 8: {
        const m = this.dict(env, depth - 1);
        return { code: `list(${paren(m.code)}.values())`, size: LIST_VAR_SIZE };
      }
      case 9: {
        const l = sub();
        return { code: `list(reversed(${l.code}))`, size: l.size };
      }
      case 10: {
        const s = this.str(env, depth - 1);
        return { code: `[len(w) for w in ${paren(s.code)}.split(${d.pick(['', "','", "'a'"])})]`, size: s.size + 1 };
      }
      default: {
        const call = this.call(env, 'list', depth);
        return call ?? sub();
      }
    }
  }

  dict(env: Env, depth: number): Expr {
    const d = this.d;
    const v = this.varOf(env, 'dict');
    if (depth <= 0 || !d.chance(70)) {
      if (v && !d.chance(40)) return { code: v.name, size: 0 };
      const n = d.below(4);
      const items = Array.from({ length: n }, () => `${d.pick(KEYS)}: ${d.range(-5, 50)}`);
      return { code: `{${items.join(', ')}}`, size: 0 };
    }
    const l = this.list(env, depth - 1);
    switch (d.below(3)) {
      case 0:
        return { code: `{str(q): q * q for q in ${l.code}}`, size: 0 };
      case 1:
        return { code: `dict(zip([${KEYS.join(', ')}], ${l.code}))`, size: 0 };
      default: {
        const s = this.str(env, depth - 1);
        return { code: `{w: len(w) for w in ${paren(s.code)}.split(${d.pick(['', "'l'"])})}`, size: 0 };
      }
    }
  }

  obj(env: Env, depth: number): Expr {
    const d = this.d;
    const v = this.varOf(env, 'obj');
    if (v && (depth <= 0 || d.chance(50))) return { code: v.name, size: 0 };
    const arg = (): string => this.boundInt(this.int(env, depth - 1), ARG_BITS).code;
    return d.chance(50)
      ? { code: `@K0(${arg()}, ${arg()})`, size: 0 }
      : { code: `@K1(${arg()}, ${arg()}, ${arg()})`, size: 0 };
  }

  /** A call of an earlier user function returning `ret`, if there is one. */
  private call(env: Env, ret: Ty, depth: number): Expr | undefined {
    const fs = env.funcs.filter((f) => f.ret === ret);
    if (fs.length === 0) return undefined;
    const f = this.d.pick(fs);
    const args = f.params.map((t) => this.argument(t, env, depth - 1));
    if (f.lastDefault && this.d.chance(50)) {
      if (this.d.chance(50)) args.pop();
      else args[args.length - 1] = `z=${args[args.length - 1]}`;
    }
    const size = ret === 'int' ? INT_LIMIT : ret === 'str' ? STR_LIMIT : ret === 'list' ? LIST_LIMIT : 0;
    // Now and then the positional arguments come unpacked from a list (`f(a, *[b, c])`).
    const positional = args.filter((a) => !a.startsWith('z='));
    if (positional.length > 0 && this.d.chance(15)) {
      const k = this.d.below(positional.length);
      const rest = args.slice(positional.length);
      args.splice(0, args.length, ...positional.slice(0, k), `*[${positional.slice(k).join(', ')}]`, ...rest);
    }
    return { code: `${f.name}(${args.join(', ')})`, size };
  }

  /** An argument of a call: bounded as a parameter expects. */
  argument(ty: Ty, env: Env, depth: number): string {
    const e = this.of(ty, env, depth);
    if (ty === 'int') return this.boundInt(e, ARG_BITS).code;
    if (ty === 'str') return this.boundStr(e, STR_LIMIT).code;
    if (ty === 'list') return this.boundList(e, LIST_LIMIT).code;
    return e.code;
  }

  smallIndex(): string {
    const i = this.d.range(-4, 5);
    return i < 0 ? `${i}` : `${i}`;
  }

  /** A set of ints: displays, `set(list)`, set comprehensions, the set operators, a
   *  generator's values; its size bounds its elements' count. */
  intSet(env: Env, depth: number): Expr {
    const d = this.d;
    const elem = (): string => this.boundInt(this.int(env, depth - 1), ARG_BITS).code;
    if (depth <= 0 || !d.chance(60)) {
      const n = d.below(5);
      if (n === 0) return { code: 'set()', size: 0 };
      const items = Array.from({ length: n }, () => (depth <= 0 ? `${d.range(-9, 30)}` : elem()));
      return { code: `{${items.join(', ')}}`, size: n };
    }
    switch (d.below(4)) {
      case 0: {
        const l = this.list(env, depth - 1);
        return { code: `set(${l.code})`, size: l.size };
      }
      case 1: {
        const l = this.list(env, depth - 1);
        const k = d.range(2, 7);
        return { code: `{q % ${k} for q in ${l.code}}`, size: Math.min(k, l.size) };
      }
      case 2: {
        const a = this.intSet(env, depth - 1);
        const b = this.intSet(env, depth - 1);
        return { code: `(${a.code} ${d.pick(['|', '&', '-', '^'])} ${b.code})`, size: a.size + b.size };
      }
      default:
        return env.gen ? { code: `set(${this.genCall(env, depth)})`, size: 8 } : this.intSet(env, 0);
    }
  }

  /** A call of the program's generator function: a few small ints. */
  private genCall(env: Env, depth: number): string {
    const n = this.d.chance(70) ? `${this.d.range(0, 6)}` : `len(${this.str(env, depth - 1).code})`;
    return `@gen(${n}, ${this.boundInt(this.int(env, depth - 1), ARG_BITS).code})`;
  }
}
