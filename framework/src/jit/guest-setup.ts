// A GuestMachine over a program's memory: static data and heap, then the stack with the
// unmapped guard page below it (a fault there is stack_overflow), all shared, no copies.
import type { EmuArch } from '../emu/emu-arch.ts';
import { GuestMachine, type CountingOptions } from '../emu/guest-machine.ts';
import { PAGE, RUNTIME_PAGE } from '../runtime/memory-map.ts';
import type { Program } from '../runtime/program.ts';

export function createGuestMachine(
  arch: EmuArch,
  program: Program,
  cpu: string | undefined,
  count: CountingOptions | undefined,
  timeLimitMs?: number,
): GuestMachine {
  const layout = program.layout;
  const machine = new GuestMachine({
    arch,
    cpuModel: cpu,
    runtimePage: RUNTIME_PAGE,
    stackGuard: { address: layout.guardBase, size: PAGE },
    stackTop: layout.stackEnd,
    count,
    timeLimitMicros: timeLimitMs === undefined ? 0 : Math.max(1, Math.round(timeLimitMs * 1000)),
  });
  const buffer = program.memory.buffer;
  machine.mapHostMemory(layout.dataBase, buffer, { offset: 0, length: layout.heapEnd - layout.dataBase });
  machine.mapHostMemory(layout.stackBase, buffer, {
    offset: layout.stackBase - layout.dataBase,
    length: layout.stackEnd - layout.stackBase,
  });
  return machine;
}
