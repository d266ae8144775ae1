// ARMv7-A (A32 state, VFPv3) as GuestMachine sees it: AAPCS-VFP argument
// registers, host-call slots that pass arguments and results through a frame block in
// memory, LR pointing at the stop address.
import { ARM_HOST_CALLS } from './arch-arm-host-calls.ts';
import type { CpuAccess, EmuArch, GuestCall } from './emu-arch.ts';
import type { EmuTrapKind } from './emu-trap.ts';
import { UC_ARCH, UC_ARM_REG, UC_CPU_ARM, UC_MODE } from './unicorn-constants.ts';

/** `udf #0xdead`: the stop address is never executed, but if it were, it would fault. */
const UDF_STOP = 0xe7fdeafd;
/** FPEXC.EN: VFP is off after reset. */
const FPEXC_ENABLE = 0x40000000;
/** QEMU exception numbers passed to the interrupt hook. */
const EXCP_SWI = 2;
const EXCP_PREFETCH_ABORT = 3;
const EXCP_DATA_ABORT = 4;

const CORE_ARG_REGS = 4;
const VFP_ARG_REGS = 8;
const WORD = 4;
/** AAPCS: sp is 8-byte aligned at public interfaces. */
const STACK_ALIGN = 8;

function littleEndianWord(word: number): Uint8Array {
  const bytes = new Uint8Array(WORD);
  new DataView(bytes.buffer).setUint32(0, word >>> 0, true);
  return bytes;
}

export const ARM_EMU_ARCH: EmuArch = {
  name: 'armv7',
  ucArch: UC_ARCH.ARM,
  ucMode: UC_MODE.ARM,
  cpuModels: {
    'cortex-a15': UC_CPU_ARM.CORTEX_A15,
    'cortex-a9': UC_CPU_ARM.CORTEX_A9,
    'cortex-a8': UC_CPU_ARM.CORTEX_A8,
    'cortex-a7': UC_CPU_ARM.CORTEX_A7,
  },
  defaultCpuModel: 'cortex-a15',
  pcReg: UC_ARM_REG.PC,
  spReg: UC_ARM_REG.SP,
  returnAddressReg: UC_ARM_REG.LR,
  intArgRegs: [0, 1, 2, 3].map(UC_ARM_REG.r),
  floatArgRegs: Array.from({ length: VFP_ARG_REGS }, (_, n) => UC_ARM_REG.d(n)),
  intResultRegs: [UC_ARM_REG.r(0), UC_ARM_REG.r(1)],
  floatResultRegs: [UC_ARM_REG.d(0)],
  hostCalls: ARM_HOST_CALLS,
  stopFiller: littleEndianWord(UDF_STOP),
  // QEMU's ARM pages may be 1 KiB (ARMv5 tiny pages); Unicorn keeps that minimum: a
  // translated block ends at every 1 KiB boundary (measured: docs/cost-model.md).
  translationPageBytes: 1024,
  fixedInstructionSize: 4,

  initialize(cpu: CpuAccess): void {
    cpu.writeReg(UC_ARM_REG.FPEXC, FPEXC_ENABLE);
  },

  enterCall(cpu: CpuAccess, call: GuestCall): void {
    if (call.floatArgs.length > VFP_ARG_REGS) {
      throw new RangeError(`at most ${VFP_ARG_REGS} float arguments are supported, got ${call.floatArgs.length}`);
    }
    const stackInts = call.intArgs.slice(CORE_ARG_REGS);
    let sp = (call.stackTop - stackInts.length * WORD) & ~(STACK_ALIGN - 1);
    sp >>>= 0;
    if (stackInts.length > 0) {
      const bytes = new Uint8Array(stackInts.length * WORD);
      const view = new DataView(bytes.buffer);
      stackInts.forEach((value, i) => view.setUint32(i * WORD, value >>> 0, true));
      cpu.writeMemory(sp, bytes);
    }
    const ints: [number, number][] = call.intArgs.slice(0, CORE_ARG_REGS).map((value, i) => [UC_ARM_REG.r(i), value]);
    ints.push([UC_ARM_REG.SP, sp], [UC_ARM_REG.LR, call.stopAddress]);
    cpu.writeRegs(
      ints,
      call.floatArgs.map((value, i) => [UC_ARM_REG.d(i), value]),
    );
  },

  stackArgumentAddress(stackPointer: number, index: number): number {
    return (stackPointer + (index - CORE_ARG_REGS) * WORD) >>> 0;
  },

  interruptTrap(interruptNumber: number): EmuTrapKind {
    return interruptNumber === EXCP_DATA_ABORT || interruptNumber === EXCP_PREFETCH_ABORT
      ? 'bad_pointer'
      : 'illegal_instruction';
  },

  interruptPc(interruptNumber: number, pcInHook: number): number {
    // An `svc` has already advanced the PC when the hook runs; other exceptions have not.
    return interruptNumber === EXCP_SWI ? (pcInHook - WORD) >>> 0 : pcInHook;
  },
};
