// A small ARM guest layout for the emulator tests.
import { ARM_EMU_ARCH } from '../../src/emu/arch-arm.ts';
import { GuestMachine, type CountingOptions } from '../../src/emu/guest-machine.ts';
import { wordsToBytes } from './arm-snippets.ts';

export const LAYOUT = {
  runtimePage: 0x1000,
  code: 0x10000,
  codeSize: 0x10000,
  data: 0x100000,
  dataSize: 0x10000,
  stackGuard: 0x200000,
  stack: 0x201000,
  stackSize: 0x10000,
} as const;

export interface ArmFixture {
  machine: GuestMachine;
  /** Backs data (first half) and stack (second half): one host buffer, two mappings. */
  memory: ArrayBuffer;
  /** Writes the words into the code region and returns their address. */
  load(words: readonly number[]): number;
}

export function armFixture(
  options: {
    cpuModel?: string;
    count?: CountingOptions;
    instructionBudgets?: boolean;
    hostCallArguments?: 'saved' | 'registers';
    timeLimitMicros?: number;
  } = {},
): ArmFixture {
  const machine = new GuestMachine({
    arch: ARM_EMU_ARCH,
    runtimePage: LAYOUT.runtimePage,
    stackGuard: { address: LAYOUT.stackGuard, size: LAYOUT.stack - LAYOUT.stackGuard },
    stackTop: LAYOUT.stack + LAYOUT.stackSize,
    ...options,
  });
  const memory = new ArrayBuffer(LAYOUT.dataSize + LAYOUT.stackSize);
  machine.mapHostMemory(LAYOUT.data, memory, { offset: 0, length: LAYOUT.dataSize });
  machine.mapHostMemory(LAYOUT.stack, memory, { offset: LAYOUT.dataSize, length: LAYOUT.stackSize });
  machine.mapCodeRegion(LAYOUT.code, LAYOUT.codeSize);
  let next: number = LAYOUT.code;
  const load = (words: readonly number[]): number => {
    const address = next;
    machine.writeCode(address, wordsToBytes(words));
    next += words.length * 4;
    return address;
  };
  return { machine, memory, load };
}
