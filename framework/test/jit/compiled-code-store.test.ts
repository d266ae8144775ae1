import test from 'ava';
import { CompiledCodeStore, type StoredFunction } from '../../src/jit/compiled-code-store.ts';

const stored = (n: number): StoredFunction<number> => ({
  code: { bytes: new Uint8Array([n & 0xff]), labelOffsets: [], fixups: [] },
  stackMaps: [],
  labels: [],
  innerLoops: [],
});

test('the in-memory store keeps the 4096 most recently used functions', (t) => {
  const store = new CompiledCodeStore<number>(null, 'test');
  store.put('first', stored(1));
  store.put('kept', stored(2));
  for (let i = 0; i < 4094; i++) store.put(`f${i}`, stored(i));
  t.truthy(store.get('first'), 'at the limit nothing is dropped');
  store.put('one more', stored(3));
  t.is(store.get('kept'), undefined, 'the least recently used goes first');
  t.truthy(store.get('first'), 'a get made it recent');
  t.truthy(store.get('one more'));
});
