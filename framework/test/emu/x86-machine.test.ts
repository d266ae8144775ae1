// The x86-64 EmuArch: calls in and out of guest code under SysV registers, and the
// host-call frame's contract (stack pointer and return address of the calling code).
import test from 'ava';
import { X86_EMU_ARCH } from '../../src/emu/arch-x86.ts';
import { GuestMachine } from '../../src/emu/guest-machine.ts';
import { hostFunction } from '../../src/emu/host-function.ts';
import { isUnicornAvailable } from '../../src/emu/unicorn-ffi.ts';
import { LAYOUT } from './machine-fixture.ts';

const emuTest = isUnicornAvailable() ? test : test.skip;

function x86Machine(hostCallArguments: 'saved' | 'registers'): { machine: GuestMachine; load(code: number[]): number } {
  const machine = new GuestMachine({
    arch: X86_EMU_ARCH,
    runtimePage: LAYOUT.runtimePage,
    stackGuard: { address: LAYOUT.stackGuard, size: LAYOUT.stack - LAYOUT.stackGuard },
    stackTop: LAYOUT.stack + LAYOUT.stackSize,
    hostCallArguments,
  });
  const memory = new ArrayBuffer(LAYOUT.dataSize + LAYOUT.stackSize);
  machine.mapHostMemory(LAYOUT.data, memory, { offset: 0, length: LAYOUT.dataSize });
  machine.mapHostMemory(LAYOUT.stack, memory, { offset: LAYOUT.dataSize, length: LAYOUT.stackSize });
  machine.mapCodeRegion(LAYOUT.code, LAYOUT.codeSize);
  let next: number = LAYOUT.code;
  return {
    machine,
    load(code) {
      const address = next;
      machine.writeCode(address, Uint8Array.from(code));
      next += code.length + 16;
      return address;
    },
  };
}

const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

for (const mode of ['saved', 'registers'] as const) {
  emuTest(`x86-64 adds its register arguments and returns a double (${mode})`, (t) => {
    const { machine, load } = x86Machine(mode);
    try {
      // lea eax, [rdi + rsi]; addsd xmm0, xmm1; ret
      const entry = load([0x8d, 0x04, 0x37, 0xf2, 0x0f, 0x58, 0xc1, 0xc3]);
      const result = machine.call(entry, [40, 2], [1.5, 2.25]);
      t.is(result.ints[0], 42);
      t.is(result.float, 3.75);
    } finally {
      machine.close();
    }
  });

  emuTest(`x86-64 host calls see arguments, the caller's sp and return address (${mode})`, (t) => {
    const { machine, load } = x86Machine(mode);
    try {
      const seen: number[] = [];
      machine.setHostFunction(
        3,
        hostFunction({ ints: 7, floats: 1, result: 'int' }, (...args) => {
          seen.push(...args);
          return args[0]! * 10;
        }),
      );
      machine.setHostFunction(4, (frame) => {
        seen.push(frame.stackPointer(), frame.returnAddress(), machine.hostCallReturnAddress());
        frame.returnInt(7, 0);
        frame.returnInt(9, 1);
        frame.returnFloat(0.5);
      });
      const slot3 = machine.hostCallAddress(3);
      const slot4 = machine.hostCallAddress(4);
      const entry = LAYOUT.code;
      // sub rsp, 24; mov dword [rsp], 77 (the 7th int argument); call slot3; mov ebx, eax;
      // call slot4; add eax, ebx; add rsp, 24; ret
      const code: number[] = [0x48, 0x83, 0xec, 0x18, 0xc7, 0x04, 0x24, ...le32(77)];
      const call = (target: number): void => {
        code.push(0xe8, ...le32(target - (entry + code.length + 5)));
      };
      call(slot3);
      code.push(0x89, 0xc3);
      call(slot4);
      const afterSecondCall = entry + code.length;
      code.push(0x01, 0xd8, 0x48, 0x83, 0xc4, 0x18, 0xc3);
      t.is(load(code), entry);
      const top = LAYOUT.stack + LAYOUT.stackSize;
      const result = machine.call(entry, [1, 2, 3, 4, 5, 6], [2.5]);
      t.deepEqual(seen.slice(0, 8), [1, 2, 3, 4, 5, 6, 77, 2.5]);
      // The entry pushed the stop address (8 bytes) below the stack top; the function's frame is 24.
      t.is(seen[8], top - 8 - 24);
      t.is(seen[9], afterSecondCall);
      t.is(seen[10], afterSecondCall);
      t.is(result.ints[0], 17);
      t.is(result.ints[1], 9);
      t.is(result.float, 0.5);
    } finally {
      machine.close();
    }
  });
}
