import test from 'ava';
import { Module } from '../../src/ir/module.ts';
import { RaiseAnalysis } from '../../src/ir/raise-analysis.ts';
import { parseInto } from '../../src/ir/text/parser.ts';

// The analysis answers for unread bodies from their text (Func.unreadText) and must agree
// with the answers from the read bodies, without reading any.
const PROGRAM = `
type :box = struct { v: i32 }
extern @quiet(i32) -> i32
extern @loud(i32) -> i32 raises
GLOBALS
func @leaf(%x: i32) -> i32 {
^entry:
  %y = call @quiet(%x)
  ret %y
}
func @chain(%x: i32) -> i32 {
^entry:
  %y = call @leaf(%x)
  tail_call @leaf(%y)
}
func @via_extern(%x: i32) -> i32 {
^entry:
  %y = call @loud(%x)
  ret %y
}
func @thrower(%x: i32) -> i32 {
^entry:
  %b = new :box
  raise %b
}
func @reaches_thrower(%x: i32) -> i32 {
^entry:
  %y = call @chain(%x)
  %z = call @thrower(%y)
  ret %z
}
func @indirect(%x: i32) -> i32 {
^entry:
  %f = fref @leaf
  %y = call_indirect %f(%x) : (i32) -> i32
  ret %y
}
func @catches(%x: i32) -> i32 {
^entry:
  %y = call @thrower(%x) to ^ok(%y) unwind ^caught ; a comment that says unwind ^nothing
^ok(%r: i32):
  ret %r
^caught(%e: ref):
  ret %x
}
func @allocates(%x: i32) -> i32 {
^entry:
  %b = new :box
  ret %x
}
`;

const EXPECTED: Record<string, boolean> = {
  leaf: false,
  chain: false,
  via_extern: true,
  thrower: true,
  reaches_thrower: true,
  indirect: true,
  catches: false,
};

function analysed(withMemoryError: boolean, deferBodies: boolean): { analysis: RaiseAnalysis; module: Module } {
  const module = new Module();
  const globals = withMemoryError ? 'global @memory_error: ref = 0' : '';
  parseInto(module, PROGRAM.replace('GLOBALS', globals), 'program.jir', { deferBodies });
  return { analysis: new RaiseAnalysis(module), module };
}

for (const withMemoryError of [false, true]) {
  // The text is read as GC lowering will leave it: an allocation there is a call that raises
  // the memory error; the body read here is not lowered, so its allocation raises nothing.
  const expected = { ...EXPECTED, allocates: false };
  const expectedFromText: Record<string, boolean> = { ...EXPECTED, allocates: withMemoryError };
  const what = withMemoryError ? 'with a memory error, an allocation raises' : 'without a memory error';
  test(`unread bodies answer as read ones, and stay unread (${what})`, (t) => {
    const fromText = analysed(withMemoryError, true);
    const fromBodies = analysed(withMemoryError, false);
    for (const [name, raises] of Object.entries(expected)) {
      t.is(fromText.analysis.has(name), expectedFromText[name], `@${name} from its text`);
      t.is(fromBodies.analysis.has(name), raises, `@${name} from its body`);
    }
    t.deepEqual(
      fromText.module.funcs.filter((f) => f.hasBody).map((f) => f.name),
      [],
    );
  });
}

test('a body read after the text answered keeps the answer', (t) => {
  const { analysis, module } = analysed(false, true);
  t.false(analysis.has('chain'));
  void module.func('chain')!.blocks;
  t.is(module.func('chain')!.unreadText, undefined);
  t.false(analysis.has('chain'));
  t.true(analysis.has('reaches_thrower'));
});
