import test from 'ava';
import fc from 'fast-check';
import { SourceError } from '../../src/diagnostics.ts';
import type { Func, Inst } from '../../src/ir/module.ts';
import { f64ToHexBits } from '../../src/ir/numeric.ts';
import { parseModule } from '../../src/ir/text/parser.ts';

/** A module with one function around the given body lines. */
function inFunc(body: string, header = '@f(%n: i32) -> i32'): string {
  return `func ${header} {\n^entry:\n${body}\n}\n`;
}

function instsOf(f: Func): Inst[] {
  return f.blocks.flatMap((b) => b.insts);
}

function named(f: Func, name: string): number {
  const id = f.values.findIndex((v) => v.name === name);
  if (id < 0) throw new Error(`no value %${name}`);
  return id;
}

test('values may be used in blocks printed before their definition', (t) => {
  const m = parseModule(
    inFunc(`  br ^define
^use:
  %y = iadd %x, %x
  ret %y
^define:
  %x = iconst 1
  br ^use`),
  );
  const f = m.func('f')!;
  const [use, define] = [f.blocks[1]!, f.blocks[2]!];
  t.deepEqual(use.insts[0]!.args, [named(f, 'x'), named(f, 'x')]);
  t.is(define.insts[0]!.result, named(f, 'x'));
  t.is(f.entry.insts[0]!.targets[0]!.block, define);
});

test('declarations may refer to each other in any order', (t) => {
  const m = parseModule(`func @f() -> ref {
^entry:
  %o = new :pair
  %h = get :pair.head, %o
  %g = gget @glob
  %c = call @host(%g)
  %d = call @later()
  ret %c
}
global @glob: i32 = 0x10
extern @host(i32) -> ref collects raises
func @later() -> f64 {
^entry:
  %k = gaddr @k
  %x = fconst 1.5
  ret %x
}
const @k: :pair = { @k, 1 }
type :pair = struct { head: ref, tail: ref }
`);
  const f = m.func('f')!;
  t.deepEqual(
    f.values.map((v) => v.type),
    ['ref', 'ref', 'i32', 'ref', 'f64'],
  );
  t.deepEqual(m.globals, [{ name: 'glob', type: 'i32', init: 16 }]);
  t.deepEqual(m.externs, [{ name: 'host', sig: { params: ['i32'], result: 'ref' }, collects: true, raises: true }]);
  t.deepEqual(m.consts[0]!.values, ['k', 1]);
});

test('the entry block takes the header parameters; other blocks declare theirs', (t) => {
  const f = parseModule(
    inFunc(
      `  br ^loop(%n, %n)
^loop(%i: i32, %acc: ref):
  ret %i`,
      'replaceable @f(%n: i32, %x: f64) -> i32',
    ),
  ).func('f')!;
  t.true(f.replaceable);
  t.deepEqual(f.sig, { params: ['i32', 'f64'], result: 'i32' });
  t.deepEqual(f.entry.params, [named(f, 'n'), named(f, 'x')]);
  t.deepEqual(
    f.blocks[1]!.params.map((v) => f.typeOf(v)),
    ['i32', 'ref'],
  );
});

test('fused forms are terminators whose own result may go to the `to` edge', (t) => {
  const f = parseModule(`func @g(%a: i32) -> i32 {
^entry:
  ret %a
}
func @f(%n: i32) -> i32 {
^entry:
  %r = call @g(%n) to ^ok(%r) unwind ^h(%n)
^ok(%v: i32):
  %s = iadd_ovf %v, %v to ^ok(%s) ovf ^h(%v)
^h(%e: ref, %w: i32):
  %u = call @g(%w)
  ret %u
}
`).func('f')!;
  const [call, ovf, plainCall] = instsOf(f);
  t.true(call!.fused && call!.isTerminator);
  t.deepEqual(
    call!.targets.map((tg) => [tg.block.name, tg.args]),
    [
      ['ok', [call!.result]],
      ['h', [named(f, 'n')]],
    ],
  );
  t.true(ovf!.isTerminator);
  t.deepEqual(ovf!.targets[0]!.args, [ovf!.result]);
  t.false(plainCall!.fused || plainCall!.isTerminator);
});

