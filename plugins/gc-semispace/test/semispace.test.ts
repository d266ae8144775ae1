import test from 'ava';
import {
  GuestMemory,
  HandleScope,
  HeapCorruption,
  MiB,
  makeLayout,
  Trap,
  TypeTable,
  type HeapOptions,
  type TypeDecl,
} from '#framework';
import { SemispaceHeap } from '../src/heap.ts';

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
];

function fixture(options: Partial<HeapOptions> = {}) {
  const memory = new GuestMemory(makeLayout({ heapSize: MiB, staticSize: MiB, stackSize: 64 * 1024 }));
  const types = new TypeTable(TYPES);
  const heap = new SemispaceHeap({ memory, types, options: { stressEvery: 0, verify: true, ...options } });
  const handles = new HandleScope();
  heap.addRoots(handles);
  const id = (name: string): number => types.get(name).id;
  const field = (name: string): number => types.field('pair', name).offset;
  /** A pair whose parts are handles: read again after the allocation, which may move them. */
  const cons = (head: number, tail: number): number => {
    const p = heap.allocStruct(id('pair'));
    memory.setWord(p + field('head'), handles.get(head));
    memory.setWord(p + field('tail'), handles.get(tail));
    return p;
  };
  return { memory, types, heap, handles, id, field, cons };
}

test('a collection moves every live object, keeps its contents and updates every ref to it', (t) => {
  const { memory, heap, handles, id, field, cons } = fixture();
  const box = heap.allocStruct(id('box'));
  memory.setWord(box + 4, 1234);
  const hBox = handles.hold(box);
  const hNil = handles.hold(0);
  const hPair = handles.hold(cons(hBox, hNil));
  const pairBefore = handles.get(hPair);
  heap.collect();
  const pair = handles.get(hPair);
  t.not(pair, pairBefore);
  t.not(handles.get(hBox), box);
  t.is(memory.word(pair + field('head')), handles.get(hBox));
  t.is(memory.word(handles.get(hBox) + 4), 1234);
  t.true(heap.isObject(pair));
  t.false(heap.isObject(pairBefore));
  t.is(heap.stats.collections, 1);
});

test('the vacated half is poisoned: a stale ref reads no plausible header', (t) => {
  const { memory, heap, handles, id } = fixture();
  const box = heap.allocStruct(id('box'));
  handles.hold(box);
  heap.collect();
  t.is(memory.word(box) >>> 8, 0x7ead7e);
});

test('unreachable objects are not copied', (t) => {
  const { heap, handles, id } = fixture();
  for (let i = 0; i < 100; i++) heap.allocStruct(id('box'));
  handles.hold(heap.allocStruct(id('box')));
  heap.collect();
  t.is(heap.stats.liveBytes, 8);
});

test('a ref stored into a survivor without the barrier is reported at the next collection', (t) => {
  const { memory, heap, handles, id, field } = fixture();
  const hPair = handles.hold(heap.allocStruct(id('pair')));
  heap.collect();
  const box = heap.allocStruct(id('box'));
  memory.setWord(handles.get(hPair) + field('tail'), box);
  const error = t.throws(() => heap.collect(), { instanceOf: HeapCorruption });
  t.regex(error!.message, /a ref was stored into object 0x[0-9a-f]+ \(:pair\) at \+8 .* without a write barrier/);
});

test('with the barrier the same store passes, and a store into a new object needs none', (t) => {
  const { memory, heap, handles, id, field } = fixture();
  const hPair = handles.hold(heap.allocStruct(id('pair')));
  heap.collect();
  const box = heap.allocStruct(id('box'));
  memory.setWord(handles.get(hPair) + field('tail'), box);
  heap.writeBarrier(handles.get(hPair));
  const fresh = heap.allocStruct(id('pair'));
  memory.setWord(fresh + field('head'), handles.get(hPair));
  handles.hold(fresh);
  t.notThrows(() => heap.collect());
  t.is(memory.word(memory.word(handles.get(hPair) + field('tail'))) >>> 8, id('box'));
});

test('stress collects at every allocation and everything held survives', (t) => {
  const { memory, heap, handles, field, cons } = fixture({ stressEvery: 1 });
  let list = handles.hold(0);
  for (let i = 0; i < 200; i++) {
    const n = handles.hold((i << 1) | 1);
    handles.set(list, cons(n, list));
  }
  let count = 0;
  for (let p = handles.get(list); p !== 0; p = memory.word(p + field('tail'))) count++;
  t.is(count, 200);
  t.is(heap.stats.collections, 200);
});

test('a full half is out_of_memory, and an array larger than a half is too', (t) => {
  const { heap, handles, id } = fixture();
  t.throws(() => heap.allocArray(id('refs'), 0x7fffffff), { instanceOf: Trap, message: /do not fit/ });
  const hold = (): number => handles.hold(heap.allocArray(id('refs'), 1000));
  t.throws(
    () => {
      for (;;) hold();
    },
    { instanceOf: Trap },
  );
});
