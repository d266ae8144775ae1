// Arguments of an engine call under the internal convention: the register ones go to
// GuestMachine.call, the stack ones are written below the stack top here, with at least
// MIN_ARG_AREA bytes so the entry function may tail-call with stack arguments.
import type { GuestMemory, ValType } from '#framework';
import { assignArgs, MIN_ARG_AREA } from '../convention.ts';

export interface EntryArgs {
  readonly ints: number[];
  readonly floats: number[];
  readonly stackTop: number;
}

export function placeEntryArgs(memory: GuestMemory, stackEnd: number, params: readonly ValType[], args: readonly number[]): EntryArgs {
  const { locs, stackBytes } = assignArgs(params);
  const sp = (stackEnd - Math.max(stackBytes, MIN_ARG_AREA)) & ~7;
  const ints: number[] = [], floats: number[] = [];
  locs.forEach((loc, i) => {
    const f64 = params[i] === 'f64';
    const value = args[i]!;
    if (loc.kind === 'reg') (f64 ? floats : ints).push(value);
    else if (f64) memory.f64[(sp + loc.offset - memory.base) >> 3] = value;
    else memory.setWord(sp + loc.offset, value | 0);
  });
  return { ints, floats, stackTop: sp };
}