test('select takes its type from an operand defined later, even through another select', (t) => {
  const f = parseModule(
    inFunc(`  br ^b
^a:
  %s1 = select %c, %s2, %s2
  %s2 = select %c, %x, %x
  ret %c
^b:
  %c = iconst 1
  %x = fconst 2.5
  br ^a`),
  ).func('f')!;
  t.is(f.typeOf(named(f, 's1')), 'f64');
  t.is(f.typeOf(named(f, 's2')), 'f64');
});

test('an instruction written without `%r =` has no result value', (t) => {
  const f = parseModule(`func @g() -> i32 {
^entry:
  %z = iconst 0
  call @g()
  ret %z
}
`).func('g')!;
  t.is(instsOf(f)[1]!.result, -1);
  t.is(f.values.length, 1);
});

function fconstBits(literal: string): string {
  const inst = instsOf(parseModule(inFunc(`  %x = fconst ${literal}\n  ret %n`)).func('f')!)[0]!;
  return f64ToHexBits(inst.imm);
}

test('float literals are exact', (t) => {
  t.is(fconstBits('0.1'), f64ToHexBits(0.1));
  t.is(fconstBits('-0.0'), '8000000000000000');
  t.is(fconstBits('0'), '0000000000000000');
  t.is(fconstBits('inf'), '7ff0000000000000');
  t.is(fconstBits('-inf'), 'fff0000000000000');
  t.is(fconstBits('nan'), '7ff8000000000000');
  t.is(fconstBits('nan:0x7ff4000000000001'), '7ff4000000000001');
  t.is(fconstBits('nan:0xfff8000000000000'), 'fff8000000000000');
  t.is(fconstBits('0x1.8p1'), f64ToHexBits(3));
  t.is(fconstBits('-0x1p-1074'), '8000000000000001');
  t.is(fconstBits('0x1.fffffffffffffp1023'), '7fefffffffffffff');
  t.is(fconstBits('5e-324'), '0000000000000001');
  t.is(fconstBits('1e+300'), f64ToHexBits(1e300));
  t.is(fconstBits('0x10'), f64ToHexBits(16));
});

function iconstValue(literal: string): number {
  return instsOf(parseModule(inFunc(`  %x = iconst ${literal}\n  ret %n`)).func('f')!)[0]!.imm;
}

test('integer literals wrap to i32', (t) => {
  t.is(iconstValue('0xffffffff'), -1);
  t.is(iconstValue('4294967295'), -1);
  t.is(iconstValue('0x80000000'), -2147483648);
  t.is(iconstValue('-2147483648'), -2147483648);
  t.is(iconstValue('2147483647'), 2147483647);
  t.is(iconstValue('-0x10'), -16);
});

test('strings are UTF-8 with escapes; i8 arrays also take element lists', (t) => {
  const m = parseModule(`type :bytes = array i8
const @s: :bytes = "é\\x00\\t\\n\\\\\\"A"
const @l: :bytes = [1, 255, 256, -1]
`);
  t.deepEqual(m.consts[0]!.values, [0xc3, 0xa9, 0, 9, 10, 92, 34, 65]);
  t.deepEqual(m.consts[1]!.values, [1, 255, 0, 255]);
});

test('consts keep the bits of signalling NaNs', (t) => {
  const m = parseModule(`type :fs = array f64
const @f: :fs = [nan:0x7ff0000000000001, -0.0]
global @g: f64 = nan:0x7ff4000000000000
`);
  t.deepEqual(
    m.consts[0]!.values.map((v) => f64ToHexBits(v as number)),
    ['7ff0000000000001', '8000000000000000'],
  );
  t.is(f64ToHexBits(m.globals[0]!.init as number), '7ff4000000000000');
});

