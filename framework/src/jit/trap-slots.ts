import { Trap, type TrapKind } from '../ir/traps.ts';

/** Trap kinds generated code raises by calling a host slot (the rest are memory faults). */
export const CODE_TRAP_KINDS: readonly TrapKind[] = [
  'div_by_zero',
  'index_out_of_bounds',
  'bad_function',
  'unreachable',
  'fuel_exhausted',
];

/** The host function behind a trap slot: it ends the run with that trap. */
export function trapHost(kind: TrapKind): () => never {
  return () => {
    throw new Trap(kind);
  };
}
