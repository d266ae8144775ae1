import type { MachFunction } from './machine-function.ts';

/**
 * Edges of a machine function, by block id. Unlike the IR's Cfg, every edge counts: a
 * `brif %c, ^a, ^a` gives ^a two predecessors, because each edge carries its own moves.
 */
export class MachCfg {
  readonly succs: number[][];
  readonly preds: number[][];

  constructor(mf: MachFunction<unknown>) {
    this.succs = mf.blocks.map(() => []);
    this.preds = mf.blocks.map(() => []);
    for (const b of mf.blocks) {
      for (const t of b.terminator?.targets ?? []) {
        this.succs[b.id]!.push(t.block.id);
        this.preds[t.block.id]!.push(b.id);
      }
    }
  }
}

/**
 * The layout order: block ids reachable from the entry in reverse postorder. Successors are visited last
 * target first, so with `brif %c, ^body, ^exit` the loop body is laid out before its exit
 * and the loop stays contiguous in the linear order the allocator works on.
 */
export function layoutOrder(cfg: MachCfg): number[] {
  const n = cfg.succs.length;
  const order: number[] = [];
  if (n === 0) return order;
  const visited = new Uint8Array(n);
  const stack: number[] = [0];
  const nextEdge: number[] = [cfg.succs[0]!.length - 1];
  visited[0] = 1;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const b = stack[top]!;
    const e = nextEdge[top]!;
    if (e >= 0) {
      nextEdge[top] = e - 1;
      const s = cfg.succs[b]![e]!;
      if (!visited[s]) {
        visited[s] = 1;
        stack.push(s);
        nextEdge.push(cfg.succs[s]!.length - 1);
      }
    } else {
      order.push(b);
      stack.pop();
      nextEdge.pop();
    }
  }
  return order.reverse();
}
