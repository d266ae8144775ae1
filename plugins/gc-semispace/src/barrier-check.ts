import { HeapCorruption, TYPE_ID_SHIFT, TypeTable, type GuestMemory, type TypeLayout } from '#framework';

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/**
 * Proves the write barrier complete, as a generational collector needs it: the objects
 * that survived a collection are "old", and a ref stored into an old object between two
 * collections must be followed by a barrier on that object. At each collection the heap
 * keeps a copy of the survivors' words; at the next, every ref field that changed must
 * belong to an object the barrier was told of.
 */
export class BarrierCheck {
  private readonly remembered = new Set<number>();
  private copy = new Int32Array(0);
  private oldBase = 0;
  private oldEnd = 0;

  constructor(
    private readonly memory: GuestMemory,
    private readonly types: TypeTable,
  ) {}

  remember(holder: number): void {
    if (holder >= this.oldBase && holder < this.oldEnd) this.remembered.add(holder);
  }

  /** Takes the survivors [from, to) as the old objects from now on. */
  snapshot(from: number, to: number): void {
    const base = this.memory.base;
    this.copy = this.memory.i32.slice((from - base) >> 2, (to - base) >> 2);
    this.oldBase = from;
    this.oldEnd = to;
    this.remembered.clear();
  }

  /** Throws HeapCorruption naming the first old object whose ref field changed unannounced. */
  check(): void {
    const words = this.memory.i32;
    const first = (this.oldBase - this.memory.base) >> 2;
    for (let addr = this.oldBase; addr < this.oldEnd; ) {
      const at = (addr - this.oldBase) >> 2;
      const type = this.types.byId[this.copy[at]! >>> TYPE_ID_SHIFT]!;
      const size = type.kind === 'struct' ? type.size : TypeTable.arrayBytes(type, this.copy[at + 1]!);
      if (!this.remembered.has(addr)) {
        for (const offset of refOffsetsOf(type, this.copy[at + 1]!)) {
          const w = at + (offset >> 2);
          if (words[first + w] !== this.copy[w]) {
            throw new HeapCorruption(
              `a ref was stored into object ${hex(addr)} (:${type.name}) at +${offset} ` +
                `(${hex(this.copy[w]!)} became ${hex(words[first + w]!)}) without a write barrier`,
            );
          }
        }
      }
      addr += size;
    }
  }
}

function* refOffsetsOf(type: TypeLayout, length: number): Generator<number> {
  if (type.kind === 'struct') {
    yield* type.refOffsets;
    return;
  }
  if (type.elem !== 'ref') return;
  for (let i = 0; i < length; i++) yield type.elemOffset + 4 * i;
}
