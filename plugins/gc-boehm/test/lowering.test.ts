import test from 'ava';
import { Interpreter } from '#framework';
import { FuncBuilder } from '#framework';
import { Module, type Func } from '#framework';
import { Trap } from '#framework';
import { verifyModule } from '#framework';
import { BufferedOutput } from '#framework';
import { Program } from '#framework';
import { boehmCollector } from '../src/index.ts';
import { ALLOC, ALLOC_ARRAY } from '../src/lowering.ts';
import { chainHeadAddress } from '../src/free-list-words.ts';
import { sizeClassOf } from '../src/size-classes.ts';

/**
 * @build(n) conses n small ints into a list (new + ref sets), keeps it in @list (ref
 * gset), copies it into a ref array (new_array + aset), sets an i32 field and global
 * (left alone) and returns the sum of the heads read back through the array.
 * @store_at(i) stores into a 3-element ref array; @null_set and @null_aset store into null.
 */
function buildModule(): Module {
  const m = new Module();
  m.types.push(
    {
      kind: 'struct',
      name: 'pair',
      fields: [
        { name: 'head', kind: 'ref' },
        { name: 'tail', kind: 'ref' },
      ],
    },
    { kind: 'struct', name: 'box', fields: [{ name: 'value', kind: 'i32' }] },
    { kind: 'array', name: 'refs', elem: 'ref' },
  );
  m.globals.push({ name: 'count', type: 'i32', init: 0 }, { name: 'list', type: 'ref', init: 0 });

  const b = new FuncBuilder(m, 'build', { params: ['i32'], result: 'i32' }, ['n']);
  const [n] = b.params as [number];
  const zero = b.iconst(0);
  const one = b.iconst(1);
  const loop = b.block('loop', ['i32', 'ref'], ['i', 'acc']);
  const body = b.block('body');
  const done = b.block('done', ['ref'], ['list']);
  b.br(loop, [zero, b.emit('rnull')]);
  b.switchTo(loop);
  const [i, acc] = loop.params as [number, number];
  b.brif(b.emit('icmp.sge', [i, n]), done, [acc], body, []);
  b.switchTo(body);
  const cell = b.emit('new', [], { sym: 'pair', name: 'cell' });
  const tagged = b.emit('ref.from_bits', [b.emit('ior', [b.emit('ishl', [i, one]), one])]);
  b.emit('set', [cell, tagged], { sym: 'pair', field: 'head' });
  b.emit('set', [cell, acc], { sym: 'pair', field: 'tail' });
  b.br(loop, [b.emit('iadd', [i, one]), cell]);
  b.switchTo(done);
  const [list] = done.params as [number];
  b.emit('gset', [list], { sym: 'list' });
  b.emit('gset', [n], { sym: 'count' });
  const box = b.emit('new', [], { sym: 'box' });
  b.emit('set', [box, n], { sym: 'box', field: 'value' });
  const arr = b.emit('new_array', [n], { sym: 'refs', name: 'arr' });
  const fill = b.block('fill', ['i32', 'ref', 'i32'], ['j', 'p', 'sum']);
  const fillBody = b.block('fill_body');
  const out = b.block('out', ['i32'], ['total']);
  b.br(fill, [zero, b.emit('gget', [], { sym: 'list' }), zero]);
  b.switchTo(fill);
  const [j, p, sum] = fill.params as [number, number, number];
  b.brif(b.emit('icmp.sge', [j, n]), out, [sum], fillBody, []);
  b.switchTo(fillBody);
  b.emit('aset', [arr, j, p], { sym: 'refs' });
  const back = b.emit('aget', [arr, j], { sym: 'refs' });
  const head = b.emit('isar', [b.emit('ref.bits', [b.emit('get', [back], { sym: 'pair', field: 'head' })]), one]);
  b.br(fill, [
    b.emit('iadd', [j, one]),
    b.emit('get', [p], { sym: 'pair', field: 'tail' }),
    b.emit('iadd', [sum, head]),
  ]);
  b.switchTo(out);
  b.ret(out.params[0]!);

  const s = new FuncBuilder(m, 'store_at', { params: ['i32'], result: 'i32' }, ['i']);
  const three = s.iconst(3);
  const a = s.emit('new_array', [three], { sym: 'refs' });
  s.emit('aset', [a, s.params[0]!, a], { sym: 'refs' });
  s.ret(s.emit('ref.type_id', [s.emit('aget', [a, s.params[0]!], { sym: 'refs' })]));

  // Constant indexes into an array allocated here with a constant length: in range, then not.
  for (const [name, indexes] of [
    ['fresh_fill', [0, 2]],
    ['fresh_overflow', [0, 3]],
  ] as const) {
    const f = new FuncBuilder(m, name, { params: [], result: 'i32' });
    const arr3 = f.emit('new_array', [f.iconst(3)], { sym: 'refs' });
    for (const k of indexes) f.emit('aset', [arr3, f.iconst(k), arr3], { sym: 'refs' });
    f.ret(f.emit('ref.type_id', [f.emit('aget', [arr3, f.iconst(2)], { sym: 'refs' })]));
  }

  const ns = new FuncBuilder(m, 'null_set', { params: [], result: 'i32' });
  const nil = ns.emit('rnull');
  ns.emit('set', [nil, nil], { sym: 'pair', field: 'tail' });
  ns.ret(ns.iconst(0));

  const na = new FuncBuilder(m, 'null_aset', { params: [], result: 'i32' });
  const nil2 = na.emit('rnull');
  na.emit('aset', [nil2, na.iconst(0), nil2], { sym: 'refs' });
  na.ret(na.iconst(0));
  return m;
}

