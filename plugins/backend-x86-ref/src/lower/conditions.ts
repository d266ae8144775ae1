// The x86 condition codes of the IR's integer compares, for the per-op lowering and the patterns.
import { CC } from '../encoder/x64.ts';

export const ICMP_CC: Readonly<Record<string, number>> = {
  'icmp.eq': CC.e,
  'icmp.ne': CC.ne,
  'icmp.slt': CC.l,
  'icmp.sle': CC.le,
  'icmp.sgt': CC.g,
  'icmp.sge': CC.ge,
  'icmp.ult': CC.b,
  'icmp.ule': CC.be,
  'icmp.ugt': CC.a,
  'icmp.uge': CC.ae,
};
