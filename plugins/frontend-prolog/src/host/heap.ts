import { makeInteger, readInteger, TYPE_ID_SHIFT, type HostContext } from '#framework';
import type { Symbols } from '../compiler/symbols.ts';
import * as L from './layout.ts';

const SHIFT = TYPE_ID_SHIFT;
const T_VAR = L.T_VAR,
  T_STR = L.T_STR,
  T_FLT = L.T_FLT,
  T_BIGINT = L.T_BIGINT;
const VAR_VAL = L.VAR_VAL,
  VAR_SERIAL = L.VAR_SERIAL,
  ARR_ELEMS = L.ARR_ELEMS,
  ARR_LEN = L.ARR_LEN,
  FLT_V = L.FLT_V;

export type Kind = 'var' | 'atom' | 'int' | 'str' | 'flt' | 'big' | 'other';

/** Reads and builds guest terms for host functions. */
export class Heap {
  /** Every object built during the current host call, kept alive until it returns (the
   *  run state roots them): host code can then nest constructors freely, as in
   *  newStr('f', [newVar(), newVar()]), without losing a half-built term to a collection.
   *  Boehm does not move objects; a moving collector would need handles here. */
  readonly scope: number[] = [];

  constructor(
    readonly ctx: HostContext,
    readonly syms: Symbols,
  ) {}

  w(addr: number): number {
    const m = this.ctx.memory;
    return m.i32[(addr - m.base) >> 2]!;
  }
  setW(addr: number, v: number): void {
    const m = this.ctx.memory;
    m.i32[(addr - m.base) >> 2] = v;
  }
  typeOf(ref: number): number {
    return this.w(ref) >>> SHIFT;
  }

  deref(t: number): number {
    for (;;) {
      if (t === 0 || (t & 3) !== 0 || this.typeOf(t) !== T_VAR) return t;
      const v = this.w(t + VAR_VAL);
      if (v === 0) return t;
      t = v;
    }
  }

  kind(t: number): Kind {
    if ((t & 1) === 1) return 'int';
    if ((t & 3) === 2) return 'atom';
    if (t === 0) return 'other';
    switch (this.typeOf(t)) {
      case T_VAR:
        return 'var';
      case T_STR:
        return 'str';
      case T_FLT:
        return 'flt';
      case T_BIGINT:
        return 'big';
      default:
        return 'other';
    }
  }

  serial(v: number): number {
    return this.w(v + VAR_SERIAL);
  }
  symId(imm: number): number {
    return imm >> 2;
  }
  functorOf(s: number): number {
    return this.w(s + ARR_ELEMS) >> 2;
  }
  arity(s: number): number {
    return this.w(s + ARR_LEN) - 1;
  }
  arg(s: number, i: number): number {
    return this.w(s + ARR_ELEMS + 4 * i);
  }
  float(t: number): number {
    const m = this.ctx.memory;
    return m.f64[(t + FLT_V - m.base) >> 3]!;
  }
  integer(t: number): bigint {
    return readInteger(this.ctx, t);
  }
  /** Numeric value of an int/big/flt ref. */
  isNumber(t: number): boolean {
    const k = this.kind(t);
    return k === 'int' || k === 'big' || k === 'flt';
  }

  atom(name: string): number {
    return this.syms.imm(name, 0);
  }
  atomName(t: number): string {
    return this.syms.names[t >> 2]!;
  }
  newVar(): number {
    const v = this.ctx.heap.allocStruct(T_VAR);
    this.scope.push(v);
    const m = this.ctx.memory;
    const at = m.layout.staticBase + 8 * L.GLOBAL_SERIAL;
    const s = this.w(at) + 1;
    this.setW(at, s);
    this.setW(v + VAR_SERIAL, s);
    return v;
  }
  newStr(name: string, args: number[]): number {
    if (args.length === 0) return this.atom(name);
    const s = this.ctx.heap.allocArray(T_STR, args.length + 1);
    this.scope.push(s);
    this.setW(s + ARR_ELEMS, this.syms.imm(name, args.length));
    args.forEach((a, i) => this.setW(s + ARR_ELEMS + 4 * (i + 1), a));
    return s;
  }
  newFloat(x: number): number {
    const f = this.ctx.heap.allocStruct(T_FLT);
    this.scope.push(f);
    const m = this.ctx.memory;
    m.f64[(f + FLT_V - m.base) >> 3] = x;
    return f;
  }
  newInt(v: bigint): number {
    const n = makeInteger(this.ctx, v);
    if ((n & 3) === 0) this.scope.push(n);
    return n;
  }
  list(items: number[], tail = L.NIL_BITS): number {
    let t = tail;
    for (let i = items.length - 1; i >= 0; i--) t = this.newStr('[|]', [items[i]!, t]);
    return t;
  }
  /** Elements of a proper list, or null (partial list or not a list). */
  listItems(t: number): number[] | null {
    const out: number[] = [];
    t = this.deref(t);
    while (this.kind(t) === 'str' && this.functorOf(t) === this.syms.id('[|]', 2)) {
      out.push(this.arg(t, 1));
      t = this.deref(this.arg(t, 2));
    }
    return t === L.NIL_BITS ? out : null;
  }
}
