// The A32 lazy stubs (the framework's lazy-stubs.ts drives them). Per function i, written
// once at start-up:
//   S_i (call-site stub):  movw/movt ip, &table[i]; ldr ip, [ip]; bx ip
//   L_i (compile entry):   str lr, [sp, #-8]!; movw ip, #i; bl <compile slot>;
//                          ldr lr, [sp], #8; b S_i
// Code compiled before its callee calls S_i, which jumps wherever the table slot points:
// at first L_i, which has the host compile the function (it never collects and never runs
// guest code, so uc_emu_start is never nested) and redirect the slot, then re-dispatches.
// Argument registers, stack arguments and lr pass through untouched.
import type { LazyStubEncoder } from '#framework/jit';
import * as emu from '#framework/emu';
import { a32, AL, branchOffsetWords, withBranchOffset } from './encoder/index.ts';
import { IP, LR, SP } from './arm-regs.ts';

const STUB_WORDS = 9;
/** L_i's word offset inside function i's stubs. */
const COMPILE_ENTRY = 4;

export const ARM_LAZY_STUBS: LazyStubEncoder = {
  bytesPerFunction: STUB_WORDS * 4,
  compileEntryOffset: COMPILE_ENTRY * 4,
  indexRegister: emu.UC_ARM_REG.r(IP),
  encode: encodeLazyStubs,
};

function encodeLazyStubs(
  base: number,
  count: number,
  tableSlot: (index: number) => number,
  compileSlot: number,
): Uint8Array {
  const words = new Uint32Array(count * STUB_WORDS);
  const stubAt = (i: number): number => base + i * STUB_WORDS * 4;
  // Every stub is the same nine instructions with other immediates: encode them once and
  // patch the fields (a few hundred stubs are written at every start of a native run).
  const movw = a32.movw(AL, IP, 0);
  const movt = a32.movt(AL, IP, 0);
  const ldr = a32.loadStoreImm('ldr', AL, IP, IP, 0);
  const bx = a32.bx(AL, IP);
  const push = a32.loadStoreImm('str', AL, LR, SP, -8, 'pre');
  const bl = a32.bl(AL, 0);
  const pop = a32.loadStoreImm('ldr', AL, LR, SP, 8, 'post');
  const b = a32.b(AL, 0);
  for (let i = 0; i < count; i++) {
    const at = i * STUB_WORDS;
    const address = (k: number): number => stubAt(i) + k * 4;
    const slot = tableSlot(i);
    words[at] = withImm16(movw, slot & 0xffff);
    words[at + 1] = withImm16(movt, slot >>> 16);
    words[at + 2] = ldr;
    words[at + 3] = bx;
    words[at + 4] = push;
    words[at + 5] = withImm16(movw, i);
    words[at + 6] = withBranchOffset(bl, branchOffsetWords(address(6), compileSlot));
    words[at + 7] = pop;
    words[at + 8] = withBranchOffset(b, branchOffsetWords(address(8), stubAt(i)));
  }
  return new Uint8Array(words.buffer);
}

/** A movw/movt word with its 16-bit immediate (imm4:imm12) replaced. */
function withImm16(word: number, imm16: number): number {
  return ((word & ~0x000f0fff) | ((imm16 >>> 12) << 16) | (imm16 & 0xfff)) >>> 0;
}
