import test from 'ava';
import fc from 'fast-check';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { buildCfg, postorder, reversePostorder } from '../../src/ir/cfg.ts';
import { computeDominators } from '../../src/ir/dominators.ts';
import { Module, type Block, type Func } from '../../src/ir/module.ts';

/** Builds a void function `(i32)` whose blocks branch as `edges` says (first key = entry):
 *  no successors → ret, one → br, two → brif, more → switch. */
function graph(edges: Record<string, string[]>): Func {
  const m = new Module();
  const b = new FuncBuilder(m, 'g', { params: ['i32'], result: null }, ['c']);
  const names = Object.keys(edges);
  const blocks = new Map<string, Block>([[names[0]!, b.currentBlock]]);
  for (const n of names.slice(1)) blocks.set(n, b.block(n));
  const cond = b.params[0]!;
  for (const n of names) {
    b.switchTo(blocks.get(n)!);
    const succs = edges[n]!.map((s) => blocks.get(s)!);
    if (succs.length === 0) b.ret();
    else if (succs.length === 1) b.br(succs[0]!);
    else if (succs.length === 2) b.brif(cond, succs[0]!, [], succs[1]!, []);
    else {
      const targets = succs.map((block) => ({ block, args: [] }));
      b.emit('switch', [cond], { targets, cases: succs.slice(1).map((_, i) => i) });
    }
  }
  return b.func;
}

const names = (f: Func, indices: readonly number[]): string[] => indices.map((i) => f.blocks[i]!.name);

test('diamond: successors, predecessors, reverse postorder', (t) => {
  const f = graph({ entry: ['a', 'b'], a: ['join'], b: ['join'], join: [] });
  const cfg = buildCfg(f);
  const [entry, a, b, join] = f.blocks as [Block, Block, Block, Block];
  t.deepEqual(cfg.successorsOf(entry), [a, b]);
  t.deepEqual(cfg.predecessorsOf(join), [a, b]);
  t.deepEqual(cfg.predecessorsOf(entry), []);
  t.deepEqual(names(f, reversePostorder(cfg)), ['entry', 'b', 'a', 'join']);
  t.deepEqual(names(f, postorder(cfg)), ['join', 'a', 'b', 'entry']);
});

test('diamond: dominators', (t) => {
  const f = graph({ entry: ['a', 'b'], a: ['join'], b: ['join'], join: [] });
  const dom = computeDominators(buildCfg(f));
  const [entry, a, b, join] = f.blocks as [Block, Block, Block, Block];
  t.is(dom.idom(entry), undefined);
  t.is(dom.idom(a), entry);
  t.is(dom.idom(b), entry);
  t.is(dom.idom(join), entry);
  t.true(dom.dominates(entry, join));
  t.true(dom.dominates(join, join));
  t.false(dom.strictlyDominates(join, join));
  t.false(dom.dominates(a, join));
  t.false(dom.dominates(join, a));
  t.deepEqual(
    dom
      .children(entry)
      .map((x) => x.name)
      .sort(),
    [a, b, join].map((x) => x.name).sort(),
  );
});

test('duplicate edges are listed once', (t) => {
  const f = graph({ entry: ['x', 'x', 'y', 'x'], x: [], y: [] });
  const cfg = buildCfg(f);
  t.deepEqual(names(f, cfg.succs[0]!), ['x', 'y']);
  t.deepEqual(cfg.preds[1], [0]);
});

test('loop: back edge and dominators', (t) => {
  const f = graph({ entry: ['head'], head: ['body', 'exit'], body: ['latch'], latch: ['head'], exit: [] });
  const cfg = buildCfg(f);
  const [entry, head, body, latch, exit] = f.blocks as [Block, Block, Block, Block, Block];
  t.deepEqual(cfg.predecessorsOf(head), [entry, latch]);
  t.deepEqual(names(f, reversePostorder(cfg)), ['entry', 'head', 'exit', 'body', 'latch']);
  const dom = computeDominators(cfg);
  t.is(dom.idom(head), entry);
  t.is(dom.idom(body), head);
  t.is(dom.idom(latch), body);
  t.is(dom.idom(exit), head);
  t.true(dom.dominates(head, latch));
  t.false(dom.dominates(latch, head));
});

test('irreducible: two entries into a cycle are dominated only by their common header', (t) => {
  // entry branches into both a and b, which branch to each other: neither dominates the other.
  const f = graph({ entry: ['a', 'b'], a: ['b', 'out'], b: ['a', 'out'], out: [] });
  const dom = computeDominators(buildCfg(f));
  const [entry, a, b, out] = f.blocks as [Block, Block, Block, Block];
  t.is(dom.idom(a), entry);
  t.is(dom.idom(b), entry);
  t.is(dom.idom(out), entry);
  t.false(dom.dominates(a, b));
  t.false(dom.dominates(b, a));
});