const opsOf = (f: Func): string[] => f.blocks.flatMap((blk) => blk.insts.map((inst) => inst.op.name));

function lowered(): Module {
  const m = buildModule();
  boehmCollector().lower(m);
  return m;
}

test('lowering rewrites allocation and ref stores and leaves other stores alone', (t) => {
  const m = lowered();
  t.true(m.lowered);
  t.deepEqual(verifyModule(m).map(String), []);
  const ops = m.funcs.flatMap(opsOf);
  for (const gone of ['new', 'new_array']) t.false(ops.includes(gone), gone);
  const build = m.func('build')!;
  const insts = build.blocks.flatMap((blk) => blk.insts);
  const calls = insts.filter((x) => x.op.name === 'call').map((x) => x.sym);
  t.deepEqual(calls, [ALLOC, ALLOC, ALLOC_ARRAY]);
  t.deepEqual(
    insts.filter((x) => x.op.name === 'set').map((x) => x.field),
    ['value'],
    'the i32 set stays',
  );
  t.deepEqual(
    insts.filter((x) => x.op.name === 'gset').map((x) => x.sym),
    ['count'],
    'the i32 gset stays',
  );
  t.is(insts.filter((x) => x.op.name === 'aset').length, 0);
  t.deepEqual(
    insts.filter((x) => x.op.name === 'store.ref').map((x) => x.imm),
    [4, 8, 0, 8],
  );
  const body = build.blocks.find((blk) => blk.name === 'body')!;
  t.deepEqual(
    body.insts.map((x) => x.op.name),
    ['iconst', 'load.i32', 'brif'],
    'a pair comes off its chain in line',
  );
  t.is(body.insts[0]!.imm, chainHeadAddress(sizeClassOf(16)));
  const slow = build.blocks.find((blk) => blk.name === 'alloc.slow')!;
  t.deepEqual(
    slow.insts.map((x) => x.op.name),
    ['iconst', 'iconst', 'call', 'br'],
  );
  t.deepEqual(
    slow.insts.slice(0, 2).map((x) => x.imm),
    [1, 16],
    'type id and size of :pair',
  );
  t.is(build.blocks.at(-1)!.name.startsWith('alloc.slow'), true, 'slow paths go last');
  const fillBody = build.blocks.find((blk) => blk.name === 'fill_body')!;
  t.deepEqual(fillBody.insts.map((x) => x.op.name).slice(0, 7), [
    'aget',
    'ref.bits',
    'iconst',
    'ishl',
    'iadd',
    'store.ref',
    'aget',
  ]);
  t.deepEqual(
    m.externs.map((e) => [e.name, e.collects, e.raises]),
    [
      [ALLOC, true, false],
      [ALLOC_ARRAY, true, false],
    ],
  );
});

