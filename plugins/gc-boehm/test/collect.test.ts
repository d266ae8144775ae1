import test from 'ava';
import { TYPE_ID_SHIFT } from '#framework';
import { heapFixture, smallInt, type HeapFixture } from './heap-fixture.ts';

/** A small graph with sharing and a cycle: root → a ⇄ b, a → [a, b, c], c → 7. */
function buildGraph(f: HeapFixture): { a: number; b: number; c: number; arr: number } {
  const { heap, memory, types, handles, id } = f;
  const a = heap.allocStruct(id('node'));
  handles.refs.push(a);
  const b = heap.allocStruct(id('node'));
  handles.refs.push(b);
  const c = heap.allocStruct(id('box'));
  handles.refs.push(c);
  const arr = heap.allocArray(id('refs'), 3);
  const next = types.field('node', 'next').offset;
  const other = types.field('node', 'other').offset;
  memory.setWord(a + next, b);
  memory.setWord(b + next, a);
  memory.setWord(a + other, arr);
  memory.setWord(b + other, smallInt(42));
  memory.f64[(a + 8 - memory.base) >> 3] = 2.5;
  memory.setWord(c + 4, 7);
  memory.setWord(arr + 8, a);
  memory.setWord(arr + 12, b);
  memory.setWord(arr + 16, c);
  handles.refs.length = 0;
  handles.refs.push(a);
  return { a, b, c, arr };
}

test('a struct graph kept through a root source survives; garbage is reclaimed', (t) => {
  const f = heapFixture();
  const { heap, memory, handles, id } = f;
  const freeAtStart = heap.freeBytes();
  const { a, b, c, arr } = buildGraph(f);
  for (let i = 0; i < 10_000; i++) heap.allocStruct(id('pair'));
  heap.allocArray(id('bytes'), 100_000);
  t.true(heap.freeBytes() < freeAtStart - 260_000);
  heap.collect();
  for (const o of [a, b, c, arr]) t.true(heap.isObject(o));
  const other = f.types.field('node', 'other').offset;
  t.is(memory.word(memory.word(a + other) + 12), b, 'array element survives');
  t.is(memory.word(c + 4), 7);
  t.is(memory.f64[(a + 8 - memory.base) >> 3], 2.5);
  t.is(heap.stats.liveBytes, 24 + 24 + 8 + 24);
  // Two pages stay in use: the 8-byte class (box) and the 24-byte class (nodes, array),
  // with 511 and 167 free cells; a 24-byte page wastes 16 bytes at its end.
  t.is(heap.freeBytes(), freeAtStart - 2 * 4096 + 511 * 8 + 167 * 24);
  t.notThrows(() => heap.verify());
  handles.refs.length = 0;
  heap.collect();
  t.is(heap.freeBytes(), freeAtStart, 'everything is free again');
  t.is(heap.stats.liveBytes, 0);
});

test('collections start on allocation volume past max(1 MiB, live bytes)', (t) => {
  const { heap, id } = heapFixture({ heapSize: 16 * 1024 * 1024 });
  const perMiB = (1024 * 1024) / 16;
  for (let i = 0; i < perMiB; i++) heap.allocStruct(id('pair'));
  t.is(heap.stats.collections, 0);
  heap.allocStruct(id('pair'));
  t.is(heap.stats.collections, 1);
  t.is(heap.stats.bytesAllocated, (perMiB + 1) * 16);
});

test('a million-element list is built, collected and verified without host recursion', (t) => {
  const f = heapFixture({ heapSize: 32 * 1024 * 1024 });
  const { heap, memory, handles, cons } = f;
  const n = 1_000_000;
  handles.refs.push(0);
  for (let i = 0; i < n; i++) handles.refs[0] = cons(smallInt(i), handles.refs[0]!);
  heap.collect();
  t.is(heap.stats.liveBytes, n * 16);
  t.notThrows(() => heap.verify());
  let length = 0;
  let sum = 0;
  for (let p = handles.refs[0]!; p !== 0; p = memory.word(p + 8)) {
    length++;
    sum += memory.word(p + 4) >> 1;
  }
  t.is(length, n);
  t.is(sum, (n * (n - 1)) / 2);
  handles.refs.length = 0;
  heap.collect();
  t.is(heap.stats.liveBytes, 0);
  t.is(heap.freeBytes(), heap.heapBytes);
});

