// The x86-64 lazy stubs (the framework's lazy-stubs.ts drives them). Per function i:
//   S_i (call-site stub, offset 0):   mov r11d, [&table[i]]; jmp r11
//   L_i (compile entry, offset 16):   mov eax, i; call <compile slot>; jmp S_i
// Code compiled before its callee calls S_i, which jumps wherever the table slot points: at
// first L_i, which has the host compile the function and redirect the slot, then
// re-dispatches. Argument registers, the stack (the caller's return address on top) pass
// through untouched; eax and r11 are no argument registers and every call clobbers them.
import * as emu from '#framework/emu';
import type { LazyStubEncoder } from '#framework/jit';
import { mem, x64 } from './encoder/x64.ts';
import { RAX, R11 } from './data/x86-regs.ts';

const STUB_BYTES = 32;
const COMPILE_ENTRY = 16;
const INT3 = 0xcc;

export const X86_LAZY_STUBS: LazyStubEncoder = {
  bytesPerFunction: STUB_BYTES,
  compileEntryOffset: COMPILE_ENTRY,
  indexRegister: emu.UC_X86_REG.RAX,
  encode(base, count, tableSlot, compileSlot) {
    const bytes = new Uint8Array(count * STUB_BYTES).fill(INT3);
    for (let i = 0; i < count; i++) {
      const stub = base + i * STUB_BYTES;
      const entry = stub + COMPILE_ENTRY;
      const site = [...x64.loadRM(R11, mem(null, tableSlot(i))), ...x64.jmpR(R11)];
      const movIndex = x64.movRI(RAX, i);
      const callAt = entry + movIndex.length;
      const call = x64.callRel32(compileSlot - (callAt + 5));
      const jmp = x64.jmpRel32(stub - (callAt + 5 + 5));
      bytes.set(site, i * STUB_BYTES);
      bytes.set([...movIndex, ...call, ...jmp], i * STUB_BYTES + COMPILE_ENTRY);
    }
    return bytes;
  },
};
