// Turns what the hooks saw during a run (and uc_emu_start's result) into an EmuTrap.
import { EmuTrap, type EmuTrapKind, type MemoryAccessKind } from './emu-trap.ts';
import { UC_ERR, UC_MEM } from './unicorn-constants.ts';

export interface AddressRange {
  readonly address: number;
  readonly size: number;
}

export interface MemoryFault {
  readonly ucMemType: number;
  readonly address: number;
  /** Unicorn reports the start of the translated block here, not the faulting instruction. */
  readonly pc: number;
}

export function accessOfMemType(ucMemType: number): MemoryAccessKind {
  switch (ucMemType) {
    case UC_MEM.WRITE:
    case UC_MEM.WRITE_UNMAPPED:
    case UC_MEM.WRITE_PROT:
      return 'write';
    case UC_MEM.FETCH:
    case UC_MEM.FETCH_UNMAPPED:
    case UC_MEM.FETCH_PROT:
      return 'fetch';
    default:
      return 'read';
  }
}

function accessOfError(code: number): MemoryAccessKind | undefined {
  switch (code) {
    case UC_ERR.READ_UNMAPPED:
    case UC_ERR.READ_PROT:
    case UC_ERR.READ_UNALIGNED:
      return 'read';
    case UC_ERR.WRITE_UNMAPPED:
    case UC_ERR.WRITE_PROT:
    case UC_ERR.WRITE_UNALIGNED:
      return 'write';
    case UC_ERR.FETCH_UNMAPPED:
    case UC_ERR.FETCH_PROT:
    case UC_ERR.FETCH_UNALIGNED:
      return 'fetch';
    default:
      return undefined;
  }
}

function inRange(address: number, range: AddressRange | undefined): boolean {
  return range !== undefined && address >= range.address && address < range.address + range.size;
}

/** A memory fault becomes a stack overflow when it touches the stack guard, else a bad pointer. */
export function trapForMemoryFault(fault: MemoryFault, stackGuard: AddressRange | undefined): EmuTrap {
  const access = accessOfMemType(fault.ucMemType);
  const kind: EmuTrapKind = access !== 'fetch' && inRange(fault.address, stackGuard) ? 'stack_overflow' : 'bad_pointer';
  return new EmuTrap(kind, fault.pc, fault.address, access);
}

/** For an error code no hook explained; undefined when it is not a guest fault. */
export function trapForError(code: number, pc: number): EmuTrap | undefined {
  const access = accessOfError(code);
  if (access !== undefined) return new EmuTrap('bad_pointer', pc, pc, access);
  if (code === UC_ERR.INSN_INVALID || code === UC_ERR.EXCEPTION) return new EmuTrap('illegal_instruction', pc, pc);
  return undefined;
}