test('out_of_memory when live data fills the heap; the heap still verifies and recovers', (t) => {
  const f = heapFixture({ heapSize: 64 * 1024, verify: true });
  const { heap, handles, cons, id } = f;
  handles.refs.push(0);
  const error = t.throws(() => {
    for (;;) handles.refs[0] = cons(smallInt(1), handles.refs[0]!);
  });
  t.is(error?.name, 'Trap');
  t.regex(error?.message ?? '', /out_of_memory/);
  t.true(heap.stats.collections >= 1);
  t.notThrows(() => heap.verify());
  t.throws(() => heap.allocArray(id('bytes'), 10_000), { message: /out_of_memory/ });
  t.throws(() => heap.allocArray(id('bytes'), 2 ** 30), { message: /out_of_memory/ });
  t.notThrows(() => heap.verify());
  handles.refs.length = 0;
  t.true(heap.isObject(heap.allocArray(id('bytes'), 60_000)), 'a collection makes room again');
});

test('filling the heap while making garbage gives up once a collection leaves under 1/16 free', (t) => {
  const heapSize = 256 * 1024;
  const { heap, handles, cons } = heapFixture({ heapSize, tuning: { minCollectionInterval: 16 * 1024 } });
  handles.refs.push(0);
  let kept = 0;
  const error = t.throws(() => {
    for (;;) {
      // One cell kept for one dropped: each collection frees half of what came since.
      handles.refs[0] = cons(smallInt(kept++), handles.refs[0]!);
      cons(smallInt(0), 0);
    }
  });
  t.regex(error?.message ?? '', /out_of_memory/);
  // Without the limit the collections come ever closer until not one cell is left free
  // (22 here); with it they stop while some room is left (11).
  t.true(heap.stats.collections <= 15, `${heap.stats.collections} collections`);
  t.true(heap.freeBytes() > 0 && heap.freeBytes() < heapSize / 16, `${heap.freeBytes()} bytes free`);
  t.true(heap.stats.liveBytes > heapSize * 0.8, `${heap.stats.liveBytes} bytes live`);
});

test('an empty small page goes back to the pool and serves a large object', (t) => {
  const { heap, handles, id } = heapFixture({ heapSize: 64 * 1024 });
  for (let round = 0; round < 20; round++) {
    handles.refs.length = 0;
    for (let i = 0; i < (64 * 1024) / 16 - 1; i++) heap.allocStruct(id('pair'));
    // Only possible when the pair pages are freed whole and joined into one run.
    handles.refs.push(heap.allocArray(id('bytes'), 60_000));
  }
  t.pass();
});

test('freed objects have header 0 so they never look live', (t) => {
  const { heap, memory, id } = heapFixture();
  const garbage = heap.allocStruct(id('pair'));
  const large = heap.allocArray(id('bytes'), 9000);
  heap.collect();
  t.is(memory.word(garbage) >>> TYPE_ID_SHIFT, 0);
  t.is(memory.word(large), 0);
  t.false(heap.isObject(garbage));
  t.false(heap.isObject(large));
});

test('static-data refs are accepted but not followed; immediates are ignored', (t) => {
  const { heap, memory, handles, types, id } = heapFixture({ verify: true });
  const staticConst = memory.layout.staticBase + 64;
  memory.setWord(staticConst, id('box') << TYPE_ID_SHIFT);
  const p = heap.allocStruct(id('pair'));
  memory.setWord(p + types.field('pair', 'head').offset, staticConst);
  memory.setWord(p + types.field('pair', 'tail').offset, 0b10110);
  handles.refs.push(p, staticConst, smallInt(5));
  t.notThrows(() => heap.collect());
  t.true(heap.isObject(p));
  t.is(heap.stats.liveBytes, 16);
});

test('with no page free, a small object takes a free cell of a larger class', (t) => {
  const { heap, handles, id } = heapFixture({ heapSize: 64 * 1024, verify: true });
  // Arrays claim every page, and one in eight survives: after the collection that
  // exhaustion forces, no page is empty, so none goes back to the pool for pairs.
  for (let i = 0; heap.stats.collections === 0; i++) {
    const a = heap.allocArray(id('bytes'), 100);
    if (i % 8 === 0) handles.refs.push(a);
  }
  const before = heap.freeBytes();
  t.true(before > 32 * 1024, `${before} bytes free`);
  for (let i = 0; i < 300; i++) handles.refs.push(heap.allocStruct(id('pair')));
  t.notThrows(() => heap.verify());
  t.true(heap.freeBytes() < before);
});
