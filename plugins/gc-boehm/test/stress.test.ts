import test from 'ava';
import { heapFixture, smallInt } from './heap-fixture.ts';

/** Builds and drops lists so that collections have live data, garbage and reuse to check. */
function churn(f: ReturnType<typeof heapFixture>, rounds: number, length: number): void {
  const { handles, cons, id, heap } = f;
  handles.refs.push(0, 0);
  for (let r = 0; r < rounds; r++) {
    handles.refs[r & 1] = 0;
    for (let i = 0; i < length; i++) handles.refs[r & 1] = cons(smallInt(i), handles.refs[r & 1]!);
    if (r % 3 === 0) handles.refs[r & 1] = heap.allocArray(id('refs'), 600); // a large-ish object
  }
}

test('stress every 1 collects before every allocation and verifies each time', (t) => {
  const f = heapFixture({ heapSize: 256 * 1024, stressEvery: 1, verify: true });
  churn(f, 6, 200);
  t.is(f.heap.stats.collections, f.heap.stats.allocations);
  t.true(f.heap.stats.collections > 1000);
});

test('stress every N collects at every Nth allocation', (t) => {
  const points: number[] = [];
  const f = heapFixture({
    heapSize: 256 * 1024,
    stressEvery: 7,
    verify: true,
    tuning: { onCollection: (n) => points.push(n) },
  });
  churn(f, 3, 100);
  t.true(points.length > 10);
  points.forEach((p, i) => t.is(p, 7 * i + 6));
});

function seededPoints(seed: number): number[] {
  const points: number[] = [];
  const f = heapFixture({
    heapSize: 256 * 1024,
    stressEvery: 20,
    stressSeed: seed,
    verify: true,
    tuning: { onCollection: (n) => points.push(n) },
  });
  churn(f, 10, 300);
  return points;
}

test('seeded random stress replays the same collection points from the same seed', (t) => {
  const first = seededPoints(1234);
  t.deepEqual(seededPoints(1234), first);
  t.notDeepEqual(seededPoints(99), first);
  const gaps = first.map((p, i) => p - (first[i - 1] ?? -1));
  t.true(
    gaps.some((g) => g !== gaps[0]),
    'intervals vary',
  );
  const mean = gaps.reduce((x, y) => x + y, 0) / gaps.length;
  t.true(mean > 14 && mean < 26, `mean interval ${mean} is about 20`);
});
