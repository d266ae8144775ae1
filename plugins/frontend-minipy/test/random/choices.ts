import fc from 'fast-check';

/**
 * A random program is drawn from a list of numbers (Hypothesis's choice sequence): every
 * decision of the generator takes the next number, and a missing number means the simplest
 * choice (0: no statement more, a literal, the first option). fast-check shrinks the list
 * (shorter, smaller numbers), so a failing program shrinks without a shrinker of its own.
 */
export const choiceList = (maxLength: number): fc.Arbitrary<number[]> =>
  fc.noBias(fc.array(fc.nat({ max: 0xffff }), { minLength: maxLength >> 2, maxLength }));

export class Draw {
  private at = 0;
  constructor(private readonly choices: readonly number[]) {}

  /** A number in [0, n). */
  below(n: number): number {
    const x = this.at < this.choices.length ? this.choices[this.at++]! : 0;
    return x % n;
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  /** True with about `percent`% probability; false once the choices run out. */
  chance(percent: number): boolean {
    return this.below(100) >= 100 - percent;
  }

  /** One of the weighted options (weights need not sum to anything); the first on 0. */
  weighted<T>(options: readonly (readonly [number, T])[]): T {
    const total = options.reduce((s, [w]) => s + w, 0);
    let x = this.below(total);
    for (const [w, v] of options) {
      if (x < w) return v;
      x -= w;
    }
    return options[0]![1];
  }
}
