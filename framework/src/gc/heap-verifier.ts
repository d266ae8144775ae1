import type { GuestMemory } from '../runtime/guest-memory.ts';
import { TYPE_ID_SHIFT, TypeTable, type TypeLayout } from '../runtime/object-layout.ts';
import { HeapCorruption, type RootSource } from './interface.ts';
import { Worklist } from './worklist.ts';

/** What the verifier needs to know about a collector; everything else it reads from memory. */
export interface VerifierTarget {
  memory: GuestMemory;
  types: TypeTable;
  /** True when addr is the start of a live object in [heapBase, heapEnd). */
  isHeapObject(addr: number): boolean;
  /** True when addr is the start of an immortal const in static data. */
  isStaticObject(addr: number): boolean;
  /** Bytes reserved for the object at addr (a size-class cell, a page run). Without it
   *  objects are only checked against the heap end. */
  capacityOf?(addr: number): number;
}

export interface VerifyReport {
  objects: number;
  bytes: number;
}

const GRANULE_SHIFT = 3;
const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/**
 * A collector-independent heap check: walks everything reachable from the roots with an
 * explicit worklist (never recursion) and checks each object's header, its size and every
 * ref field. A ref is fine when it is null, an immediate, a live heap object or a static
 * const. Throws HeapCorruption naming the object and field that hold the bad word.
 */
export class HeapVerifier {
  /** One visited bit per 8-byte granule of the heap, kept between runs to avoid reallocating. */
  private readonly visited: Uint32Array;
  private readonly pending = new Worklist();
  private readonly heapBase: number;
  private readonly heapEnd: number;
  /** The span of `visited` words the last run may have set. */
  private touchedFrom = 0;
  private touchedTo: number;

  constructor(private readonly target: VerifierTarget) {
    this.heapBase = target.memory.layout.heapBase;
    this.heapEnd = target.memory.layout.heapEnd;
    this.visited = new Uint32Array(Math.ceil((this.heapEnd - this.heapBase) / 8 / 32));
    this.touchedTo = this.visited.length;
  }

  verify(roots: Iterable<RootSource>): VerifyReport {
    // Only the words the last run set: a stressed run verifies thousands of times.
    this.visited.fill(0, this.touchedFrom, this.touchedTo);
    this.touchedFrom = this.visited.length;
    this.touchedTo = 0;
    this.pending.clear();
    let rootIndex = 0;
    for (const source of roots) {
      const sourceName = source.constructor.name;
      source.visitRoots((ref) => {
        this.admit(ref, () => `root #${rootIndex} of ${sourceName}`);
        rootIndex++;
        return ref;
      });
    }
    const report: VerifyReport = { objects: 0, bytes: 0 };
    while (!this.pending.isEmpty()) {
      const addr = this.pending.pop();
      report.objects++;
      report.bytes += this.checkObject(addr);
    }
    return report;
  }

  /** Checks one ref word; a heap object seen for the first time is queued. */
  private admit(ref: number, holder: () => string): void {
    if (ref === 0 || (ref & 3) !== 0) return;
    if (ref >= this.heapBase && ref < this.heapEnd) {
      if (!this.target.isHeapObject(ref))
        throw new HeapCorruption(`${holder()} holds ${hex(ref)}, which is not the start of a live heap object`);
      const g = (ref - this.heapBase) >>> GRANULE_SHIFT;
      const bit = 1 << (g & 31);
      if ((this.visited[g >>> 5]! & bit) !== 0) return;
      this.visited[g >>> 5]! |= bit;
      if (g >>> 5 < this.touchedFrom) this.touchedFrom = g >>> 5;
      if (g >>> 5 >= this.touchedTo) this.touchedTo = (g >>> 5) + 1;
      this.pending.push(ref);
      return;
    }
    if (!this.target.isStaticObject(ref))
      throw new HeapCorruption(`${holder()} holds ${hex(ref)}, which is neither a heap object nor a static const`);
  }

  /** Checks header and size, admits every ref field; returns the object's size in bytes. */
  private checkObject(addr: number): number {
    const { memory, types } = this.target;
    const type = typeAt(memory, types, addr);
    if (!type) throw new HeapCorruption(`object ${hex(addr)} has a bad header ${hex(memory.word(addr))}`);
    const size = objectSize(memory, type, addr);
    const capacity = this.target.capacityOf?.(addr) ?? this.heapEnd - addr;
    if (size > capacity) {
      const what = type.kind === 'array' ? `an array of length ${memory.word(addr + 4)}` : 'a struct';
      throw new HeapCorruption(
        `object ${hex(addr)} (:${type.name}) is ${what} of ${size} bytes, more than the ${capacity} reserved for it`,
      );
    }
    if (type.kind === 'struct') {
      for (const off of type.refOffsets) {
        this.admit(memory.word(addr + off), () => describeField(addr, type, off));
      }
    } else if (type.elem === 'ref') {
      const length = memory.word(addr + 4);
      for (let i = 0; i < length; i++) {
        this.admit(
          memory.word(addr + type.elemOffset + 4 * i),
          () => `object ${hex(addr)} (:${type.name}) element ${i}`,
        );
      }
    }
    return size;
  }
}

/** The layout named by the header at addr, or undefined when the type id is not valid. */
export function typeAt(memory: GuestMemory, types: TypeTable, addr: number): TypeLayout | undefined {
  const typeId = memory.word(addr) >>> TYPE_ID_SHIFT;
  return typeId === 0 ? undefined : types.byId[typeId];
}

/** Size in bytes, or Infinity for an array whose length word is negative. */
function objectSize(memory: GuestMemory, type: TypeLayout, addr: number): number {
  if (type.kind === 'struct') return type.size;
  const length = memory.word(addr + 4);
  return length < 0 ? Infinity : TypeTable.arrayBytes(type, length);
}

function describeField(addr: number, type: TypeLayout, offset: number): string {
  const field = type.fields.find((f) => f.offset === offset);
  return `object ${hex(addr)} (:${type.name}) field ${field?.name ?? '?'} (+${offset})`;
}

/**
 * A static-object check that needs only the layout: an 8-aligned address inside static
 * data whose header names a known type. Exact const starts come from the static image;
 * this is what a heap uses when it was not given that image.
 */
export function looksLikeStaticObject(memory: GuestMemory, types: TypeTable): (addr: number) => boolean {
  const { staticBase, staticEnd } = memory.layout;
  return (addr) =>
    (addr & 7) === 0 && addr >= staticBase && addr + 4 <= staticEnd && typeAt(memory, types, addr) !== undefined;
}
