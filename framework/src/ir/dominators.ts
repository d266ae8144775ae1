import { reversePostorder, type Cfg } from './cfg.ts';
import type { Block } from './module.ts';

/**
 * The dominator tree of a CFG (Semi-NCA, see `computeIdoms`): near-linear, correct on
 * irreducible graphs.
 *
 * Unreachable blocks have no immediate dominator, dominate nothing but themselves and are
 * dominated by nothing but themselves.
 */
export class DomTree {
  /** Reachable block indices in reverse postorder. */
  readonly rpo: readonly number[];
  /** Immediate dominator per block index; -1 for the entry and for unreachable blocks. */
  private readonly idoms: Int32Array;
  private readonly childLists: number[][];
  /** Dominator-tree preorder entry and exit numbers: a dominates b iff b's interval nests in a's. */
  private readonly enter: Int32Array;
  private readonly exit: Int32Array;

  constructor(readonly cfg: Cfg) {
    this.rpo = reversePostorder(cfg);
    this.idoms = computeIdoms(cfg);
    this.childLists = cfg.blocks.map(() => []);
    for (const b of this.rpo) {
      const d = this.idoms[b]!;
      if (d >= 0) this.childLists[d]!.push(b);
    }
    this.enter = new Int32Array(cfg.size).fill(-1);
    this.exit = new Int32Array(cfg.size).fill(-1);
    this.numberTree();
  }

  isReachable(b: Block): boolean {
    return this.isReachableIndex(this.index(b));
  }

  isReachableIndex(b: number): boolean {
    return this.enter[b]! >= 0;
  }

  /** The immediate dominator, or undefined for the entry and unreachable blocks. */
  idom(b: Block): Block | undefined {
    const d = this.idoms[this.index(b)]!;
    return d >= 0 ? this.cfg.blocks[d] : undefined;
  }

  /** Index form of `idom`: -1 for the entry and unreachable blocks. */
  idomIndex(b: number): number {
    return this.idoms[b]!;
  }

  /** Blocks whose immediate dominator is `b`, in reverse postorder. */
  children(b: Block): Block[] {
    return this.childLists[this.index(b)]!.map((i) => this.cfg.blocks[i]!);
  }

  childIndices(b: number): readonly number[] {
    return this.childLists[b]!;
  }

  /** Reflexive: every block dominates itself. */
  dominates(a: Block, b: Block): boolean {
    return this.dominatesIndex(this.index(a), this.index(b));
  }

  strictlyDominates(a: Block, b: Block): boolean {
    return a !== b && this.dominates(a, b);
  }

  dominatesIndex(a: number, b: number): boolean {
    if (a === b) return true;
    const ea = this.enter[a]!,
      eb = this.enter[b]!;
    if (ea < 0 || eb < 0) return false;
    return ea <= eb && this.exit[b]! <= this.exit[a]!;
  }

  private index(b: Block): number {
    const i = this.cfg.indexOf(b);
    if (i < 0) throw new Error(`block ^${b.name} is not in this dominator tree`);
    return i;
  }

  private numberTree(): void {
    if (this.rpo.length === 0) return;
    let clock = 0;
    const stack: number[] = [0];
    const nextChild: number[] = [0];
    this.enter[0] = clock++;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const b = stack[top]!;
      const kids = this.childLists[b]!;
      const k = nextChild[top]!;
      if (k < kids.length) {
        nextChild[top] = k + 1;
        const c = kids[k]!;
        this.enter[c] = clock++;
        stack.push(c);
        nextChild.push(0);
      } else {
        this.exit[b] = clock++;
        stack.pop();
        nextChild.pop();
      }
    }
  }
}

export function computeDominators(cfg: Cfg): DomTree {
  return new DomTree(cfg);
}

/** Depth-first spanning tree from the entry: blocks in preorder, each block's preorder
 *  number (-1 when unreachable) and its tree parent's preorder number. */
interface DfsTree {
  vertex: number[];
  pre: Int32Array;
  parent: Int32Array;
}

function dfsTree(cfg: Cfg): DfsTree {
  const pre = new Int32Array(cfg.size).fill(-1);
  const vertex: number[] = [];
  const parents: number[] = [];
  if (cfg.size === 0) return { vertex, pre, parent: new Int32Array(0) };
  const stack: number[] = [0];
  const nextEdge: number[] = [0];
  pre[0] = 0;
  vertex.push(0);
  parents.push(-1);
  while (stack.length > 0) {
    const top = stack.length - 1;
    const b = stack[top]!;
    const succs = cfg.succs[b]!;
    const e = nextEdge[top]!;
    if (e >= succs.length) {
      stack.pop();
      nextEdge.pop();
      continue;
    }
    nextEdge[top] = e + 1;
    const s = succs[e]!;
    if (pre[s]! >= 0) continue;
    pre[s] = vertex.length;
    vertex.push(s);
    parents.push(pre[b]!);
    stack.push(s);
    nextEdge.push(0);
  }
  return { vertex, pre, parent: Int32Array.from(parents) };
}

/**
 * Semi-NCA (Georgiadis; as in LLVM): Lengauer-Tarjan semidominators with path compression,
 * then each idom as the nearest common ancestor of the DFS parent and the semidominator.
 * Chosen over Cooper-Harvey-Kennedy, whose intersect walks go quadratic when thousands of
 * blocks deep in the tree branch to one shared exit (a common shape for compiled clauses).
 * Works on preorder numbers internally; returns idoms by block index.
 */
function computeIdoms(cfg: Cfg): Int32Array {
  const { vertex, pre, parent } = dfsTree(cfg);
  const n = vertex.length;
  const semi = Int32Array.from({ length: n }, (_, i) => i);
  const label = Int32Array.from({ length: n }, (_, i) => i);
  const ancestor = new Int32Array(n).fill(-1);
  const path: number[] = [];
  // The vertex of least semidominator on v's forest path; compresses iteratively because
  // a recursive compress overflows the host stack on long chains.
  const evaluate = (v: number): number => {
    if (ancestor[v]! < 0) return v;
    for (let u = v; ancestor[ancestor[u]!]! >= 0; u = ancestor[u]!) path.push(u);
    while (path.length > 0) {
      const x = path.pop()!;
      const a = ancestor[x]!;
      if (semi[label[a]!]! < semi[label[x]!]!) label[x] = label[a]!;
      ancestor[x] = ancestor[a]!;
    }
    return label[v]!;
  };
  for (let w = n - 1; w > 0; w--) {
    for (const p of cfg.preds[vertex[w]!]!) {
      const v = pre[p]!;
      if (v < 0) continue;
      const s = semi[evaluate(v)]!;
      if (s < semi[w]!) semi[w] = s;
    }
    ancestor[w] = parent[w]!;
  }
  const idomPre = new Int32Array(n);
  for (let w = 1; w < n; w++) {
    let x = parent[w]!;
    while (x > semi[w]!) x = idomPre[x]!;
    idomPre[w] = x;
  }
  const idoms = new Int32Array(cfg.size).fill(-1);
  for (let w = 1; w < n; w++) idoms[vertex[w]!] = vertex[idomPre[w]!]!;
  return idoms;
}
