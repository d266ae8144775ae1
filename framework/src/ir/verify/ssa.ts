import type { Cfg } from '../cfg.ts';
import type { DomTree } from '../dominators.ts';
import type { Block } from '../module.ts';
import { valueName, type FuncContext } from './context.ts';
import { hasFusedEdges } from './edges.ts';

/**
 * SSA form: every value id in range and defined exactly once (as a block parameter or an
 * instruction result); every use dominated by its definition. A use in a terminator's
 * target arguments happens at the terminator, in the branching block. Uses in unreachable
 * blocks skip the dominance test (nothing dominates them), but a value defined only in
 * unreachable code still cannot be used from reachable code.
 *
 * The result of a fused terminator exists only on its `to` edge, so its sole legal use is
 * in that edge's arguments.
 */
export function checkSsa(ctx: FuncContext, cfg: Cfg, dom: DomTree): void {
  new SsaChecker(ctx, cfg, dom).run();
}

/** Where a use happens. */
interface UseSite {
  block: Block;
  blockIndex: number;
  instIndex: number;
  reachable: boolean;
}

class SsaChecker {
  private readonly count: number;
  /** Defining block index per value id; -1 when undefined. */
  private readonly defBlock: Int32Array;
  /** Defining instruction index per value id; -1 for block parameters. */
  private readonly defInst: Int32Array;
  private readonly byFusedTerminator: Uint8Array;

  constructor(
    private readonly ctx: FuncContext,
    private readonly cfg: Cfg,
    private readonly dom: DomTree,
  ) {
    this.count = ctx.f.values.length;
    this.defBlock = new Int32Array(this.count).fill(-1);
    this.defInst = new Int32Array(this.count);
    this.byFusedTerminator = new Uint8Array(this.count);
  }

  run(): void {
    const { blocks } = this.cfg;
    for (let bi = 0; bi < blocks.length; bi++) this.collectDefinitions(blocks[bi]!, bi);
    for (let bi = 0; bi < blocks.length; bi++) this.checkUses(blocks[bi]!, bi);
  }

  private collectDefinitions(b: Block, bi: number): void {
    const { f, sink } = this.ctx;
    for (const p of b.params) {
      const problem = this.define(p, bi, -1);
      if (problem) sink.block(f, b, problem);
    }
    for (let i = 0; i < b.insts.length; i++) {
      const inst = b.insts[i]!;
      if (inst.result === -1) continue;
      const problem = this.define(inst.result, bi, i);
      if (problem) sink.inst(f, b, i, problem);
      else if (hasFusedEdges(inst)) this.byFusedTerminator[inst.result] = 1;
    }
  }

  /** Records a definition; returns what is wrong with it, if anything. */
  private define(v: number, bi: number, at: number): string | null {
    if (!this.isValueId(v)) return `defines value #${v}, which the function has not allocated`;
    const first = this.defBlock[v]!;
    if (first >= 0)
      return `${valueName(this.ctx.f, v)} is defined more than once (first in ^${this.cfg.blocks[first]!.name})`;
    this.defBlock[v] = bi;
    this.defInst[v] = at;
    return null;
  }

  private checkUses(block: Block, blockIndex: number): void {
    const reachable = this.dom.isReachableIndex(blockIndex);
    for (let i = 0; i < block.insts.length; i++) {
      const inst = block.insts[i]!;
      const site: UseSite = { block, blockIndex, instIndex: i, reachable };
      for (const v of inst.args) this.checkUse(site, v, false);
      // The `to` edge of a fused form is the next-to-last target.
      const toEdge = hasFusedEdges(inst) ? inst.targets.length - 2 : -1;
      for (let ti = 0; ti < inst.targets.length; ti++) {
        for (const v of inst.targets[ti]!.args) this.checkUse(site, v, ti === toEdge);
      }
    }
  }

  private checkUse(site: UseSite, v: number, inOwnToArgs: boolean): void {
    const problem = this.useProblem(site, v, inOwnToArgs);
    if (problem) this.ctx.sink.inst(this.ctx.f, site.block, site.instIndex, problem);
  }

  private useProblem(site: UseSite, v: number, inOwnToArgs: boolean): string | null {
    if (!this.isValueId(v)) return `uses value #${v}, which does not exist`;
    const d = this.defBlock[v]!;
    if (d < 0) return `uses ${valueName(this.ctx.f, v)}, which is never defined`;
    const at = this.defInst[v]!;
    if (this.byFusedTerminator[v]) {
      const own = inOwnToArgs && d === site.blockIndex && at === site.instIndex;
      return own
        ? null
        : `uses ${valueName(this.ctx.f, v)}, the result of a fused terminator, ` +
            `outside that terminator's \`to\` arguments`;
    }
    if (!site.reachable) return null;
    if (d === site.blockIndex) {
      if (at === site.instIndex) return `uses its own result ${valueName(this.ctx.f, v)}`;
      if (at > site.instIndex) return `uses ${valueName(this.ctx.f, v)} before its definition (#${at})`;
      return null;
    }
    if (this.dom.dominatesIndex(d, site.blockIndex)) return null;
    return (
      `uses ${valueName(this.ctx.f, v)}, but its definition in ^${this.cfg.blocks[d]!.name} ` +
      `does not dominate ^${site.block.name}`
    );
  }

  private isValueId(v: number): boolean {
    return Number.isInteger(v) && v >= 0 && v < this.count;
  }
}
