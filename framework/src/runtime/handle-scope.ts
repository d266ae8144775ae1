import type { RootSource, RootVisitor } from '../gc/interface.ts';

const EMPTY: number[] = [];

/** An index into the host context's handle scope; read it with `get` after any allocation. */
export type Handle = number;

/**
 * The refs host functions hold across an allocation. A collection may move objects: a ref
 * kept in a host local goes stale at the next allocation, a ref kept in a handle does
 * not, because the scope is a root source that writes moved addresses back.
 *
 * Scopes nest by mark: every collecting host function runs between `mark()` and
 * `release(mark)` (Program.bindExtern does it), so a host function never releases its
 * own handles. Its ref arguments are held the same way: `args[i]` is current after any
 * allocation.
 */
export class HandleScope implements RootSource {
  private refs: number[] = [];
  private top = 0;
  /** Argument arrays held with their ref positions and the ref top when each was held:
   *  parallel stacks, so that holding one (once per host call) allocates nothing. */
  private readonly arrays: number[][] = [];
  private readonly arrayRefIndices: (readonly number[])[] = [];
  private readonly arrayHeldAt: number[] = [];
  private arrayTop = 0;

  /** Roots `ref` until the enclosing mark is released. */
  hold(ref: number): Handle {
    if (this.top === this.refs.length) this.refs.push(ref);
    else this.refs[this.top] = ref;
    return this.top++;
  }

  get(handle: Handle): number {
    return this.refs[handle]!;
  }

  set(handle: Handle, ref: number): void {
    this.refs[handle] = ref;
  }

  /** Keeps `array[i]` for every i in `refIndices` rooted and current until the mark is released. */
  holdArray(array: number[], refIndices: readonly number[]): void {
    // Each slot must be visited once per collection: a sliding compactor cannot tell a
    // slot it already updated from one it has not. So a slot an earlier (longer-lived)
    // hold of the same array covers is not held again.
    const uncovered = this.uncoveredIndices(array, refIndices);
    if (uncovered.length === 0) return;
    // The array takes a handle slot of its own, so that a mark taken after it is above it:
    // releasing that mark must not drop the array.
    const heldAt = this.hold(0);
    const i = this.arrayTop++;
    this.arrays[i] = array;
    this.arrayRefIndices[i] = uncovered;
    this.arrayHeldAt[i] = heldAt;
  }

  /** `refIndices` minus those already held in `array`; `refIndices` itself when none are
   *  (the common case, which allocates nothing). */
  private uncoveredIndices(array: number[], refIndices: readonly number[]): readonly number[] {
    let covered: Set<number> | undefined;
    for (let a = 0; a < this.arrayTop; a++) {
      if (this.arrays[a] !== array) continue;
      const held = this.arrayRefIndices[a]!;
      if (held === refIndices) return EMPTY;
      covered ??= new Set();
      for (const i of held) covered.add(i);
    }
    return covered ? refIndices.filter((i) => !covered.has(i)) : refIndices;
  }

  mark(): number {
    return this.top;
  }

  /** Drops every handle and held array since `mark`. */
  release(mark: number): void {
    this.top = mark;
    while (this.arrayTop > 0 && this.arrayHeldAt[this.arrayTop - 1]! >= mark) this.arrays[--this.arrayTop] = EMPTY;
  }

  /** Handles live now (for tests and leak checks). */
  get size(): number {
    return this.top;
  }

  visitRoots(visit: RootVisitor): void {
    const refs = this.refs;
    for (let i = 0; i < this.top; i++) refs[i] = visit(refs[i]!);
    for (let a = 0; a < this.arrayTop; a++) {
      const array = this.arrays[a]!;
      for (const i of this.arrayRefIndices[a]!) array[i] = visit(array[i]!);
    }
  }
}
