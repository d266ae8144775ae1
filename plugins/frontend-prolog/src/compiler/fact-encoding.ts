import { SMALL_INT_MAX, SMALL_INT_MIN } from '#framework';
import { str, type Term } from '../reader/terms.ts';
import type { Symbols } from './symbols.ts';

/** Node tags of the encoding: each node is two words, tag and value. */
export const ENC_STR = 0;
export const ENC_IMM = 1;
export const ENC_BIG = 2;
export const ENC_FLT = 3;
export const ENC_TEXT = 4;

/**
 * Ground facts of one predicate as flat words instead of source terms: each fact's
 * arguments in prefix order, a compound as (ENC_STR, symbol id) followed by its arguments,
 * an atom or small integer as (ENC_IMM, ref bits), a bigint, float or string as an index
 * into a side list. A fact table of 100 000 facts then holds a few megabytes of typed array, not
 * millions of objects for the garbage collector to copy while the rest of the file is read.
 */
export class EncodedFacts {
  private data: Int32Array = new Int32Array(4096);
  private used = 0;
  private firsts: Int32Array = new Int32Array(256);
  count = 0;
  readonly bigs: bigint[] = [];
  readonly floats: number[] = [];
  readonly texts: string[] = [];

  constructor(
    private readonly syms: Symbols,
    readonly name: string,
    readonly arity: number,
  ) {}

  get words(): Int32Array {
    return this.data;
  }

  /** Word offset where fact i's first argument starts. */
  start(i: number): number {
    return this.firsts[i]!;
  }

  add(head: Extract<Term, { k: 'str' }>): void {
    if (this.count === this.firsts.length) this.firsts = grow(this.firsts);
    this.firsts[this.count++] = this.used;
    const stack: Term[] = [];
    for (let i = head.args.length - 1; i >= 0; i--) stack.push(head.args[i]!);
    while (stack.length > 0) {
      const t = stack.pop()!;
      switch (t.k) {
        case 'str':
          this.put(ENC_STR, this.syms.id(t.name, t.args.length));
          for (let i = t.args.length - 1; i >= 0; i--) stack.push(t.args[i]!);
          break;
        case 'atom':
          this.put(ENC_IMM, this.syms.imm(t.name, 0));
          break;
        case 'int':
          if (t.v >= BigInt(SMALL_INT_MIN) && t.v <= BigInt(SMALL_INT_MAX))
            this.put(ENC_IMM, (Number(t.v) << 1) | 1 | 0);
          else this.put(ENC_BIG, this.bigs.push(t.v) - 1);
          break;
        case 'flt':
          this.put(ENC_FLT, this.floats.push(t.v) - 1);
          break;
        case 'string':
          this.put(ENC_TEXT, this.texts.push(t.v) - 1);
          break;
        case 'var':
          throw new Error('a fact table holds a variable');
      }
    }
  }

  /** Word offset just past the subterm at `at`. */
  skip(at: number): number {
    let pending = 1;
    while (pending > 0) {
      pending--;
      if (this.data[at] === ENC_STR) pending += this.syms.arities[this.data[at + 1]!]!;
      at += 2;
    }
    return at;
  }

  /** Fact i as a source term (the facts of a predicate that is not a table after all). */
  decode(i: number): Term {
    const args: Term[] = [];
    let at = this.start(i);
    for (let a = 0; a < this.arity; a++) {
      args.push(this.term(at));
      at = this.skip(at);
    }
    return str(this.name, args);
  }

  private term(at0: number): Term {
    // Prefix order back to a tree: a frame per compound collects its arguments.
    const frames: { name: string; n: number; args: Term[] }[] = [];
    let at = at0;
    for (;;) {
      const tag = this.data[at]!,
        v = this.data[at + 1]!;
      at += 2;
      let t: Term;
      if (tag === ENC_STR) {
        frames.push({ name: this.syms.names[v]!, n: this.syms.arities[v]!, args: [] });
        continue;
      }
      if (tag === ENC_IMM)
        t = (v & 1) === 1 ? { k: 'int', v: BigInt(v >> 1) } : { k: 'atom', name: this.syms.names[v >> 2]! };
      else if (tag === ENC_BIG) t = { k: 'int', v: this.bigs[v]! };
      else if (tag === ENC_FLT) t = { k: 'flt', v: this.floats[v]! };
      else t = { k: 'string', v: this.texts[v]! };
      for (;;) {
        const top = frames[frames.length - 1];
        if (!top) return t;
        top.args.push(t);
        if (top.args.length < top.n) break;
        frames.pop();
        t = str(top.name, top.args);
      }
    }
  }

  private put(tag: number, v: number): void {
    if (this.used + 2 > this.data.length) this.data = grow(this.data);
    this.data[this.used++] = tag;
    this.data[this.used++] = v;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
