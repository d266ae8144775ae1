import type { ElemKind, NumType } from './recipe.ts';

export interface ScopeMark {
  ints: number;
  floats: number;
  structs: number;
  objects: number;
  arrays: Record<ElemKind, number>;
}

/**
 * What a recipe's references resolve against while one function is lowered: mutable
 * number variables (SSA values replaced on assignment and joined through block
 * parameters) and the objects allocated so far. Statement lists are scopes: leaving one
 * forgets what it declared.
 */
export class Scope {
  ints: number[] = [];
  floats: number[] = [];
  structs: number[] = [];
  /** Structs and arrays in allocation order: what a ref expression may name. */
  objects: number[] = [];
  arrays: Record<ElemKind, number[]> = { i32: [], f64: [], ref: [], i8: [] };

  vars(t: NumType): number[] {
    return t === 'i32' ? this.ints : this.floats;
  }

  mark(): ScopeMark {
    const arrays = { i32: 0, f64: 0, ref: 0, i8: 0 };
    for (const k of Object.keys(arrays) as ElemKind[]) arrays[k] = this.arrays[k].length;
    return {
      ints: this.ints.length,
      floats: this.floats.length,
      structs: this.structs.length,
      objects: this.objects.length,
      arrays,
    };
  }

  restore(mark: ScopeMark): void {
    this.ints.length = mark.ints;
    this.floats.length = mark.floats;
    this.structs.length = mark.structs;
    this.objects.length = mark.objects;
    for (const k of Object.keys(mark.arrays) as ElemKind[]) this.arrays[k].length = mark.arrays[k];
  }

  /** The mutable variables, ints first: what control-flow joins pass along. */
  mutableValues(): number[] {
    return [...this.ints, ...this.floats];
  }

  mutableTypes(): NumType[] {
    return [...this.ints.map((): NumType => 'i32'), ...this.floats.map((): NumType => 'f64')];
  }

  setMutableValues(values: readonly number[]): void {
    this.ints = values.slice(0, this.ints.length);
    this.floats = values.slice(this.ints.length, this.ints.length + this.floats.length);
  }
}

/** `list[n mod length]`, or undefined for an empty list. */
export function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[Math.abs(n) % list.length];
}
