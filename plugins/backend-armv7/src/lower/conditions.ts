// The A32 condition codes of the IR's compares, for the per-op lowering and the patterns.

/** Integer compares. */
export const ICMP_COND: Readonly<Record<string, number>> = {
  'icmp.eq': 0,
  'icmp.ne': 1,
  'icmp.slt': 11,
  'icmp.sle': 13,
  'icmp.sgt': 12,
  'icmp.sge': 10,
  'icmp.ult': 3,
  'icmp.ule': 9,
  'icmp.ugt': 8,
  'icmp.uge': 2,
};

/** After vcmp + vmrs, unordered sets C and V: mi, ls, gt, ge and eq are then false, ne true. */
export const FCMP_COND: Readonly<Record<string, number>> = {
  'fcmp.eq': 0,
  'fcmp.ne': 1,
  'fcmp.lt': 4,
  'fcmp.le': 9,
  'fcmp.gt': 12,
  'fcmp.ge': 10,
};
