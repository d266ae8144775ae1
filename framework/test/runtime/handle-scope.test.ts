import test from 'ava';
import { HandleScope } from '../../src/runtime/handle-scope.ts';

/** A visitor that moves every pointer-like word by 0x1000, as a copying collector would. */
const moveAll = (ref: number): number => (ref !== 0 && (ref & 3) === 0 ? ref + 0x1000 : ref);

test('held refs are visited and written back; immediates pass unchanged', (t) => {
  const scope = new HandleScope();
  const a = scope.hold(0x8000);
  const b = scope.hold(7);
  scope.visitRoots(moveAll);
  t.is(scope.get(a), 0x9000);
  t.is(scope.get(b), 7);
  scope.set(b, 0x100);
  scope.visitRoots(moveAll);
  t.is(scope.get(b), 0x1100);
});

test('release drops the handles and held arrays made since the mark', (t) => {
  const scope = new HandleScope();
  const outer = scope.hold(0x8000);
  const mark = scope.mark();
  const args = [0x4000, 0x4000, 5];
  scope.holdArray(args, [0, 2]);
  scope.hold(0x6000);
  t.is(scope.size, 3, 'the held array takes a slot too');
  scope.visitRoots(moveAll);
  t.deepEqual(args, [0x5000, 0x4000, 5], 'only the ref positions move');
  scope.release(mark);
  t.is(scope.size, 1);
  scope.visitRoots(moveAll);
  t.deepEqual(args, [0x5000, 0x4000, 5], 'a released array is no longer visited');
  t.is(scope.get(outer), 0xa000);
});

test('a host call after a released one reuses the slots without seeing its values', (t) => {
  const scope = new HandleScope();
  const seen: number[] = [];
  const mark = scope.mark();
  scope.hold(0x1000);
  scope.hold(0x2000);
  scope.release(mark);
  scope.hold(0x3000);
  scope.visitRoots((r) => (seen.push(r), r));
  t.deepEqual(seen, [0x3000]);
});

test('a held array stays held when a mark taken right after it is released', (t) => {
  const scope = new HandleScope();
  const outer = scope.mark();
  const args = [0x4000, 7];
  scope.holdArray(args, [0]);
  const inner = scope.mark();
  scope.hold(0x2000);
  scope.release(inner);
  scope.visitRoots(moveAll);
  t.deepEqual(args, [0x5000, 7]);
  scope.release(outer);
  scope.visitRoots(moveAll);
  t.deepEqual(args, [0x5000, 7], 'released with its own mark');
});

test('an array held twice has each slot visited once per collection (a sliding compactor needs that)', (t) => {
  const scope = new HandleScope();
  const values = [0x4000, 0x6000, 0x8000];
  const all = [0, 1, 2];
  scope.holdArray(values, all);
  const mark = scope.mark();
  scope.holdArray(values, all);
  scope.holdArray(values, [1, 2]);
  scope.visitRoots(moveAll);
  t.deepEqual(values, [0x5000, 0x7000, 0x9000]);
  scope.release(mark);
  scope.visitRoots(moveAll);
  t.deepEqual(values, [0x6000, 0x8000, 0xa000], 'the first hold still covers every slot');
});

test('a second hold of an array roots only the slots the first did not', (t) => {
  const scope = new HandleScope();
  const values = [0x4000, 0x6000];
  scope.holdArray(values, [0]);
  const mark = scope.mark();
  scope.holdArray(values, [0, 1]);
  scope.visitRoots(moveAll);
  t.deepEqual(values, [0x5000, 0x7000]);
  scope.release(mark);
  scope.visitRoots(moveAll);
  t.deepEqual(values, [0x6000, 0x7000], 'slot 1 was held by the released hold only');
});
