import {
  GuestException,
  makeInteger,
  readInteger,
  type GcHeap,
  type Handle,
  type HandleScope,
  type HostContext,
} from '#framework';
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
  cls: number;
  object: number;
  set: number;
}

/** Shared index lists for `holdAll` (never mutated): ALL_INDICES[n] is [0, 1, ..., n - 1]. */
const ALL_INDICES: number[][] = [];
function allIndices(n: number): readonly number[] {
  if (n >= 64) return Array.from({ length: n }, (_, i) => i);
  let list = ALL_INDICES[n];
  if (!list) ALL_INDICES[n] = list = Array.from({ length: n }, (_, i) => i);
  return list;
}

/**
 * One program's view of guest values for the host functions: type ids, raw word access
 * and allocation.
 *
 * The collector may move every object at any allocation (allocArray, allocStruct, makeInt,
 * makeFloat, makeStr, makeTuple, makeList, makeException, reserve, listPush, raise, and
 * whatever calls them), so a ref in a JS local or a JS array is stale after one. The idiom:
 * - a ref needed after an allocation goes in a handle first, `const h = py.hold(r)`, and is
 *   read back with `py.get(h)` after; a host function's `args[i]` is held already (re-read
 *   it, never a destructured copy);
 * - a JS array of refs needed after an allocation is held in place, `py.holdAll(values)`,
 *   which keeps every element current; a builder that makes refs one by one fills such an
 *   array made (and held) before the first allocation;
 * - the builders (makeTuple, makeList, makeException, listPush) hold their ref inputs
 *   themselves; helpers returning refs in JS arrays (tupleItems, listValues,
 *   iterateValues, dictEntries) give refs that are current until the next allocation;
 * - a ref stored into a heap object is followed by `py.barrier(object)` (setRef and
 *   setElemRef do both); one barrier after filling an object covers every store into it.
 * Handles live until the host function returns (Program.bindExtern releases them).
 */
export class Py {
  readonly t: TypeIds;
  readonly w: Int32Array;
  readonly f: Float64Array;
  readonly base: number;
  private readonly handles: HandleScope;
  private readonly heap: GcHeap;

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
      cls: id('class'),
      object: id('object'),
      set: id('set'),
    };
    this.w = ctx.memory.i32;
    this.f = ctx.memory.f64;
    this.base = ctx.memory.base;
    this.handles = ctx.handles;
    this.heap = ctx.heap;
  }

  // ---- handles and the barrier
  hold(ref: number): Handle {
    return this.handles.hold(ref);
  }
  get(h: Handle): number {
    return this.handles.get(h);
  }
  set(h: Handle, ref: number): void {
    this.handles.set(h, ref);
  }
  /** Keeps every element of `values` rooted and current (updated in place); returns it. */
  holdAll<T extends number[]>(values: T): T {
    if (values.length > 0) this.handles.holdArray(values, allIndices(values.length));
    return values;
  }
  barrier(object: number): void {
    this.heap.writeBarrier(object);
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
  /** Stores ref `v` at byte offset `off` of object `obj`, with the barrier. */
  setRef(obj: number, off: number, v: number): void {
    this.w[(obj + off - this.base) >> 2] = v;
    this.heap.writeBarrier(obj);
  }
  length(arr: number): number {
    return this.word(arr + 4);
  }
  elem(arr: number, i: number): number {
    return this.w[((arr - this.base) >> 2) + 2 + i]!;
  }
  /** Stores a raw element (no barrier: for i32 arrays, or a ref store followed by `barrier`). */
  setElem(arr: number, i: number, v: number): void {
    this.w[((arr - this.base) >> 2) + 2 + i] = v;
  }
  setElemRef(arr: number, i: number, v: number): void {
    this.w[((arr - this.base) >> 2) + 2 + i] = v;
    this.heap.writeBarrier(arr);
  }

  allocArray(tid: number, n: number): number {
    return this.heap.allocArray(tid, n);
  }
  allocStruct(tid: number): number {
    return this.heap.allocStruct(tid);
  }

  // ---- numbers
  isInt(r: number): boolean {
    return (r & 1) === 1 || this.typeOf(r) === this.t.bigint;
  }
  readInt(r: number): bigint {
    return readInt(this.ctx, r);
  }
  makeInt(v: bigint): number {
    return makeInt(this.ctx, v);
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
  makeTuple(items: number[]): number {
    this.holdAll(items);
    const r = this.allocArray(this.t.tuple, items.length);
    const at = ((r - this.base) >> 2) + 2;
    for (let i = 0; i < items.length; i++) this.w[at + i] = items[i]!;
    this.heap.writeBarrier(r);
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
  makeList(items: number[], capacity = items.length): number {
    this.holdAll(items);
    const l = this.allocStruct(this.t.list);
    const hl = this.hold(l);
    const arr = this.allocArray(this.t.refs, Math.max(capacity, 4));
    const at = ((arr - this.base) >> 2) + 2;
    for (let i = 0; i < items.length; i++) this.w[at + i] = items[i]!;
    this.heap.writeBarrier(arr);
    const list = this.get(hl);
    this.setWord(list + 4, items.length);
    this.setRef(list, 8, arr);
    return list;
  }
  /** Makes room for `extra` more items in the list held in `hl`, growing the backing array by half. */
  reserve(hl: Handle, extra: number): void {
    const l = this.get(hl);
    const len = this.listLen(l);
    if (len + extra <= this.length(this.listItems(l))) return;
    const cap = Math.max(len + extra, (len * 3) >> 1, 4);
    const grown = this.allocArray(this.t.refs, cap);
    const list = this.get(hl);
    const old = this.listItems(list);
    const from = ((old - this.base) >> 2) + 2;
    const to = ((grown - this.base) >> 2) + 2;
    this.w.copyWithin(to, from, from + len);
    this.heap.writeBarrier(grown);
    this.setRef(list, 8, grown);
  }
  /** Appends `v` to the list held in `hl`. */
  listPush(hl: Handle, v: number): void {
    const hv = this.hold(v);
    this.reserve(hl, 1);
    const l = this.get(hl);
    const len = this.listLen(l);
    this.setElemRef(this.listItems(l), len, this.get(hv));
    this.setWord(l + 4, len + 1);
  }

  // ---- exceptions
  /** Throws a guest exception of a built-in class with one message argument (or none). */
  raise(cls: string, message?: string | number): never {
    const args = message === undefined ? [] : [typeof message === 'string' ? this.makeStr(message) : message];
    throw new GuestException(this.makeException(exceptionClassRef(cls), args));
  }
  makeException(clsRef: number, args: number[]): number {
    const hc = this.hold(clsRef);
    const ht = this.hold(this.makeTuple(args));
    const e = this.allocStruct(this.t.exc);
    this.setRef(e, 4, this.get(hc));
    this.setRef(e, 8, this.get(ht));
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
