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
  writeRegs(ints: readonly (readonly [regId: number, value: number])[], floats?: readonly (readonly [regId: number, value: number])[]): void;
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
  /** Registers carrying the first integer/float arguments, in order. */
  readonly intArgRegs: readonly number[];
  readonly floatArgRegs: readonly number[];
  readonly intResultRegs: readonly number[];
  readonly floatResultRegs: readonly number[];
  /** How guest code calls host functions and gets their results back. */
  readonly hostCalls: HostCallProtocol;
  /** Placed at the stop address; never runs, since reaching that address ends the run. */
  readonly stopFiller: Uint8Array;
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
 * Host calls without FFI register access. The runtime area is two pages: code (slots and
 * one shared piece of code) and the frame block, a data page that is host memory. A slot
 * saves the caller's return address, then enters the shared code, which stores the
 * argument registers and the stack pointer into the frame block and reaches the one
 * hooked instruction; the host function reads its arguments there and writes its results
 * there (plain memory, where uc_reg_read and uc_reg_write cost an FFI call, ~85 ns, each).
 * After the hook the shared code loads each result the host set and returns to the caller.
 * It may clobber what the ABI lets a call (or a veneer) clobber, nothing else.
 */
export interface HostCallProtocol {
  readonly slotSize: number;
  /** Where the first slot goes on the code page (it may need to be within reach of the frame block). */
  readonly firstSlotOffset: number;
  /** The slot at `address`: continues at `sharedCode`, leaving its identity in the frame block's slotId. */
  slot(address: number, sharedCode: number, frameBlock: number): Uint8Array;
  readonly sharedCodeSize: number;
  sharedCode(address: number, frameBlock: number): Uint8Array;
  /** The offset in the shared code of the instruction the host-call hook fires on. */
  readonly hookOffset: number;
  readonly frame: HostFrameLayout;
}

/** Byte offsets in the frame block. */
export interface HostFrameLayout {
  /** The caller's return address, where the host call returns to. */
  readonly returnAddress: number;
  /** A word from which the slot follows: the slot's address is this word minus slotIdBias. */
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
