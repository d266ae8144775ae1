import test, { type ExecutionContext } from 'ava';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Block, Inst, Module } from '../../src/ir/module.ts';
import { opcode } from '../../src/ir/opcodes.ts';
import type { Signature } from '../../src/ir/types.ts';
import { assertValid, verifyFunction, verifyModule, VerifyError, VerifyFailure } from '../../src/ir/verify.ts';

const I_I: Signature = { params: ['i32'], result: 'i32' };
const VOID: Signature = { params: [], result: null };

function errorsOf(m: Module): string[] {
  return verifyModule(m).map(String);
}

/** The module has exactly this one error: no follow-on noise from the checks. */
function expectOnly(t: ExecutionContext, m: Module, expected: string): void {
  t.deepEqual(errorsOf(m), [expected]);
}

function expectValid(t: ExecutionContext, m: Module): void {
  t.deepEqual(errorsOf(m), []);
  t.notThrows(() => assertValid(m));
}

/** `func @f(%x: i32) -> i32 { ret %x }` plus whatever `body` emits before the ret. */
function withBody(body: (b: FuncBuilder, x: number) => number | void, sig: Signature = I_I, m = new Module()): Module {
  const b = new FuncBuilder(
    m,
    'f',
    sig,
    sig.params.map((_, i) => `p${i}`),
  );
  const r = body(b, b.params[0] ?? -1);
  if (!b.currentBlock.terminator) b.ret(typeof r === 'number' ? r : sig.result === null ? undefined : b.params[0]);
  return m;
}

function fibModule(): Module {
  const m = new Module();
  const b = new FuncBuilder(m, 'fib', I_I, ['n']);
  const n = b.params[0]!;
  const base = b.block('base');
  const rec = b.block('rec');
  const small = b.emit('icmp.slt', [n, b.iconst(2)]);
  b.brif(small, base, [], rec, []);
  b.switchTo(base);
  b.ret(n);
  b.switchTo(rec);
  const one = b.iconst(1);
  const a = b.emit('isub', [n, one]);
  const fa = b.call('fib', [a]);
  const c = b.emit('isub', [a, one]);
  const fb = b.call('fib', [c]);
  b.ret(b.emit('iadd', [fa, fb]));
  return m;
}

const pairTypes = (m: Module): Module => {
  m.types.push({
    kind: 'struct',
    name: 'pair',
    fields: [
      { name: 'head', kind: 'ref' },
      { name: 'tail', kind: 'ref' },
    ],
  });
  m.types.push({
    kind: 'struct',
    name: 'box',
    fields: [
      { name: 'n', kind: 'i32' },
      { name: 'b', kind: 'i8' },
      { name: 'x', kind: 'f64' },
    ],
  });
  m.types.push({ kind: 'array', name: 'ints', elem: 'i32' });
  m.types.push({ kind: 'array', name: 'bytes', elem: 'i8' });
  m.types.push({ kind: 'array', name: 'refs', elem: 'ref' });
  return m;
};

// ---------------------------------------------------------------- valid modules

test('valid: fib (recursion, brif)', (t) => {
  expectValid(t, fibModule());
});

test('valid: counting loop with block parameters', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'sum', I_I, ['n']);
  const head = b.block('head', ['i32', 'i32'], ['i', 'acc']);
  const body = b.block('body');
  const exit = b.block('exit');
  b.br(head, [b.iconst(0), b.iconst(0)]);
  b.switchTo(head);
  const [i, acc] = head.params as [number, number];
  b.brif(b.emit('icmp.slt', [i, b.params[0]!]), body, [], exit, []);
  b.switchTo(body);
  const acc2 = b.emit('iadd', [acc, i]);
  b.br(head, [b.emit('iadd', [i, b.iconst(1)]), acc2]);
  b.switchTo(exit);
  b.ret(acc);
  expectValid(t, m);
});

test('valid: fused overflow arithmetic', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'inc', I_I, ['x']);
  const ok = b.block('ok', ['i32'], ['r']);
  const slow = b.block('slow', ['i32'], ['a']);
  const x = b.params[0]!;
  b.emitFused('iadd_ovf', [x, b.iconst(1)], {}, (r) => ({ block: ok, args: [r] }), { block: slow, args: [x] });
  b.switchTo(ok);
  b.ret(ok.params[0]);
  b.switchTo(slow);
  b.ret(b.iconst(0));
  // The builder's emit() marks an explicitly targeted overflow op fused as well.
  const b2 = new FuncBuilder(m, 'dec', I_I, ['x']);
  const ok2 = b2.block('ok', ['i32']);
  const ovf2 = b2.block('ovf');
  b2.emit('isub_ovf', [b2.params[0]!, b2.params[0]!], {
    targets: [
      { block: ok2, args: [b2.params[0]!] },
      { block: ovf2, args: [] },
    ],
  });
  b2.switchTo(ok2);
  b2.ret(ok2.params[0]);
  b2.switchTo(ovf2);
  b2.emit('unreachable');
  expectValid(t, m);
});

