// Reads or writes several registers in one FFI call (uc_reg_*_batch). Each FFI
// call costs about as much as a short guest run, so calls into guest code set
// up and collect their registers in one batch each.
import koffi from 'koffi';
import { check, type UcEngine, type UnicornLibrary } from './unicorn-ffi.ts';

const SLOT_BYTES = 16;

export class RegisterBatch {
  private readonly ids: Int32Array;
  /** Stable memory: Unicorn reads and writes the slots through raw pointers to it. */
  private readonly slots: ArrayBuffer;
  private readonly slotU32: Uint32Array;
  private readonly slotF64: Float64Array;
  private readonly pointers: BigUint64Array;
  private size = 0;

  constructor(
    private readonly lib: UnicornLibrary,
    private readonly uc: UcEngine,
    readonly capacity = 16,
  ) {
    this.ids = new Int32Array(capacity);
    this.slots = new ArrayBuffer(capacity * SLOT_BYTES);
    this.slotU32 = new Uint32Array(this.slots);
    this.slotF64 = new Float64Array(this.slots);
    const base = koffi.address(this.slots);
    this.pointers = BigUint64Array.from({ length: capacity }, (_, i) => base + BigInt(i * SLOT_BYTES));
  }

  clear(): this {
    this.size = 0;
    return this;
  }

  /** Queues a 32-bit value (upper bits of wider registers zero). Returns its slot. */
  addInt(regId: number, value = 0): number {
    const slot = this.take(regId);
    this.slotU32[slot * 4] = value >>> 0;
    this.slotU32[slot * 4 + 1] = 0;
    return slot;
  }

  addFloat(regId: number, value = 0): number {
    const slot = this.take(regId);
    this.slotF64[slot * 2] = value;
    this.slotF64[slot * 2 + 1] = 0;
    return slot;
  }

  write(): void {
    if (this.size > 0)
      check('uc_reg_write_batch', this.lib.uc_reg_write_batch(this.uc, this.ids, this.pointers, this.size));
  }

  read(): void {
    if (this.size > 0)
      check('uc_reg_read_batch', this.lib.uc_reg_read_batch(this.uc, this.ids, this.pointers, this.size));
  }

  /** The low 32 bits read into `slot`, unsigned. */
  int(slot: number): number {
    return this.slotU32[slot * 4]!;
  }

  float(slot: number): number {
    return this.slotF64[slot * 2]!;
  }

  private take(regId: number): number {
    if (this.size === this.capacity) throw new RangeError(`register batch holds at most ${this.capacity} registers`);
    this.ids[this.size] = regId;
    return this.size++;
  }
}
