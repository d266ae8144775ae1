import test from 'ava';
import { Interpreter } from '#framework';
import { FuncBuilder } from '#framework';
import { Module } from '#framework';
import { Trap } from '#framework';
import { verifyModule } from '#framework';
import type { GarbageCollector } from '#framework';
import { BufferedOutput } from '#framework';
import { Program } from '#framework';
import { chainHeadAddress } from '../src/free-list-words.ts';
import { boehmCollector } from '../src/index.ts';
import { sizeClassOf } from '../src/size-classes.ts';

/**
 * @list(n): conses n pairs (a 16-byte struct) and returns the sum of their heads.
 * @arrays(n): allocates ref arrays of lengths 0..n-1 (run-time lengths, every small size
 * class and past it), checks each one's length word and zeroed elements, returns the sum of
 * the lengths, or -1 at the first array that is not as new.
 * @array_of(n): one ref array of length n (for the negative-length trap).
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
    { kind: 'array', name: 'refs', elem: 'ref' },
  );
  const b = new FuncBuilder(m, 'list', { params: ['i32'], result: 'i32' }, ['n']);
  const [n] = b.params as [number];
  const zero = b.iconst(0);
  const one = b.iconst(1);
  const loop = b.block('loop', ['i32', 'ref'], ['i', 'acc']);
  const body = b.block('body');
  const sum = b.block('sum', ['ref', 'i32'], ['p', 'total']);
  const step = b.block('step');
  const done = b.block('done');
  b.br(loop, [zero, b.emit('rnull')]);
  b.switchTo(loop);
  const [i, acc] = loop.params as [number, number];
  b.brif(b.emit('icmp.sge', [i, n]), sum, [acc, zero], body, []);
  b.switchTo(body);
  const cell = b.emit('new', [], { sym: 'pair' });
  b.emit('set', [cell, b.emit('ref.from_bits', [b.emit('ior', [b.emit('ishl', [i, one]), one])])], {
    sym: 'pair',
    field: 'head',
  });
  b.emit('set', [cell, acc], { sym: 'pair', field: 'tail' });
  b.br(loop, [b.emit('iadd', [i, one]), cell]);
  b.switchTo(sum);
  const [p, total] = sum.params as [number, number];
  b.brif(b.emit('icmp.eq', [b.emit('ref.bits', [p]), zero]), done, [], step, []);
  b.switchTo(step);
  const head = b.emit('isar', [b.emit('ref.bits', [b.emit('get', [p], { sym: 'pair', field: 'head' })]), one]);
  b.br(sum, [b.emit('get', [p], { sym: 'pair', field: 'tail' }), b.emit('iadd', [total, head])]);
  b.switchTo(done);
  b.ret(total);

  const a = new FuncBuilder(m, 'arrays', { params: ['i32'], result: 'i32' }, ['n']);
  const [count] = a.params as [number];
  const z = a.iconst(0);
  const o = a.iconst(1);
  const outer = a.block('outer', ['i32', 'i32'], ['len', 'total']);
  const make = a.block('make');
  const inner = a.block('inner', ['i32'], ['k']);
  const check = a.block('check');
  const next = a.block('next');
  const bad = a.block('bad');
  const end = a.block('end');
  a.br(outer, [z, z]);
  a.switchTo(outer);
  const [len, sofar] = outer.params as [number, number];
  a.brif(a.emit('icmp.sge', [len, count]), end, [], make, []);
  a.switchTo(make);
  const arr = a.emit('new_array', [len], { sym: 'refs' });
  // Dirty the array so that a recycled cell handed out unzeroed would show.
  a.brif(a.emit('icmp.ne', [a.emit('alen', [arr]), len]), bad, [], inner, [z]);
  a.switchTo(inner);
  const [k] = inner.params as [number];
  a.brif(a.emit('icmp.sge', [k, len]), next, [], check, []);
  a.switchTo(check);
  const elem = a.emit('ref.bits', [a.emit('aget', [arr, k], { sym: 'refs' })]);
  a.emit('aset', [arr, k, arr], { sym: 'refs' });
  a.brif(a.emit('icmp.ne', [elem, z]), bad, [], inner, [a.emit('iadd', [k, o])]);
  a.switchTo(next);
  a.br(outer, [a.emit('iadd', [len, o]), a.emit('iadd', [sofar, len])]);
  a.switchTo(bad);
  a.ret(a.iconst(-1));
  a.switchTo(end);
  a.ret(sofar);

  const c = new FuncBuilder(m, 'array_of', { params: ['i32'], result: 'i32' }, ['n']);
  c.ret(c.emit('alen', [c.emit('new_array', [c.params[0]!], { sym: 'refs' })]));
  return m;
}

/** Boehm with its slow paths counted. */
function countedBoehm(): { gc: GarbageCollector; slowCalls: () => number } {
  const inner = boehmCollector();
  let calls = 0;
  const gc: GarbageCollector = {
    ...inner,
    hostFunctions: (heap) =>
      inner.hostFunctions(heap).map((h) => ({
        ...h,
        impl: (args, ctx) => {
          calls++;
          return h.impl(args, ctx);
        },
      })),
  };
  return { gc, slowCalls: () => calls };
}