test('valid: call with unwind edge, raise, extern', (t) => {
  const m = new Module();
  m.externs.push({ name: 'boom', sig: { params: ['i32'], result: 'ref' }, collects: true, raises: true });
  const b = new FuncBuilder(m, 'guarded', I_I, ['x']);
  const ok = b.block('ok', ['ref']);
  const handler = b.block('handler', ['ref', 'i32'], ['exn', 'saved']);
  const x = b.params[0]!;
  b.emitFused('call', [x], { sym: 'boom' }, (r) => ({ block: ok, args: [r] }), { block: handler, args: [x] });
  b.switchTo(ok);
  b.ret(b.emit('ref.bits', [ok.params[0]!]));
  b.switchTo(handler);
  b.ret(handler.params[1]);
  const r = new FuncBuilder(m, 'rethrow', { params: ['ref'], result: null }, ['e']);
  r.emit('raise', [r.params[0]!]);
  // A fused call to a void function passes nothing on to `to`.
  const v = new FuncBuilder(m, 'calls_void', { params: ['ref'], result: null }, ['e']);
  const done = v.block('done');
  const h = v.block('h', ['ref']);
  v.emitFused('call', [v.params[0]!], { sym: 'rethrow' }, () => ({ block: done, args: [] }), { block: h, args: [] });
  v.switchTo(done);
  v.ret();
  v.switchTo(h);
  v.emit('raise', [h.params[0]!]);
  expectValid(t, m);
});

test('valid: switch', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'pick', I_I, ['x']);
  const dflt = b.block('dflt');
  const one = b.block('one', ['i32']);
  const seven = b.block('seven');
  b.emit('switch', [b.params[0]!], {
    targets: [
      { block: dflt, args: [] },
      { block: one, args: [b.params[0]!] },
      { block: seven, args: [] },
    ],
    cases: [1, 7],
  });
  b.switchTo(dflt);
  b.ret(b.iconst(0));
  b.switchTo(one);
  b.ret(one.params[0]);
  b.switchTo(seven);
  b.ret(b.iconst(7));
  expectValid(t, m);
});

test('valid: tail calls, fref, call_indirect', (t) => {
  const m = fibModule();
  const b = new FuncBuilder(m, 'trampoline', I_I, ['n']);
  b.emit('tail_call', [b.params[0]!], { sym: 'fib' });
  const c = new FuncBuilder(m, 'via_table', I_I, ['n']);
  const idx = c.emit('fref', [], { sym: 'fib' });
  const r = c.emit('call_indirect', [idx, c.params[0]!], { sig: I_I });
  const tail = c.block('tail');
  c.brif(r, tail, [], tail, []);
  c.switchTo(tail);
  c.emit('tail_call_indirect', [idx, r], { sig: I_I });
  const v = new FuncBuilder(m, 'void_tail', VOID);
  v.emit('tail_call', [], { sym: 'void_tail' });
  expectValid(t, m);
});

test('valid: objects, arrays, globals, consts, select (i8 fields take i32)', (t) => {
  const m = pairTypes(new Module());
  m.globals.push({ name: 'count', type: 'i32', init: -5 });
  m.globals.push({ name: 'scale', type: 'f64', init: 0.5 });
  m.globals.push({ name: 'nil', type: 'ref', init: 2 });
  m.globals.push({ name: 'hello_ref', type: 'ref', init: 'hello' });
  m.consts.push({ name: 'hello', type: 'bytes', values: [104, 105, 10] });
  m.consts.push({ name: 'cell', type: 'pair', values: [1, 'cell'] });
  m.consts.push({ name: 'boxed', type: 'box', values: [-1, 255, 2.5] });
  withBody(
    (b, x) => {
      const p = b.emit('new', [], { sym: 'pair' });
      b.emit('set', [p, b.emit('gaddr', [], { sym: 'hello' })], { sym: 'pair', field: 'head' });
      const h = b.emit('get', [p], { sym: 'pair', field: 'head' });
      const bx = b.emit('new', [], { sym: 'box' });
      b.emit('set', [bx, x], { sym: 'box', field: 'b' });
      const byte = b.emit('get', [bx], { sym: 'box', field: 'b' });
      const arr = b.emit('new_array', [x], { sym: 'ints' });
      b.emit('aset', [arr, b.iconst(0), byte], { sym: 'ints' });
      const bytes = b.emit('new_array', [x], { sym: 'bytes' });
      b.emit('aset', [bytes, b.iconst(0), x], { sym: 'bytes' });
      const refs = b.emit('new_array', [x], { sym: 'refs' });
      b.emit('aset', [refs, b.iconst(0), h], { sym: 'refs' });
      const len = b.emit('alen', [arr]);
      b.emit('gset', [len], { sym: 'count' });
      b.emit('gset', [b.emit('rnull')], { sym: 'nil' });
      const f = b.emit('fmul', [b.emit('gget', [], { sym: 'scale' }), b.emit('i2f', [x])]);
      const y = b.emit('select', [x, b.emit('f2i', [f]), b.emit('aget', [arr, x], { sym: 'ints' })]);
      return b.emit('iadd', [y, b.emit('ref.type_id', [p])]);
    },
    I_I,
    m,
  );
  expectValid(t, m);
});

