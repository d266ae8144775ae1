/** A fixed-size set of small non-negative integers (virtual registers), 32 to a word. */
export class BitSet {
  private readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  delete(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  /** this ∪= other; true when this grew. */
  unionWith(other: BitSet): boolean {
    let changed = false;
    for (let w = 0; w < this.words.length; w++) {
      const merged = this.words[w]! | other.words[w]!;
      if (merged !== this.words[w]) {
        this.words[w] = merged;
        changed = true;
      }
    }
    return changed;
  }

  /** this = a ∪ (b \ c); true when this changed. */
  assignUnionMinus(a: BitSet, b: BitSet, c: BitSet): boolean {
    let changed = false;
    for (let w = 0; w < this.words.length; w++) {
      const v = (a.words[w]! | (b.words[w]! & ~c.words[w]!)) >>> 0;
      if (v !== this.words[w]) {
        this.words[w] = v;
        changed = true;
      }
    }
    return changed;
  }

  /** this ∩= other. */
  intersectWith(other: BitSet): void {
    for (let w = 0; w < this.words.length; w++) this.words[w]! &= other.words[w]!;
  }

  /** Every member, 0 … size-1. */
  fill(): void {
    this.words.fill(0xffffffff);
  }

  copyFrom(other: BitSet): void {
    this.words.set(other.words);
  }

  copy(): BitSet {
    const c = new BitSet(this.size);
    c.words.set(this.words);
    return c;
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  forEach(f: (i: number) => void): void {
    for (let w = 0; w < this.words.length; w++) {
      let bits = this.words[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        f((w << 5) + 31 - Math.clz32(low));
        bits ^= low;
      }
    }
  }

  toArray(): number[] {
    const out: number[] = [];
    this.forEach((i) => out.push(i));
    return out;
  }
}
