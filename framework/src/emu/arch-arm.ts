// ARMv7-A (A32 state, VFPv3) as GuestMachine sees it: AAPCS-VFP argument
// registers, host-call slots that pass arguments and results through a frame block in
// memory, LR pointing at the stop address.
import type { CpuAccess, EmuArch, GuestCall, HostCallProtocol, HostFrameLayout } from './emu-arch.ts';
import type { EmuTrapKind } from './emu-trap.ts';
import { UC_ARCH, UC_ARM_REG, UC_CPU_ARM, UC_MODE } from './unicorn-constants.ts';

/** `bx lr` */
const BX_LR = 0xe12fff1e;
/** `bl` with a 24-bit word offset from the instruction's address + 8. */
const BL = 0xeb000000;
/** `str rT, [pc, #+imm12]` and `ldr rT, [pc, #+imm12]` */
const STR_PC = 0xe58f0000;
const LDR_PC = 0xe59f0000;
/** `vstr dD, [pc, #+imm8 * 4]` (D < 16) */
const VSTR_PC = 0xed8f0b00;
/** `tst ip, #1 << n` for n < 8 (the immediate needs no rotation) */
const TST_IP = 0xe31c0000;
/** Condition NE in the top nibble, replacing AL. */
const NE = 0x1 << 28;
const COND_MASK = 0x0fffffff;
const R = { ip: 12, sp: 13, lr: 14 } as const;
const PC_AHEAD = 8;
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
  return littleEndianWords([word]);
}

function littleEndianWords(words: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * WORD);
  const view = new DataView(bytes.buffer);
  words.forEach((word, i) => view.setUint32(i * WORD, word >>> 0, true));
  return bytes;
}

/** A PC-relative offset forward from the instruction at `at` to `target`, checked against its field. */
function pcOffset(at: number, target: number, max: number, align = 1): number {
  const offset = target - (at + PC_AHEAD);
  if (offset < 0 || offset > max || offset % align !== 0) throw new RangeError(`PC-relative offset ${offset} out of range`);
  return offset;
}

const wordAccess = (op: number, reg: number, at: number, target: number): number => op | (reg << 12) | pcOffset(at, target, 0xfff);
const vstr = (d: number, at: number, target: number): number => VSTR_PC | (d << 12) | (pcOffset(at, target, 1020, WORD) / WORD);
const vldrne = (d: number, at: number, target: number): number => ((vstr(d, at, target) & COND_MASK) | NE) | (1 << 20);

/**
 * The frame block: return address, slot id, r0–r3, sp, then d0–d7, then the results
 * (flags, r0, r1, d0). Everything the shared code touches lies within a vstr's reach.
 */
const ARM_FRAME: HostFrameLayout = {
  returnAddress: 0,
  slotId: 4,
  slotIdBias: 2 * WORD, // lr after the slot's `bl`: the slot's address + 8
  ints: [8, 12, 16, 20],
  stackPointer: 24,
  floats: [32, 40, 48, 56, 64, 72, 80, 88],
  resultFlags: 96,
  resultInts: [100, 104],
  resultFloats: [112],
};

/** Shared code: stores (14), the hooked `ldr lr`, the result loads, `bx lr`. */
const SHARED_WORDS = 14 + 9;
const HOOKED_WORD = 14;

/**
 * A slot is `str lr, [caller's return address]; bl <shared code>`. The shared code stores
 * lr (the slot's identity), r0–r3, sp and d0–d7, then
 *   ldr lr, [return address]   <- the host-call hook fires here
 *   ldr ip, [flags]; tst ip, #1; ldrne r0, …; tst ip, #2; ldrne r1, …; tst ip, #4; vldrne d0, …; bx lr
 * It clobbers ip and the flags, which AAPCS lets a veneer clobber.
 */
const ARM_HOST_CALLS: HostCallProtocol = {
  slotSize: 2 * WORD,
  // `str lr, [pc, #imm]` reaches forward at most 4095 bytes: a slot must sit at least 12
  // bytes into the page to reach the start of the frame block on the next page.
  firstSlotOffset: 4 * WORD,
  slot(address: number, sharedCode: number, frameBlock: number): Uint8Array {
    const words = (sharedCode - (address + WORD + PC_AHEAD)) / WORD;
    if (!Number.isInteger(words) || words < -(1 << 23) || words >= 1 << 23) throw new RangeError('shared host-call code out of branch range');
    return littleEndianWords([wordAccess(STR_PC, R.lr, address, frameBlock + ARM_FRAME.returnAddress), BL | (words & 0xffffff)]);
  },
  sharedCodeSize: SHARED_WORDS * WORD,
  hookOffset: HOOKED_WORD * WORD,
  sharedCode(address: number, frameBlock: number): Uint8Array {
    const f = (offset: number): number => frameBlock + offset;
    const words: number[] = [];
    const at = (): number => address + words.length * WORD;
    words.push(wordAccess(STR_PC, R.lr, at(), f(ARM_FRAME.slotId)));
    ARM_FRAME.ints.forEach((offset, r) => words.push(wordAccess(STR_PC, r, at(), f(offset))));
    words.push(wordAccess(STR_PC, R.sp, at(), f(ARM_FRAME.stackPointer)));
    ARM_FRAME.floats.forEach((offset, d) => words.push(vstr(d, at(), f(offset))));
    words.push(wordAccess(LDR_PC, R.lr, at(), f(ARM_FRAME.returnAddress))); // hooked
    words.push(wordAccess(LDR_PC, R.ip, at(), f(ARM_FRAME.resultFlags)));
    words.push(TST_IP | 1, (wordAccess(LDR_PC, 0, at() + WORD, f(ARM_FRAME.resultInts[0]!)) & COND_MASK) | NE);
    words.push(TST_IP | 2, (wordAccess(LDR_PC, 1, at() + WORD, f(ARM_FRAME.resultInts[1]!)) & COND_MASK) | NE);
    words.push(TST_IP | 4, vldrne(0, at() + WORD, f(ARM_FRAME.resultFloats[0]!)));
    words.push(BX_LR);
    if (words.length !== SHARED_WORDS) throw new Error('shared host-call code size changed');
    return littleEndianWords(words);
  },
  frame: ARM_FRAME,
};

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
  intArgRegs: [0, 1, 2, 3].map(UC_ARM_REG.r),
  floatArgRegs: Array.from({ length: VFP_ARG_REGS }, (_, n) => UC_ARM_REG.d(n)),
  intResultRegs: [UC_ARM_REG.r(0), UC_ARM_REG.r(1)],
  floatResultRegs: [UC_ARM_REG.d(0)],
  hostCalls: ARM_HOST_CALLS,
  stopFiller: littleEndianWord(UDF_STOP),
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