test('valid: GC-lowered module with raw memory operations', (t) => {
  const m = pairTypes(new Module());
  m.lowered = true;
  m.globals.push({ name: 'count', type: 'i32', init: 0 });
  withBody(
    (b, x) => {
      const v = b.emit('load.i32', [x], { imm: 4 });
      b.emit('store.ref', [x, b.emit('ref.from_bits', [v])], { imm: 8 });
      b.emit('store.i8', [x, v], { imm: 12 });
      b.emit('gset', [v], { sym: 'count' });
      return b.emit('get', [b.emit('ref.from_bits', [x])], { sym: 'box', field: 'n' });
    },
    I_I,
    m,
  );
  expectValid(t, m);
});

test('valid: unreachable blocks are allowed and skip dominance', (t) => {
  const m = withBody((b, x) => {
    const live = b.block('live', ['i32']);
    const dead = b.block('dead');
    const y = b.emit('iadd', [x, x]);
    b.br(live, [y]);
    b.switchTo(dead);
    // Uses a value from a block it is not dominated by: harmless, dead code is never run.
    b.br(live, [live.params[0]!]);
    b.switchTo(live);
    return live.params[0];
  });
  expectValid(t, m);
});

test('valid: void function', (t) => {
  const m = new Module();
  m.externs.push({ name: 'print_i32', sig: { params: ['i32'], result: null }, collects: false, raises: false });
  const b = new FuncBuilder(m, 'show', { params: ['i32'], result: null }, ['x']);
  b.call('print_i32', [b.params[0]!]);
  b.ret();
  expectValid(t, m);
});

// ---------------------------------------------------------------- module-level errors

test('module: duplicate function name', (t) => {
  const m = fibModule();
  m.funcs.push(fibModule().funcs[0]!);
  t.true(errorsOf(m).includes('module: duplicate function @fib'));
});

test('module: one name declared as two kinds of symbol', (t) => {
  const m = fibModule();
  m.globals.push({ name: 'fib', type: 'i32', init: 0 });
  expectOnly(t, m, 'module: @fib is declared both as a function and as a global');
});

test('module: duplicate type', (t) => {
  const m = pairTypes(new Module());
  m.types.push({ kind: 'array', name: 'ints', elem: 'f64' });
  expectOnly(t, m, 'module: duplicate type :ints');
});

test('module: duplicate field', (t) => {
  const m = new Module();
  m.types.push({
    kind: 'struct',
    name: 'p',
    fields: [
      { name: 'a', kind: 'i32' },
      { name: 'a', kind: 'ref' },
    ],
  });
  expectOnly(t, m, "module: type :p: duplicate field 'a'");
});

test('module: invalid field and element kinds', (t) => {
  const m = new Module();
  const bad = JSON.parse(
    '{"kind": "struct", "name": "p", "fields": [{"name": "a", "kind": "i64"}]}',
  ) as Module['types'][number];
  const badArray = JSON.parse('{"kind": "array", "name": "q", "elem": "u16"}') as Module['types'][number];
  m.types.push(bad, badArray);
  t.deepEqual(errorsOf(m), [
    "module: type :p: field 'a' has invalid kind 'i64'",
    "module: type :q: invalid element kind 'u16'",
  ]);
});

test('module: global init does not match its type', (t) => {
  const m = new Module();
  m.globals.push({ name: 'g', type: 'i32', init: 1.5 });
  m.globals.push({ name: 'h', type: 'f64', init: 'nothing' });
  t.deepEqual(errorsOf(m), [
    'module: global @g: init 1.5 is not an i32',
    'module: global @h: init @nothing given for a f64 slot; only ref slots may name a const',
  ]);
});

test('module: ref global init that looks like a pointer', (t) => {
  const m = new Module();
  m.globals.push({ name: 'g', type: 'ref', init: 8 });
  expectOnly(t, m, 'module: global @g: init ref immediate 8 has low bits 00 like a heap pointer; name a const instead');
});

test('module: ref global init naming something other than a const', (t) => {
  const m = new Module();
  m.globals.push({ name: 'other', type: 'i32', init: 0 });
  m.globals.push({ name: 'g', type: 'ref', init: 'other' });
  expectOnly(t, m, 'module: global @g: init @other is not a const');
});

test('module: const with the wrong number of struct fields', (t) => {
  const m = pairTypes(new Module());
  m.consts.push({ name: 'c', type: 'pair', values: [1] });
  expectOnly(t, m, 'module: const @c: 1 value(s) for the 2 field(s) of :pair');
});

test('module: const values that do not fit their fields or elements', (t) => {
  const m = pairTypes(new Module());
  m.consts.push({ name: 'c', type: 'pair', values: [4, 'nowhere'] });
  m.consts.push({ name: 's', type: 'bytes', values: [104, 256] });
  m.consts.push({ name: 'b', type: 'box', values: [0, 0, 'c'] });
  t.deepEqual(errorsOf(m), [
    "module: const @c: field 'head': ref immediate 4 has low bits 00 like a heap pointer; name a const instead",
    "module: const @c: field 'tail': @nowhere is not a const",
    'module: const @s: element 1: 256 is not an i8 (0..255)',
    "module: const @b: field 'x': @c given for a f64 slot; only ref slots may name a const",
  ]);
});