test('extern flags may come in either order, and comments anywhere', (t) => {
  const m = parseModule(`; a module
extern @a() raises collects ; trailing
extern @b(f64) -> f64
lowered
`);
  t.true(m.lowered);
  t.deepEqual(
    m.externs.map((e) => [e.name, e.collects, e.raises, e.sig.result]),
    [
      ['a', true, true, null],
      ['b', false, false, 'f64'],
    ],
  );
});

// ---- errors, with the exact position of the offending token ----

function errorOf(text: string): string {
  try {
    parseModule(text, 'bad.jir');
  } catch (e) {
    if (e instanceof SourceError) return e.describe();
    throw e;
  }
  throw new Error('parsed without error');
}

const ERRORS: [string, string, string][] = [
  ['unknown opcode', inFunc('  %a = iad %n, %n\n  ret %a'), "bad.jir:3:8: unknown opcode 'iad'"],
  ['missing comma', inFunc('  %a = iadd %n %n\n  ret %a'), "bad.jir:3:16: expected ',' after operand, found '%n'"],
  [
    'missing operand at end of line',
    inFunc('  %a = iadd %n,\n  ret %a'),
    'bad.jir:3:16: expected a value (%name), found end of line',
  ],
  ['trailing operand', inFunc('  ret %n %n'), "bad.jir:3:10: expected the end of the instruction, found '%n'"],
  ['undefined value', inFunc('  br ^b\n^b:\n  ret %x'), 'bad.jir:5:7: undefined value %x'],
  ['unknown block', inFunc('  br ^foo'), 'bad.jir:3:6: unknown block ^foo'],
  ['value defined twice', inFunc('  %n = iconst 1\n  ret %n'), 'bad.jir:3:3: value %n defined twice'],
  ['block defined twice', inFunc('  br ^b\n^b:\n  ret %n\n^b:\n  ret %n'), 'bad.jir:6:1: block ^b defined twice'],
  ['unknown type', inFunc('  %o = new :nope\n  ret %n'), 'bad.jir:3:13: unknown type :nope'],
  [
    'unknown field',
    `type :p = struct { a: i32 }\n${inFunc('  %o = rnull\n  %v = get :p.b, %o\n  ret %v')}`,
    "bad.jir:5:13: :p has no field 'b'",
  ],
  ['undefined symbol', inFunc('  %r = call @nope(%n)\n  ret %r'), 'bad.jir:3:13: undefined symbol @nope'],
  [
    'calling a global',
    `global @g: i32 = 0\n${inFunc('  %r = call @g(%n)\n  ret %r')}`,
    'bad.jir:4:13: unknown function @g',
  ],
  ['result of a void op', inFunc('  %r = br ^b\n^b:\n  ret %n'), "bad.jir:3:3: 'br' produces no value"],
  [
    'overflow op without edges',
    inFunc('  %r = iadd_ovf %n, %n\n  ret %r'),
    "bad.jir:3:23: expected 'to ^block ovf ^block' after 'iadd_ovf', found end of line",
  ],
  [
    'wrong alternative edge',
    inFunc('  %r = iadd_ovf %n, %n to ^b unwind ^b\n^b:\n  ret %n'),
    "bad.jir:3:30: expected 'ovf' after the 'to' target, found 'unwind'",
  ],
  [
    'entry block with parameters',
    inFunc('  ret %n').replace('^entry:', '^entry(%m: i32):'),
    "bad.jir:2:7: the entry block's parameters are written in the function header",
  ],
  [
    'instruction after terminator',
    inFunc('  ret %n\n  ret %n'),
    'bad.jir:4:3: instruction after the terminator of ^entry',
  ],
  [
    'instruction before any block',
    'func @f() {\n  ret\n}\n',
    "bad.jir:2:3: expected a block label (^name:), found 'ret'",
  ],
  [
    'integer too large',
    inFunc('  %a = iconst 0x100000000\n  ret %a'),
    'bad.jir:3:15: integer 0x100000000 does not fit in 32 bits',
  ],
  [
    'float where an integer goes',
    inFunc('  %a = iconst 1.5\n  ret %a'),
    "bad.jir:3:15: expected an integer, found '1.5'",
  ],
  ['malformed number', inFunc('  %a = iconst 12ab\n  ret %a'), "bad.jir:3:15: malformed number '12ab'"],
  ['unterminated string', 'type :b = array i8\nconst @s: :b = "abc\n', 'bad.jir:2:16: unterminated string'],
  ['unknown escape', 'type :b = array i8\nconst @s: :b = "a\\qc"\n', "bad.jir:2:18: unknown escape '\\q'"],
  [
    'string for a non-byte array',
    'type :b = array i32\nconst @s: :b = "abc"\n',
    'bad.jir:2:16: a string needs an array of i8, and :b holds i32',
  ],
  [
    'too few struct values',
    'type :p = struct { a: i32, b: f64 }\nconst @c: :p = { 1 }\n',
    'bad.jir:2:20: too few values for :p (it has 2 fields)',
  ],
  ['symbol defined twice', 'global @x: i32 = 0\nextern @x()\n', 'bad.jir:2:8: @x defined twice'],
  [
    'space after a type colon',
    inFunc('  %o = new : nope\n  ret %n'),
    "bad.jir:3:12: expected a type name right after ':'",
  ],
  [
    'unknown declaration',
    'fun @f() {\n}\n',
    "bad.jir:1:1: expected 'type', 'global', 'const', 'extern' or 'func', found 'fun'",
  ],
  ['unexpected character', inFunc('  %a = iconst 1 # 2\n  ret %a'), "bad.jir:3:17: unexpected character '#'"],
  [
    'unterminated body',
    'func @f() {\n^entry:\n  ret\n',
    "bad.jir:4:1: expected '}' to end function @f, found end of input",
  ],
  ['bad value type', 'extern @f(i64)\n', "bad.jir:1:11: expected a value type (i32, f64 or ref), found 'i64'"],
];

