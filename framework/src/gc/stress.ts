/**
 * When stress mode collects: every N allocations, or at random intervals with mean N
 * drawn from a seeded PRNG so that a failing run replays exactly from its seed.
 */
export interface StressPolicy {
  /** Called once per allocation, before it is served: true when it should collect first. */
  shouldCollect(): boolean;
}

/** mulberry32: tiny, fast and good enough to spread collection points; not cryptographic. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [lo, hi] (inclusive). */
  intBetween(lo: number, hi: number): number {
    return lo + (this.nextU32() % (hi - lo + 1));
  }
}

export class EveryNAllocations implements StressPolicy {
  private countdown: number;

  constructor(private readonly every: number) {
    if (!(every >= 1)) throw new RangeError(`stress interval must be at least 1, not ${every}`);
    this.countdown = every;
  }

  shouldCollect(): boolean {
    if (--this.countdown > 0) return false;
    this.countdown = this.every;
    return true;
  }
}

/** Intervals uniform in [1, 2N-1], so their mean is N. */
export class RandomIntervals implements StressPolicy {
  private readonly random: SeededRandom;
  private countdown: number;

  constructor(
    private readonly mean: number,
    seed: number,
  ) {
    if (!(mean >= 1)) throw new RangeError(`stress interval must be at least 1, not ${mean}`);
    this.random = new SeededRandom(seed);
    this.countdown = this.nextInterval();
  }

  shouldCollect(): boolean {
    if (--this.countdown > 0) return false;
    this.countdown = this.nextInterval();
    return true;
  }

  private nextInterval(): number {
    return this.random.intBetween(1, 2 * this.mean - 1);
  }
}

/** The policy HeapOptions ask for, or null when stress mode is off. */
export function stressPolicyFor(options: { stressEvery: number; stressSeed?: number }): StressPolicy | null {
  if (options.stressEvery <= 0) return null;
  return options.stressSeed === undefined
    ? new EveryNAllocations(options.stressEvery)
    : new RandomIntervals(options.stressEvery, options.stressSeed);
}
