// Host functions: TypeScript reached from guest code through a trampoline slot.
// They see the guest's argument registers through a frame, so a function reads
// only the registers it needs (each read is one FFI call).
import type { CpuAccess, EmuArch } from './emu-arch.ts';

export interface HostCallFrame {
  /** The trampoline slot that was called. */
  readonly slot: number;
  /** Integer argument `index` as a signed 32-bit value (stack arguments included). */
  int(index: number): number;
  /** Integer argument `index` as an unsigned 32-bit value. */
  uint(index: number): number;
  /** Float (double) argument `index`. */
  float(index: number): number;
  /** Sets integer result register `index` (0 is r0 on ARM). */
  returnInt(value: number, index?: number): void;
  returnFloat(value: number, index?: number): void;
}

export type HostFunction = (frame: HostCallFrame) => void;

export interface HostSignature {
  readonly ints?: number;
  readonly floats?: number;
  readonly result?: 'int' | 'float' | 'none';
}

/** Adapts `(…ints, …floats) => result` to a HostFunction for a fixed signature. */
export function hostFunction(signature: HostSignature, fn: (...args: number[]) => number | void): HostFunction {
  const intCount = signature.ints ?? 0;
  const floatCount = signature.floats ?? 0;
  const result = signature.result ?? 'int';
  return (frame) => {
    const args = new Array<number>(intCount + floatCount);
    for (let i = 0; i < intCount; i++) args[i] = frame.int(i);
    for (let i = 0; i < floatCount; i++) args[intCount + i] = frame.float(i);
    const value = fn(...args);
    if (result === 'none') return;
    if (typeof value !== 'number') throw new TypeError(`host function returned ${typeof value}, expected a number`);
    if (result === 'int') frame.returnInt(value);
    else frame.returnFloat(value);
  };
}

/** The one frame object a machine reuses for every host call (no allocation per call). */
export class RegisterHostCallFrame implements HostCallFrame {
  slot = -1;

  constructor(
    private readonly cpu: CpuAccess,
    private readonly arch: EmuArch,
  ) {}

  uint(index: number): number {
    const regs = this.arch.intArgRegs;
    if (index < regs.length) return this.cpu.readReg(regs[index]!);
    const stackPointer = this.cpu.readReg(this.arch.spReg);
    const bytes = this.cpu.readMemory(this.arch.stackArgumentAddress(stackPointer, index), 4);
    return new DataView(bytes.buffer).getUint32(0, true);
  }

  int(index: number): number {
    return this.uint(index) | 0;
  }

  float(index: number): number {
    const reg = this.arch.floatArgRegs[index];
    if (reg === undefined) throw new RangeError(`float argument ${index} is not in a register`);
    return this.cpu.readRegF64(reg);
  }

  returnInt(value: number, index = 0): void {
    const reg = this.arch.intResultRegs[index];
    if (reg === undefined) throw new RangeError(`no integer result register ${index}`);
    this.cpu.writeReg(reg, value);
  }

  returnFloat(value: number, index = 0): void {
    const reg = this.arch.floatResultRegs[index];
    if (reg === undefined) throw new RangeError(`no float result register ${index}`);
    this.cpu.writeRegF64(reg, value);
  }
}