interface Run {
  value?: number;
  trap?: string;
  slowCalls: number;
  allocations: number;
  collections: number;
}

function run(name: string, args: number[], options: { stress?: number; lower?: boolean; heap?: number } = {}): Run {
  const m = buildModule();
  const { gc, slowCalls } = countedBoehm();
  if (options.lower !== false) gc.lower(m);
  const program = new Program(m, {
    gc,
    out: new BufferedOutput(),
    heapSize: options.heap ?? 4 << 20,
    stackSize: 1 << 20,
    gcStress: options.stress ?? 0,
  });
  const interp = new Interpreter(program);
  const counts = (): Omit<Run, 'value' | 'trap'> => ({
    slowCalls: slowCalls(),
    allocations: program.heap.stats.allocations,
    collections: program.heap.stats.collections,
  });
  try {
    return { value: interp.call(name, args), ...counts() };
  } catch (e) {
    if (e instanceof Trap) return { trap: e.kind, ...counts() };
    throw e;
  } finally {
    interp.dispose();
  }
}

test('the lowered module verifies', (t) => {
  const m = buildModule();
  boehmCollector().lower(m);
  t.deepEqual(verifyModule(m).map(String), []);
});

test('small objects come off the chains: a slow call per chain refill, every allocation counted', (t) => {
  const r = run('list', [20_000]);
  t.is(r.value, (20_000 * 19_999) / 2);
  t.is(r.allocations, 20_000, 'allocations made in line are counted');
  t.true(r.slowCalls <= 40, `${r.slowCalls} slow-path calls for 20 000 pairs`);
});

test('chains survive collections: a small heap collects many times and stays correct', (t) => {
  // 60 000 live pairs of 16 bytes (~1 MiB) in a 2 MiB heap, then built again: collections
  // withdraw the chains and refills continue from the swept free lists.
  for (let round = 0; round < 2; round++) {
    const r = run('list', [60_000], { heap: 2 << 20 });
    t.is(r.value, (60_000 * 59_999) / 2);
    t.is(r.allocations, 60_000);
  }
  const churn = run('arrays', [500], { heap: 256 << 10 });
  t.is(churn.value, (500 * 499) / 2);
  t.true(churn.collections > 0, 'the array churn collected');
});

test('run-time array lengths: every small size class in line, larger ones through the host', (t) => {
  const r = run('arrays', [700]);
  t.is(r.value, (700 * 699) / 2, 'every array new: right length, zeroed elements');
  t.is(r.allocations, 700);
  // Arrays of more than 510 refs are not small objects: each is a slow call; the rest are
  // refills, a few per size class.
  t.true(r.slowCalls >= 700 - 510 && r.slowCalls < 700 - 510 + 3 * 25, `${r.slowCalls} slow calls`);
  t.deepEqual(run('array_of', [-1]), { trap: 'index_out_of_bounds', slowCalls: 1, allocations: 0, collections: 0 });
  t.is(run('array_of', [3]).value, 3);
});

test('stress mode sends every allocation to the host, which collects at each one', (t) => {
  const r = run('list', [300], { stress: 1 });
  t.is(r.value, (300 * 299) / 2);
  t.is(r.slowCalls, 300, 'no allocation stays in line');
  t.is(r.collections, 300, 'a collection at every allocation');
  t.is(r.allocations, 300);
  const arrays = run('arrays', [60], { stress: 1 });
  t.is(arrays.value, (60 * 59) / 2);
  t.is(arrays.collections, 60);
});

test('lowered and unlowered runs agree', (t) => {
  for (const [name, args] of [
    ['list', [1000]],
    ['arrays', [600]],
    ['array_of', [-5]],
    ['array_of', [0]],
  ] as const) {
    const lowered = run(name, [...args]);
    const plain = run(name, [...args], { lower: false });
    t.deepEqual(
      [lowered.value, lowered.trap, lowered.allocations],
      [plain.value, plain.trap, plain.allocations],
      `@${name}(${args})`,
    );
  }
});

test('the heap verifier checks the chains: a dirty or foreign cell is corruption', (t) => {
  const m = buildModule();
  const gc = boehmCollector();
  gc.lower(m);
  const program = new Program(m, { gc, out: new BufferedOutput(), heapSize: 4 << 20, stackSize: 1 << 20 });
  const interp = new Interpreter(program);
  try {
    interp.call('list', [10]);
    t.notThrows(() => program.heap.verify());
    const head = program.memory.word(chainHeadAddress(sizeClassOf(16)));
    t.not(head, 0, 'a chain was published');
    program.memory.setWord(head + 8, 12345);
    t.throws(() => program.heap.verify(), { name: 'HeapCorruption', message: /word 2 is not zero/ });
    program.memory.setWord(head + 8, 0);
    program.memory.setWord(chainHeadAddress(sizeClassOf(16)), head + 4);
    t.throws(() => program.heap.verify(), { name: 'HeapCorruption', message: /not a cell of that class/ });
  } finally {
    interp.dispose();
  }
});
