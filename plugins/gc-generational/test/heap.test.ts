import test from 'ava';
import {
  GuestMemory,
  HandleScope,
  HeapCorruption,
  makeLayout,
  MiB,
  Trap,
  TypeTable,
  type HeapOptions,
  type TypeDecl,
} from '#framework';
import { GenerationalHeap } from '../src/heap.ts';

const TYPES: TypeDecl[] = [
  {
    kind: 'struct',
    name: 'pair',
    fields: [
      { name: 'head', kind: 'ref' },
      { name: 'tail', kind: 'ref' },
    ],
  },
  { kind: 'struct', name: 'box', fields: [{ name: 'value', kind: 'i32' }] },
  { kind: 'array', name: 'refs', elem: 'ref' },
  { kind: 'array', name: 'ints', elem: 'i32' },
];

function fixture(options: Partial<HeapOptions> = {}, heapSize = MiB) {
  const memory = new GuestMemory(makeLayout({ heapSize, staticSize: MiB, stackSize: 64 * 1024 }));
  const types = new TypeTable(TYPES);
  const heap = new GenerationalHeap({ memory, types, options: { stressEvery: 0, verify: true, ...options } });
  const handles = new HandleScope();
  heap.addRoots(handles);
  const id = (name: string): number => types.get(name).id;
  const HEAD = types.field('pair', 'head').offset;
  const TAIL = types.field('pair', 'tail').offset;
  /** A pair of two handles' refs, read after the allocation (which may move them). */
  const cons = (head: number, tail: number): number => {
    const p = heap.allocStruct(id('pair'));
    memory.setWord(p + HEAD, handles.get(head));
    memory.setWord(p + TAIL, handles.get(tail));
    return p;
  };
  const length = (list: number): number => {
    let n = 0;
    for (let p = list; p !== 0; p = memory.word(p + TAIL)) n++;
    return n;
  };
  return { memory, heap, handles, id, cons, length, HEAD, TAIL };
}

const isYoung = (heap: GenerationalHeap, addr: number): boolean =>
  addr >= heap.layout.nurseryBase && addr < heap.layout.nurseryEnd;

test('new objects are young; a minor collection promotes the survivors and empties the nursery', (t) => {
  const { memory, heap, handles, id } = fixture();
  const box = heap.allocStruct(id('box'));
  memory.setWord(box + 4, 99);
  t.true(isYoung(heap, box));
  const h = handles.hold(box);
  for (let i = 0; i < 20_000; i++) heap.allocStruct(id('box'));
  t.true(heap.detail.minorCollections > 0);
  const moved = handles.get(h);
  t.false(isYoung(heap, moved));
  t.is(memory.word(moved + 4), 99);
  t.is(heap.detail.majorCollections, 0);
});

test('a young object reachable only from an old one survives through its dirty card', (t) => {
  const { memory, heap, handles, id, TAIL } = fixture();
  const old = handles.hold(heap.allocStruct(id('pair')));
  heap.collect();
  t.false(isYoung(heap, handles.get(old)));
  const young = heap.allocStruct(id('box'));
  memory.setWord(young + 4, 7);
  memory.setWord(handles.get(old) + TAIL, young);
  heap.writeBarrier(handles.get(old));
  for (let i = 0; i < 20_000; i++) heap.allocStruct(id('box'));
  const promoted = memory.word(handles.get(old) + TAIL);
  t.not(promoted, young);
  t.is(memory.word(promoted + 4), 7);
});

test('an old-to-young store without the barrier is caught before the minor collection', (t) => {
  const { memory, heap, handles, id, TAIL } = fixture();
  const old = handles.hold(heap.allocStruct(id('pair')));
  heap.collect();
  memory.setWord(handles.get(old) + TAIL, heap.allocStruct(id('box')));
  const error = t.throws(
    () => {
      for (let i = 0; i < 20_000; i++) heap.allocStruct(id('box'));
    },
    { instanceOf: HeapCorruption },
  );
  t.regex(error!.message, /old object 0x[0-9a-f]+ \(:pair\) holds the young 0x[0-9a-f]+ but its card is not dirty/);
});

test('a major collection slides the live objects of both generations down, keeping lists intact', (t) => {
  const { heap, handles, cons, length } = fixture({ stressEvery: 3 });
  const nil = handles.hold(0);
  const keep = handles.hold(0);
  for (let i = 0; i < 3000; i++) {
    handles.set(keep, cons(nil, keep));
    cons(nil, nil); // garbage between the survivors
  }
  t.is(length(handles.get(keep)), 3000);
  t.true(heap.detail.majorCollections > 0);
  t.true(heap.detail.minorCollections > 0);
  heap.collect();
  t.is(heap.usedBytes, 3000 * 16);
});

test('large objects go straight to the old generation', (t) => {
  const { heap, id } = fixture();
  const big = heap.allocArray(id('ints'), heap.layout.largeObjectBytes);
  t.false(isYoung(heap, big));
});

test('a program that only makes garbage runs in constant heap', (t) => {
  const { heap, handles, cons } = fixture({}, 256 * 1024);
  const nil = handles.hold(0);
  for (let i = 0; i < 200_000; i++) cons(nil, nil);
  t.true(heap.stats.liveBytes <= 64, `live ${heap.stats.liveBytes}`);
  t.is(heap.detail.majorCollections, 0, 'nothing is promoted, so the old generation never fills');
});

test('holding more than the old generation takes is out_of_memory, after which the heap still works', (t) => {
  const { heap, handles, id } = fixture({}, 256 * 1024);
  const mark = handles.mark();
  t.throws(
    () => {
      for (;;) handles.hold(heap.allocArray(id('ints'), 100));
    },
    { instanceOf: Trap, message: /generational: .* do not fit/ },
  );
  handles.release(mark);
  t.notThrows(() => heap.allocArray(id('ints'), 100));
});
