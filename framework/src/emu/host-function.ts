// Host functions: TypeScript reached from guest code through a trampoline slot. They
// see their arguments and set their results through a frame; the slot's code moves
// values between registers and memory (HostCallProtocol), so no result, and on Unicorn
// 2.1 no argument either, costs an FFI call.
import type { EmuArch } from './emu-arch.ts';
import type { HostArguments } from './host-arguments.ts';
import type { HostFrameBlock } from './host-frame-block.ts';

export interface HostCallFrame {
  /** The trampoline slot that was called. */
  readonly slot: number;
  /** Integer argument `index` as a signed 32-bit value (stack arguments included). */
  int(index: number): number;
  /** Integer argument `index` as an unsigned 32-bit value. */
  uint(index: number): number;
  /** Float (double) argument `index`. */
  float(index: number): number;
  /** The calling guest function's stack pointer at its call instruction. */
  stackPointer(): number;
  /** Where the call returns to in the calling guest function. */
  returnAddress(): number;
  /**
   * Sets integer result register `index` (0 is r0 on ARM) when the host function returns.
   * Results set this way are the only register writes that survive a host call.
   */
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

/**
 * The one frame object a machine reuses for every host call (no allocation per call).
 * Register arguments come from `args`, stack arguments from guest memory, and results go
 * to the frame block, for the slot's code to load.
 */
export class MachineHostCallFrame implements HostCallFrame {
  slot = -1;
  private readonly intArgRegs: number;
  private readonly floatArgRegs: number;

  constructor(
    private readonly args: HostArguments,
    private readonly results: HostFrameBlock,
    private readonly arch: EmuArch,
    private readonly readWord: (address: number) => number,
  ) {
    this.intArgRegs = arch.intArgRegs.length;
    this.floatArgRegs = arch.floatArgRegs.length;
  }

  /** Called by the machine before each host call. */
  begin(slot: number): void {
    this.slot = slot;
    this.args.begin();
    this.results.clearResults();
  }

  uint(index: number): number {
    if (index < this.intArgRegs) return this.args.int(index);
    return this.readWord(this.arch.stackArgumentAddress(this.args.stackPointer(), index));
  }

  int(index: number): number {
    return this.uint(index) | 0;
  }

  float(index: number): number {
    if (index >= this.floatArgRegs) throw new RangeError(`float argument ${index} is not in a register`);
    return this.args.float(index);
  }

  stackPointer(): number {
    return this.args.stackPointer();
  }

  returnAddress(): number {
    return this.args.returnAddress();
  }

  returnInt(value: number, index = 0): void {
    this.results.setInt(index, value);
  }

  returnFloat(value: number, index = 0): void {
    this.results.setFloat(index, value);
  }
}
