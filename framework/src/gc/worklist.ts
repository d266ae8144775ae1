/**
 * A growable stack of int32 values (guest addresses fit: the address space stays below
 * 2^31). Collectors and verifiers use it instead of recursion so that a million-element
 * list never overflows the host stack.
 */
export class Worklist {
  private items: Int32Array;
  private top = 0;

  constructor(initialCapacity = 1024) {
    this.items = new Int32Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.top;
  }

  isEmpty(): boolean {
    return this.top === 0;
  }

  push(value: number): void {
    if (this.top === this.items.length) this.grow();
    this.items[this.top++] = value;
  }

  /** Pops the most recent value; the caller checks isEmpty first. */
  pop(): number {
    if (this.top === 0) throw new RangeError('pop from an empty worklist');
    return this.items[--this.top]!;
  }

  clear(): void {
    this.top = 0;
  }

  private grow(): void {
    const bigger = new Int32Array(this.items.length * 2);
    bigger.set(this.items);
    this.items = bigger;
  }
}
