import { Trap } from '../ir/traps.ts';
import type { MemoryLayout } from './memory-map.ts';

/**
 * The shared host buffer behind static data, heap and stack. Allocated once at its
 * full size and never grown, so it can be mapped into the emulator without copies.
 */
export class GuestMemory {
  readonly buffer: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly base: number;
  /** Accesses below this end (heap end) are data; the stack sits past the guard page. */
  private readonly dataEnd: number;

  constructor(readonly layout: MemoryLayout) {
    this.buffer = new ArrayBuffer(layout.bufferSize);
    this.u8 = new Uint8Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.base = layout.dataBase;
    this.dataEnd = layout.heapEnd;
  }

  /** Throws a bad_pointer trap unless [addr, addr+size) is mapped data and aligned to `align`. */
  check(addr: number, size: number, align: number): number {
    const off = addr - this.base;
    const ok =
      (addr & (align - 1)) === 0 &&
      ((addr >= this.base && addr + size <= this.dataEnd) ||
        (addr >= this.layout.stackBase && addr + size <= this.layout.stackEnd));
    if (!ok) throw new Trap('bad_pointer', `access of ${size} bytes at 0x${(addr >>> 0).toString(16)}`);
    return off;
  }

  loadI32(addr: number): number {
    return this.i32[this.check(addr, 4, 4) >> 2]!;
  }
  storeI32(addr: number, v: number): void {
    this.i32[this.check(addr, 4, 4) >> 2] = v;
  }
  loadU8(addr: number): number {
    return this.u8[this.check(addr, 1, 1)]!;
  }
  storeU8(addr: number, v: number): void {
    this.u8[this.check(addr, 1, 1)] = v;
  }
  loadF64(addr: number): number {
    return this.f64[this.check(addr, 8, 8) >> 3]!;
  }
  storeF64(addr: number, v: number): void {
    this.f64[this.check(addr, 8, 8) >> 3] = v;
  }

  /** Unchecked word access for runtime code that has already validated the address. */
  word(addr: number): number {
    return this.i32[(addr - this.base) >> 2]!;
  }
  setWord(addr: number, v: number): void {
    this.i32[(addr - this.base) >> 2] = v;
  }
  fill(addr: number, bytes: number, value = 0): void {
    const off = addr - this.base;
    this.u8.fill(value, off, off + bytes);
  }
}
