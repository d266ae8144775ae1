// ARM code of the host-call protocol (see HostCallProtocol): slots, the shared code they
// continue to, and the frame block's layout. Hand-encoded A32, checked against GNU as.
import type { HostCallCode, HostCallProtocol, HostFrameLayout } from './emu-arch.ts';

const WORD = 4;
/** An instruction reads the PC as its own address + 8. */
const PC_AHEAD = 8;
const BX_LR = 0xe12fff1e;
/** `b` and `bl` with a 24-bit word offset from the instruction's address + 8. */
const B = 0xea000000;
const BL = 0xeb000000;
/** `str rT, [pc, #+imm12]` and `ldr rT, [pc, #+imm12]` */
const STR_PC = 0xe58f0000;
const LDR_PC = 0xe59f0000;
/** `vstr dD, [pc, #+imm8 * 4]` (D < 16); vldr sets bit 20. */
const VSTR_PC = 0xed8f0b00;
const VLDR_BIT = 1 << 20;
/** `tst ip, #1 << n` for n < 8 (the immediate needs no rotation) */
const TST_IP = 0xe31c0000;
/** Condition NE in the top nibble, replacing AL. */
const NE = 0x1 << 28;
const COND_MASK = 0x0fffffff;
const IP = 12;
const SP = 13;
const LR = 14;

/**
 * The frame block: return address, slot id, r0–r3, sp, then d0–d7, then the results
 * (flags, r0, r1, d0). Everything the shared code touches lies within a vstr's reach.
 */
const FRAME: HostFrameLayout = {
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

function littleEndianWords(words: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * WORD);
  const view = new DataView(bytes.buffer);
  words.forEach((word, i) => view.setUint32(i * WORD, word >>> 0, true));
  return bytes;
}

/** A PC-relative offset forward from the instruction at `at` to `target`, checked against its field. */
function pcOffset(at: number, target: number, max: number, align = 1): number {
  const offset = target - (at + PC_AHEAD);
  if (offset < 0 || offset > max || offset % align !== 0)
    throw new RangeError(`PC-relative offset ${offset} out of range`);
  return offset;
}

function branch(op: number, at: number, target: number): number {
  const words = (target - (at + PC_AHEAD)) / WORD;
  if (!Number.isInteger(words) || words < -(1 << 23) || words >= 1 << 23)
    throw new RangeError('branch target out of range');
  return op | (words & 0xffffff);
}

const wordAccess = (op: number, reg: number, at: number, target: number): number =>
  op | (reg << 12) | pcOffset(at, target, 0xfff);
const vstr = (d: number, at: number, target: number): number =>
  VSTR_PC | (d << 12) | (pcOffset(at, target, 1020, WORD) / WORD);
const ifNe = (word: number): number => (word & COND_MASK) | NE;

/**
 * Appends the common tail to `words` (whose first word is at `base`):
 *   ldr ip, [flags]; tst ip, #1; ldrne r0, …; tst ip, #2; ldrne r1, …; tst ip, #4; vldrne d0, …; bx lr
 * It loads the results the host set and returns. It clobbers ip and the flags, which
 * AAPCS lets a call or a veneer clobber.
 */
function loadResultsAndReturn(words: number[], base: number, frameBlock: number): void {
  const at = (ahead = 0): number => base + (words.length + ahead) * WORD;
  const field = (offset: number): number => frameBlock + offset;
  words.push(wordAccess(LDR_PC, IP, at(), field(FRAME.resultFlags)));
  words.push(TST_IP | 1, ifNe(wordAccess(LDR_PC, 0, at(1), field(FRAME.resultInts[0]!))));
  words.push(TST_IP | 2, ifNe(wordAccess(LDR_PC, 1, at(1), field(FRAME.resultInts[1]!))));
  words.push(TST_IP | 4, ifNe(vstr(0, at(1), field(FRAME.resultFloats[0]!)) | VLDR_BIT));
  words.push(BX_LR);
}
const RESULT_TAIL_WORDS = 8;

/** Stores (14), the hooked `ldr lr`, then the results tail. */
const SAVING_SHARED_WORDS = 15 + RESULT_TAIL_WORDS;
const SAVING_HOOKED_WORD = 14;

/**
 * A slot is `str lr, [return address]; bl <shared code>`. The shared code stores lr (the
 * slot's address + 8), r0–r3, sp and d0–d7, then `ldr lr, [return address]`, where the
 * host-call hook fires, then loads the results and returns.
 */
const SAVING_ARGUMENTS: HostCallCode = {
  slotSize: 2 * WORD,
  // `str lr, [pc, #imm]` reaches forward at most 4095 bytes: a slot must sit at least 12
  // bytes into the page to reach the start of the frame block on the next page.
  firstSlotOffset: 4 * WORD,
  slot(address: number, sharedCode: number, frameBlock: number): Uint8Array {
    return littleEndianWords([
      wordAccess(STR_PC, LR, address, frameBlock + FRAME.returnAddress),
      branch(BL, address + WORD, sharedCode),
    ]);
  },
  sharedCodeSize: SAVING_SHARED_WORDS * WORD,
  hookOffset: SAVING_HOOKED_WORD * WORD,
  sharedCode(address: number, frameBlock: number): Uint8Array {
    const words: number[] = [];
    const at = (): number => address + words.length * WORD;
    const field = (offset: number): number => frameBlock + offset;
    words.push(wordAccess(STR_PC, LR, at(), field(FRAME.slotId)));
    FRAME.ints.forEach((offset, r) => words.push(wordAccess(STR_PC, r, at(), field(offset))));
    words.push(wordAccess(STR_PC, SP, at(), field(FRAME.stackPointer)));
    FRAME.floats.forEach((offset, d) => words.push(vstr(d, at(), field(offset))));
    words.push(wordAccess(LDR_PC, LR, at(), field(FRAME.returnAddress)));
    loadResultsAndReturn(words, address, frameBlock);
    if (words.length !== SAVING_SHARED_WORDS) throw new Error('shared host-call code size changed');
    return littleEndianWords(words);
  },
};

/** Every slot is a hooked `b <shared code>`; the shared code is the results tail alone. */
const ARGUMENTS_IN_REGISTERS: HostCallCode = {
  slotSize: WORD,
  firstSlotOffset: WORD,
  slot(address: number, sharedCode: number): Uint8Array {
    return littleEndianWords([branch(B, address, sharedCode)]);
  },
  sharedCodeSize: RESULT_TAIL_WORDS * WORD,
  sharedCode(address: number, frameBlock: number): Uint8Array {
    const words: number[] = [];
    loadResultsAndReturn(words, address, frameBlock);
    return littleEndianWords(words);
  },
};

export const ARM_HOST_CALLS: HostCallProtocol = {
  savingArguments: SAVING_ARGUMENTS,
  argumentsInRegisters: ARGUMENTS_IN_REGISTERS,
  frame: FRAME,
};