test('module: const of an unknown type', (t) => {
  const m = new Module();
  m.consts.push({ name: 'c', type: 'missing', values: [] });
  expectOnly(t, m, 'module: const @c: unknown type :missing');
});

test('module: extern signature with an invalid type', (t) => {
  const m = new Module();
  const sig = JSON.parse('{"params": ["i32", "i64"], "result": null}') as Signature;
  m.externs.push({ name: 'e', sig, collects: false, raises: false });
  expectOnly(t, m, "module: extern @e: parameter 2 has invalid type 'i64'");
});

// ---------------------------------------------------------------- function structure

test('function without blocks', (t) => {
  const m = fibModule();
  m.funcs[0]!.blocks = [];
  t.true(errorsOf(m).includes('@fib: function has no blocks'));
});

test('entry block parameters must match the signature', (t) => {
  const m = fibModule();
  m.funcs[0]!.sig = { params: ['f64'], result: 'i32' };
  const errors = errorsOf(m);
  t.true(errors.includes('@fib ^entry: entry parameter 1 %n has type i32, but the signature says f64'));
  const m2 = withBody(() => {});
  m2.funcs[0]!.sig = { params: [], result: 'i32' };
  expectOnly(t, m2, '@f ^entry: entry block has 1 parameter(s), but the signature has 0');
});

test('block without a terminator', (t) => {
  const m = withBody((b) => {
    const next = b.block('next');
    b.br(next);
    b.switchTo(next);
    b.emit('iconst', [], { imm: 1 });
    const tail = b.block('tail');
    b.switchTo(tail);
  });
  t.deepEqual(errorsOf(m), ['@f ^next: block does not end with a terminator']);
});

test('terminator in the middle of a block', (t) => {
  const m = withBody((b, x) => {
    b.ret(x);
  });
  const entry = m.funcs[0]!.blocks[0]!;
  const extra = new Inst(opcode('iconst'));
  extra.result = m.funcs[0]!.newValue('i32');
  entry.insts.push(extra);
  t.deepEqual(errorsOf(m), [
    '@f ^entry #0 (ret): terminator in the middle of the block',
    '@f ^entry: block does not end with a terminator',
  ]);
});

test('duplicate block names', (t) => {
  const m = withBody((b) => {
    const next = b.block('next');
    b.br(next);
    b.switchTo(next);
  });
  m.funcs[0]!.blocks[1]!.name = 'entry';
  expectOnly(t, m, '@f ^entry: duplicate block name ^entry');
});

// ---------------------------------------------------------------- fused forms and edges

test('fused flag on an opcode that has no fused form', (t) => {
  const m = withBody((b, x) => {
    const next = b.block('next');
    b.br(next);
    b.switchTo(next);
    return x;
  });
  m.funcs[0]!.blocks[0]!.insts[0]!.fused = true;
  expectOnly(t, m, '@f ^entry #0 (br): is marked fused, but br has no fused form');
});

test('overflow op that is not marked fused', (t) => {
  const m = withBody((b, x) => {
    const ok = b.block('ok', ['i32']);
    const ovf = b.block('ovf');
    b.emitFused('imul_ovf', [x, x], {}, (r) => ({ block: ok, args: [r] }), { block: ovf, args: [] });
    b.switchTo(ovf);
    b.emit('unreachable');
    b.switchTo(ok);
    return ok.params[0];
  });
  m.funcs[0]!.blocks[0]!.insts[0]!.fused = false;
  expectOnly(t, m, '@f ^entry #0 (imul_ovf): must be written fused (to ... ovf ...)');
});

test('fused call without its edges', (t) => {
  const m = fibModule();
  const call = m.funcs[0]!.blocks[2]!.insts[2]!;
  t.is(call.op.name, 'call');
  call.fused = true;
  const errors = errorsOf(m);
  t.true(errors.includes('@fib ^rec #2 (call): has 0 target(s), expected 2'));
  t.true(errors.includes('@fib ^rec #2 (call): terminator in the middle of the block'));
});

test('target that is a block of another function', (t) => {
  const other = fibModule();
  const m = withBody(() => {});
  const entry = m.funcs[0]!.blocks[0]!;
  entry.insts = [];
  const br = new Inst(opcode('br'));
  br.targets = [{ block: other.funcs[0]!.blocks[1]!, args: [] }];
  entry.insts.push(br);
  expectOnly(t, m, '@f ^entry #0 (br): target ^base is not a block of @f');
});

test('target argument count', (t) => {
  const m = withBody((b, x) => {
    const next = b.block('next', ['i32', 'i32']);
    b.br(next, [x]);
    b.switchTo(next);
    return x;
  });
  expectOnly(t, m, '@f ^entry #0 (br): ^next takes 2 argument(s), got 1');
});

