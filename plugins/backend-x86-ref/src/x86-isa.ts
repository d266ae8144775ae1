// What x86-ref supplies to the framework's native engine: the x86-64 target (registers,
// convention, lowering, encoder), the lazy stubs, the disassembler and Unicorn's x86-64
// description. The engine does the rest (docs/native-engine.md).
import * as emu from '#framework/emu';
import type { NativeIsa } from '#framework/jit';
import { X86_CONVENTION } from './data/convention.ts';
import { disassembleX64 } from './encoder/disasm.ts';
import { X86_LAZY_STUBS } from './lazy-stub-encoder.ts';
import type { X86Data, X86Fixup } from './data/x86-data.ts';
import { XMM_BASE, xmmNum } from './data/x86-regs.ts';
import { makeX86Target } from './x86-target.ts';

export const X86_ISA: NativeIsa<X86Data, X86Fixup> = {
  name: 'x86-ref',
  emuArch: emu.X86_EMU_ARCH,
  convention: X86_CONVENTION,
  emuReg: (reg) => (reg >= XMM_BASE ? emu.UC_X86_REG.xmm(xmmNum(reg)) : x86EmuReg(reg)),
  // SSE2 and cmov are x86-64 baseline: the code depends on no optional feature.
  makeTarget: (env) => ({ target: makeX86Target(env), features: 'sse2' }),
  lazyStubs: X86_LAZY_STUBS,
  disassemble: (bytes, address) =>
    disassembleX64(bytes, address).map((insn) => ({
      address: insn.address,
      encoding: Array.from(insn.bytes, (b) => b.toString(16).padStart(2, '0')).join(''),
      text: insn.text,
    })),
};

/** Unicorn's ids of the general registers, by x86 number. */
const GPR_IDS = [
  emu.UC_X86_REG.RAX,
  emu.UC_X86_REG.RCX,
  emu.UC_X86_REG.RDX,
  emu.UC_X86_REG.RBX,
  emu.UC_X86_REG.RSP,
  emu.UC_X86_REG.RBP,
  emu.UC_X86_REG.RSI,
  emu.UC_X86_REG.RDI,
];

function x86EmuReg(reg: number): number {
  return reg < 8 ? GPR_IDS[reg]! : emu.UC_X86_REG.r(reg);
}
