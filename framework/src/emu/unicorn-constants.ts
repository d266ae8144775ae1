// Numeric constants of Unicorn 2.0.1 (unicorn.h, arm.h, x86.h), kept beside the
// binding so that nothing needs the C headers installed.

export const UC_ARCH = { ARM: 1, ARM64: 2, X86: 4 } as const;
export const UC_MODE = { ARM: 0, THUMB: 1 << 4, MODE_32: 1 << 2, MODE_64: 1 << 3 } as const;

export const UC_PROT = { NONE: 0, READ: 1, WRITE: 2, EXEC: 4, ALL: 7 } as const;

export const UC_ERR = {
  OK: 0,
  NOMEM: 1,
  ARCH: 2,
  HANDLE: 3,
  MODE: 4,
  VERSION: 5,
  READ_UNMAPPED: 6,
  WRITE_UNMAPPED: 7,
  FETCH_UNMAPPED: 8,
  HOOK: 9,
  INSN_INVALID: 10,
  MAP: 11,
  WRITE_PROT: 12,
  READ_PROT: 13,
  FETCH_PROT: 14,
  ARG: 15,
  READ_UNALIGNED: 16,
  WRITE_UNALIGNED: 17,
  FETCH_UNALIGNED: 18,
  HOOK_EXIST: 19,
  RESOURCE: 20,
  EXCEPTION: 21,
} as const;

/** The `type` argument of memory hook callbacks. */
export const UC_MEM = {
  READ: 16,
  WRITE: 17,
  FETCH: 18,
  READ_UNMAPPED: 19,
  WRITE_UNMAPPED: 20,
  FETCH_UNMAPPED: 21,
  WRITE_PROT: 22,
  READ_PROT: 23,
  FETCH_PROT: 24,
  READ_AFTER: 25,
} as const;

export const UC_HOOK = {
  INTR: 1 << 0,
  INSN: 1 << 1,
  CODE: 1 << 2,
  BLOCK: 1 << 3,
  MEM_READ_UNMAPPED: 1 << 4,
  MEM_WRITE_UNMAPPED: 1 << 5,
  MEM_FETCH_UNMAPPED: 1 << 6,
  MEM_READ_PROT: 1 << 7,
  MEM_WRITE_PROT: 1 << 8,
  MEM_FETCH_PROT: 1 << 9,
  MEM_READ: 1 << 10,
  MEM_WRITE: 1 << 11,
  MEM_FETCH: 1 << 12,
  MEM_READ_AFTER: 1 << 13,
  INSN_INVALID: 1 << 14,
  EDGE_GENERATED: 1 << 15,
  TCG_OPCODE: 1 << 16,
  MEM_UNMAPPED: (1 << 4) | (1 << 5) | (1 << 6),
  MEM_PROT: (1 << 7) | (1 << 8) | (1 << 9),
  MEM_INVALID: 0x3f0,
} as const;

export const UC_CTL_TYPE = {
  UC_MODE: 0,
  UC_PAGE_SIZE: 1,
  UC_ARCH: 2,
  UC_TIMEOUT: 3,
  UC_USE_EXITS: 4,
  UC_EXITS_CNT: 5,
  UC_EXITS: 6,
  CPU_MODEL: 7,
  TB_REQUEST_CACHE: 8,
  TB_REMOVE_CACHE: 9,
  TB_FLUSH: 10,
} as const;

export const UC_CTL_IO = { NONE: 0, WRITE: 1, READ: 2, READ_WRITE: 3 } as const;

/** The uc_ctl control word: UC_CTL(type, nr, rw) = type | nr << 26 | rw << 30. */
export function ucCtlWord(type: number, argumentCount: number, io: number): number {
  return (type | (argumentCount << 26) | (io << 30)) >>> 0;
}

export const UC_CPU_ARM = {
  CORTEX_A7: 14,
  CORTEX_A8: 15,
  CORTEX_A9: 16,
  CORTEX_A15: 17,
} as const;

const D0 = 14;
const R0 = 66;
const S0 = 79;

export const UC_ARM_REG = {
  APSR: 1,
  APSR_NZCV: 2,
  CPSR: 3,
  FPEXC: 4,
  FPSCR: 6,
  LR: 10,
  PC: 11,
  SP: 12,
  /** D0..D31 are consecutive. */
  D0,
  /** R0..R12 are consecutive (R13 = SP, R14 = LR, R15 = PC). */
  R0,
  /** S0..S31 are consecutive. */
  S0,
  d: (n: number): number => D0 + n,
  r: (n: number): number => (n === 13 ? 12 : n === 14 ? 10 : n === 15 ? 11 : R0 + n),
  s: (n: number): number => S0 + n,
} as const;

/** uc_cpu_x86: Unicorn's x86 CPU models. */
export const UC_CPU_X86 = { QEMU64: 0 } as const;

export const UC_X86_REG = {
  EFLAGS: 25,
  RAX: 35,
  RBP: 36,
  RBX: 37,
  RCX: 38,
  RDI: 39,
  RDX: 40,
  RIP: 41,
  RSI: 43,
  RSP: 44,
  /** R8..R15 are consecutive. */
  R8: 106,
  /** XMM0..XMM15 are consecutive. */
  XMM0: 122,
  r: (n: number): number => 106 + n - 8,
  xmm: (n: number): number => 122 + n,
} as const;

export const UC_PAGE_SIZE = 4096;