for (const [what, text, expected] of ERRORS) {
  test(`error: ${what}`, (t) => {
    t.is(errorOf(text), expected);
  });
}

const MUTATED = `type :p = struct { head: ref, n: i32 }
type :b = array i8
global @g: ref = @s
const @s: :b = "a\\x00"
extern @h(i32) -> ref raises

func @f(%n: i32) -> i32 {
^entry:
  %o = new :p
  %v = get :p.n, %o
  %r = call @f(%v) to ^ok(%r) unwind ^e
^ok(%x: i32):
  %s = select %x, %y, %x
  %y = iadd_ovf %x, %n to ^ok(%y) ovf ^e(%x)
^e(%ex: ref, %z: i32):
  switch %z, ^ok(%z), [1: ^e(%z)]
}
`;
const EDITS = [
  ' ',
  '\n',
  ',',
  '(',
  ')',
  ':',
  '%x',
  '^ok',
  '@f',
  '{',
  '}',
  '[',
  ']',
  '=',
  '-',
  '"',
  'select',
  'to',
  'nan:0x1',
  '0x',
  ';',
  'i32',
  '.',
];

test('mangled text fails with a SourceError, never a crash', (t) => {
  t.notThrows(() => parseModule(MUTATED));
  fc.assert(
    fc.property(fc.nat(MUTATED.length), fc.nat(12), fc.constantFrom(...EDITS), (at, cut, insert) => {
      const text = MUTATED.slice(0, at) + insert + MUTATED.slice(at + cut);
      try {
        parseModule(text);
      } catch (e) {
        if (!(e instanceof SourceError)) throw e;
      }
    }),
    { numRuns: 3000 },
  );
  t.pass();
});
