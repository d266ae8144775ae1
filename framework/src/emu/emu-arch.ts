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
  /** One host-call slot: an instruction that returns to the caller like a function return. */
  readonly hostCallSlot: Uint8Array;
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
