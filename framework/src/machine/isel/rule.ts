// Instruction selection as rules: a target lists patterns rooted at an IR opcode; each
// match says which values of the IR it reads as part of its pattern (a compare fused into
// its branch, a constant encoded as an immediate) and how to emit the root's machine code.
import type { Inst } from '../../ir/module.ts';
import type { IrFacts } from './ir-facts.ts';

/** A use of a value by one instruction that a pattern reads itself: when every use of a
 *  pure value is folded, its own instruction emits nothing. A fold of a value its user reads
 *  more than once is ignored (the other use may need it in a register). */
export interface Fold {
  readonly user: Inst;
  readonly value: number;
}

/** A successful match: what it folds and how it emits the root. */
export interface Selection {
  readonly folds: readonly Fold[];
  emit(): void;
}

/** A pattern of one target. `L` is the target's per-function lowering state. */
export interface IselRule<L> {
  /** Names the pattern in the match statistics (`--stats`) and in precise-output tests. */
  readonly name: string;
  /** The IR opcodes the pattern's root may be. */
  readonly roots: readonly string[];
  match(root: Inst, facts: IrFacts, lower: L): Selection | null;
}

/** How often each pattern matched, summed over every function a target compiled. */
export class PatternCounts {
  private readonly counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Most-used first. */
  entries(): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }
}
