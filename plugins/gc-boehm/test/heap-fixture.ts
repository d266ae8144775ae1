import type { HeapOptions, RootSource, RootVisitor } from '#framework';
import type { TypeDecl } from '#framework';
import { GuestMemory } from '#framework';
import { MiB, makeLayout } from '#framework';
import { TypeTable } from '#framework';
import { BoehmHeap, type BoehmTuning } from '../src/heap.ts';

export const TYPE_DECLS: TypeDecl[] = [
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
  { kind: 'array', name: 'bytes', elem: 'i8' },
  {
    kind: 'struct',
    name: 'node',
    fields: [
      { name: 'value', kind: 'f64' },
      { name: 'next', kind: 'ref' },
      { name: 'other', kind: 'ref' },
    ],
  },
];

/** Refs held by the test, as host code holds handles: a root source the heap visits. */
export class Handles implements RootSource {
  refs: number[] = [];
  visitRoots(visit: RootVisitor): void {
    for (let i = 0; i < this.refs.length; i++) this.refs[i] = visit(this.refs[i]!);
  }
}

export interface HeapFixture {
  heap: BoehmHeap;
  memory: GuestMemory;
  types: TypeTable;
  handles: Handles;
  id(name: string): number;
  /** A cons cell (head, tail); both arguments are read before allocating. */
  cons(head: number, tail: number): number;
}

export function heapFixture(
  options: Partial<HeapOptions> & { heapSize?: number; tuning?: BoehmTuning } = {},
): HeapFixture {
  const layout = makeLayout({ heapSize: options.heapSize ?? 4 * MiB, staticSize: MiB, stackSize: 64 * 1024 });
  const memory = new GuestMemory(layout);
  const types = new TypeTable(TYPE_DECLS);
  const heap = new BoehmHeap(
    {
      memory,
      types,
      options: {
        stressEvery: options.stressEvery ?? 0,
        stressSeed: options.stressSeed,
        verify: options.verify ?? false,
      },
    },
    options.tuning,
  );
  const handles = new Handles();
  heap.addRoots(handles);
  const pair = types.get('pair');
  const head = types.field('pair', 'head').offset;
  const tail = types.field('pair', 'tail').offset;
  return {
    heap,
    memory,
    types,
    handles,
    id: (name) => types.get(name).id,
    cons(h, t) {
      // Root both values across the allocation, as the interpreter's frames would.
      handles.refs.push(h, t);
      const cell = heap.allocStruct(pair.id);
      const savedTail = handles.refs.pop()!;
      const savedHead = handles.refs.pop()!;
      memory.setWord(cell + head, savedHead);
      memory.setWord(cell + tail, savedTail);
      return cell;
    },
  };
}

/** Small-int immediate, as the frontends tag them. */
export const smallInt = (n: number): number => (n << 1) | 1;
