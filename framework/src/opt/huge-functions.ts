import type { Func } from '../ir/module.ts';

/**
 * Functions too big to be worth optimizing or compiling, as HotSpot leaves methods over
 * 8 000 bytecodes to its interpreter: such a function is generated code that runs once
 * (a module body of 100 000 lines), and every pass over it costs more than the time it
 * could save. The optimizer skips them; native backends leave them to the interpreter.
 */
export const HUGE_FUNCTION_INSTS = 20_000;

export function isHugeFunction(f: Func): boolean {
  // A prepared library's functions keep their bodies unread until needed: they are small.
  if (!f.hasBody) return false;
  let n = 0;
  for (const b of f.blocks) n += b.insts.length;
  return n > HUGE_FUNCTION_INSTS;
}
