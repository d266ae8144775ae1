import {
  makeInteger,
  readInteger,
  SMALL_INT_MAX_BIG,
  SMALL_INT_MIN_BIG,
  TYPE_ID_SHIFT,
  type Handle,
  type HostContext,
} from '#framework';
import type { Symbols } from '../compiler/symbols.ts';
import * as L from './layout.ts';

const SHIFT = TYPE_ID_SHIFT;
const T_VAR = L.T_VAR,
  T_STR = L.T_STR,
  T_FLT = L.T_FLT,
  T_BIGINT = L.T_BIGINT,
  T_TEXT = L.T_TEXT;
const VAR_VAL = L.VAR_VAL,
  VAR_SERIAL = L.VAR_SERIAL,
  ARR_ELEMS = L.ARR_ELEMS,
  ARR_LEN = L.ARR_LEN,
  FLT_V = L.FLT_V;

/** `str` is a compound term, `text` an SWI-7 string. */
export type Kind = 'var' | 'atom' | 'int' | 'str' | 'flt' | 'big' | 'text' | 'other';

/** A term for Heap.build to make: a ref (atom, small int or object, current when build is
 *  called), or a node describing a new object. A node object used twice is built once. */
export type Desc = number | DescNode;
export type DescNode = StrDesc | VarDesc | IntDesc | FltDesc | TextDesc;
interface StrDesc {
  readonly k: 'str';
  /** Functor bits (Symbols.imm). */
  readonly functor: number;
  readonly args: Desc[];
}
interface VarDesc {
  readonly k: 'var';
}
interface IntDesc {
  readonly k: 'int';
  readonly v: bigint;
}
interface FltDesc {
  readonly k: 'flt';
  readonly v: number;
}
interface TextDesc {
  readonly k: 'text';
  readonly v: string;
}

/**
 * Reads and builds guest terms for host functions.
 *
 * A collection may move every object, so a ref in a host local is stale after any
 * allocation. The idiom, used by every host function: **read, describe, build**. Read what
 * is needed from the heap (reading allocates nothing), describe the new term as a Desc (a
 * plain JS value: describing allocates nothing either, so the refs in it stay current) and
 * make it with one `build` call, the only place that allocates terms; it holds every ref of
 * the description in the context's handle scope before its first allocation. What must
 * outlive an allocation outside build (a clause copy while its record is made, the open
 * compounds of a fact) sits in `ctx.handles` and is read back with `get`, or is re-read
 * from a rooted place: the host function's `args`, a global, the run state's roots.
 *
 * A ref stored into an object that existed before the latest allocation goes through
 * `setRef`, which calls the write barrier; only a new object's initializing stores, made
 * before anything else is allocated, use `setW`.
 */
export class Heap {
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
  /** Stores ref `v` into the word at `obj + offset` and tells the collector. */
  setRef(obj: number, offset: number, v: number): void {
    this.setW(obj + offset, v);
    this.ctx.heap.writeBarrier(obj);
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
      case T_TEXT:
        return 'text';
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
  /** The characters of a string ref. */
  text(t: number): string {
    const m = this.ctx.memory;
    const n = this.w(t + ARR_LEN);
    const at = (t + ARR_ELEMS - m.base) >> 2;
    let s = '';
    for (let i = 0; i < n; i += 4096) s += String.fromCodePoint(...m.i32.subarray(at + i, at + Math.min(n, i + 4096)));
    return s;
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

  /** Describes compound name(args...), or the atom when there are no arguments. */
  str(name: string, ...args: Desc[]): Desc {
    if (args.length === 0) return this.atom(name);
    return { k: 'str', functor: this.syms.imm(name, args.length), args };
  }
  /** Describes a fresh variable (each call a new one). */
  fresh(): Desc {
    return { k: 'var' };
  }
  int(v: bigint): Desc {
    return v >= SMALL_INT_MIN_BIG && v <= SMALL_INT_MAX_BIG ? (Number(v) << 1) | 1 : { k: 'int', v };
  }
  flt(v: number): Desc {
    return { k: 'flt', v };
  }
  /** Describes an SWI-7 string. */
  string(v: string): Desc {
    return { k: 'text', v };
  }
  /** Describes the list of `items` ending in `tail`. */
  list(items: readonly Desc[], tail: Desc = L.NIL_BITS): Desc {
    let t = tail;
    for (let i = items.length - 1; i >= 0; i--) t = { k: 'str', functor: this.cons, args: [items[i]!, t] };
    return t;
  }
  private get cons(): number {
    return this.syms.imm('[|]', 2);
  }

  /**
   * Makes the described term and returns its ref, current until the next allocation. Two
   * passes: the first allocates nothing and gives every ref of the description and every
   * node's result a handle, children before parents; the second makes the nodes in that
   * order, reading their children from the handles.
   */
  build(d: Desc): number {
    if (typeof d === 'number') return d;
    const handles = this.ctx.handles;
    const mark = handles.mark();
    try {
      const result = new Map<DescNode, Handle>();
      const order: DescNode[] = [];
      const kids: Handle[][] = [];
      const entered = new Set<DescNode>();
      const stack: DescNode[] = [d];
      while (stack.length > 0) {
        const n = stack[stack.length - 1]!;
        if (result.has(n)) {
          stack.pop();
          continue;
        }
        if (n.k === 'str' && !entered.has(n)) {
          entered.add(n);
          for (let i = n.args.length - 1; i >= 0; i--) {
            const a = n.args[i]!;
            if (typeof a !== 'number' && !result.has(a)) stack.push(a);
          }
          continue;
        }
        stack.pop();
        if (n.k === 'str') kids.push(n.args.map((a) => (typeof a === 'number' ? handles.hold(a) : result.get(a)!)));
        else kids.push([]);
        result.set(n, handles.hold(0));
        order.push(n);
      }
      for (let i = 0; i < order.length; i++) {
        const n = order[i]!;
        handles.set(result.get(n)!, this.make(n, kids[i]!));
      }
      return handles.get(result.get(d)!);
    } finally {
      handles.release(mark);
    }
  }

  private make(n: DescNode, kids: readonly Handle[]): number {
    switch (n.k) {
      case 'str': {
        const s = this.ctx.heap.allocArray(T_STR, kids.length + 1);
        const handles = this.ctx.handles;
        this.setW(s + ARR_ELEMS, n.functor);
        for (let i = 0; i < kids.length; i++) this.setW(s + ARR_ELEMS + 4 * (i + 1), handles.get(kids[i]!));
        return s;
      }
      case 'var': {
        const v = this.ctx.heap.allocStruct(T_VAR);
        const at = this.ctx.memory.layout.staticBase + 8 * L.GLOBAL_SERIAL;
        const serial = this.w(at) + 1;
        this.setW(at, serial);
        this.setW(v + VAR_SERIAL, serial);
        return v;
      }
      case 'int':
        return makeInteger(this.ctx, n.v);
      case 'flt': {
        const f = this.ctx.heap.allocStruct(T_FLT);
        const m = this.ctx.memory;
        m.f64[(f + FLT_V - m.base) >> 3] = n.v;
        return f;
      }
      case 'text': {
        const codes = Array.from(n.v, (c) => c.codePointAt(0)!);
        const t = this.ctx.heap.allocArray(T_TEXT, codes.length);
        const m = this.ctx.memory;
        m.i32.set(codes, (t + ARR_ELEMS - m.base) >> 2);
        return t;
      }
    }
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
