import test from 'ava';
import { Func, Module } from '../../src/ir/module.ts';

const fn = (name: string): Func => new Func(name, { params: [], result: null });

test('lookups follow push, truncation, re-push and a new array', (t) => {
  const m = new Module();
  m.funcs.push(fn('a'), fn('b'));
  t.is(m.func('b')?.name, 'b');
  t.is(m.func('c'), undefined);
  m.funcs.push(fn('c'));
  t.is(m.func('c')?.name, 'c');
  // Truncated and refilled to the same length with other names (a failed parseInto, then another).
  m.funcs.length = 2;
  t.is(m.func('c'), undefined);
  m.funcs.push(fn('d'));
  t.is(m.func('d')?.name, 'd');
  t.is(m.func('c'), undefined);
  m.funcs = m.funcs.filter((f) => f.name !== 'a');
  t.is(m.func('a'), undefined);
  t.is(m.func('d')?.name, 'd');
  m.funcs[m.funcs.length - 1] = fn('e');
  t.is(m.func('e')?.name, 'e');
});

test('a miss costs no scan: 100k lookups of a missing name among 100k functions', (t) => {
  const m = new Module();
  for (let i = 0; i < 100_000; i++) m.funcs.push(fn(`f${i}`));
  const start = process.cpuUsage();
  let found = 0;
  for (let i = 0; i < 100_000; i++) if (m.func('print_i32') !== undefined) found++;
  const used = process.cpuUsage(start);
  t.is(found, 0);
  // A scan per miss is 10^10 comparisons (minutes); a hash lookup per miss is milliseconds.
  t.true((used.user + used.system) / 1000 < 5000, `took ${(used.user + used.system) / 1000} ms`);
});
