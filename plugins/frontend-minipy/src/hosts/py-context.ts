import { GuestException, makeInteger, readInteger, type HostContext, type RootSource } from '#framework';
import { exceptionClassRef } from '../runtime/tags.ts';

// Module-local copies: under tsx every use of an imported binding is a getter call.
const readInt = readInteger;
const makeInt = makeInteger;

export interface TypeIds {
  float: number;
  str: number;
  tuple: number;
  refs: number;
  list: number;
  dict: number;
  i32s: number;
  range: number;
  func: number;
  exc: number;
  iter: number;
  view: number;
  bigint: number;
}

/**
 * One program's view of guest values for the host functions: type ids, raw word access
 * and allocation. Every object a host function allocates stays rooted until that host
 * function returns (the collector does not see host locals).
 */
export class Py {
  readonly t: TypeIds;
  readonly w: Int32Array;
  readonly f: Float64Array;
  readonly base: number;
  readonly roots: number[] = [];

  constructor(readonly ctx: HostContext) {
    const id = (n: string): number => ctx.types.get(n).id;
    this.t = {
      float: id('float'),
      str: id('str'),
      tuple: id('tuple'),
      refs: id('refs'),
      list: id('list'),
      dict: id('dict'),
      i32s: id('i32s'),
      range: id('range'),
      func: id('func'),
      exc: id('exc'),
      iter: id('iter'),
      view: id('view'),
      bigint: id('bigint'),
    };
    this.w = ctx.memory.i32;
    this.f = ctx.memory.f64;
    this.base = ctx.memory.base;
    const roots = this.roots;
    const source: RootSource = {
      visitRoots(visit) {
        for (let i = 0; i < roots.length; i++) roots[i] = visit(roots[i]!);
      },
    };
    ctx.heap.addRoots(source);
  }

  /** Type id of a pointer ref, 0 for immediates. */
  typeOf(r: number): number {
    return (r & 3) === 0 && r !== 0 ? this.w[(r - this.base) >> 2]! >>> 8 : 0;
  }
  word(addr: number): number {
    return this.w[(addr - this.base) >> 2]!;
  }
  setWord(addr: number, v: number): void {
    this.w[(addr - this.base) >> 2] = v;
  }
  length(arr: number): number {
    return this.word(arr + 4);
  }
  elem(arr: number, i: number): number {
    return this.w[((arr - this.base) >> 2) + 2 + i]!;
  }
  setElem(arr: number, i: number, v: number): void {
    this.w[((arr - this.base) >> 2) + 2 + i] = v;
  }

  allocArray(tid: number, n: number): number {
    const a = this.ctx.heap.allocArray(tid, n);
    this.roots.push(a);
    return a;
  }
  allocStruct(tid: number): number {
    const a = this.ctx.heap.allocStruct(tid);
    this.roots.push(a);
    return a;
  }

  // ---- numbers
  isInt(r: number): boolean {
    return (r & 1) === 1 || this.typeOf(r) === this.t.bigint;
  }
  readInt(r: number): bigint {
    return readInt(this.ctx, r);
  }
  makeInt(v: bigint): number {
    const r = makeInt(this.ctx, v);
    if ((r & 1) === 0) this.roots.push(r);
    return r;
  }
  smallInt(n: number): number {
    return (n << 1) | 1;
  }
  readFloat(r: number): number {
    return this.f[(r + 8 - this.base) >> 3]!;
  }
  makeFloat(x: number): number {
    const r = this.allocStruct(this.t.float);
    this.f[(r + 8 - this.base) >> 3] = x;
    return r;
  }

  // ---- strings: arrays of code points
  readStr(r: number): string {
    const n = this.length(r);
    const at = ((r - this.base) >> 2) + 2;
    let s = '';
    for (let i = 0; i < n; i += 4096) s += String.fromCodePoint(...this.w.subarray(at + i, at + Math.min(n, i + 4096)));
    return s;
  }
  makeStr(s: string): number {
    const cps: number[] = [];
    for (const ch of s) cps.push(ch.codePointAt(0)!);
    return this.makeStrFromCodes(cps);
  }
  makeStrFromCodes(cps: ArrayLike<number>): number {
    const r = this.allocArray(this.t.str, cps.length);
    const at = ((r - this.base) >> 2) + 2;
    for (let i = 0; i < cps.length; i++) this.w[at + i] = cps[i]!;
    return r;
  }

  // ---- sequences
  makeTuple(items: readonly number[]): number {
    const r = this.allocArray(this.t.tuple, items.length);
    for (let i = 0; i < items.length; i++) this.setElem(r, i, items[i]!);
    return r;
  }
  tupleItems(r: number): number[] {
    const n = this.length(r);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = this.elem(r, i);
    return out;
  }
  /** List layout: { len @4, items @8 }. */
  listLen(l: number): number {
    return this.word(l + 4);
  }
  listItems(l: number): number {
    return this.word(l + 8);
  }
  listValues(l: number): number[] {
    const n = this.listLen(l);
    const items = this.listItems(l);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = this.elem(items, i);
    return out;
  }
  makeList(items: readonly number[], capacity = items.length): number {
    const arr = this.allocArray(this.t.refs, Math.max(capacity, 4));
    for (let i = 0; i < items.length; i++) this.setElem(arr, i, items[i]!);
    const l = this.allocStruct(this.t.list);
    this.setWord(l + 4, items.length);
    this.setWord(l + 8, arr);
    return l;
  }
  /** Makes room for `extra` more items, growing the backing array by half. */
  reserve(l: number, extra: number): void {
    const len = this.listLen(l);
    const items = this.listItems(l);
    if (len + extra <= this.length(items)) return;
    const cap = Math.max(len + extra, (len * 3) >> 1, 4);
    const grown = this.allocArray(this.t.refs, cap);
    const old = this.listItems(l);
    for (let i = 0; i < len; i++) this.setElem(grown, i, this.elem(old, i));
    this.setWord(l + 8, grown);
  }
  listPush(l: number, v: number): void {
    this.reserve(l, 1);
    const len = this.listLen(l);
    this.setElem(this.listItems(l), len, v);
    this.setWord(l + 4, len + 1);
  }

  // ---- exceptions
  /** Throws a guest exception of a built-in class with one message argument (or none). */
  raise(cls: string, message?: string | number): never {
    const args = message === undefined ? [] : [typeof message === 'string' ? this.makeStr(message) : message];
    throw new GuestException(this.makeException(exceptionClassRef(cls), args));
  }
  makeException(clsRef: number, args: readonly number[]): number {
    const tuple = this.makeTuple(args);
    const e = this.allocStruct(this.t.exc);
    this.setWord(e + 4, clsRef);
    this.setWord(e + 8, tuple);
    return e;
  }
}

const contexts = new WeakMap<HostContext, Py>();

/** The Py view of a host context, made on first use. */
export function pyOf(ctx: HostContext): Py {
  let p = contexts.get(ctx);
  if (!p) {
    p = new Py(ctx);
    contexts.set(ctx, p);
  }
  return p;
}
