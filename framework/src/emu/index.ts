// Public surface of the emulator layer.
export { ARM_EMU_ARCH } from './arch-arm.ts';
export { X86_EMU_ARCH } from './arch-x86.ts';
export { UC_ARM_REG, UC_X86_REG } from './unicorn-constants.ts';
export type { CpuAccess, EmuArch, GuestCall } from './emu-arch.ts';
export { EMU_TRAP_KINDS, EmuTrap, type EmuTrapKind, type MemoryAccessKind } from './emu-trap.ts';
export type { AddressRange } from './fault-records.ts';
export {
  GuestMachine,
  type CallOptions,
  type CallResult,
  type CountingOptions,
  type GuestMachineOptions,
  type MachineCounters,
} from './guest-machine.ts';
export { hostFunction, type HostCallFrame, type HostFunction, type HostSignature } from './host-function.ts';
export { isUnicornAvailable, UnicornError, UC_PROT } from './unicorn-ffi.ts';
export { unicornReport } from './unicorn-probe.ts';
