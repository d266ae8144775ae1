// What armv7 supplies to the framework's native engine: the A32 target (registers,
// convention, lowering, encoder), its CPU features, the lazy stubs, the disassembler and
// Unicorn's ARM description. The engine does the rest (docs/native-engine.md).
import * as emu from '#framework/emu';
import { hex, type DisassembledLine, type NativeIsa } from '#framework/jit';
import type { ArmData, ArmFixup } from './arm-data.ts';
import { D_BASE, dnum } from './arm-regs.ts';
import { makeArmTarget } from './arm-target.ts';
import { ARM_CONVENTION } from './convention.ts';
import { hasHardwareDivide } from './cpu-features.ts';
import { disassembleA32 } from './encoder/disasm.ts';
import { ARM_LAZY_STUBS } from './lazy-stub-encoder.ts';

export const ARM_ISA: NativeIsa<ArmData, ArmFixup> = {
  name: 'armv7',
  emuArch: emu.ARM_EMU_ARCH,
  convention: ARM_CONVENTION,
  emuReg: (reg) => (reg >= D_BASE ? emu.UC_ARM_REG.d(dnum(reg)) : emu.UC_ARM_REG.r(reg)),
  makeTarget(env, cpu) {
    const hardwareDivide = hasHardwareDivide(cpu);
    return { target: makeArmTarget({ ...env, hardwareDivide }), features: `sdiv=${hardwareDivide}` };
  },
  lazyStubs: ARM_LAZY_STUBS,
  disassemble: disassembleArm,
};

function disassembleArm(bytes: Uint8Array, address: number): DisassembledLine[] {
  const words = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return disassembleA32(words, address).map((insn) => ({
    address: insn.address,
    encoding: hex(insn.word),
    text: insn.text,
  }));
}