test('target argument type', (t) => {
  const m = withBody((b, x) => {
    const next = b.block('next', ['i32', 'f64']);
    b.br(next, [x, x]);
    b.switchTo(next);
    return x;
  });
  expectOnly(t, m, '@f ^entry #0 (br): ^next argument 2 has type i32, expected f64');
});

test('unwind handler whose first parameter is not a ref', (t) => {
  const m = fibModule();
  const b = new FuncBuilder(m, 'g', I_I, ['x']);
  const ok = b.block('ok', ['i32']);
  const h = b.block('h', ['i32']);
  b.emitFused('call', [b.params[0]!], { sym: 'fib' }, (r) => ({ block: ok, args: [r] }), { block: h, args: [] });
  b.switchTo(ok);
  b.ret(ok.params[0]);
  b.switchTo(h);
  b.ret(h.params[0]);
  expectOnly(t, m, '@g ^entry #0 (call): unwind handler ^h must take the exception as its first parameter, a ref');
});

test('unwind handler arguments fill the parameters after the exception', (t) => {
  const m = fibModule();
  const b = new FuncBuilder(m, 'g', I_I, ['x']);
  const ok = b.block('ok', ['i32']);
  const h = b.block('h', ['ref', 'i32']);
  const x = b.params[0]!;
  b.emitFused('call', [x], { sym: 'fib' }, (r) => ({ block: ok, args: [r] }), { block: h, args: [x, x] });
  b.switchTo(ok);
  b.ret(ok.params[0]);
  b.switchTo(h);
  b.ret(h.params[1]);
  expectOnly(t, m, '@g ^entry #0 (call): unwind handler ^h (after the exception) takes 1 argument(s), got 2');
});

test('result of a fused terminator used outside its to arguments', (t) => {
  const m = withBody((b, x) => {
    const ok = b.block('ok', ['i32']);
    const ovf = b.block('ovf', ['i32']);
    let sum = -1;
    b.emitFused('iadd_ovf', [x, x], {}, (r) => ((sum = r), { block: ok, args: [r] }), { block: ovf, args: [x] });
    // The alt edge may not see the result either.
    m0(b).insts[0]!.targets[1]!.args = [sum];
    b.switchTo(ovf);
    b.ret(ovf.params[0]);
    b.switchTo(ok);
    return sum;
  });
  t.deepEqual(errorsOf(m), [
    "@f ^entry #0 (iadd_ovf): uses %v3, the result of a fused terminator, outside that terminator's `to` arguments",
    "@f ^ok #0 (ret): uses %v3, the result of a fused terminator, outside that terminator's `to` arguments",
  ]);
});

function m0(b: FuncBuilder): Block {
  return b.func.blocks[0]!;
}

// ---------------------------------------------------------------- operands and results

test('operand type', (t) => {
  const m = withBody((b, x) => b.emit('iadd', [x, b.fconst(1.5)]));
  expectOnly(t, m, '@f ^entry #1 (iadd): operand 2 has type f64, expected i32');
});

test('operand count', (t) => {
  const m = withBody((b, x) => {
    b.emit('ixor', [x]);
  });
  expectOnly(t, m, '@f ^entry #0 (ixor): takes 2 operand(s), got 1');
});

test('select operands must agree', (t) => {
  const m = withBody((b, x) => {
    b.emit('select', [x, x, b.fconst(0)]);
  });
  expectOnly(t, m, '@f ^entry #1 (select): operands 2 and 3 have different types (i32 and f64)');
});

test('set value must match the field type', (t) => {
  const m = pairTypes(new Module());
  withBody(
    (b, x) => {
      const p = b.emit('new', [], { sym: 'pair' });
      b.emit('set', [p, x], { sym: 'pair', field: 'tail' });
    },
    I_I,
    m,
  );
  expectOnly(t, m, '@f ^entry #1 (set): operand 2 has type i32, but field :pair.tail holds ref');
});

test('aset value must match the element type', (t) => {
  const m = pairTypes(new Module());
  withBody(
    (b, x) => {
      const a = b.emit('new_array', [x], { sym: 'ints' });
      b.emit('aset', [a, x, b.fconst(1)], { sym: 'ints' });
    },
    I_I,
    m,
  );
  expectOnly(t, m, '@f ^entry #2 (aset): operand 3 has type f64, but element of :ints holds i32');
});

test('gset value must match the global type', (t) => {
  const m = new Module();
  m.globals.push({ name: 'g', type: 'f64', init: 0 });
  withBody(
    (b, x) => {
      b.emit('gset', [x], { sym: 'g' });
    },
    I_I,
    m,
  );
  expectOnly(t, m, '@f ^entry #0 (gset): operand 1 has type i32, but global @g holds f64');
});

test('ret must match the function result', (t) => {
  expectOnly(
    t,
    withBody((b) => b.fconst(1)),
    '@f ^entry #1 (ret): returns f64, but the function returns i32',
  );
  expectOnly(
    t,
    withBody((b) => b.ret()),
    '@f ^entry #0 (ret): returns nothing, but the function returns i32',
  );
  const v = withBody((b, x) => b.ret(x), { params: ['i32'], result: null });
  expectOnly(t, v, '@f ^entry #0 (ret): returns a value from a void function');
});

