import test from 'ava';
import { LimitError } from '../../src/runtime/limit-error.ts';
import { Func, Module } from '../../src/ir/module.ts';
import { MAX_FUNCTIONS, MiB } from '../../src/runtime/memory-map.ts';
import { BufferedOutput } from '../../src/runtime/output.ts';
import { Program } from '../../src/runtime/program.ts';
import { arenaCollector } from '../../src/testing/index.ts';

// A program with more functions than the table has slots is the program's error
// (LimitError, which the command reports with the file and exit status 1), not an
// internal one. The table holds over a million: a Prolog predicate takes about three.
test('more functions than the function table holds is a LimitError naming both counts', (t) => {
  t.true(MAX_FUNCTIONS >= 1 << 20);
  const m = new Module();
  for (let i = 0; i <= MAX_FUNCTIONS; i++) m.funcs.push(new Func(`f${i}`, { params: [], result: null }));
  const error = t.throws(() => new Program(m, { gc: arenaCollector(), out: new BufferedOutput(), heapSize: MiB }));
  t.true(error instanceof LimitError);
  t.is(error!.message, `${MAX_FUNCTIONS + 1} functions in the IR, more than the function table's ${MAX_FUNCTIONS}`);
});
