// Faults of emulated code, in the vocabulary the JIT maps onto IR trap kinds.

export const EMU_TRAP_KINDS = ['bad_pointer', 'stack_overflow', 'illegal_instruction', 'fuel_exhausted'] as const;
export type EmuTrapKind = (typeof EMU_TRAP_KINDS)[number];

export type MemoryAccessKind = 'read' | 'write' | 'fetch';

/** A guest fault that ended a run of `GuestMachine.call`. */
export class EmuTrap extends Error {
  constructor(
    readonly kind: EmuTrapKind,
    /**
     * Address of the faulting instruction; for fuel, where the budget ran out. For
     * memory faults Unicorn only knows the start of the translated block holding the
     * faulting instruction (always in the same function), so that is reported.
     */
    readonly pc: number,
    /** The data address of a memory fault; for other kinds the same as `pc`. */
    readonly address: number,
    readonly access?: MemoryAccessKind,
    detail = '',
  ) {
    super(trapMessage(kind, pc, address, access, detail));
    this.name = 'EmuTrap';
  }
}

function trapMessage(
  kind: EmuTrapKind,
  pc: number,
  address: number,
  access: MemoryAccessKind | undefined,
  detail: string,
): string {
  // Only memory faults have a data address worth naming.
  const accessed = kind === 'bad_pointer' || kind === 'stack_overflow' ? describeAccess(access, address) : '';
  return `${kind} at pc 0x${hex(pc)}${accessed}${detail ? `: ${detail}` : ''}`;
}

function describeAccess(access: MemoryAccessKind | undefined, address: number): string {
  return ` (${access ?? 'access'} of 0x${hex(address)})`;
}

function hex(value: number): string {
  return (value >>> 0).toString(16);
}