test('result of the wrong type', (t) => {
  const m = withBody((b, x) => {
    b.emit('iadd', [x, x]);
  });
  const f = m.funcs[0]!;
  f.blocks[0]!.insts[0]!.result = f.newValue('f64', 'wrong');
  expectOnly(t, m, '@f ^entry #0 (iadd): result %wrong has type f64, expected i32');
});

test('result present where the opcode produces none', (t) => {
  const m = new Module();
  m.globals.push({ name: 'g', type: 'i32', init: 0 });
  withBody(
    (b, x) => {
      b.emit('gset', [x], { sym: 'g' });
    },
    I_I,
    m,
  );
  const f = m.funcs[0]!;
  f.blocks[0]!.insts[0]!.result = f.newValue('i32', 'bogus');
  expectOnly(t, m, '@f ^entry #0 (gset): has a result %bogus, but produces no value');
});

test('valid: a result may be discarded (`%r =` is optional in the text format)', (t) => {
  const m = fibModule();
  withBody(
    (b, x) => {
      b.call('fib', [x]);
    },
    I_I,
    m,
  );
  m.funcs[1]!.blocks[0]!.insts[0]!.result = -1;
  expectValid(t, m);
});

test('integer immediate out of range', (t) => {
  const m = withBody((b) => {
    b.emit('iconst', [], { imm: 2 ** 31 });
  });
  expectOnly(t, m, '@f ^entry #0 (iconst): immediate 2147483648 is not an i32');
});

// ---------------------------------------------------------------- calls

test('call argument type (the documented example)', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'fib', I_I, ['n']);
  const rec = b.block('rec');
  b.br(rec);
  b.switchTo(rec);
  const one = b.iconst(1);
  const a = b.emit('isub', [b.params[0]!, one]);
  const x = b.emit('i2f', [a]);
  b.ret(b.call('fib', [x]));
  const errors = verifyModule(m);
  t.is(errors.length, 1);
  const e = errors[0]!;
  t.true(e instanceof VerifyError);
  t.like(e, { func: 'fib', block: 'rec', instIndex: 3, op: 'call', message: 'argument 1 has type f64, expected i32' });
  t.is(String(e), '@fib ^rec #3 (call): argument 1 has type f64, expected i32');
});

test('call argument count', (t) => {
  const m = fibModule();
  withBody((b, x) => b.call('fib', [x, x]), I_I, m);
  expectOnly(t, m, '@f ^entry #0 (call): passes 2 argument(s), but @fib takes 1');
});

test('call_indirect without a signature', (t) => {
  const m = fibModule();
  withBody(
    (b, x) => {
      const idx = b.emit('fref', [], { sym: 'fib' });
      b.emit('call_indirect', [idx, x], {});
      return x;
    },
    I_I,
    m,
  );
  expectOnly(t, m, '@f ^entry #1 (call_indirect): has no signature');
});

test('call_indirect arguments follow its signature', (t) => {
  const m = fibModule();
  withBody(
    (b) => {
      const idx = b.emit('fref', [], { sym: 'fib' });
      return b.emit('call_indirect', [idx, b.fconst(0)], { sig: I_I });
    },
    I_I,
    m,
  );
  expectOnly(t, m, '@f ^entry #2 (call_indirect): argument 1 has type f64, expected i32');
});

test('tail call whose callee returns a different type', (t) => {
  const m = fibModule();
  withBody(
    (b, x) => {
      b.emit('tail_call', [x], { sym: 'fib' });
    },
    { params: ['i32'], result: 'f64' },
    m,
  );
  expectOnly(t, m, '@f ^entry #0 (tail_call): tail call: @fib returns i32, but @f returns f64');
  const m2 = new Module();
  withBody(
    (b, x) => {
      b.emit('tail_call_indirect', [x, x], { sig: I_I });
    },
    { params: ['i32'], result: null },
    m2,
  );
  expectOnly(t, m2, '@f ^entry #0 (tail_call_indirect): tail call: the signature returns i32, but @f returns void');
});

// ---------------------------------------------------------------- switch

test('switch with a duplicate case', (t) => {
  const m = withBody((b, x) => {
    const a = b.block('a');
    b.emit('switch', [x], {
      targets: [
        { block: a, args: [] },
        { block: a, args: [] },
        { block: a, args: [] },
      ],
      cases: [3, 3],
    });
    b.switchTo(a);
    return x;
  });
  expectOnly(t, m, '@f ^entry #0 (switch): duplicate case 3');
});

test('switch whose case count does not match its targets', (t) => {
  const m = withBody((b, x) => {
    const a = b.block('a');
    b.emit('switch', [x], {
      targets: [
        { block: a, args: [] },
        { block: a, args: [] },
        { block: a, args: [] },
      ],
      cases: [1],
    });
    b.switchTo(a);
    return x;
  });
  expectOnly(t, m, '@f ^entry #0 (switch): has 1 case value(s) but 2 case target(s)');
});

// ---------------------------------------------------------------- symbols

