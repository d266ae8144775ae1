// Where VFP register numbers go in an instruction word. A double register d is
// D:Vd (D the high bit); a single register s is Vd:D (D the low bit).

export const vfpField = {
  /** Destination double: Vd in 15..12, D in 22. */
  dd: (d: number): number => ((d & 15) << 12) | ((d >> 4) << 22),
  /** First source double: Vn in 19..16, N in 7. */
  dn: (d: number): number => ((d & 15) << 16) | ((d >> 4) << 7),
  /** Second source double: Vm in 3..0, M in 5. */
  dm: (d: number): number => (d & 15) | ((d >> 4) << 5),
  sd: (s: number): number => ((s >> 1) << 12) | ((s & 1) << 22),
  sn: (s: number): number => ((s >> 1) << 16) | ((s & 1) << 7),
  sm: (s: number): number => (s >> 1) | ((s & 1) << 5),
} as const;

export function dregName(d: number): string {
  return `d${d}`;
}

export function sregName(s: number): string {
  return `s${s}`;
}
