import test from 'ava';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import { AllocationError, checkAllocation } from '../../src/machine/alloc-checker.ts';
import type { FinalInst } from '../../src/machine/final-code.ts';
import { withOperands } from '../../src/machine/machine-inst.ts';
import { compileFunction } from '../../src/machine/pipeline.ts';
import { formatFinalCode } from '../../src/machine/print.ts';
import { decodeHeader, Op } from './fake/fake-encoding.ts';
import { buildFakeImage } from './fake/fake-image.ts';
import type { FakeData } from './fake/fake-isa.ts';
import { FakeSimulator } from './fake/fake-simulator.ts';
import { fakeTarget } from './fake/fake-target.ts';

function fib(): Module {
  const m = new Module();
  const b = new FuncBuilder(m, 'fib', { params: ['i32'], result: 'i32' });
  const [n] = b.params;
  const base = b.block('base');
  const rec = b.block('rec');
  b.brif(b.emit('icmp.slt', [n!, b.iconst(2)]), base, [], rec, []);
  b.switchTo(base);
  b.ret(n);
  b.switchTo(rec);
  const one = b.iconst(1);
  const a = b.emit('isub', [n!, one]);
  const fa = b.call('fib', [a]);
  const fb = b.call('fib', [b.emit('isub', [a, one])]);
  b.ret(b.emit('iadd', [fa, fb]));
  return m;
}

test('fib runs recursively with a stack map per call site', (t) => {
  const image = buildFakeImage(fib());
  const sim = new FakeSimulator(image);
  t.is(sim.run(0, [15]), 610);
  const c = image.compiled[0]!;
  t.is(c.stackMaps.length, 2);
  t.true(c.frame.savesReturnAddress);
  // Per call of fib: the return address, and n - 1 across the first recursive call.
  t.true(c.stats.stores <= 2);
  t.log(formatFinalCode(fakeTarget, c.code));
});

test('jumps to the next block are not encoded', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'f', { params: ['i32'], result: 'i32' });
  const next = b.block('next', ['i32']);
  b.br(next, [b.params[0]!]);
  b.switchTo(next);
  b.ret(next.params[0]);
  const c = compileFunction(fakeTarget, m, m.funcs[0]!);
  const done = c.buffer.finish(0, fakeTarget.patch);
  const words = new Uint32Array(done.bytes.buffer, done.bytes.byteOffset, done.bytes.length / 4);
  t.deepEqual(
    [...words].map((w) => decodeHeader(w).op),
    [Op.RETLR],
  );
});

function corrupt(m: Module, edit: (insts: FinalInst<FakeData>[]) => boolean): () => void {
  const c = compileFunction(fakeTarget, m, m.funcs[0]!, { check: true });
  const changed = c.code.blocks.some((fb) => edit(fb.insts));
  if (!changed) throw new Error('nothing to corrupt');
  return () => checkAllocation(c.machine, c.code);
}

test('the allocation checker catches a wrong register and a missing spill store', (t) => {
  const wrongRegister = corrupt(fib(), (insts) => {
    const k = insts.findIndex(
      (fi) => fi.note.kind === 'inst' && (fi.inst.data as FakeData).op === 'pure' && fi.inst.operands.length === 3,
    );
    if (k < 0) return false;
    const fi = insts[k]!;
    const ops = fi.inst.operands.map((o, i) => (i === 1 ? { ...o, preg: (o.preg + 1) % 3 } : o));
    insts[k] = { ...fi, inst: withOperands(fi.inst, ops) };
    return true;
  });
  t.throws(wrongRegister, { instanceOf: AllocationError });
  const noStore = corrupt(fib(), (insts) => {
    const k = insts.findIndex((fi) => fi.note.kind === 'copy' && fi.note.dst.kind === 'slot');
    if (k < 0) return false;
    insts.splice(k, 1);
    return true;
  });
  t.throws(noStore, { instanceOf: AllocationError });
});

test('the IR entry block may be a loop header; unreachable blocks are dropped', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'count', { params: ['i32', 'i32'], result: 'i32' });
  const [n, acc] = b.params;
  const done = b.block('done');
  const dead = b.block('dead');
  const more = b.emit('icmp.sgt', [n!, b.iconst(0)]);
  const next = b.block('next');
  b.brif(more, next, [], done, []);
  b.switchTo(next);
  b.br(b.func.entry, [b.emit('isub', [n!, b.iconst(1)]), b.emit('iadd', [acc!, n!])]);
  b.switchTo(done);
  b.ret(acc);
  b.switchTo(dead);
  b.ret(b.iconst(-1));
  const image = buildFakeImage(m);
  t.is(new FakeSimulator(image).run(0, [10, 0]), 55);
  t.false(image.compiled[0]!.code.blocks.some((fb) => fb.block.name === 'dead'));
});

test('a call result returned at once moves through no other register', (t) => {
  const m = new Module();
  const g = new FuncBuilder(m, 'g', { params: ['f64'], result: 'f64' });
  g.ret(g.emit('fmul', [g.params[0]!, g.params[0]!]));
  const f = new FuncBuilder(m, 'f', { params: ['f64'], result: 'f64' });
  f.ret(f.call('g', [f.params[0]!]));
  const image = buildFakeImage(m);
  t.is(new FakeSimulator(image).run(1, [1.5]), 2.25);
  t.like(image.compiled[1]!.stats, { stores: 0, reloads: 0, moves: 0 });
});
