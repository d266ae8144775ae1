import { NO_REG, type PReg, type RegClass, type VReg } from './regs.ts';

/** Positions are small integers; this is "never". */
export const NEVER = Number.MAX_SAFE_INTEGER;

/** [from, to) over positions (see LinearOrder). */
export interface LiveRange {
  from: number;
  to: number;
}

/** Where a virtual register is read or written, and whether it must be in a register there
 *  (fixed-register operands and edge arguments may be anywhere: a move fetches them). */
export interface UsePosition {
  readonly pos: number;
  readonly needsReg: boolean;
}

/** Index of the first range that ends after `pos`. */
function firstEndingAfter(rs: readonly LiveRange[], pos: number): number {
  let lo = 0,
    hi = rs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rs[mid]!.to <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position >= from covered by both range lists, or NEVER. */
export function firstIntersection(a: readonly LiveRange[], b: readonly LiveRange[], from: number): number {
  let i = firstEndingAfter(a, from),
    j = firstEndingAfter(b, from);
  while (i < a.length && j < b.length) {
    const ra = a[i]!,
      rb = b[j]!;
    const lo = Math.max(ra.from, rb.from, from);
    if (lo < Math.min(ra.to, rb.to)) return lo;
    if (ra.to <= rb.to) i++;
    else j++;
  }
  return NEVER;
}

export function rangesCover(ranges: readonly LiveRange[], pos: number): boolean {
  let lo = 0,
    hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (pos < r.from) hi = mid - 1;
    else if (pos >= r.to) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The lifetime of one virtual register, or of one piece of it after splitting. Pieces of one
 * register never overlap; each piece lives in one physical register or in the register's
 * spill slot (`preg === NO_REG` once allocated: the stack).
 */
export class LiveInterval {
  ranges: LiveRange[] = [];
  uses: UsePosition[] = [];
  /** The assigned register, or NO_REG (unassigned, or on the stack when `onStack`). */
  preg: PReg = NO_REG;
  onStack = false;

  constructor(
    readonly vreg: VReg,
    readonly cls: RegClass,
    /** True for the piece that starts at the register's definition. */
    readonly isFirstPiece: boolean,
  ) {}

  get start(): number {
    return this.ranges[0]!.from;
  }

  get end(): number {
    return this.ranges[this.ranges.length - 1]!.to;
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  covers(pos: number): boolean {
    return rangesCover(this.ranges, pos);
  }

  /** The first use at or after `from` (only those that need a register when asked). */
  nextUse(from: number, needsReg: boolean): number {
    const us = this.uses;
    let lo = 0,
      hi = us.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (us[mid]!.pos < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < us.length; i++) if (!needsReg || us[i]!.needsReg) return us[i]!.pos;
    return NEVER;
  }

  /** Moves everything at and after `pos` into a new piece, which it returns. */
  splitAt(pos: number): LiveInterval {
    if (pos <= this.start || pos >= this.end)
      throw new Error(`cannot split v${this.vreg} [${this.start}, ${this.end}) at ${pos}`);
    const child = new LiveInterval(this.vreg, this.cls, false);
    const keep: LiveRange[] = [];
    for (const r of this.ranges) {
      if (r.to <= pos) keep.push(r);
      else if (r.from >= pos) child.ranges.push(r);
      else {
        keep.push({ from: r.from, to: pos });
        child.ranges.push({ from: pos, to: r.to });
      }
    }
    this.ranges = keep;
    child.uses = this.uses.filter((u) => u.pos >= pos);
    this.uses = this.uses.filter((u) => u.pos < pos);
    return child;
  }

  toString(): string {
    const where = this.onStack ? 'stack' : this.preg === NO_REG ? '?' : `p${this.preg}`;
    return `v${this.vreg}@${where} ${this.ranges.map((r) => `[${r.from},${r.to})`).join('')}`;
  }
}
