import test from 'ava';
import { TypeTable } from '#framework';
import { CELL_SIZES, PAGE_BYTES } from '../src/size-classes.ts';
import { heapFixture } from './heap-fixture.ts';

test('allocates in every size class: zeroed, aligned, disjoint objects', (t) => {
  const { heap, memory, types, id } = heapFixture();
  const bytes = types.get('bytes');
  const taken: [number, number][] = [];
  for (const size of CELL_SIZES) {
    // An i8 array of size-8 elements occupies exactly `size` bytes.
    const length = size - 8;
    for (let k = 0; k < 3; k++) {
      const a = heap.allocArray(id('bytes'), length);
      t.is(a & 7, 0);
      t.true(heap.isObject(a), `cell of ${size}`);
      t.is(memory.word(a + 4), length);
      t.is(memory.word(a) >>> 8, id('bytes'));
      const body = memory.u8.subarray(a - memory.base + 8, a - memory.base + TypeTable.arrayBytes(bytes, length));
      t.true(body.every((b) => b === 0));
      taken.push([a, TypeTable.arrayBytes(bytes, length)]);
    }
  }
  taken.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < taken.length; i++) t.true(taken[i - 1]![0] + taken[i - 1]![1] <= taken[i]![0], 'objects overlap');
  t.notThrows(() => heap.verify());
});

test('structs get their type size and a header naming their type', (t) => {
  const { heap, memory, id } = heapFixture();
  const box = heap.allocStruct(id('box'));
  const node = heap.allocStruct(id('node'));
  t.is(memory.word(box), id('box') << 8);
  t.is(memory.word(node), id('node') << 8);
  t.is(heap.stats.allocations, 2);
  t.is(heap.stats.bytesAllocated, 8 + 24);
});

test('large objects are zeroed page runs that start on a page', (t) => {
  const { heap, memory, types, id } = heapFixture();
  for (const length of [2041, 4096, 10_000, 100_000, 1_000_000]) {
    const a = heap.allocArray(id('bytes'), length);
    t.is((a - memory.layout.heapBase) % PAGE_BYTES, 0);
    t.true(heap.isObject(a));
    t.is(memory.word(a + 4), length);
    const end = a - memory.base + TypeTable.arrayBytes(types.get('bytes'), length);
    t.true(memory.u8.subarray(a - memory.base + 8, end).every((b) => b === 0));
    const inside = a + (((end - (a - memory.base)) >>> 1) & ~7);
    t.false(heap.isObject(inside), 'inside a run is not an object start');
    t.is(heap.objectContaining(inside + 4), a);
  }
  t.notThrows(() => heap.verify());
});

test('isObject rejects interior, misaligned, free, unused and out-of-heap addresses', (t) => {
  const { heap, memory, handles, id, cons } = heapFixture();
  const keep = cons(0, 0);
  handles.refs.push(keep);
  const dropped = cons(0, 0);
  const neverUsed = dropped + 16;
  t.true(heap.isObject(keep));
  t.true(heap.isObject(dropped));
  t.false(heap.isObject(keep + 8), 'interior');
  t.false(heap.isObject(keep + 4), 'interior and misaligned');
  t.false(heap.isObject(keep + 1));
  t.false(heap.isObject(neverUsed), 'a cell never handed out');
  t.false(heap.isObject(memory.layout.heapEnd - 16), 'a page never used');
  t.false(heap.isObject(memory.layout.heapBase - 8), 'static data');
  t.false(heap.isObject(memory.layout.heapEnd), 'past the heap');
  t.false(heap.isObject(0));
  t.false(heap.isObject(-8));
  t.is(heap.objectContaining(keep + 8), keep);
  t.is(heap.objectContaining(neverUsed + 4), 0);
  heap.collect();
  t.false(heap.isObject(dropped), 'swept');
  t.true(heap.isObject(keep));
  // The tail of a page that holds no whole cell: 4096 = 3 * 1360 + 16.
  const big = heap.allocArray(id('bytes'), 1352);
  const pageStart = big - ((big - memory.layout.heapBase) % 4096);
  t.false(heap.isObject(pageStart + 3 * 1360));
  t.is(heap.objectContaining(pageStart + 3 * 1360 + 8), 0);
});

test('memory is zero again when cells and pages are reused', (t) => {
  const { heap, memory, id } = heapFixture({ heapSize: 256 * 1024 });
  const scribble = (a: number, bytes: number): void => memory.fill(a + 8, bytes - 8, 0xab);
  for (let round = 0; round < 5; round++) {
    const small: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = heap.allocArray(id('bytes'), 40);
      scribble(a, 48);
      small.push(a);
    }
    const large = heap.allocArray(id('bytes'), 50_000);
    scribble(large, 50_008);
    heap.collect();
    const again = heap.allocArray(id('bytes'), 40);
    t.true(small.includes(again), 'a freed cell is reused');
    t.true(
      memory.u8.subarray(again - memory.base, again - memory.base + 48).every((b, i) => (i >= 8 ? b === 0 : true)),
    );
    const largeAgain = heap.allocArray(id('bytes'), 50_000);
    const body = memory.u8.subarray(largeAgain - memory.base + 8, largeAgain - memory.base + 50_008);
    t.true(body.every((b) => b === 0));
    // A small page freed whole may now be part of a large run and the other way round.
    heap.collect();
  }
});

test('negative array lengths trap index_out_of_bounds; wrong type kinds are errors', (t) => {
  const { heap, id } = heapFixture();
  t.throws(() => heap.allocArray(id('refs'), -1), { name: 'Trap', message: /index_out_of_bounds/ });
  t.throws(() => heap.allocArray(id('pair'), 3), { message: /not an array/ });
  t.throws(() => heap.allocStruct(id('refs')), { message: /not a struct/ });
  t.throws(() => heap.allocStruct(0), { message: /not a struct/ });
  t.is(heap.allocArray(id('refs'), 0) & 7, 0);
});
