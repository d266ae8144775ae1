import test from 'ava';
import { HeapVerifier, looksLikeStaticObject } from '../../src/gc/heap-verifier.ts';
import type { RootSource, RootVisitor } from '../../src/gc/interface.ts';
import { GuestMemory } from '../../src/runtime/guest-memory.ts';
import { makeLayout } from '../../src/runtime/memory-map.ts';
import { TYPE_ID_SHIFT, TypeTable } from '../../src/runtime/object-layout.ts';

/** A bump "heap" with a set of live objects: the verifier needs no real collector. */
function fixture(heapSize = 64 * 1024) {
  const memory = new GuestMemory(makeLayout({ heapSize, staticSize: 1024 * 1024, stackSize: 64 * 1024 }));
  const types = new TypeTable([
    {
      kind: 'struct',
      name: 'pair',
      fields: [
        { name: 'head', kind: 'ref' },
        { name: 'tail', kind: 'ref' },
      ],
    },
    { kind: 'array', name: 'refs', elem: 'ref' },
    { kind: 'array', name: 'bytes', elem: 'i8' },
  ]);
  const live = new Set<number>();
  let top = memory.layout.heapBase;
  const place = (name: string, length = 0): number => {
    const t = types.get(name);
    const addr = top;
    top += t.kind === 'array' ? TypeTable.arrayBytes(t, length) : t.size;
    memory.setWord(addr, t.id << TYPE_ID_SHIFT);
    if (t.kind === 'array') memory.setWord(addr + 4, length);
    live.add(addr);
    return addr;
  };
  const roots: number[] = [];
  const source: RootSource = {
    visitRoots(visit: RootVisitor) {
      for (let i = 0; i < roots.length; i++) roots[i] = visit(roots[i]!);
    },
  };
  const verifier = new HeapVerifier({
    memory,
    types,
    isHeapObject: (a) => live.has(a),
    isStaticObject: looksLikeStaticObject(memory, types),
  });
  return { memory, types, live, place, roots, verify: () => verifier.verify([source]) };
}

test('accepts null, immediates, live objects, static consts and cycles', (t) => {
  const f = fixture();
  const a = f.place('pair');
  const b = f.place('pair');
  const arr = f.place('refs', 3);
  const staticConst = f.memory.layout.staticBase + 16;
  f.memory.setWord(staticConst, f.types.get('bytes').id << TYPE_ID_SHIFT);
  f.memory.setWord(a + 4, b);
  f.memory.setWord(a + 8, arr);
  f.memory.setWord(b + 4, a);
  f.memory.setWord(b + 8, 0b11);
  f.memory.setWord(arr + 8, staticConst);
  f.memory.setWord(arr + 12, 0b10);
  f.roots.push(a, 0, 7, staticConst);
  t.deepEqual(f.verify(), { objects: 3, bytes: 16 + 16 + 24 });
});

test('rejects a ref into the middle of an object, naming the field', (t) => {
  const f = fixture();
  const a = f.place('pair');
  const b = f.place('pair');
  f.memory.setWord(a + 8, b + 8);
  f.roots.push(a);
  t.throws(() => f.verify(), {
    name: 'HeapCorruption',
    message: /\(:pair\) field tail \(\+8\) holds 0x[0-9a-f]+, which is not the start/,
  });
});

test('rejects refs that are neither heap objects nor static consts', (t) => {
  const f = fixture();
  const arr = f.place('refs', 2);
  f.roots.push(arr);
  f.memory.setWord(arr + 12, f.memory.layout.staticBase + 8); // static data, but no header
  t.throws(() => f.verify(), { message: /element 1 holds .* neither a heap object nor a static const/ });
  f.memory.setWord(arr + 12, 0x40);
  t.throws(() => f.verify(), { message: /element 1/ });
  f.memory.setWord(arr + 12, 0);
  f.roots.push(arr + 8);
  t.throws(() => f.verify(), { message: /root #1 of Object/ });
});

test('rejects bad headers and insane array lengths', (t) => {
  const f = fixture();
  const a = f.place('pair');
  const arr = f.place('bytes', 10);
  f.roots.push(a, arr);
  t.notThrows(() => f.verify());
  f.memory.setWord(a, 77 << TYPE_ID_SHIFT);
  t.throws(() => f.verify(), { message: /bad header 0x4d00/ });
  f.memory.setWord(a, 0);
  t.throws(() => f.verify(), { message: /bad header 0x0/ });
  f.memory.setWord(a, f.types.get('pair').id << TYPE_ID_SHIFT);
  f.memory.setWord(arr + 4, -5);
  t.throws(() => f.verify(), { message: /array of length -5/ });
  f.memory.setWord(arr + 4, 0x7fff_0000);
  t.throws(() => f.verify(), { message: /more than the \d+ reserved/ });
});

test('walks a million-element list without host recursion', (t) => {
  const f = fixture(32 * 1024 * 1024);
  let list = 0;
  for (let i = 0; i < 1_000_000; i++) {
    const cell = f.place('pair');
    f.memory.setWord(cell + 4, (i << 1) | 1);
    f.memory.setWord(cell + 8, list);
    list = cell;
  }
  f.roots.push(list);
  t.deepEqual(f.verify(), { objects: 1_000_000, bytes: 16_000_000 });
});
