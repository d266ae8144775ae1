// Boehm collector throughput on a cons-list churn: a window of live lists is rebuilt one
// list at a time, so every collection marks the window and sweeps the garbage around it.
// Run: npx tsx bench/gc-throughput.ts [total-allocations] [live-cells]
import type { RootSource, RootVisitor } from '../framework/src/gc/interface.ts';
import { GuestMemory } from '../framework/src/runtime/guest-memory.ts';
import { MiB, makeLayout } from '../framework/src/runtime/memory-map.ts';
import { TypeTable } from '../framework/src/runtime/object-layout.ts';
import { BoehmHeap } from '../plugins/gc-boehm/src/heap.ts';

const TOTAL = Number(process.argv[2] ?? 10_000_000);
const LIVE_CELLS = Number(process.argv[3] ?? 500_000);
const LIST_LENGTH = 1000;
const HEAP_BYTES = 64 * MiB;

class Window implements RootSource {
  readonly lists = new Array<number>(Math.max(1, Math.floor(LIVE_CELLS / LIST_LENGTH))).fill(0);
  building = 0;
  visitRoots(visit: RootVisitor): void {
    for (let i = 0; i < this.lists.length; i++) this.lists[i] = visit(this.lists[i]!);
    this.building = visit(this.building);
  }
}

const memory = new GuestMemory(makeLayout({ heapSize: HEAP_BYTES, staticSize: MiB, stackSize: 64 * 1024 }));
const types = new TypeTable([
  {
    kind: 'struct',
    name: 'pair',
    fields: [
      { name: 'head', kind: 'ref' },
      { name: 'tail', kind: 'ref' },
    ],
  },
]);
const heap = new BoehmHeap({ memory, types, options: { stressEvery: 0, verify: false } });
const window = new Window();
heap.addRoots(window);
const pair = types.get('pair').id;
const words = memory.i32;
const base = memory.base;

const start = performance.now();
let allocated = 0;
let slot = 0;
while (allocated < TOTAL) {
  window.building = 0;
  for (let i = 0; i < LIST_LENGTH; i++) {
    const cell = heap.allocStruct(pair);
    const at = (cell - base) >> 2;
    words[at + 1] = (i << 1) | 1;
    words[at + 2] = window.building;
    window.building = cell;
  }
  window.lists[slot] = window.building;
  slot = (slot + 1) % window.lists.length;
  allocated += LIST_LENGTH;
}
const seconds = (performance.now() - start) / 1000;

const { stats, detail } = heap;
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const rate = (bytes: number, ms: number): string => (ms > 0 ? (bytes / 1e6 / (ms / 1000)).toFixed(0) : '∞');
const liveCells = window.lists.length * LIST_LENGTH;
const heapMiB = HEAP_BYTES / MiB;
console.log(
  `cons churn: ${allocated.toLocaleString()} allocations of 16 bytes, ${liveCells} cells live, heap ${heapMiB} MiB`,
);
const totalRate = (allocated / seconds / 1e6).toFixed(2);
console.log(`  total        ${seconds.toFixed(2)} s, ${totalRate} M allocations/s (collections included)`);
const mutatorRate = (allocated / (seconds - stats.gcMillis / 1000) / 1e6).toFixed(2);
console.log(`  mutator      ${mutatorRate} M allocations/s (collections excluded)`);
const gcPercent = ((stats.gcMillis / 1000 / seconds) * 100).toFixed(0);
const perCollection = (stats.gcMillis / Math.max(1, stats.collections)).toFixed(1);
const gcMs = stats.gcMillis.toFixed(0);
console.log(`  collections  ${stats.collections}, ${gcMs} ms (${gcPercent}% of the run), ${perCollection} ms each`);
const markRate = rate(detail.markedBytes, detail.markMillis);
console.log(`  mark         ${mb(detail.markedBytes)} MB in ${detail.markMillis.toFixed(0)} ms = ${markRate} MB/s`);
const sweepRate = rate(detail.sweptBytes, detail.sweepMillis);
console.log(`  sweep        ${mb(detail.sweptBytes)} MB in ${detail.sweepMillis.toFixed(0)} ms = ${sweepRate} MB/s`);
const markSweepRate = rate(detail.markedBytes + detail.sweptBytes, stats.gcMillis);
console.log(`  mark+sweep   ${markSweepRate} MB/s, ${detail.freedObjects.toLocaleString()} objects freed`);