test('a constant index into an array allocated with a constant length stores without a check', (t) => {
  const m = lowered();
  const storesOf = (name: string): { checks: number; offsets: number[] } => {
    const insts = m.func(name)!.blocks.flatMap((blk) => blk.insts);
    const firstStore = insts.findIndex((x) => x.op.name === 'store.ref');
    return {
      checks: insts.slice(0, firstStore).filter((x) => x.op.name === 'aget').length,
      offsets: insts.filter((x) => x.op.name === 'store.ref').map((x) => x.imm),
    };
  };
  t.deepEqual(storesOf('fresh_fill'), { checks: 0, offsets: [8, 16] });
  t.deepEqual(storesOf('fresh_overflow'), { checks: 0, offsets: [8, 20] }, 'index 3 keeps its check');
  const overflow = m.func('fresh_overflow')!.blocks.flatMap((blk) => blk.insts.map((x) => x.op.name));
  t.is(overflow.filter((x) => x === 'aget').length, 2, 'the check before index 3 and the read');
  t.deepEqual(run(lowered(), 'fresh_overflow', [], 0), { trap: 'index_out_of_bounds' });
});

test('lowering twice changes nothing', (t) => {
  const m = lowered();
  const before = m.funcs.flatMap(opsOf);
  boehmCollector().lower(m);
  t.deepEqual(m.funcs.flatMap(opsOf), before);
  t.is(m.externs.length, 2);
});

interface Outcome {
  value?: number;
  trap?: string;
}

function run(m: Module, name: string, args: number[], gcStress = 0): Outcome {
  const program = new Program(m, {
    gc: boehmCollector(),
    out: new BufferedOutput(),
    heapSize: 1024 * 1024,
    stackSize: 1024 * 1024,
    gcStress,
  });
  const interp = new Interpreter(program);
  try {
    return { value: interp.call(name, args) };
  } catch (e) {
    if (e instanceof Trap) return { trap: e.kind };
    throw e;
  } finally {
    interp.dispose();
  }
}

test('lowered IR computes what unlowered IR computes on the interpreter, under GC stress too', (t) => {
  const calls: [string, number[]][] = [
    ['build', [0]],
    ['build', [1]],
    ['build', [500]],
    ['store_at', [0]],
    ['store_at', [2]],
    ['store_at', [3]],
    ['store_at', [-1]],
    ['fresh_fill', []],
    ['fresh_overflow', []],
    ['null_set', []],
    ['null_aset', []],
  ];
  for (const [name, args] of calls) {
    for (const stress of [0, 1]) {
      const expected = run(buildModule(), name, args, stress);
      t.deepEqual(run(lowered(), name, args, stress), expected, `@${name}(${args}) stress ${stress}`);
    }
  }
  t.deepEqual(run(lowered(), 'build', [500], 1), { value: (500 * 499) / 2 });
  t.deepEqual(run(lowered(), 'store_at', [3], 0), { trap: 'index_out_of_bounds' });
  t.deepEqual(run(lowered(), 'null_set', [], 0), { trap: 'bad_pointer' });
  t.deepEqual(run(lowered(), 'null_aset', [], 0), { trap: 'bad_pointer' });
});

test("the default global addresses are the static image's", (t) => {
  const m = buildModule();
  const program = new Program(m, { gc: boehmCollector(), out: new BufferedOutput(), heapSize: 1024 * 1024 });
  const gset = (mod: Module): number => {
    const insts = mod.func('build')!.blocks.flatMap((blk) => blk.insts);
    const store = insts.find((x) => x.op.name === 'store.ref' && x.imm === 0)!;
    return insts.find((x) => x.result === store.args[0])!.imm;
  };
  boehmCollector().lower(m);
  t.is(gset(m), program.image.globalAddr.get('list')!);
});
