import test from 'ava';
import fc from 'fast-check';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import { f64FromHexBits, f64ToHexBits } from '../../src/ir/numeric.ts';
import { formatFloat, parseFloatText } from '../../src/ir/text/float-text.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { printFunc, printInst, printModule } from '../../src/ir/text/printer.ts';

test('declarations print in a fixed order with canonical spacing', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'main', { params: [], result: null });
  b.ret();
  m.externs.push({ name: 'out', sig: { params: ['i32', 'ref'], result: 'ref' }, collects: true, raises: false });
  m.consts.push({ name: 'hello', type: 'bytes', values: [104, 105, 10, 0, 34, 92, 200] });
  m.consts.push({ name: 'cell', type: 'pair', values: ['hello', 7] });
  m.consts.push({ name: 'fs', type: 'floats', values: [] });
  m.globals.push({ name: 'greeting', type: 'ref', init: 'hello' }, { name: 'half', type: 'f64', init: 0.5 });
  m.types.push({ kind: 'array', name: 'bytes', elem: 'i8' });
  m.types.push({
    kind: 'struct',
    name: 'pair',
    fields: [
      { name: 'head', kind: 'ref' },
      { name: 'n', kind: 'i32' },
    ],
  });
  m.types.push({ kind: 'array', name: 'floats', elem: 'f64' }, { kind: 'struct', name: 'unit', fields: [] });
  t.is(
    printModule(m),
    `type :bytes = array i8
type :pair = struct { head: ref, n: i32 }
type :floats = array f64
type :unit = struct {}
global @greeting: ref = @hello
global @half: f64 = 0.5
const @hello: :bytes = "hi\\n\\x00\\"\\\\\\xc8"
const @cell: :pair = { @hello, 7 }
const @fs: :floats = []
extern @out(i32, ref) -> ref collects

func @main() {
^entry:
  ret
}
`,
  );
});

test('an empty module prints as nothing', (t) => {
  t.is(printModule(new Module()), '');
});

test('repeated and invalid value names print unique and valid', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'f', { params: ['i32', 'i32'], result: 'i32' }, ['x', 'a b']);
  const auto = b.iconst(1); // named v2 by default
  const clash = b.emit('iadd', [auto, auto], { name: 'v2' }); // the builder does not see default names
  const renamed = b.emit('imul', [clash, auto], { name: 'y' });
  m.funcs[0]!.values[renamed]!.name = 'x'; // as a careless pass might
  const empty = b.emit('isub', [renamed, auto], { name: '' });
  b.ret(empty);
  const text = printFunc(m, m.funcs[0]!);
  t.is(
    text,
    `func @f(%x: i32, %a_b: i32) -> i32 {
^entry:
  %v2 = iconst 1
  %v2.1 = iadd %v2, %v2
  %x.1 = imul %v2.1, %v2
  %_ = isub %x.1, %v2
  ret %_
}
`,
  );
  t.is(printModule(parseModule(printModule(m))), printModule(m));
});

test('printInst prints one instruction of a builder-made function', (t) => {
  const m = new Module();
  m.types.push({ kind: 'struct', name: 'box', fields: [{ name: 'v', kind: 'f64' }] });
  const b = new FuncBuilder(m, 'f', { params: ['ref'], result: null }, ['o']);
  const handler = b.block('handler', ['ref']);
  const x = b.emit('get', [b.params[0]!], { sym: 'box', field: 'v', name: 'x' });
  b.emitFused(
    'call_indirect',
    [b.iconst(3), x],
    { sig: { params: ['f64'], result: 'i32' }, name: 'r' },
    (r) => ({ block: handler, args: [] }),
    { block: handler, args: [] },
  );
  const f = m.funcs[0]!;
  t.is(printInst(f, f.entry.insts[0]!), '%x = get :box.v, %o');
  t.is(printInst(f, f.entry.insts[2]!), '%r = call_indirect %v3(%x) : (f64) -> i32 to ^handler unwind ^handler');
});

test('floats print as the shortest exact text', (t) => {
  const cases: [number, string][] = [
    [1, '1'],
    [0.1, '0.1'],
    [-2.5, '-2.5'],
    [1e300, '1e+300'],
    [5e-324, '5e-324'],
    [0, '0'],
    [-0, '-0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
    [f64FromHexBits('7ff4000000000001'), 'nan:0x7ff4000000000001'],
    [f64FromHexBits('fff8000000000000'), 'nan:0xfff8000000000000'],
  ];
  for (const [x, text] of cases) t.is(formatFloat(x), text);
});

test('hex floats round to nearest, ties to even, into subnormals and infinity', (t) => {
  const cases: [string, string][] = [
    ['0x1.8p1', '4008000000000000'],
    ['0x.8p1', '3ff0000000000000'],
    ['0x1p-1074', '0000000000000001'],
    ['0x1p-1075', '0000000000000000'], // a tie: to even, which is zero
    ['0x1.8p-1075', '0000000000000001'],
    ['0x1.8p-1074', '0000000000000002'], // a tie between 1 and 2 ulps: to even
    ['0x1p-1076', '0000000000000000'],
    ['0x1p-99999999999', '0000000000000000'],
    ['0x1.00000000000008p0', '3ff0000000000000'], // half an ulp: tie to even
    ['0x1.00000000000018p0', '3ff0000000000002'], // tie rounds up to even
    ['0x1.000000000000081p0', '3ff0000000000001'], // just above half
    ['0x1.fffffffffffff8p1023', '7ff0000000000000'], // rounds up past the largest double
    ['0x1.fffffffffffffp1023', '7fefffffffffffff'],
    ['0x1p1024', '7ff0000000000000'],
    ['-0x0p0', '8000000000000000'],
    ['0x0.0000000000001p-1022', '0000000000000001'],
  ];
  for (const [text, bits] of cases) t.is(f64ToHexBits(parseFloatText(text)!), bits, text);
  for (const bad of ['0x', '0x.p1', '1.2.3', 'nan:0x1', '--1', 'infinity']) t.is(parseFloatText(bad), null, bad);
});

const anyDoubleBits = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((bits) => bits.toString(16).padStart(16, '0'));

test('every double reads back from its text bit for bit', (t) => {
  fc.assert(
    fc.property(anyDoubleBits, (bits) => {
      const x = f64FromHexBits(bits);
      const back = parseFloatText(formatFloat(x));
      t.is(f64ToHexBits(back!), bits);
    }),
    { numRuns: 2000 },
  );
});

/** The exact decimal value of m · 2^e: JS reads long decimals correctly rounded, so this
 *  is an independent oracle for hex float rounding. */
function exactDecimal(m: bigint, e: number): string {
  if (e >= 0) return (m << BigInt(e)).toString();
  const digits = (m * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  return `${digits.slice(0, e)}.${digits.slice(e)}`;
}

test('hex floats agree with the correctly rounded exact value', (t) => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: (1n << 70n) - 1n }), fc.integer({ min: -1200, max: 1100 }), (m, e) => {
      const hex = `0x${m.toString(16)}p${e}`;
      t.is(f64ToHexBits(parseFloatText(hex)!), f64ToHexBits(Number(exactDecimal(m, e))), hex);
    }),
    { numRuns: 2000 },
  );
});
