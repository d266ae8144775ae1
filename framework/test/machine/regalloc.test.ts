import test from 'ava';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module } from '../../src/ir/module.ts';
import type { Signature } from '../../src/ir/types.ts';
import { allocateFunction } from '../../src/machine/pipeline.ts';
import { MachFunction } from '../../src/machine/machine-function.ts';
import { def, fixedUse, machInst, use } from '../../src/machine/machine-inst.ts';
import { buildFakeImage } from './fake/fake-image.ts';
import type { FakeData } from './fake/fake-isa.ts';
import { FakeSimulator } from './fake/fake-simulator.ts';
import { fakeTarget } from './fake/fake-target.ts';
import { evaluateIr } from './ir-reference.ts';

/** A module whose first function is `inc(x) = x + 1` (a leaf to call). */
function moduleWithInc(): Module {
  const m = new Module();
  const inc = new FuncBuilder(m, 'inc', { params: ['i32'], result: 'i32' });
  inc.ret(inc.emit('iadd', [inc.params[0]!, inc.iconst(1)]));
  return m;
}

function run(m: Module, name: string, args: number[]) {
  const image = buildFakeImage(m, true);
  const index = m.funcs.findIndex((f) => f.name === name);
  const sim = new FakeSimulator(image);
  const result = sim.run(index, args);
  return { result, expected: evaluateIr(m, name, args), stats: sim.stats, compiled: image.compiled[index]! };
}

const sig = (params: Signature['params'], result: Signature['result'] = 'i32'): Signature => ({ params, result });

test('a leaf without pressure has no frame, no stores and no moves', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'f', sig(['i32', 'i32']));
  const [x, y] = b.params;
  b.ret(b.emit('imul', [b.emit('iadd', [x!, y!]), b.emit('isub', [x!, y!])]));
  const r = run(m, 'f', [7, 3]);
  t.is(r.result, r.expected);
  t.is(r.compiled.frame.size, 0);
  t.is(r.stats.stores, 0);
  t.like(r.compiled.stats, { stores: 0, reloads: 0 });
});

test('a value live across three calls is stored once and reloaded after each', (t) => {
  const m = moduleWithInc();
  const b = new FuncBuilder(m, 'f', sig(['i32']));
  const x = b.emit('imul', [b.params[0]!, b.params[0]!]);
  let acc = b.call('inc', [x]);
  for (let i = 0; i < 2; i++) acc = b.emit('iadd', [b.call('inc', [acc]), x]);
  b.ret(b.emit('iadd', [acc, x]));
  const r = run(m, 'f', [5]);
  t.is(r.result, r.expected);
  // The return address and x, once each.
  t.is(r.compiled.stats.stores, 1);
  t.is(r.stats.stores, 2);
});

test('a constant live across a call is recomputed, never stored', (t) => {
  const m = moduleWithInc();
  const b = new FuncBuilder(m, 'f', sig(['i32']));
  const k = b.iconst(1234567);
  const r1 = b.call('inc', [b.params[0]!]);
  b.ret(b.emit('iadd', [r1, k]));
  const r = run(m, 'f', [1]);
  t.is(r.result, r.expected);
  t.is(r.compiled.stats.stores, 0);
  t.is(r.compiled.stats.remats, 1);
});

test('in a loop with a call, invariants are stored once and the loop carries one store per changed value', (t) => {
  const m = moduleWithInc();
  const b = new FuncBuilder(m, 'f', sig(['i32', 'i32']));
  const [n, k] = b.params;
  const loop = b.block('loop', ['i32', 'i32']);
  const exit = b.block('exit', ['i32']);
  b.br(loop, [b.iconst(0), b.iconst(0)]);
  b.switchTo(loop);
  const [i, acc] = loop.params;
  const call = b.call('inc', [b.emit('imul', [i!, k!])]);
  const acc2 = b.emit('iadd', [acc!, call]);
  const i2 = b.emit('iadd', [i!, b.iconst(1)]);
  b.brif(b.emit('icmp.slt', [i2, n!]), loop, [i2, acc2], exit, [acc2]);
  b.switchTo(exit);
  b.ret(exit.params[0]);
  const few = run(m, 'f', [3, 7]);
  const many = run(m, 'f', [13, 7]);
  t.is(few.result, few.expected);
  t.is(many.result, many.expected);
  // i and acc change every iteration and live across the call: two stores per iteration, no more.
  t.is((many.stats.stores - few.stats.stores) / 10, 2);
});

test('calls: arguments in fixed registers need no spill when nothing lives across the call', (t) => {
  const m = new Module();
  const g = new FuncBuilder(m, 'g', sig(['i32', 'i32']));
  g.ret(g.emit('isub', [g.params[0]!, g.params[1]!]));
  const f = new FuncBuilder(m, 'f', sig(['i32', 'i32']));
  f.ret(f.call('g', [f.params[1]!, f.params[0]!]));
  const r = run(m, 'f', [10, 3]);
  t.is(r.result, r.expected);
  t.is(r.compiled.stats.stores, 0);
  t.is(r.stats.stores, 1);
});

