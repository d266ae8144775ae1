import test from 'ava';
import { findLoops } from '../../src/machine/loop-depth.ts';
import { callsAheadIn, layoutOrder, MachCfg, reversePostorder } from '../../src/machine/machine-cfg.ts';
import { MachFunction, type MachBlock } from '../../src/machine/machine-function.ts';
import { machInst, use } from '../../src/machine/machine-inst.ts';
import type { FakeData } from './fake/fake-isa.ts';

// The layout moves the blocks only a slow path reaches (a call the branch could have
// avoided) to the end, so the fast path has no call in the allocator's linear order.

type Block = MachBlock<FakeData>;
const call = () => machInst<FakeData>({ op: 'call', callee: 0 }, [], { call: true });
const jump = (to: Block) => machInst<FakeData>({ op: 'jmp' }, [], { jump: true, targets: [{ block: to, args: [] }] });
const branch = (v: number, then: Block, otherwise: Block) =>
  machInst<FakeData>({ op: 'bnz' }, [use(v)], {
    targets: [
      { block: then, args: [] },
      { block: otherwise, args: [] },
    ],
  });
const ret = () => machInst<FakeData>({ op: 'ret' }, [], { terminator: true });

/** A function with a condition register and one empty block per name, in that order. */
function withBlocks<N extends string>(name: string, names: readonly N[]) {
  const mf = new MachFunction<FakeData>(name);
  const c = mf.vregs.create('i32');
  const blocks = Object.fromEntries(names.map((n) => [n, mf.newBlock(n)])) as Record<N, Block>;
  return { mf, c, ...blocks };
}

const depthOf = (cfg: MachCfg): Int32Array => findLoops(cfg, reversePostorder(cfg)).depth;

function layout(mf: MachFunction<FakeData>): string[] {
  const cfg = new MachCfg(mf);
  return layoutOrder(cfg, reversePostorder(cfg), depthOf(cfg), callsAheadIn(mf, cfg)).map((id) => mf.blocks[id]!.name);
}

/** entry → loop: a test, a slow path that calls (first target) or a fast one, a join, the
 *  back edge or the exit. */
function loopWithSlowPath(slowFirst: boolean, fastCalls: boolean): MachFunction<FakeData> {
  const { mf, c, entry, head, slow, fast, join, exit, ...rest } = withBlocks('f', [
    'entry',
    'head',
    'slow',
    'slow.done',
    'fast',
    'join',
    'exit',
  ]);
  const slowDone = rest['slow.done'];
  entry.insts.push(jump(head));
  head.insts.push(slowFirst ? branch(c, slow, fast) : branch(c, fast, slow));
  slow.insts.push(call(), jump(slowDone));
  slowDone.insts.push(jump(join));
  if (fastCalls) fast.insts.push(call());
  fast.insts.push(jump(join));
  join.insts.push(branch(c, head, exit));
  exit.insts.push(ret());
  return mf;
}

test('a slow path that calls goes after the rest, with the block only it reaches', (t) => {
  for (const slowFirst of [true, false]) {
    const order = layout(loopWithSlowPath(slowFirst, false));
    t.deepEqual(order.slice(-2), ['slow', 'slow.done'], order.join(' '));
    t.is(order[0], 'entry');
    t.true(order.indexOf('fast') < order.indexOf('join'));
  }
});

test('no block moves when both ways call, or when the call is on the way that stays in the loop', (t) => {
  const mf = loopWithSlowPath(true, true);
  const cfg = new MachCfg(mf);
  t.deepEqual(
    layout(mf),
    reversePostorder(cfg).map((id) => mf.blocks[id]!.name),
  );

  const g = new MachFunction<FakeData>('g');
  const c = g.vregs.create('i32');
  const entry = g.newBlock('entry');
  const body = g.newBlock('body');
  const exit = g.newBlock('exit');
  entry.insts.push(jump(body));
  body.insts.push(call(), branch(c, body, exit));
  exit.insts.push(ret());
  t.deepEqual(layout(g), ['entry', 'body', 'exit']);
});

test('a slow path whose call follows an inline attempt counts as calling', (t) => {
  // slow: try inline, else call; both join in a block that calls (a runtime operator).
  const {
    mf,
    c,
    entry,
    slow,
    inline,
    host: viaHost,
    operator,
    fast,
    done,
  } = withBlocks('h', ['entry', 'slow', 'inline', 'host', 'operator', 'fast', 'done']);
  entry.insts.push(branch(c, slow, fast));
  slow.insts.push(branch(c, inline, viaHost));
  inline.insts.push(jump(operator));
  viaHost.insts.push(call(), jump(operator));
  operator.insts.push(call(), jump(done));
  fast.insts.push(jump(done));
  done.insts.push(ret());
  const order = layout(mf);
  t.deepEqual(order.slice(0, 3), ['entry', 'fast', 'done'], order.join(' '));
});

test('a block the frontend marked cold goes last with what it dominates, though nothing calls', (t) => {
  const { mf, c, entry, generic, rest, fast, done } = withBlocks('g', ['entry', 'generic', 'rest', 'fast', 'done']);
  entry.insts.push(branch(c, generic, fast));
  generic.insts.push(jump(rest));
  rest.insts.push(jump(done));
  fast.insts.push(jump(done));
  done.insts.push(ret());
  const cfg = new MachCfg(mf);
  const order = (marked: boolean) =>
    layoutOrder(
      cfg,
      reversePostorder(cfg),
      depthOf(cfg),
      callsAheadIn(mf, cfg),
      (id) => marked && id === generic.id,
    ).map((id) => mf.blocks[id]!.name);
  t.deepEqual(order(false), ['entry', 'generic', 'rest', 'fast', 'done']);
  t.deepEqual(order(true), ['entry', 'fast', 'done', 'generic', 'rest']);
});

test('a block whose only way on is into a cold block goes with it', (t) => {
  // entry → (edge → generic) or next: the edge block holds the moves into the slow path,
  // which the frontend marked cold (it calls nothing, so only the mark makes it cold).
  const { mf, c, entry, edge, generic, next, done } = withBlocks('e', ['entry', 'edge', 'generic', 'next', 'done']);
  entry.insts.push(branch(c, edge, next));
  edge.insts.push(jump(generic));
  generic.insts.push(jump(done));
  next.insts.push(branch(c, generic, done));
  done.insts.push(ret());
  const cfg = new MachCfg(mf);
  const order = layoutOrder(cfg, reversePostorder(cfg), depthOf(cfg), callsAheadIn(mf, cfg), (id) => id === generic.id);
  t.deepEqual(
    order.map((id) => mf.blocks[id]!.name),
    ['entry', 'next', 'done', 'edge', 'generic'],
  );
});