test('unknown callee', (t) => {
  const m = fibModule();
  m.funcs[0]!.blocks[2]!.insts[2]!.sym = 'fob';
  expectOnly(t, m, '@fib ^rec #2 (call): unknown symbol @fob; expected a function or extern');
});

test('unknown type, and a type of the wrong kind', (t) => {
  const m = pairTypes(new Module());
  withBody(
    (b, x) => {
      b.emit('new', [], { sym: 'pair' });
      b.emit('new', [], { sym: 'pair' });
      b.emit('new_array', [x], { sym: 'ints' });
    },
    I_I,
    m,
  );
  const insts = m.funcs[0]!.blocks[0]!.insts;
  insts[0]!.sym = 'nope';
  insts[1]!.sym = 'ints';
  insts[2]!.sym = 'pair';
  t.deepEqual(errorsOf(m), [
    '@f ^entry #0 (new): unknown type :nope',
    '@f ^entry #1 (new): :ints is an array; expected a struct type',
    '@f ^entry #2 (new_array): :pair is a struct; expected an array type',
  ]);
});

test('unknown field', (t) => {
  const m = pairTypes(new Module());
  withBody(
    (b) => {
      b.emit('get', [b.emit('new', [], { sym: 'pair' })], { sym: 'pair', field: 'head' });
    },
    I_I,
    m,
  );
  m.funcs[0]!.blocks[0]!.insts[1]!.field = 'car';
  expectOnly(t, m, "@f ^entry #1 (get): :pair has no field 'car'");
});

test('unknown global', (t) => {
  const m = new Module();
  m.globals.push({ name: 'g', type: 'i32', init: 0 });
  withBody((b) => b.emit('gget', [], { sym: 'g' }), I_I, m);
  m.globals = [];
  expectOnly(t, m, '@f ^entry #0 (gget): unknown symbol @g; expected a global');
});

test('gaddr of something that is not a const', (t) => {
  const m = new Module();
  m.globals.push({ name: 'g', type: 'ref', init: 0 });
  withBody(
    (b, x) => {
      b.emit('gaddr', [], { sym: 'g' });
      return x;
    },
    I_I,
    m,
  );
  expectOnly(t, m, '@f ^entry #0 (gaddr): @g is a global; expected a const');
});

test('fref of an extern', (t) => {
  const m = new Module();
  m.externs.push({ name: 'host', sig: I_I, collects: false, raises: false });
  withBody((b) => b.emit('fref', [], { sym: 'host' }), I_I, m);
  expectOnly(t, m, '@f ^entry #0 (fref): @host is an extern; only functions have function-table slots');
});

// ---------------------------------------------------------------- GC-lowering phase

test('allocation after GC lowering', (t) => {
  const m = pairTypes(new Module());
  m.lowered = true;
  withBody(
    (b, x) => {
      b.emit('new', [], { sym: 'pair' });
      return x;
    },
    I_I,
    m,
  );
  expectOnly(t, m, '@f ^entry #0 (new): new is not allowed after GC lowering');
});

test('a function left unlowered keeps the unlowered rules in a lowered module', (t) => {
  const m = pairTypes(new Module());
  m.globals.push({ name: 'r', type: 'ref', init: 0 });
  m.lowered = true;
  withBody(
    (b, x) => {
      const p = b.emit('new', [], { sym: 'pair' });
      b.emit('set', [p, p], { sym: 'pair', field: 'head' });
      b.emit('gset', [p], { sym: 'r' });
      b.emit('load.i32', [x], { imm: 0 });
      return x;
    },
    I_I,
    m,
  );
  m.func('f')!.unlowered = true;
  expectOnly(t, m, '@f ^entry #3 (load.i32): load.i32 is only allowed in GC-lowered IR');
});

test('unlowered marks functions of lowered modules only', (t) => {
  const m = withBody((_, x) => x);
  m.func('f')!.unlowered = true;
  expectOnly(t, m, "@f: 'unlowered' only marks a function of a GC-lowered module");
});

test('raw memory access before GC lowering', (t) => {
  const m = withBody((b, x) => b.emit('load.i32', [x], { imm: 0 }));
  expectOnly(t, m, '@f ^entry #0 (load.i32): load.i32 is only allowed in GC-lowered IR');
});

test('ref stores through set/aset/gset after GC lowering', (t) => {
  const m = pairTypes(new Module());
  m.globals.push({ name: 'r', type: 'ref', init: 0 });
  m.lowered = true;
  withBody(
    (b, x) => {
      const p = b.emit('ref.from_bits', [x]);
      b.emit('set', [p, p], { sym: 'pair', field: 'head' });
      b.emit('aset', [p, x, p], { sym: 'refs' });
      b.emit('gset', [p], { sym: 'r' });
      b.emit('set', [p, x], { sym: 'box', field: 'n' });
      return x;
    },
    I_I,
    m,
  );
  const why = "after GC lowering; the GC's lowering must turn ref stores into raw stores";
  t.deepEqual(errorsOf(m), [
    `@f ^entry #1 (set): stores a ref into field :pair.head ${why}`,
    `@f ^entry #2 (aset): stores a ref into element of :refs ${why}`,
    `@f ^entry #3 (gset): stores a ref into global @r ${why}`,
  ]);
});

