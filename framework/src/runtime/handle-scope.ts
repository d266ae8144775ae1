import type { RootSource, RootVisitor } from '../gc/interface.ts';

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
  /** Argument arrays held with their ref positions, and the ref top when each was held. */
  private readonly arrays: { array: number[]; refIndices: readonly number[]; heldAt: number }[] = [];

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
    // The array takes a handle slot of its own, so that a mark taken after it is above it:
    // releasing that mark must not drop the array.
    this.arrays.push({ array, refIndices, heldAt: this.hold(0) });
  }

  mark(): number {
    return this.top;
  }

  /** Drops every handle and held array since `mark`. */
  release(mark: number): void {
    this.top = mark;
    const arrays = this.arrays;
    while (arrays.length > 0 && arrays[arrays.length - 1]!.heldAt >= mark) arrays.pop();
  }

  /** Handles live now (for tests and leak checks). */
  get size(): number {
    return this.top;
  }

  visitRoots(visit: RootVisitor): void {
    const refs = this.refs;
    for (let i = 0; i < this.top; i++) refs[i] = visit(refs[i]!);
    for (const { array, refIndices } of this.arrays) for (const i of refIndices) array[i] = visit(array[i]!);
  }
}
