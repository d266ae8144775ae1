// Adapts the runtime's host functions (args array → result) to the emulator's
// register-level host functions, under the internal convention as the EmuArch's host-call
// protocol reads it: i32/ref arguments in its integer argument registers then the stack,
// f64 in its float ones; the result in the first result register; for raising externs the
// status in the second integer result register (1 with the exception in the first, else 0).
import type { HostCallFrame, HostFunction as EmuHostFunction } from '../emu/host-function.ts';
import { GuestException, type HostContext, type HostFunction } from '../runtime/host.ts';
import { toMemoryError } from '../runtime/memory-error.ts';

/** What the bridge tells the engine while a collecting host function runs: where the
 *  guest stack it must walk for roots is suspended. (Its ref arguments are in the handle
 *  scope: Program.bindExtern holds them.) */
export interface HostCallTracker {
  enter(stackPointer: number, returnAddress: number): void;
  leave(): void;
}

const INT = 0;
const FLOAT = 1;

/**
 * The bridged function reuses one arguments array: host functions never run guest code,
 * so a call never nests inside another call of the same function, and they do not keep
 * `args` (the tracker holds it only while the call runs).
 */
export function bridgeHostFunction(host: HostFunction, ctx: HostContext, tracker: HostCallTracker): EmuHostFunction {
  const params = host.sig.params;
  const count = params.length;
  const kinds = Uint8Array.from(params, (p) => (p === 'f64' ? FLOAT : INT));
  const result = host.sig.result;
  const raises = host.raises;
  const collects = host.collects;
  const impl = host.impl;
  const args = new Array<number>(count).fill(0);
  return (frame: HostCallFrame): void => {
    let ints = 0;
    let floats = 0;
    for (let i = 0; i < count; i++) args[i] = kinds[i] === FLOAT ? frame.float(floats++) : frame.int(ints++);
    let value: number | undefined;
    if (collects) tracker.enter(frame.stackPointer(), frame.returnAddress());
    try {
      value = impl(args, ctx);
    } catch (thrown) {
      if (!raises) throw thrown;
      const error = toMemoryError(thrown, ctx);
      if (!(error instanceof GuestException)) throw error;
      frame.returnInt(error.value, 0);
      frame.returnInt(1, 1);
      return;
    } finally {
      if (collects) tracker.leave();
    }
    if (result === 'f64') frame.returnFloat(value ?? 0);
    else if (result) frame.returnInt(value ?? 0);
    if (raises) frame.returnInt(0, 1);
  };
}
