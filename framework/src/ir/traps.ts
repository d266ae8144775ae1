/** Stable trap kinds: every tier reports the same kind for the same fault. */
export const TRAP_KINDS = [
  'div_by_zero',
  'bad_pointer',
  'index_out_of_bounds',
  'unreachable',
  'stack_overflow',
  'out_of_memory',
  'fuel_exhausted',
  'bad_function',
  'uncaught_exception',
  'host_error',
] as const;
export type TrapKind = (typeof TRAP_KINDS)[number];

export function isTrapKind(s: string): s is TrapKind {
  return (TRAP_KINDS as readonly string[]).includes(s);
}

/** A guest fault. `where` names the function (and block) it happened in when known. */
export class Trap extends Error {
  constructor(
    readonly kind: TrapKind,
    readonly detail: string = '',
    public where: string = '',
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = 'Trap';
  }
  describe(): string {
    const at = this.where ? ` in ${this.where}` : '';
    return `trap ${this.kind}${at}${this.detail ? `: ${this.detail}` : ''}`;
  }
}
