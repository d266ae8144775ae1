import type { Block, Func, Inst, Target } from '../../../ir/module.ts';

/** One control-flow edge: the `index`-th target of the terminator `inst` in block `from`. */
export interface Edge {
  from: Block;
  inst: Inst;
  index: number;
  target: Target;
}

/** An unwind edge's target receives the exception in its first parameter, so the edge's
 *  explicit arguments fill the parameters from the second one on. */
export function isUnwindEdge(inst: Inst, index: number): boolean {
  return inst.op.alt === 'unwind' && index === 1;
}

/** The position in `edge.target.args` that feeds parameter `param` of the target block, or
 *  -1 when the edge supplies that parameter implicitly (the exception of an unwind edge). */
export function argIndexForParam(inst: Inst, index: number, param: number): number {
  return isUnwindEdge(inst, index) ? param - 1 : param;
}

export function forEachEdge(f: Func, visit: (e: Edge) => void): void {
  for (const from of f.blocks) {
    const inst = from.terminator;
    if (!inst) continue;
    inst.targets.forEach((target, index) => visit({ from, inst, index, target }));
  }
}

/** Every edge into each block, including edges from unreachable blocks. */
export function incomingEdges(f: Func): Map<Block, Edge[]> {
  const incoming = new Map<Block, Edge[]>(f.blocks.map((b) => [b, []]));
  forEachEdge(f, (e) => incoming.get(e.target.block)?.push(e));
  return incoming;
}

/** Blocks that some unwind edge targets: their first parameter is the exception slot. */
export function unwindTargets(f: Func): Set<Block> {
  const targets = new Set<Block>();
  forEachEdge(f, (e) => {
    if (isUnwindEdge(e.inst, e.index)) targets.add(e.target.block);
  });
  return targets;
}
