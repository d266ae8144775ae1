// Lazy compilation without patching code: per function, a call-site stub that jumps through
// the function's table slot, and a compile entry the slot points at until the function has
// code (the ISA encodes both: LazyStubEncoder). Compiled code calls a function that had no
// code when it was compiled through its call-site stub, so the host compiles the callee on
// the first such call (compiling never collects and never runs guest code, so uc_emu_start
// is never nested), redirects the slot, and the stub re-dispatches.
import type { LazyStubEncoder } from './native-isa.ts';

export interface LazyStubs {
  readonly bytes: Uint8Array;
  /** Where compiled code calls function i while it has no code. */
  callStub(index: number): number;
  /** The table's first entry for function i. */
  compileEntry(index: number): number;
}

export function buildLazyStubs(
  encoder: LazyStubEncoder,
  base: number,
  count: number,
  tableSlot: (index: number) => number,
  compileSlot: number,
): LazyStubs {
  const stubAt = (i: number): number => base + i * encoder.bytesPerFunction;
  return {
    bytes: encoder.encode(base, count, tableSlot, compileSlot),
    callStub: stubAt,
    compileEntry: (i) => stubAt(i) + encoder.compileEntryOffset,
  };
}
