import test from 'ava';
import { parseModule } from '../../src/ir/text/parser.ts';
import { printModule } from '../../src/ir/text/printer.ts';
import { verifyModule } from '../../src/ir/verify.ts';
import { blockChainModule, hugeFunctionModule, manyFunctionsModule, type GeneratedModule } from '../helpers/big-ir.ts';
import { arenaCollector } from '../../src/testing/index.ts';
import { Interpreter } from '../../src/interp/interpreter.ts';
import { BufferedOutput } from '../../src/runtime/output.ts';
import { Program } from '../../src/runtime/program.ts';

// Big modules go through the whole IR text path — parse, verify, print, parse the printed
// text again, compile for the interpreter and run — with the answer computed independently.
// Answers, not timing (bench/ir-scaling.ts measures that); a host recursion as deep as the
// chain of blocks, or as deep as the dominator tree, would overflow here.

function throughIrPath(t: import('ava').ExecutionContext, gen: GeneratedModule): void {
  const m = parseModule(gen.text, 'big.jir');
  t.deepEqual(verifyModule(m).map(String), []);
  const printed = printModule(m);
  t.is(printModule(parseModule(printed, 'printed.jir')), printed);
  // The interpreter's registers come out of the machine stack: 8 MiB, the CLI's default,
  // holds a frame of 200k values.
  const out = new BufferedOutput();
  const interp = new Interpreter(new Program(m, { gc: arenaCollector(), out, heapSize: 1 << 20, stackSize: 8 << 20 }), {
    fuel: 10_000_000,
  });
  try {
    interp.call('main', []);
  } finally {
    interp.dispose();
  }
  t.is(out.text(), gen.expected);
}

test('one function of 100k instructions, thousands of blocks, block parameters, long def-use chains', (t) => {
  const gen = hugeFunctionModule(100_000, 6);
  t.true(gen.instructions >= 100_000);
  throughIrPath(t, gen);
});

test('10k functions calling each other', (t) => {
  throughIrPath(t, manyFunctionsModule(10_000));
});

test('a chain of 100k blocks: CFG, dominator tree and segments 100k deep', (t) => {
  throughIrPath(t, blockChainModule(100_000));
});
