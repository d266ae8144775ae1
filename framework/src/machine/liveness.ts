import { BitSet } from './bitset.ts';
import type { MachFunction } from './machine-function.ts';
import { isVirtual } from './machine-inst.ts';

/**
 * Live-in and live-out sets of virtual registers per machine block (by block id), by
 * iterative backward dataflow. Block parameters are defined at the block's start; edge
 * arguments are used at the end of the branching block, and only when the parameter they
 * feed is live, so a value that only flows into dead parameters does not stay alive (nor
 * take a register or a spill slot) for nothing.
 */
export class Liveness {
  readonly liveIn: BitSet[];
  readonly liveOut: BitSet[];
  /** Live at the block's start right after its parameters are defined: liveIn plus live parameters. */
  private readonly liveTop: BitSet[];

  constructor(
    private readonly mf: MachFunction<unknown>,
    order: readonly number[],
  ) {
    const n = mf.vregs.count;
    const blockCount = mf.blocks.length;
    const sets = (): BitSet[] => Array.from({ length: blockCount }, () => new BitSet(n));
    const uses = sets(),
      defs = sets();
    for (const id of order) upwardExposed(mf, id, uses[id]!, defs[id]!);
    this.liveIn = sets();
    this.liveOut = sets();
    this.liveTop = sets();
    const postorder = [...order].reverse();
    for (let changed = true; changed; ) {
      changed = false;
      for (const b of postorder) {
        const out = this.liveOut[b]!;
        for (const t of mf.blocks[b]!.terminator?.targets ?? []) {
          out.unionWith(this.liveIn[t.block.id]!);
          for (const { arg } of this.liveEdgeArgs(t.block.id, t.args)) out.add(arg);
        }
        if (!this.liveTop[b]!.assignUnionMinus(uses[b]!, out, defs[b]!)) continue;
        changed = true;
        this.liveIn[b]!.copyFrom(this.liveTop[b]!);
        for (const p of mf.blocks[b]!.params) this.liveIn[b]!.delete(p);
      }
    }
    const entryLive = this.liveIn[order[0] ?? 0];
    if (entryLive && !entryLive.isEmpty()) {
      throw new Error(
        `${mf.name}: virtual registers used before any definition: ${entryLive
          .toArray()
          .map((v) => `v${v}`)
          .join(', ')}`,
      );
    }
  }

  /** Whether a block parameter is used at all (its edge arguments matter). */
  isParamLive(block: number, param: number): boolean {
    return this.liveTop[block]!.has(param);
  }

  /** The edge arguments that feed live parameters, with the parameters. */
  liveEdgeArgs(block: number, args: readonly number[]): { arg: number; param: number }[] {
    const params = this.mf.blocks[block]!.params;
    return args.flatMap((arg, i) => (this.isParamLive(block, params[i]!) ? [{ arg, param: params[i]! }] : []));
  }
}

/** Uses in the block's instructions not preceded by a def there (parameters count as
 *  defined above the instructions, edge arguments are handled per edge), and those defs. */
function upwardExposed(mf: MachFunction<unknown>, id: number, uses: BitSet, defs: BitSet): void {
  for (const inst of mf.blocks[id]!.insts) {
    for (const op of inst.operands) if (op.kind === 'use' && isVirtual(op) && !defs.has(op.vreg)) uses.add(op.vreg);
    for (const op of inst.operands) if (op.kind === 'def' && isVirtual(op)) defs.add(op.vreg);
  }
}
