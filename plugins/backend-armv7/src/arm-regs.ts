// Register numbering shared by lowering and encoding. Core registers keep their A32
// numbers; VFP double registers are numbered from D_BASE so the classes never collide.
import type { PReg } from '#framework';

export const R0 = 0,
  R1 = 1,
  R2 = 2,
  R3 = 3;
/** Pinned: the address where static data starts (globals, with the runtime words below). */
export const STATIC_BASE_REG = 10;
/** Pinned fuel counter when a run has finite fuel (otherwise allocatable). */
export const FUEL_REG = 11;
/** ip: the machine layer's move scratch and the encoder's temporary inside one expansion. */
export const IP = 12;
export const SP = 13;
export const LR = 14;
export const PC = 15;

export const D_BASE = 16;
export const dreg = (n: number): PReg => D_BASE + n;
export const dnum = (p: PReg): number => p - D_BASE;
export const D0 = dreg(0);
/** The float class's scratch (never allocated). */
export const D_SCRATCH = dreg(15);

/** Internal convention: the first four i32/ref arguments in r0–r3, the first eight f64 in
 *  d0–d7; the rest on the stack. Results in r0 or d0; r1 carries the exception status. */
export const INT_ARG_REGS: readonly PReg[] = [R0, R1, R2, R3];
export const FLOAT_ARG_REGS: readonly PReg[] = Array.from({ length: 8 }, (_, i) => dreg(i));
/** Non-zero after a call that raised; r0 then holds the exception ref. */
export const STATUS_REG = R1;

/** lr comes last: every call clobbers it, but between calls it holds a value like any
 *  register, above all the return address itself, which then needs no moves. */
export function intAllocatable(fuelPinned: boolean): PReg[] {
  const regs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  if (!fuelPinned) regs.push(FUEL_REG);
  regs.push(LR);
  return regs;
}

export const FLOAT_ALLOCATABLE: readonly PReg[] = Array.from({ length: 15 }, (_, i) => dreg(i));

export function armRegName(p: PReg): string {
  if (p >= D_BASE) return `d${p - D_BASE}`;
  return p === SP ? 'sp' : p === LR ? 'lr' : p === PC ? 'pc' : p === IP ? 'ip' : `r${p}`;
}
