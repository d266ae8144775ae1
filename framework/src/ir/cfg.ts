import type { Block, Func } from './module.ts';

/**
 * The control-flow graph of one function. Blocks are numbered in function order (the
 * entry is 0) so that passes can keep per-block data in flat arrays.
 *
 * Edges come from each block's terminator. Successor and predecessor lists hold each
 * neighbour once even when several edges connect the pair (`brif %c, ^a, ^a`); passes
 * that care about individual edges read the terminator's targets. A target naming a
 * block outside the function is left out, so the graph stays well-formed while the
 * verifier reports the stray target.
 */
export class Cfg {
  readonly blocks: readonly Block[];
  /** Successor block indices, per block index. */
  readonly succs: readonly (readonly number[])[];
  /** Predecessor block indices, per block index, in the order the edges were found. */
  readonly preds: readonly (readonly number[])[];
  private readonly indices: ReadonlyMap<Block, number>;

  constructor(blocks: readonly Block[]) {
    this.blocks = blocks;
    const indices = new Map<Block, number>();
    blocks.forEach((b, i) => indices.set(b, i));
    this.indices = indices;
    const succs: number[][] = blocks.map(() => []);
    const preds: number[][] = blocks.map(() => []);
    // Marks the last source block that got an edge to each block, so a switch with many
    // edges to the same target stays linear.
    const lastFrom = new Int32Array(blocks.length).fill(-1);
    blocks.forEach((b, from) => {
      for (const t of b.terminator?.targets ?? []) {
        const to = indices.get(t.block);
        if (to === undefined || lastFrom[to] === from) continue;
        lastFrom[to] = from;
        succs[from]!.push(to);
        preds[to]!.push(from);
      }
    });
    this.succs = succs;
    this.preds = preds;
  }

  get size(): number {
    return this.blocks.length;
  }

  /** The block's index, or -1 when it is not part of this function. */
  indexOf(b: Block): number {
    return this.indices.get(b) ?? -1;
  }

  successorsOf(b: Block): Block[] {
    return this.neighbours(this.succs, b);
  }

  predecessorsOf(b: Block): Block[] {
    return this.neighbours(this.preds, b);
  }

  private neighbours(lists: readonly (readonly number[])[], b: Block): Block[] {
    const i = this.indexOf(b);
    if (i < 0) throw new Error(`block ^${b.name} is not in this control-flow graph`);
    return lists[i]!.map((j) => this.blocks[j]!);
  }
}

export function buildCfg(f: Func): Cfg {
  return new Cfg(f.blocks);
}

/**
 * Block indices reachable from the entry, in depth-first postorder (successors visited in
 * edge order). Iterative, so a long chain of blocks cannot overflow the host stack.
 */
export function postorder(cfg: Cfg): number[] {
  const order: number[] = [];
  if (cfg.size === 0) return order;
  const visited = new Uint8Array(cfg.size);
  const stack: number[] = [0];
  const nextEdge: number[] = [0];
  visited[0] = 1;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const b = stack[top]!;
    const succs = cfg.succs[b]!;
    const e = nextEdge[top]!;
    if (e < succs.length) {
      nextEdge[top] = e + 1;
      const s = succs[e]!;
      if (!visited[s]) {
        visited[s] = 1;
        stack.push(s);
        nextEdge.push(0);
      }
    } else {
      order.push(b);
      stack.pop();
      nextEdge.pop();
    }
  }
  return order;
}

/** Block indices reachable from the entry in reverse postorder: every block comes after
 *  its dominators, and (outside loops) after all of its predecessors. */
export function reversePostorder(cfg: Cfg): number[] {
  return postorder(cfg).reverse();
}
