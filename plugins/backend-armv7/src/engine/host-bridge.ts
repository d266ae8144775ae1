// Adapts the runtime's host functions (args array → result) to the emulator's
// register-level host functions, under the internal convention: i32/ref arguments in
// r0–r3 then the stack, f64 in d0–d7; the result in r0/d0; for raising externs the
// status in r1 (1 with the exception in r0, else 0).
import { GuestException, type HostContext, type HostFunction, type emu } from '#framework';

/** What the bridge tells the engine while a collecting host function runs. */
export interface HostCallTracker {
  enter(args: number[]): void;
  leave(): void;
}

export function bridgeHostFunction(host: HostFunction, ctx: HostContext, tracker: HostCallTracker): emu.HostFunction {
  const params = host.sig.params;
  const result = host.sig.result;
  const raises = host.raises;
  const collects = host.collects;
  const impl = host.impl;
  const isFloat = params.map((p) => p === 'f64');
  return (frame) => {
    const args = new Array<number>(params.length);
    let ints = 0, floats = 0;
    for (let i = 0; i < args.length; i++) args[i] = isFloat[i] ? frame.float(floats++) : frame.int(ints++);
    let value: number | undefined;
    if (collects) tracker.enter(args);
    try {
      value = impl(args, ctx);
    } catch (error) {
      if (!(error instanceof GuestException) || !raises) throw error;
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
