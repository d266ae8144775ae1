import test from 'ava';
import { arenaCollector } from '../../src/testing/index.ts';
import { SourceError } from '../../src/diagnostics.ts';
import { prepareModule } from '../../src/driver.ts';
import { Module } from '../../src/ir/module.ts';
import { parseInto, parseModule } from '../../src/ir/text/parser.ts';
import { printModule } from '../../src/ir/text/printer.ts';
import { corePasses } from '../../src/opt/passes/index.ts';
import { runModule } from '../helpers/run-module.ts';

// Generated code parsed with `deferBodies`: each body is read, verified, optimized and
// GC-lowered when something first uses it, so a function that never runs costs its text.
const TEXT = `type :box = struct { v: i32 }

func @used(%x: i32) -> i32 {
^entry:
  %one = iconst 1
  %two = iconst 2
  %three = iadd %one, %two
  %b = new :box
  set :box.v, %b, %x
  %v = get :box.v, %b
  %r = iadd %v, %three
  ret %r
}

func @unused(%x: i32) -> i32 {
^entry:
  %b = new :box
  ret %x
}

func @main(%x: i32) -> i32 {
^entry:
  %r = call @used(%x)
  ret %r
}
`;

function lazyModule(text = TEXT): Module {
  const m = new Module();
  parseInto(m, text, 'lazy.jir', { deferBodies: true });
  return m;
}

const opNames = (m: Module, name: string): string[] =>
  m.func(name)!.blocks.flatMap((b) => b.insts.map((i) => i.op.name));

test('a lazily parsed body is prepared when first read; one never used is never read', (t) => {
  const m = lazyModule();
  t.true(m.funcs.every((f) => !f.hasBody));
  prepareModule(m, { optLevel: 1, passes: corePasses(), lowerWith: arenaCollector() });
  t.true(m.lowered);
  t.true(
    m.funcs.every((f) => !f.hasBody),
    'preparing the module read no body',
  );
  t.is(runModule(m, 'main', [4]).value, 7);
  t.true(m.func('used')!.hasBody);
  t.false(m.func('unused')!.hasBody);
  // Optimized (1 + 2 folded) and lowered (no `new` left).
  t.false(opNames(m, 'used').includes('new'));
  t.false(
    opNames(m, 'used').some((name, i, all) => name === 'iconst' && all[i + 1] === 'iconst' && all[i + 2] === 'iadd'),
  );
});

test('read lazily or at once, a module prepares to the same text', (t) => {
  for (const lowerWith of [null, arenaCollector()]) {
    const eager = parseModule(TEXT, 'lazy.jir');
    prepareModule(eager, { optLevel: 1, passes: corePasses(), lowerWith });
    const lazy = lazyModule();
    prepareModule(lazy, { optLevel: 1, passes: corePasses(), lowerWith });
    t.is(printModule(lazy), printModule(eager));
  }
});

test('an error in a lazily parsed body is reported when the body is read, naming the function', (t) => {
  const m = lazyModule(TEXT.replace('%r = iadd %v, %three', '%r = iadd %v, %nowhere'));
  prepareModule(m, { optLevel: 1, passes: corePasses(), lowerWith: null });
  t.is(runModule(m, 'unused', [1]).value, 1);
  t.is(runModule(m, 'main', [4]).trap, 'host_error');
  const error = t.throws(() => m.func('used')!.blocks);
  t.true(error instanceof SourceError);
  t.regex(error!.message, /nowhere/);
  t.is((error as SourceError).file, 'lazy.jir: @used');
});
