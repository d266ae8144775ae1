import test from 'ava';
import { Worklist } from '../../src/gc/worklist.ts';

test('a worklist is a LIFO stack that grows past its initial capacity', (t) => {
  const w = new Worklist(16);
  t.true(w.isEmpty());
  for (let i = 0; i < 100_000; i++) w.push(i * 8);
  t.is(w.length, 100_000);
  for (let i = 99_999; i >= 0; i--) t.is(w.pop(), i * 8);
  t.true(w.isEmpty());
  t.throws(() => w.pop(), { instanceOf: RangeError });
  w.push(0x7fff_fff8);
  w.clear();
  t.true(w.isEmpty());
});
