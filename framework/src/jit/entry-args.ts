// Arguments of an engine call under the internal convention: the register ones go to
// GuestMachine.call, the stack ones are written below the stack top here, with at least
// the convention's minArgArea bytes so the entry function may tail-call with stack arguments.
import type { ValType } from '../ir/types.ts';
import { assignArgs, type CallConvention } from '../machine/convention.ts';
import type { GuestMemory } from '../runtime/guest-memory.ts';

export interface EntryArgs {
  readonly ints: number[];
  readonly floats: number[];
  readonly stackTop: number;
}

export function placeEntryArgs(
  conv: CallConvention,
  memory: GuestMemory,
  stackEnd: number,
  params: readonly ValType[],
  args: readonly number[],
): EntryArgs {
  const { locs, stackBytes } = assignArgs(conv, params);
  const sp = (stackEnd - Math.max(stackBytes, conv.minArgArea)) & ~7;
  const ints: number[] = [],
    floats: number[] = [];
  locs.forEach((loc, i) => {
    const f64 = params[i] === 'f64';
    const value = args[i]!;
    if (loc.kind === 'reg') (f64 ? floats : ints).push(value);
    else if (f64) memory.f64[(sp + loc.offset - memory.base) >> 3] = value;
    else memory.setWord(sp + loc.offset, value | 0);
  });
  return { ints, floats, stackTop: sp };
}
