// A GuestMachine over a program's memory: static data and heap, then the stack with the
// unmapped guard page below it (a fault there is stack_overflow), all shared, no copies.
import { PAGE, RUNTIME_PAGE, type Program } from '#framework';
import * as emu from '#framework/emu';

export function createGuestMachine(program: Program, cpu: string | undefined, count: boolean): emu.GuestMachine {
  const layout = program.layout;
  const machine = new emu.GuestMachine({
    arch: emu.ARM_EMU_ARCH,
    cpuModel: cpu,
    runtimePage: RUNTIME_PAGE,
    stackGuard: { address: layout.guardBase, size: PAGE },
    stackTop: layout.stackEnd,
    count: count ? { instructions: true, stores: true } : undefined,
  });
  const buffer = program.memory.buffer;
  machine.mapHostMemory(layout.dataBase, buffer, { offset: 0, length: layout.heapEnd - layout.dataBase });
  machine.mapHostMemory(layout.stackBase, buffer, { offset: layout.stackBase - layout.dataBase, length: layout.stackEnd - layout.stackBase });
  return machine;
}
