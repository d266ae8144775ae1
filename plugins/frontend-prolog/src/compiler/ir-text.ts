import { bigintConstValues, SMALL_INT_MAX, SMALL_INT_MIN } from '#framework';
import type { Term } from '../reader/terms.ts';
import type { Symbols } from './symbols.ts';

/** One IR function being written as .jir text, with fresh value and block names. */
export class Fn {
  private readonly lines: string[] = [];
  private n = 0;
  /** The block being filled has been terminated. */
  closed = false;

  constructor(readonly header: string) {}

  /** The function's name, from its header. */
  get name(): string {
    return /^func @([^(]+)\(/.exec(this.header)![1]!;
  }

  v(hint = 't'): string {
    return `%${hint}${this.n++}`;
  }

  blk(hint = 'b'): string {
    return `^${hint}${this.n++}`;
  }

  emit(line: string): void {
    this.lines.push(`  ${line}`);
  }

  /** The position the next emitted line takes (see omit). */
  get position(): number {
    return this.lines.length;
  }

  /** Leaves out the line emitted at `position`. */
  omit(position: number): void {
    this.lines[position] = '';
  }

  /** The instruction lines emitted so far. */
  emitted(): readonly string[] {
    return this.lines;
  }

  /** `%r = op ...`: returns %r. */
  val(rhs: string, hint = 't'): string {
    const r = this.v(hint);
    this.emit(`${r} = ${rhs}`);
    return r;
  }

  label(name: string, params = ''): void {
    this.lines.push(`${name}${params ? `(${params})` : ''}:`);
    this.closed = false;
  }

  end(line: string): void {
    this.emit(line);
    this.closed = true;
  }

  iconst(n: number): string {
    return this.val(`iconst ${n | 0}`, 'c');
  }

  /** A ref immediate with the given bits. */
  imm(bits: number): string {
    return this.val(`ref.from_bits ${this.iconst(bits)}`, 'r');
  }

  text(): string {
    const lines = this.lines.filter((l) => l !== '');
    return `${this.header} {\n^entry:\n${lines.join('\n')}\n}\n`;
  }

  /** The tagged integer (2v+1) of i32 `v`, in line (core.jir's @tag): code compiled at run
   *  time cannot inline the runtime's functions, which are lowered already. */
  tag(v: string): string {
    const one = this.iconst(1);
    return this.val(`ref.from_bits ${this.val(`ior ${this.val(`ishl ${v}, ${one}`)}, ${one}`)}`, 'tg');
  }

  /** Dereferences `t` in line (the loop of core.jir's @deref): a call would make the
   *  function non-leaf and, in native code, store every live value around it. */
  deref(t: string): string {
    const loop = this.blk('dl'),
      ptr = this.blk('dp'),
      isVar = this.blk('dv'),
      done = this.blk('dd');
    const x = this.v('dx'),
      r = this.v('d');
    this.end(`br ${loop}(${t})`);
    this.label(loop, `${x}: ref`);
    this.end(`brif ${this.val(`ref.is_ptr ${x}`)}, ${ptr}, ${done}(${x})`);
    this.label(ptr);
    this.end(`brif ${this.val(`icmp.eq ${this.val(`ref.type_id ${x}`)}, ${this.iconst(1)}`)}, ${isVar}, ${done}(${x})`);
    this.label(isVar);
    const v = this.val(`get :var.val, ${x}`);
    this.end(
      `brif ${this.val(`icmp.eq ${this.val(`ref.bits ${v}`)}, ${this.iconst(0)}`)}, ${done}(${x}), ${loop}(${v})`,
    );
    this.label(done, `${r}: ref`);
    return r;
  }
}

/** Code compiled at run time cannot add static data, and a float or bigint is built only
 *  from static data: a clause holding one stays with the generic clause matcher. */
export class NeedsStaticData extends Error {}

/** Module-level constants: ground terms, floats and bigints live in static data. */
export class ConstPool {
  private readonly decls: string[] = [];
  private readonly byKey = new Map<string, string>();

  /** `staticData` false: for code loaded at run time, which may not declare consts.
   *  `prefix` names the consts (the library's differ from a program's). */
  constructor(
    private readonly syms: Symbols,
    private readonly staticData = true,
    private readonly prefix = 'k',
  ) {}

  /** A ground term as a ref: immediate bits (number), a const name (string), or null for
   *  a compound term the code must build (no static data). Compound terms are declared
   *  inner first from an explicit stack: nesting depth costs no host stack. */
  ground(t: Term): number | string | null {
    if (t.k !== 'str') return this.atomic(t);
    if (!this.staticData) return null;
    const stack: { t: Extract<Term, { k: 'str' }>; parts: (number | string)[] }[] = [
      { t, parts: [this.syms.imm(t.name, t.args.length)] },
    ];
    for (;;) {
      const top = stack[stack.length - 1]!;
      const i = top.parts.length - 1;
      if (i < top.t.args.length) {
        const a = top.t.args[i]!;
        if (a.k === 'str') stack.push({ t: a, parts: [this.syms.imm(a.name, a.args.length)] });
        else top.parts.push(this.atomic(a));
        continue;
      }
      stack.pop();
      const parts = top.parts;
      const name = this.add(
        `str:${parts.join(',')}`,
        `:str = [${parts.map((p) => (typeof p === 'number' ? String(p | 0) : p)).join(', ')}]`,
      );
      if (stack.length === 0) return name;
      stack[stack.length - 1]!.parts.push(name);
    }
  }

  private atomic(t: Exclude<Term, { k: 'str' }>): number | string {
    switch (t.k) {
      case 'atom':
        return this.syms.imm(t.name, 0);
      case 'int':
        if (t.v >= BigInt(SMALL_INT_MIN) && t.v <= BigInt(SMALL_INT_MAX)) return (Number(t.v) << 1) | 1 | 0;
        return this.add(`big:${t.v}`, `:bigint = [${bigintConstValues(t.v).join(', ')}]`);
      case 'flt':
        return this.add(`flt:${Object.is(t.v, -0) ? '-0' : t.v}`, `:flt = { ${floatText(t.v)} }`);
      case 'string':
        return this.add(`txt:${t.v}`, `:text = [${Array.from(t.v, (c) => c.codePointAt(0)!).join(', ')}]`);
      case 'var':
        throw new Error('ground() of a variable');
    }
  }

  private add(key: string, body: string): string {
    if (!this.staticData) throw new NeedsStaticData(key);
    let name = this.byKey.get(key);
    if (!name) {
      name = `@${this.prefix}${this.byKey.size}`;
      this.byKey.set(key, name);
      this.decls.push(`const ${name}: ${body}`);
    }
    return name;
  }

  /** A fresh mutable i32 global (initially 0) for a call site's cache, or null in code
   *  loaded at run time, which may not declare globals. */
  cacheWord(): string | null {
    if (!this.staticData) return null;
    const name = `@${this.prefix}w${this.words++}`;
    this.decls.push(`global ${name}: i32 = 0`);
    return name;
  }

  private words = 0;

  text(): string {
    return this.decls.join('\n');
  }
}

function floatText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}

/** A function-symbol-safe spelling of a predicate name; `prefix` keeps the library's
 *  names apart from a program's. */
export function mangle(name: string, arity: number, id: number, prefix = 'p'): string {
  const safe = name.replace(/[^A-Za-z0-9_]/g, (c) => `$${c.codePointAt(0)!.toString(16)}`);
  return `${prefix}${id}_${safe}_${arity}`;
}
