import test from 'ava';
import { MarkBits } from '../src/mark-bits.ts';

test('clear forgets every mark, the highest included, and marks work again after it', (t) => {
  const base = 0x1000_0000;
  const bits = new MarkBits(base, 1 << 20);
  const addrs = [base, base + 8, base + 4096, base + (1 << 20) - 8];
  for (const a of addrs) t.true(bits.mark(a));
  for (const a of addrs) t.false(bits.mark(a), 'already marked');
  bits.clear();
  for (const a of addrs) t.false(bits.isMarked(a));
  t.true(bits.mark(base + 16));
  bits.clear();
  t.false(bits.isMarked(base + 16));
  t.true(bits.mark(base + (1 << 20) - 8), 'the top granule is clear after a clear that marked lower');
});
