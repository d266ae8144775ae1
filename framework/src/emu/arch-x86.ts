// x86-64 (long mode, SSE2) as GuestMachine sees it: SysV argument registers, guest
// addresses below 2^32 held zero-extended in 64-bit registers, a call's return address
// pushed as 8 bytes, host-call slots that pass values through a frame block in memory.
import type { CpuAccess, EmuArch, GuestCall } from './emu-arch.ts';
import type { EmuTrapKind } from './emu-trap.ts';
import { X86_HOST_CALLS } from './arch-x86-host-calls.ts';
import { UC_ARCH, UC_CPU_X86, UC_MODE, UC_X86_REG } from './unicorn-constants.ts';

/** `ud2`: the stop address is never executed, but if it were, it would fault. */
const UD2 = Uint8Array.of(0x0f, 0x0b);
/** QEMU's exception number for a page fault. */
const EXCP_PAGE_FAULT = 14;
const EXCP_GENERAL_PROTECTION = 13;

const INT_ARG_REGS = [UC_X86_REG.RDI, UC_X86_REG.RSI, UC_X86_REG.RDX, UC_X86_REG.RCX, UC_X86_REG.r(8), UC_X86_REG.r(9)];
const FLOAT_ARG_REGS = 8;
/** The pushed return address. */
const RETURN_ADDRESS_BYTES = 8;
/** Integer stack arguments take 4 bytes each (the internal convention's, see assignArgs). */
const STACK_INT_BYTES = 4;

export const X86_EMU_ARCH: EmuArch = {
  name: 'x86-64',
  ucArch: UC_ARCH.X86,
  ucMode: UC_MODE.MODE_64,
  translationPageBytes: 4096,
  cpuModels: { qemu64: UC_CPU_X86.QEMU64 },
  defaultCpuModel: 'qemu64',
  pcReg: UC_X86_REG.RIP,
  spReg: UC_X86_REG.RSP,
  // No link register: the host-call code pops the return address into r11 (see
  // arch-x86-host-calls.ts), where a host call that reads registers finds it.
  returnAddressReg: UC_X86_REG.r(11),
  intArgRegs: INT_ARG_REGS,
  floatArgRegs: Array.from({ length: FLOAT_ARG_REGS }, (_, n) => UC_X86_REG.xmm(n)),
  intResultRegs: [UC_X86_REG.RAX, UC_X86_REG.RDX],
  floatResultRegs: [UC_X86_REG.xmm(0)],
  hostCalls: X86_HOST_CALLS,
  stopFiller: UD2,

  initialize(_cpu: CpuAccess): void {},

  enterCall(cpu: CpuAccess, call: GuestCall): void {
    if (call.floatArgs.length > FLOAT_ARG_REGS) {
      throw new RangeError(`at most ${FLOAT_ARG_REGS} float arguments are supported, got ${call.floatArgs.length}`);
    }
    const stackInts = call.intArgs.slice(INT_ARG_REGS.length);
    const top = (call.stackTop - stackInts.length * STACK_INT_BYTES) & ~7;
    const sp = (top - RETURN_ADDRESS_BYTES) >>> 0;
    const bytes = new Uint8Array(RETURN_ADDRESS_BYTES + stackInts.length * STACK_INT_BYTES);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, call.stopAddress >>> 0, true);
    stackInts.forEach((value, i) => view.setUint32(RETURN_ADDRESS_BYTES + i * STACK_INT_BYTES, value >>> 0, true));
    cpu.writeMemory(sp, bytes);
    const ints: [number, number][] = call.intArgs
      .slice(0, INT_ARG_REGS.length)
      .map((value, i) => [INT_ARG_REGS[i]!, value]);
    ints.push([UC_X86_REG.RSP, sp]);
    cpu.writeRegs(
      ints,
      call.floatArgs.map((value, i) => [UC_X86_REG.xmm(i), value]),
    );
  },

  /** `stackPointer` is the caller's at its call instruction (the host-call code popped the
   *  return address), so stack arguments start right there. */
  stackArgumentAddress(stackPointer: number, index: number): number {
    return (stackPointer + (index - INT_ARG_REGS.length) * STACK_INT_BYTES) >>> 0;
  },

  interruptTrap(interruptNumber: number): EmuTrapKind {
    return interruptNumber === EXCP_PAGE_FAULT || interruptNumber === EXCP_GENERAL_PROTECTION
      ? 'bad_pointer'
      : 'illegal_instruction';
  },

  interruptPc(_interruptNumber: number, pcInHook: number): number {
    return pcInHook;
  },
};
