// Register numbering shared by lowering and encoding. General registers keep their x86
// numbers (0 rax … 15 r15); xmm registers are numbered from XMM_BASE so the classes never
// collide.
import type { PReg } from '#framework';

export const RAX = 0,
  RCX = 1,
  RDX = 2,
  RBX = 3,
  RSP = 4,
  RBP = 5,
  RSI = 6,
  RDI = 7,
  R8 = 8,
  R9 = 9,
  R10 = 10,
  /** The machine layer's move scratch and the encoder's temporary inside one expansion. */
  R11 = 11,
  R12 = 12,
  R13 = 13,
  /** Pinned fuel counter when a run has finite fuel (otherwise allocatable). */
  FUEL_REG = 14,
  /** Pinned: the address where static data starts. */
  STATIC_BASE_REG = 15;

export const XMM_BASE = 16;
export const xmmReg = (n: number): PReg => XMM_BASE + n;
export const xmmNum = (p: PReg): number => p - XMM_BASE;
/** The float class's scratch (never allocated). */
export const XMM_SCRATCH = xmmReg(15);

/** Internal convention: SysV's argument registers (so the engine's entry and the host-call
 *  slots see the same ones), results in rax / xmm0, the exception status in rdx. */
export const INT_ARG_REGS: readonly PReg[] = [RDI, RSI, RDX, RCX, R8, R9];
export const FLOAT_ARG_REGS: readonly PReg[] = Array.from({ length: 8 }, (_, i) => xmmReg(i));
export const STATUS_REG = RDX;

/** Argument-free registers first, so values defined early stay out of the way of calls. */
export function intAllocatable(fuelPinned: boolean): PReg[] {
  const regs = [RAX, RBX, RBP, R12, R13, R10, RCX, R8, R9, RSI, RDI, RDX];
  if (!fuelPinned) regs.push(FUEL_REG);
  return regs;
}

export const FLOAT_ALLOCATABLE: readonly PReg[] = Array.from({ length: 15 }, (_, i) => xmmReg(i));

const NAMES = [
  'rax',
  'rcx',
  'rdx',
  'rbx',
  'rsp',
  'rbp',
  'rsi',
  'rdi',
  'r8',
  'r9',
  'r10',
  'r11',
  'r12',
  'r13',
  'r14',
  'r15',
];

export function x86RegName(p: PReg): string {
  return p >= XMM_BASE ? `xmm${p - XMM_BASE}` : (NAMES[p] ?? `?${p}`);
}