test('irreducible: nested cycle needs more than one pass', (t) => {
  // Classic CHK example shape: entry → {p, q}; p → r; q → s; r ↔ s; s → t.
  const f = graph({ entry: ['p', 'q'], p: ['r'], q: ['s'], r: ['s'], s: ['r', 'x'], x: [] });
  const dom = computeDominators(buildCfg(f));
  const byName = (n: string): Block => f.blocks.find((b) => b.name === n)!;
  t.is(dom.idom(byName('r')), byName('entry'));
  t.is(dom.idom(byName('s')), byName('entry'));
  t.is(dom.idom(byName('x')), byName('s'));
});

test('unreachable blocks: left out of the order, dominated by nothing', (t) => {
  const f = graph({ entry: ['end'], dead: ['end', 'dead2'], dead2: ['dead'], end: [] });
  const cfg = buildCfg(f);
  const [entry, dead, dead2, end] = f.blocks as [Block, Block, Block, Block];
  t.deepEqual(names(f, reversePostorder(cfg)), ['entry', 'end']);
  t.deepEqual(cfg.predecessorsOf(end), [entry, dead]);
  const dom = computeDominators(cfg);
  t.false(dom.isReachable(dead));
  t.true(dom.isReachable(end));
  t.is(dom.idom(dead), undefined);
  t.is(dom.idom(end), entry);
  t.false(dom.dominates(entry, dead2));
  t.false(dom.dominates(dead, dead2));
  t.true(dom.dominates(dead, dead));
});

test('a branch back to the entry block', (t) => {
  const f = graph({ entry: ['a', 'done'], a: ['entry'], done: [] });
  const dom = computeDominators(buildCfg(f));
  const [entry, a, done] = f.blocks as [Block, Block, Block];
  t.is(dom.idom(entry), undefined);
  t.is(dom.idom(a), entry);
  t.is(dom.idom(done), entry);
});

test('100k-block chain: no recursion limits, linear time', (t) => {
  const edges: Record<string, string[]> = {};
  const n = 100_000;
  for (let i = 0; i < n; i++) edges[`b${i}`] = i + 1 < n ? [`b${i + 1}`] : [];
  const f = graph(edges);
  // CPU time: wall time on a machine shared with other test files says little.
  const start = process.cpuUsage();
  const cfg = buildCfg(f);
  const dom = computeDominators(cfg);
  const used = process.cpuUsage(start);
  const elapsed = (used.user + used.system) / 1000;
  t.is(reversePostorder(cfg).length, n);
  t.is(dom.idom(f.blocks[n - 1]!), f.blocks[n - 2]);
  t.true(dom.dominates(f.blocks[0]!, f.blocks[n - 1]!));
  t.true(elapsed < 2000, `took ${elapsed} ms`);
});

test('blocks outside the function are rejected by the lookups', (t) => {
  const f = graph({ entry: [] });
  const other = graph({ entry: [] });
  const cfg = buildCfg(f);
  t.is(cfg.indexOf(other.blocks[0]!), -1);
  t.throws(() => cfg.successorsOf(other.blocks[0]!));
});

/** Dominator sets by the textbook dataflow fixpoint, for cross-checking. */
function naiveDominators(f: Func): Map<Block, Set<Block>> {
  const cfg = buildCfg(f);
  const reachable = new Set(reversePostorder(cfg).map((i) => f.blocks[i]!));
  const doms = new Map<Block, Set<Block>>();
  for (const b of reachable) doms.set(b, new Set(b === f.blocks[0] ? [b] : reachable));
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of reachable) {
      if (b === f.blocks[0]) continue;
      const preds = cfg.predecessorsOf(b).filter((p) => reachable.has(p));
      const next = new Set([...doms.get(preds[0]!)!].filter((d) => preds.every((p) => doms.get(p)!.has(d))));
      next.add(b);
      if (next.size !== doms.get(b)!.size) {
        doms.set(b, next);
        changed = true;
      }
    }
  }
  return doms;
}

test('random graphs (irreducible ones included) agree with the dataflow definition', (t) => {
  const graphs = fc
    .integer({ min: 1, max: 24 })
    .chain((n) => fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }));
  fc.assert(
    fc.property(graphs, (succs) => {
      const edges: Record<string, string[]> = {};
      succs.forEach((s, i) => (edges[`n${i}`] = s.map((j) => `n${j}`)));
      const f = graph(edges);
      const dom = computeDominators(buildCfg(f));
      const expected = naiveDominators(f);
      for (const b of f.blocks) {
        t.is(dom.isReachable(b), expected.has(b));
        for (const a of f.blocks) {
          const want = a === b || (expected.get(b)?.has(a) ?? false);
          if (dom.dominates(a, b) !== want) return false;
        }
        const strict = [...(expected.get(b) ?? [])].filter((d) => d !== b);
        // The immediate dominator is the strict dominator that all the others dominate.
        const idom = strict.find((d) => strict.every((o) => expected.get(d)!.has(o)));
        if (dom.idom(b) !== idom) return false;
      }
      return true;
    }),
    { numRuns: 300, seed: 20240601 },
  );
  t.pass();
});
