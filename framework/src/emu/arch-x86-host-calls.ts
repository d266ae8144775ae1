// x86-64 code of the host-call protocol (see HostCallProtocol): slots, the shared code they
// continue to, and the frame block's layout. Hand-encoded, RIP-relative accesses to the
// frame block on the next page. A slot is `call <shared code>`, so on entry to the shared
// code the stack holds the slot's return address (naming the slot) above the caller's
// return address; the shared code pops both, which leaves rsp as the caller had it at its
// call instruction (the stack pointer its stack maps are relative to).
import type { HostCallCode, HostCallProtocol, HostFrameLayout } from './emu-arch.ts';

/** `call rel32` is 5 bytes; slots are padded to 8 with int3. */
const CALL_BYTES = 5;
const SLOT_BYTES = 8;
const INT3 = 0xcc;

/**
 * The frame block: return address, slot id, rdi rsi rdx rcx r8 r9, rsp (8 bytes each,
 * stored whole; the host reads the low words), xmm0–xmm7, then the results (flags, eax,
 * edx, xmm0).
 */
const FRAME: HostFrameLayout = {
  returnAddress: 0,
  slotId: 8,
  slotIdBias: CALL_BYTES, // the slot's `call` pushes its own address + 5
  ints: [16, 24, 32, 40, 48, 56],
  stackPointer: 64,
  floats: [72, 80, 88, 96, 104, 112, 120, 128],
  resultFlags: 136,
  resultInts: [144, 152],
  resultFloats: [160],
};

/** x86 register numbers of the saved integer argument registers, in SysV order. */
const INT_ARG_REGS = [7, 6, 2, 1, 8, 9];
const RSP = 4;
const R11 = 11;

/** Bytes of x86 code at a known address, with RIP-relative operands resolved as they go. */
class Code {
  readonly bytes: number[] = [];
  constructor(private readonly base: number) {}

  /** An instruction whose last four bytes (before `trailing` immediate bytes) are a disp32
   *  to `target`, relative to the end of the instruction. */
  ripRelative(prefix: readonly number[], target: number, trailing: readonly number[] = []): void {
    const end = this.base + this.bytes.length + prefix.length + 4 + trailing.length;
    this.bytes.push(...prefix, ...le32(target - end), ...trailing);
  }

  raw(...bytes: number[]): void {
    this.bytes.push(...bytes);
  }

  get length(): number {
    return this.bytes.length;
  }
}

function le32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/** `mov qword [rip + d], reg` */
function storeQword(code: Code, reg: number, target: number): void {
  const rex = 0x48 | (reg >= 8 ? 0x04 : 0);
  code.ripRelative([rex, 0x89, 0x05 | ((reg & 7) << 3)], target);
}

const POP_R11 = [0x41, 0x5b];

/**
 * Pops the slot's return address (slot id) and the caller's return address into the frame
 * block. Clobbers r11, which the internal convention never allocates.
 */
function popSlotAndReturnAddress(code: Code, frameBlock: number): void {
  code.raw(...POP_R11);
  storeQword(code, R11, frameBlock + FRAME.slotId);
  code.raw(...POP_R11);
  storeQword(code, R11, frameBlock + FRAME.returnAddress);
}

/**
 * The common tail: loads the results the host set (flags word in r11d; cmov from memory
 * for eax and edx, a skipped movsd for xmm0), then jumps to the caller's return address.
 * Clobbers r11 and the flags, as a call may.
 */
function loadResultsAndReturn(code: Code, frameBlock: number): void {
  const field = (offset: number): number => frameBlock + offset;
  code.ripRelative([0x44, 0x8b, 0x1d], field(FRAME.resultFlags)); // mov r11d, [flags]
  code.raw(0x41, 0xf6, 0xc3, 0x01); // test r11b, 1
  code.ripRelative([0x0f, 0x45, 0x05], field(FRAME.resultInts[0]!)); // cmovnz eax, [result 0]
  code.raw(0x41, 0xf6, 0xc3, 0x02); // test r11b, 2
  code.ripRelative([0x0f, 0x45, 0x15], field(FRAME.resultInts[1]!)); // cmovnz edx, [result 1]
  code.raw(0x41, 0xf6, 0xc3, 0x04); // test r11b, 4
  code.raw(0x74, 0x08); // jz over the movsd
  code.ripRelative([0xf2, 0x0f, 0x10, 0x05], field(FRAME.resultFloats[0]!)); // movsd xmm0, [result f]
  code.ripRelative([0xff, 0x25], field(FRAME.returnAddress)); // jmp [return address]
}

function slotCode(address: number, sharedCode: number): Uint8Array {
  const bytes = new Uint8Array(SLOT_BYTES).fill(INT3);
  bytes[0] = 0xe8;
  bytes.set(le32(sharedCode - (address + CALL_BYTES)), 1);
  return bytes;
}

/** Builds a shared code body, returning it with the offset of its hooked instruction. */
function buildShared(address: number, frameBlock: number, saveArguments: boolean): { code: Code; hook: number } {
  const code = new Code(address);
  popSlotAndReturnAddress(code, frameBlock);
  if (saveArguments) {
    INT_ARG_REGS.forEach((reg, i) => storeQword(code, reg, frameBlock + FRAME.ints[i]!));
    storeQword(code, RSP, frameBlock + FRAME.stackPointer);
    FRAME.floats.forEach((offset, n) => code.ripRelative([0xf2, 0x0f, 0x11, 0x05 | (n << 3)], frameBlock + offset));
  }
  const hook = code.length;
  loadResultsAndReturn(code, frameBlock);
  return { code, hook };
}

function sharedCodeFor(saveArguments: boolean): { size: number; hook: number } {
  const { code, hook } = buildShared(0, 0x10000, saveArguments);
  return { size: code.length, hook };
}

const SAVING = sharedCodeFor(true);
const IN_REGISTERS = sharedCodeFor(false);

/**
 * Unicorn 2.1: the shared code saves the argument registers and rsp into the frame block;
 * the hook fires on the first instruction of the results tail.
 */
const SAVING_ARGUMENTS: HostCallCode = {
  slotSize: SLOT_BYTES,
  firstSlotOffset: 16,
  slot: (address, sharedCode) => slotCode(address, sharedCode),
  sharedCodeSize: SAVING.size,
  hookOffset: SAVING.hook,
  sharedCode: (address, frameBlock) => Uint8Array.from(buildShared(address, frameBlock, true).code.bytes),
};

/**
 * Unicorn 2.0: the shared code only pops the slot id and the return address (two stores:
 * x86 has no link register, so the return address and the slot must leave the stack for
 * the host to see rsp as the caller had it). The host reads the argument registers, rsp,
 * and r11 (the return address, EmuArch.returnAddressReg) at the hooked instruction.
 */
const ARGUMENTS_IN_REGISTERS: HostCallCode = {
  slotSize: SLOT_BYTES,
  firstSlotOffset: 16,
  slot: (address, sharedCode) => slotCode(address, sharedCode),
  sharedCodeSize: IN_REGISTERS.size,
  hookOffset: IN_REGISTERS.hook,
  sharedCode: (address, frameBlock) => Uint8Array.from(buildShared(address, frameBlock, false).code.bytes),
};

export const X86_HOST_CALLS: HostCallProtocol = {
  savingArguments: SAVING_ARGUMENTS,
  argumentsInRegisters: ARGUMENTS_IN_REGISTERS,
  frame: FRAME,
};