test('more arguments than argument registers go through the outgoing area', (t) => {
  const m = new Module();
  const params = sig(['i32', 'f64', 'i32', 'i32', 'f64', 'ref', 'i32']);
  const g = new FuncBuilder(m, 'g', params);
  let acc = g.params[0]!;
  for (const k of [2, 3, 6]) acc = g.emit('iadd', [acc, g.params[k]!]);
  acc = g.emit('iadd', [acc, g.emit('f2i', [g.emit('fadd', [g.params[1]!, g.params[4]!])])]);
  g.ret(g.emit('iadd', [acc, g.emit('ref.bits', [g.params[5]!])]));
  const f = new FuncBuilder(m, 'f', sig(['i32']));
  const x = f.params[0]!;
  const d = f.emit('i2f', [x]);
  const r0 = f.emit('ref.from_bits', [f.emit('imul', [x, f.iconst(8)])]);
  f.ret(f.call('g', [x, d, f.iconst(2), f.iconst(3), d, r0, f.iconst(4)]));
  const r = run(m, 'f', [5]);
  t.is(r.result, r.expected);
  t.true(r.compiled.frame.outgoingArgBytes >= 16);
});

test('two-address instructions reuse their operand register, copying only when the operand lives on', (t) => {
  const m = new Module();
  const b = new FuncBuilder(m, 'f', sig(['i32', 'i32']));
  const [x, y] = b.params;
  const d1 = b.emit('isub', [x!, y!]);
  const d2 = b.emit('isub', [d1, y!]);
  b.ret(b.emit('iadd', [d2, x!]));
  const r = run(m, 'f', [100, 7]);
  t.is(r.result, r.expected);
  // x lives on after the first isub: one copy; d1 dies at the second: none.
  t.is(r.compiled.stats.moves, 1);
});

test('stack maps list refs live across a call, not refs that die there nor null constants', (t) => {
  const m = new Module();
  const g = new FuncBuilder(m, 'g', sig(['ref'], 'ref'));
  g.ret(g.params[0]);
  const f = new FuncBuilder(m, 'f', sig(['ref', 'ref']));
  const [a, bref] = f.params;
  const nul = f.emit('rnull');
  const r1 = f.call('g', [bref!]);
  const r2 = f.call('g', [r1]);
  const bits = [a!, r2, nul].map((v) => f.emit('ref.bits', [v]));
  f.ret(f.emit('iadd', [f.emit('iadd', [bits[0]!, bits[1]!]), bits[2]!]));
  const r = run(m, 'f', [40, 80]);
  t.is(r.result, 120);
  t.is(r.expected, 120);
  const maps = r.compiled.stackMaps;
  t.is(maps.length, 2);
  // At both calls only `a` is live across (b and r1 are arguments that die there).
  t.is(maps[0]!.refSlots.length, 1);
  t.deepEqual(maps[1]!.refSlots, maps[0]!.refSlots);
  t.is(r.stats.collections, 2);
});

test('an instruction needing more registers than exist is a clear error', (t) => {
  const mf = new MachFunction<FakeData>('greedy');
  const vs = [0, 1, 2, 3].map(() => mf.vregs.create('i32'));
  const entry = mf.newBlock('entry');
  for (const v of vs) entry.insts.push(machInst<FakeData>({ op: 'li', imm: v }, [def(v)]));
  const sum = mf.vregs.create('i32');
  entry.insts.push(machInst<FakeData>({ op: 'pure', name: 'iadd' }, [def(sum), ...vs.map(use)]));
  entry.insts.push(machInst<FakeData>({ op: 'ret' }, [fixedUse(sum, 0)], { terminator: true }));
  t.throws(() => allocateFunction(fakeTarget, mf), { message: /no register of class int/ });
});

/** A loop counting i up to n, with a slow path that never runs: it calls inc on a value
 *  `cold` that only that path and the exit read. Three int registers cannot hold i, n, cold
 *  and the loop's constants at once. */
function loopWithColdValue(): Module {
  const m = moduleWithInc();
  const b = new FuncBuilder(m, 'f', sig(['i32', 'i32']));
  const [n, seed] = b.params;
  const cold = b.emit('imul', [seed!, seed!]);
  const loop = b.block('loop', ['i32']);
  const slow = b.block('slow');
  const join = b.block('join');
  const exit = b.block('exit');
  b.br(loop, [b.iconst(0)]);
  b.switchTo(loop);
  const [i] = loop.params;
  b.brif(b.emit('icmp.slt', [i!, b.iconst(0)]), slow, [], join, []);
  b.switchTo(slow);
  b.call('inc', [cold]);
  b.br(join, []);
  b.switchTo(join);
  const i2 = b.emit('iadd', [i!, b.iconst(1)]);
  b.brif(b.emit('icmp.slt', [i2, n!]), loop, [i2], exit, []);
  b.switchTo(exit);
  b.ret(b.emit('iadd', [i2, cold]));
  return m;
}

test('in a loop, a value only a slow path reads gives up its register, not one the loop reads every trip', (t) => {
  const m = loopWithColdValue();
  const few = run(m, 'f', [3, 7]);
  const many = run(m, 'f', [13, 7]);
  t.is(few.result, few.expected);
  t.is(many.result, many.expected);
  // i and n stay in registers; `cold` waits on the stack from before the loop on, so the
  // back edge does not reload it on every trip.
  t.is((many.stats.loads - few.stats.loads) / 10, 0);
  t.is((many.stats.stores - few.stats.stores) / 10, 0);
});
