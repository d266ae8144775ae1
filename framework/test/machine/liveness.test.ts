import test from 'ava';
import { buildIntervals } from '../../src/machine/build-intervals.ts';
import { splitCriticalEdges } from '../../src/machine/critical-edges.ts';
import { LinearOrder } from '../../src/machine/linear-order.ts';
import { Liveness } from '../../src/machine/liveness.ts';
import { MachCfg, reversePostorder } from '../../src/machine/machine-cfg.ts';
import { MachFunction } from '../../src/machine/machine-function.ts';
import { def, fixedUse, machInst, use } from '../../src/machine/machine-inst.ts';
import type { FakeData } from './fake/fake-isa.ts';
import { fakeTarget } from './fake/fake-target.ts';

const li = (v: number) => machInst<FakeData>({ op: 'li', imm: 1 }, [def(v)]);
const add = (d: number, a: number, b: number) =>
  machInst<FakeData>({ op: 'pure', name: 'iadd' }, [def(d), use(a), use(b)]);
const ret = (v: number) => machInst<FakeData>({ op: 'ret' }, [fixedUse(v, 0)], { terminator: true });

function analyse(mf: MachFunction<FakeData>) {
  const cfg = new MachCfg(mf);
  const order = reversePostorder(cfg);
  const linear = new LinearOrder(mf, order);
  const live = new Liveness(mf, order);
  return { cfg, order, linear, live, set: buildIntervals(mf, linear, live, new Set([0, 1, 2, 8, 9])) };
}

test('live-in and live-out follow uses around a loop; edge arguments feed live parameters only', (t) => {
  const mf = new MachFunction<FakeData>('loop');
  const [v0, v1, v2, v3, v4] = [0, 1, 2, 3, 4].map(() => mf.vregs.create('i32'));
  const entry = mf.newBlock('entry');
  const loop = mf.newBlock('loop', [v2!, v4!]);
  const exit = mf.newBlock('exit');
  entry.insts.push(
    li(v0!),
    li(v1!),
    machInst<FakeData>({ op: 'jmp' }, [], { jump: true, targets: [{ block: loop, args: [v0!, v0!] }] }),
  );
  loop.insts.push(add(v3!, v2!, v1!), machInst<FakeData>({ op: 'cmpz' }, [use(v3!)]));
  loop.insts.push(
    machInst<FakeData>({ op: 'bnz' }, [], {
      targets: [
        { block: loop, args: [v3!, v1!] },
        { block: exit, args: [] },
      ],
    }),
  );
  exit.insts.push(ret(v1!));
  const { live } = analyse(mf);
  t.deepEqual(live.liveIn[loop.id]!.toArray(), [v1]);
  t.deepEqual(live.liveOut[loop.id]!.toArray().sort(), [v1, v3].sort());
  t.deepEqual(live.liveIn[exit.id]!.toArray(), [v1]);
  t.true(live.isParamLive(loop.id, v2!));
  // v4 is never used, so nothing passed to it is kept alive.
  t.false(live.isParamLive(loop.id, v4!));
  t.deepEqual(live.liveOut[entry.id]!.toArray().sort(), [v0, v1].sort());
});

test('intervals: defs write at After(n), uses read at Before(n), a fixed use reads in the gap before', (t) => {
  const mf = new MachFunction<FakeData>('line');
  const [a, b, c] = [0, 1, 2].map(() => mf.vregs.create('i32'));
  const entry = mf.newBlock('entry');
  entry.insts.push(li(a!), li(b!), add(c!, a!, b!), ret(c!));
  const { set } = analyse(mf);
  // label 0, li 1, li 2, add 3, ret 4
  t.deepEqual(set.intervals[a!]!.ranges, [{ from: 3, to: 7 }]);
  t.deepEqual(set.intervals[b!]!.ranges, [{ from: 5, to: 7 }]);
  t.deepEqual(set.intervals[c!]!.ranges, [{ from: 7, to: 8 }]);
  t.deepEqual(set.intervals[c!]!.uses, [{ pos: 7, needsReg: true }]);
  t.deepEqual(set.fixed.get(0), [{ from: 8, to: 9 }]);
});

test('using a register before any definition is reported', (t) => {
  const mf = new MachFunction<FakeData>('bad');
  const v = mf.vregs.create('i32');
  mf.newBlock('entry').insts.push(ret(v));
  t.throws(() => analyse(mf), { message: /used before any definition: v0/ });
});

test('critical edges are split, including two edges to one block', (t) => {
  const mf = new MachFunction<FakeData>('edges');
  const c = mf.vregs.create('i32');
  const entry = mf.newBlock('entry');
  const join = mf.newBlock('join');
  entry.insts.push(
    li(c),
    machInst<FakeData>({ op: 'cmpz' }, [use(c)]),
    machInst<FakeData>({ op: 'bnz' }, [], {
      targets: [
        { block: join, args: [] },
        { block: join, args: [] },
      ],
    }),
  );
  join.insts.push(ret(c));
  splitCriticalEdges(mf, (to) => fakeTarget.jump(to));
  t.is(mf.blocks.length, 4);
  const targets = entry.terminator!.targets.map((x) => x.block);
  t.not(targets[0], targets[1]);
  for (const b of targets) t.is(b.terminator!.targets[0]!.block, join);
});
