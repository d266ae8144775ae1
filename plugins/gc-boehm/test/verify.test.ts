import test from 'ava';
import { TYPE_ID_SHIFT } from '#framework';
import { heapFixture, smallInt } from './heap-fixture.ts';

function listOf(n: number, f: ReturnType<typeof heapFixture>): number[] {
  const cells: number[] = [];
  f.handles.refs.push(0);
  for (let i = 0; i < n; i++) {
    f.handles.refs[0] = f.cons(smallInt(i), f.handles.refs[0]!);
    cells.push(f.handles.refs[0]!);
  }
  return cells;
}

test('the verifier catches a ref field pointing inside an object', (t) => {
  const f = heapFixture();
  const cells = listOf(10, f);
  t.notThrows(() => f.heap.verify());
  f.memory.setWord(cells[5]! + 8, cells[3]! + 8);
  const e = t.throws(() => f.heap.verify(), { name: 'HeapCorruption' });
  t.regex(e?.message ?? '', /:pair\) field tail \(\+8\).*not the start of a live heap object/);
});

test('the verifier catches a ref to a freed object', (t) => {
  const f = heapFixture();
  const cells = listOf(3, f);
  const garbage = f.heap.allocStruct(f.id('pair'));
  f.heap.collect();
  f.memory.setWord(cells[1]! + 4, garbage);
  t.throws(() => f.heap.verify(), { name: 'HeapCorruption', message: /field head/ });
});

test('the verifier catches a bad header and a bad array length', (t) => {
  const f = heapFixture();
  const cells = listOf(4, f);
  f.memory.setWord(cells[2]!, 999 << TYPE_ID_SHIFT);
  // A type id that is out of range makes the cell look allocated but unknown.
  t.throws(() => f.heap.verify(), { name: 'HeapCorruption', message: /bad header/ });
  f.memory.setWord(cells[2]!, f.id('pair') << TYPE_ID_SHIFT);
  const arr = f.heap.allocArray(f.id('refs'), 3);
  f.memory.setWord(cells[0]! + 4, arr);
  t.notThrows(() => f.heap.verify());
  f.memory.setWord(arr + 4, 4); // 8 + 16 bytes still fits the 24-byte cell
  t.notThrows(() => f.heap.verify());
  f.memory.setWord(arr + 4, 5);
  t.throws(() => f.heap.verify(), { name: 'HeapCorruption', message: /array of length 5/ });
  f.memory.setWord(arr + 4, -1);
  t.throws(() => f.heap.verify(), { name: 'HeapCorruption', message: /array of length -1/ });
});

test('verify mode reports corruption before a collection proceeds', (t) => {
  const f = heapFixture({ verify: true });
  const cells = listOf(4, f);
  f.memory.setWord(cells[1]! + 8, 0x1234_5670);
  t.throws(() => f.heap.collect(), {
    name: 'HeapCorruption',
    message: /^before collection #1: .*neither a heap object nor a static const/,
  });
});
