import test from 'ava';
import {
  EveryNAllocations,
  RandomIntervals,
  SeededRandom,
  stressPolicyFor,
  type StressPolicy,
} from '../../src/gc/stress.ts';

const points = (policy: StressPolicy, allocations: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < allocations; i++) if (policy.shouldCollect()) out.push(i);
  return out;
};

test('every N collects at allocations N-1, 2N-1, ...', (t) => {
  t.deepEqual(points(new EveryNAllocations(1), 4), [0, 1, 2, 3]);
  t.deepEqual(points(new EveryNAllocations(3), 10), [2, 5, 8]);
  t.throws(() => new EveryNAllocations(0), { instanceOf: RangeError });
});

test('random intervals replay from the seed and average N', (t) => {
  const a = points(new RandomIntervals(50, 7), 100_000);
  t.deepEqual(points(new RandomIntervals(50, 7), 100_000), a);
  t.notDeepEqual(points(new RandomIntervals(50, 8), 100_000), a);
  const mean = 100_000 / a.length;
  t.true(mean > 47 && mean < 53, `mean ${mean}`);
  t.deepEqual(points(new RandomIntervals(1, 3), 5), [0, 1, 2, 3, 4], 'mean 1 is every allocation');
});

test('the PRNG is deterministic and spreads values', (t) => {
  const r = new SeededRandom(42);
  const xs = Array.from({ length: 1000 }, () => r.intBetween(0, 9));
  const again = new SeededRandom(42);
  t.deepEqual(
    Array.from({ length: 1000 }, () => again.intBetween(0, 9)),
    xs,
  );
  for (let d = 0; d < 10; d++) t.true(xs.filter((x) => x === d).length > 60);
});

test('HeapOptions pick the policy', (t) => {
  t.is(stressPolicyFor({ stressEvery: 0 }), null);
  t.true(stressPolicyFor({ stressEvery: 5 }) instanceof EveryNAllocations);
  t.true(stressPolicyFor({ stressEvery: 5, stressSeed: 1 }) instanceof RandomIntervals);
});