// ---------------------------------------------------------------- SSA

test('value defined twice', (t) => {
  const m = withBody((b, x) => b.emit('iadd', [x, x]));
  const f = m.funcs[0]!;
  const entry = f.blocks[0]!;
  const dup = new Inst(opcode('iconst'));
  dup.result = entry.insts[0]!.result;
  entry.insts.splice(1, 0, dup);
  expectOnly(t, m, '@f ^entry #1 (iconst): %v1 is defined more than once (first in ^entry)');
});

test('use not dominated by its definition', (t) => {
  const m = withBody((b, x) => {
    const left = b.block('left');
    const join = b.block('join');
    b.brif(x, left, [], join, []);
    b.switchTo(left);
    const y = b.emit('iadd', [x, x]);
    b.br(join);
    b.switchTo(join);
    return y;
  });
  expectOnly(t, m, '@f ^join #0 (ret): uses %v1, but its definition in ^left does not dominate ^join');
});

test('use before its definition in the same block, and of its own result', (t) => {
  const m = withBody((b, x) => {
    const y = b.emit('iadd', [x, x]);
    return b.emit('imul', [y, y]);
  });
  const insts = m.funcs[0]!.blocks[0]!.insts;
  const [add, mul] = insts as [Inst, Inst];
  add.args = [mul.result, x0(m)];
  mul.args = [mul.result, add.result];
  t.deepEqual(errorsOf(m), [
    '@f ^entry #0 (iadd): uses %v2 before its definition (#1)',
    '@f ^entry #1 (imul): uses its own result %v2',
  ]);
});

function x0(m: Module): number {
  return m.funcs[0]!.blocks[0]!.params[0]!;
}

test('value id out of range, and a value that is never defined', (t) => {
  const m = withBody((b, x) => b.emit('iadd', [x, x]));
  const f = m.funcs[0]!;
  const ghost = f.newValue('i32', 'ghost');
  f.blocks[0]!.insts[0]!.args = [99, ghost];
  t.deepEqual(errorsOf(m), [
    '@f ^entry #0 (iadd): uses value #99, which does not exist',
    '@f ^entry #0 (iadd): uses %ghost, which is never defined',
  ]);
});

test('definition of a value id the function never allocated', (t) => {
  const m = withBody((b, x) => {
    b.emit('iconst', [], { imm: 1 });
    return x;
  });
  m.funcs[0]!.blocks[0]!.insts[0]!.result = 42;
  expectOnly(t, m, '@f ^entry #0 (iconst): defines value #42, which the function has not allocated');
});

// ---------------------------------------------------------------- API

test('assertValid throws a VerifyFailure listing every error, one per line', (t) => {
  const m = withBody((b, x) => b.emit('iadd', [x, b.fconst(1)]));
  m.globals.push({ name: 'g', type: 'i32', init: 0.5 });
  const err = t.throws(() => assertValid(m), { instanceOf: VerifyFailure });
  t.is(err.errors.length, 2);
  t.deepEqual(err.message.split('\n').slice(1), [
    '  module: global @g: init 0.5 is not an i32',
    '  @f ^entry #1 (iadd): operand 2 has type f64, expected i32',
  ]);
});

test('verifyFunction checks one function', (t) => {
  const m = fibModule();
  withBody((b, x) => b.emit('iadd', [x, b.fconst(1)]), I_I, m);
  t.deepEqual(verifyFunction(m, m.funcs[0]!), []);
  t.deepEqual(verifyFunction(m, m.funcs[1]!).map(String), [
    '@f ^entry #1 (iadd): operand 2 has type f64, expected i32',
  ]);
});

/** A 10k-block function: a chain of loop headers, each with a body, all using the entry's parameter. */
function bigFunction(blocks: number): Module {
  const m = fibModule();
  const b = new FuncBuilder(m, 'big', I_I, ['n']);
  const n = b.params[0]!;
  const exit = b.block('exit', ['i32']);
  let acc = b.iconst(0);
  for (let i = 0; i < blocks / 2; i++) {
    const head = b.block(`h${i}`, ['i32']);
    const body = b.block(`b${i}`);
    b.br(head, [acc]);
    b.switchTo(head);
    const a = head.params[0]!;
    b.brif(b.emit('icmp.slt', [a, n]), body, [], exit, [a]);
    b.switchTo(body);
    acc = b.emit('iadd', [a, b.call('fib', [n])]);
  }
  b.br(exit, [acc]);
  b.switchTo(exit);
  b.ret(exit.params[0]);
  return m;
}

test('a 10k-block function verifies fast', (t) => {
  const m = bigFunction(10_000);
  // Best of three: the first run includes JIT warm-up, and the machine may be shared.
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    t.deepEqual(verifyModule(m), []);
    best = Math.min(best, performance.now() - start);
  }
  t.log(`verified ${m.funcs[1]!.blocks.length} blocks in ${best.toFixed(1)} ms`);
  t.true(best < 1500, `took ${best} ms`);
});
