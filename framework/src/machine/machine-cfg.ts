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
 * Reverse postorder of the blocks reachable from the entry. Successors are visited last
 * target first, so with `brif %c, ^body, ^exit` the loop body comes before its exit and the
 * loop stays contiguous. Loops are found against this order (loop-depth.ts).
 */
export function reversePostorder(cfg: MachCfg): number[] {
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

/**
 * The layout order the allocator and the emitter work on: the reverse postorder `rpo` with
 * its cold blocks moved to the end. A cold block is one only a slow path reaches: a block
 * that makes a call (within a few blocks, `callsAhead`) where every branch into it could
 * have gone another way that makes none and stays in the loop (the call heuristic of static
 * branch prediction), and every block such a block dominates. In the linear order a slow path's
 * call then comes after all the fast code, so the values the call clobbers keep their
 * registers on the fast path; only the slow path stores and reloads them. Blocks lowered
 * from an IR block marked `cold` (`markedCold`: the frontend knows a generic fallback is
 * rare, which no static guess can tell from a hot overflow path) are cold too.
 */
export function layoutOrder(
  cfg: MachCfg,
  rpo: readonly number[],
  /** Loop depth of each block, found against `rpo` (Loops.depth). */
  depth: Int32Array,
  callsAhead: (id: number) => boolean,
  markedCold: (id: number) => boolean = () => false,
): number[] {
  const idom = immediateDominators(cfg, rpo);
  const cold = new Uint8Array(cfg.succs.length);
  // Each branch into `to` could have gone another way that makes no call and stays in the
  // loop (`to`'s, since `to` may be an edge split for its moves, on its way to the call).
  const avoidable = (to: number, loopOf: number, hops: number): boolean =>
    cfg.preds[to]!.every((p) => {
      const succs = cfg.succs[p]!;
      if (succs.some((s) => s !== to && !callsAhead(s) && depth[s]! >= depth[loopOf]!)) return true;
      return hops > 0 && succs.length === 1 && p !== rpo[0] && avoidable(p, loopOf, hops - 1);
    });
  for (const b of rpo) if (b !== rpo[0] && (markedCold(b) || (callsAhead(b) && avoidable(b, b, 1)))) cold[b] = 1;
  // In reverse postorder a block's immediate dominator comes first.
  for (const b of rpo) if (b !== rpo[0] && cold[idom[b]!]) cold[b] = 1;
  // A block whose only way on is into a cold block (an edge split for the moves into a slow
  // path) goes with it: in line it sits in the fast path's code, which jumps over it.
  for (const b of rpo) if (b !== rpo[0] && cfg.succs[b]!.length === 1 && cold[cfg.succs[b]![0]!]) cold[b] = 1;
  return [...rpo.filter((b) => !cold[b]), ...rpo.filter((b) => cold[b])];
}

/** Whether every path from the block makes a call within a few blocks, not counting
 *  calls past a join other paths enter (an edge split for its moves is a block of its own,
 *  and a slow path may first try an inline allocation). */
export function callsAheadIn(mf: MachFunction<unknown>, cfg: MachCfg): (id: number) => boolean {
  const calls = (b: number): boolean => mf.blocks[b]!.insts.some((inst) => inst.call);
  const within = (b: number, hops: number): boolean => {
    if (calls(b)) return true;
    const succs = cfg.succs[b]!;
    if (hops === 0 || succs.length === 0) return false;
    return succs.every((s) => (cfg.preds[s]!.length === 1 ? within(s, hops - 1) : calls(s)));
  };
  return (id) => within(id, 3);
}

/** Each reachable block's immediate dominator (the entry's is itself), by the iterative
 *  algorithm of Cooper, Harvey and Kennedy over the reverse postorder. */
function immediateDominators(cfg: MachCfg, rpo: readonly number[]): Int32Array {
  const rank = new Int32Array(cfg.succs.length).fill(-1);
  rpo.forEach((b, k) => (rank[b] = k));
  const idom = new Int32Array(cfg.succs.length).fill(-1);
  if (rpo.length === 0) return idom;
  idom[rpo[0]!] = rpo[0]!;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (rank[a]! > rank[b]!) a = idom[a]!;
      while (rank[b]! > rank[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of rpo.slice(1)) {
      let d = -1;
      for (const p of cfg.preds[b]!) {
        if (rank[p]! < 0 || idom[p]! < 0) continue;
        d = d < 0 ? p : intersect(p, d);
      }
      if (d !== idom[b]) {
        idom[b] = d;
        changed = true;
      }
    }
  }
  return idom;
}
