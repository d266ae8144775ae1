// The frame block: a data page of host memory where the runtime area's code leaves a
// host call's arguments (when it saves them) and picks up its results (see
// HostCallProtocol). TypeScript reads and writes it as typed arrays, with no FFI call.
import type { HostFrameLayout } from './emu-arch.ts';
import type { HostArguments } from './host-arguments.ts';

export class HostFrameBlock implements HostArguments {
  private readonly words: Uint32Array;
  private readonly doubles: Float64Array;
  private readonly intIndex: Uint32Array;
  private readonly floatIndex: Uint32Array;
  private readonly resultIntIndex: Uint32Array;
  private readonly resultFloatIndex: Uint32Array;
  private readonly returnAddressIndex: number;
  private readonly slotIdIndex: number;
  private readonly stackPointerIndex: number;
  private readonly flagsIndex: number;
  private readonly firstFloatFlag: number;
  private flags = 0;

  /** `page` is the block's memory, also mapped into the guest. */
  constructor(
    page: ArrayBuffer,
    private readonly layout: HostFrameLayout,
  ) {
    this.words = new Uint32Array(page);
    this.doubles = new Float64Array(page);
    const word = (offset: number): number => offset / 4;
    const double = (offset: number): number => {
      if (offset % 8 !== 0) throw new RangeError('doubles in the frame block must be 8-byte aligned');
      return offset / 8;
    };
    this.intIndex = Uint32Array.from(layout.ints, word);
    this.floatIndex = Uint32Array.from(layout.floats, double);
    this.resultIntIndex = Uint32Array.from(layout.resultInts, word);
    this.resultFloatIndex = Uint32Array.from(layout.resultFloats, double);
    this.returnAddressIndex = word(layout.returnAddress);
    this.slotIdIndex = word(layout.slotId);
    this.stackPointerIndex = word(layout.stackPointer);
    this.flagsIndex = word(layout.resultFlags);
    this.firstFloatFlag = layout.resultInts.length;
  }

  /** Nothing to do: the guest saved the arguments before the hook. */
  begin(): void {}

  /** The address of the slot the guest called. */
  slotAddress(): number {
    return (this.words[this.slotIdIndex]! - this.layout.slotIdBias) >>> 0;
  }

  /** Where the host call returns to in its caller. */
  returnAddress(): number {
    return this.words[this.returnAddressIndex]!;
  }

  stackPointer(): number {
    return this.words[this.stackPointerIndex]!;
  }

  /** Saved integer argument register `index` (< layout.ints.length), unsigned. */
  int(index: number): number {
    return this.words[this.intIndex[index]!]!;
  }

  /** Saved float argument register `index` (< layout.floats.length). */
  float(index: number): number {
    return this.doubles[this.floatIndex[index]!]!;
  }

  /** Before each host call: no result set, so the shared code loads none. */
  clearResults(): void {
    this.flags = 0;
    this.words[this.flagsIndex] = 0;
  }

  setInt(index: number, value: number): void {
    if (index >= this.resultIntIndex.length) throw new RangeError(`no integer result register ${index}`);
    this.words[this.resultIntIndex[index]!] = value >>> 0;
    this.flag(index);
  }

  setFloat(index: number, value: number): void {
    if (index >= this.resultFloatIndex.length) throw new RangeError(`no float result register ${index}`);
    this.doubles[this.resultFloatIndex[index]!] = value;
    this.flag(this.firstFloatFlag + index);
  }

  private flag(bit: number): void {
    this.flags |= 1 << bit;
    this.words[this.flagsIndex] = this.flags;
  }
}
