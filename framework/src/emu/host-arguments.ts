// Where a host function's register arguments come from: the frame block, where the slot's
// code saved them (Unicorn 2.1), or the registers themselves, read in one batch on first
// use (Unicorn 2.0, whose guest stores are too slow to save them).
import type { EmuArch } from './emu-arch.ts';
import { RegisterBatch } from './register-batch.ts';
import type { UcEngine, UnicornLibrary } from './unicorn-ffi.ts';

export interface HostArguments {
  /** Called before each host call. */
  begin(): void;
  /** Integer argument register `index`, unsigned. */
  int(index: number): number;
  /** Float argument register `index`. */
  float(index: number): number;
  stackPointer(): number;
  /** Where the host call returns to in its caller. */
  returnAddress(): number;
}

/** The argument registers, the stack pointer and the link register, in one uc_reg_read_batch. */
export class RegisterArguments implements HostArguments {
  private readonly batch: RegisterBatch;
  private readonly floatBase: number;
  private readonly stackPointerSlot: number;
  private readonly linkSlot: number;
  private loaded = false;

  constructor(lib: UnicornLibrary, uc: UcEngine, arch: EmuArch) {
    this.batch = new RegisterBatch(lib, uc, arch.intArgRegs.length + arch.floatArgRegs.length + 2);
    for (const reg of arch.intArgRegs) this.batch.addInt(reg);
    this.floatBase = arch.intArgRegs.length;
    for (const reg of arch.floatArgRegs) this.batch.addFloat(reg);
    this.stackPointerSlot = this.batch.addInt(arch.spReg);
    this.linkSlot = this.batch.addInt(arch.returnAddressReg);
  }

  begin(): void {
    this.loaded = false;
  }

  int(index: number): number {
    this.load();
    return this.batch.int(index);
  }

  float(index: number): number {
    this.load();
    return this.batch.float(this.floatBase + index);
  }

  stackPointer(): number {
    this.load();
    return this.batch.int(this.stackPointerSlot);
  }

  returnAddress(): number {
    this.load();
    return this.batch.int(this.linkSlot);
  }

  private load(): void {
    if (this.loaded) return;
    this.batch.read();
    this.loaded = true;
  }
}
