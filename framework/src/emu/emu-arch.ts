// What GuestMachine needs to know about one guest ISA. Everything else in the
// machine is ISA-neutral, so adding x86-64 means writing one more of these.
import type { EmuTrapKind } from './emu-trap.ts';

/** Register and memory access that arch descriptions use to set up and read calls. */
export interface CpuAccess {
  /** The low 32 bits of a register, unsigned. */
  readReg(regId: number): number;
  /** Writes a 32-bit value (upper bits of wider registers become zero). */
  writeReg(regId: number, value: number): void;
  /** The low 64 bits of a floating-point register as a double. */
  readRegF64(regId: number): number;
  writeRegF64(regId: number, value: number): void;
  /** Writes several registers in one FFI call: 32-bit values, then doubles. */
  writeRegs(
    ints: readonly (readonly [regId: number, value: number])[],
    floats?: readonly (readonly [regId: number, value: number])[],
  ): void;
  readMemory(address: number, length: number): Uint8Array;
  writeMemory(address: number, bytes: Uint8Array): void;
}

/** A call from the host into guest code. */
export interface GuestCall {
  readonly stopAddress: number;
  readonly stackTop: number;
  readonly intArgs: readonly number[];
  readonly floatArgs: readonly number[];
}

export interface EmuArch {
  readonly name: string;
  readonly ucArch: number;
  readonly ucMode: number;
  /** Unicorn CPU model ids by the names the CLI accepts (`--cpu`). */
  readonly cpuModels: Readonly<Record<string, number>>;
  readonly defaultCpuModel: string;
  readonly pcReg: number;
  readonly spReg: number;
  /** The link register, where a call leaves its return address. */
  readonly returnAddressReg: number;
  /** Registers carrying the first integer/float arguments, in order. */
  readonly intArgRegs: readonly number[];
  readonly floatArgRegs: readonly number[];
  readonly intResultRegs: readonly number[];
  readonly floatResultRegs: readonly number[];
  /** How guest code calls host functions and gets their results back. */
  readonly hostCalls: HostCallProtocol;
  /** Placed at the stop address; never runs, since reaching that address ends the run. */
  readonly stopFiller: Uint8Array;
  /** The emulator's translation page, in bytes. Unicorn (QEMU) chains one translated block
   *  to the next only within a page; a jump or fall-through across a page boundary goes
   *  through a lookup, several times the cost of the block it enters (docs/cost-model.md).
   *  Code placement keeps a function that fits in a page inside one. */
  readonly translationPageBytes: number;
  /** Set for fixed-length ISAs: a block hook can then count instructions as size / this. */
  readonly fixedInstructionSize?: number;
  /** Called once at creation, after the CPU model is chosen (e.g. to enable the FPU). */
  initialize(cpu: CpuAccess): void;
  /** Places arguments, stack pointer and return address (= stop address) for a call. */
  enterCall(cpu: CpuAccess, call: GuestCall): void;
  /** Where integer argument `index` (past the register ones) lives, given the callee's stack pointer at entry. */
  stackArgumentAddress(stackPointer: number, index: number): number;
  /** Classifies a CPU exception reported through the interrupt hook. */
  interruptTrap(interruptNumber: number): EmuTrapKind;
  /** The address of the instruction that raised interrupt `interruptNumber`, given the PC read in the hook. */
  interruptPc(interruptNumber: number, pcInHook: number): number;
}

/**
 * Host calls without FFI register writes, and on Unicorn 2.1 without FFI register reads.
 * The runtime area is two pages: code (the stop address, the slots, shared code), and the
 * frame block, a data page of host memory. The host function writes its results into the
 * frame block with a flag word saying which it set, and the shared code loads those into
 * the result registers before it returns to the caller: plain memory, where uc_reg_write
 * costs an FFI call (~85 ns) per register. The shared code may clobber what the ABI lets
 * a call (or a veneer) clobber, nothing else.
 */
export interface HostCallProtocol {
  /**
   * For Unicorn 2.1 and newer, where a guest store costs about a load: the slot saves the
   * caller's return address and its identity, the shared code saves the argument
   * registers and the stack pointer into the frame block, then reaches the one hooked
   * instruction. The host reads the arguments there, no FFI call at all.
   */
  readonly savingArguments: HostCallCode;
  /**
   * For Unicorn 2.0, where each guest store costs ~70 ns: every slot is hooked, and the
   * host reads the argument registers in one batch (one FFI call).
   */
  readonly argumentsInRegisters: HostCallCode;
  readonly frame: HostFrameLayout;
}

export interface HostCallCode {
  readonly slotSize: number;
  /** Where the first slot goes on the code page (it may need to be within reach of the frame block). */
  readonly firstSlotOffset: number;
  /** The slot at `address`, continuing at `sharedCode`. */
  slot(address: number, sharedCode: number, frameBlock: number): Uint8Array;
  readonly sharedCodeSize: number;
  sharedCode(address: number, frameBlock: number): Uint8Array;
  /**
   * The offset in the shared code of the one instruction the host-call hook fires on (the
   * frame block then names the slot); undefined: the hook covers the slots themselves.
   */
  readonly hookOffset?: number;
}

/** Byte offsets in the frame block. */
export interface HostFrameLayout {
  /** The caller's return address, where the host call returns to (saved when saving arguments). */
  readonly returnAddress: number;
  /** A word from which the slot follows: the slot's address is this word minus slotIdBias (saving arguments). */
  readonly slotId: number;
  readonly slotIdBias: number;
  /** The saved integer argument registers, one word each (arch.intArgRegs order). */
  readonly ints: readonly number[];
  /** The saved float argument registers, 8-byte aligned (arch.floatArgRegs order). */
  readonly floats: readonly number[];
  readonly stackPointer: number;
  /** A word: bit i set loads result.ints[i] into intResultRegs[i]; bit (ints.length + j), floatResultRegs[j]. */
  readonly resultFlags: number;
  readonly resultInts: readonly number[];
  readonly resultFloats: readonly number[];
}
