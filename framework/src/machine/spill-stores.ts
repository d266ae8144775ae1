import { BitSet } from './bitset.ts';
import type { IntervalSet } from './build-intervals.ts';
import type { Loops } from './loop-depth.ts';
import type { MachCfg } from './machine-cfg.ts';
import type { MachFunction } from './machine-function.ts';
import type { ParallelMove } from './parallel-moves.ts';
import type { Allocation } from './regalloc-linear-scan.ts';
import type { VReg } from './regs.ts';

/** A place a spill store could go: a gap or an edge's moves, in block `block`. */
export interface StoreSite {
  readonly map: Map<number, ParallelMove[]>;
  readonly key: number;
  readonly block: number;
  readonly m: ParallelMove;
  readonly edge?: { readonly from: number; readonly to: number };
}

/**
 * Decides where spilled values are stored. A store costs two hundred register operations
 * in the emulator, and compiled Prolog keeps its calls on slow paths, so by default a
 * value is stored lazily: where one of its pieces goes from a register to the stack (in
 * the gap before the call that clobbers it, or on an edge), and only when it is not stored
 * on every path there already — values are SSA, so a written slot stays valid until the
 * definition runs again (a forward must-analysis over the blocks). A value that would be
 * stored inside a loop its definition is outside of is stored once after its definition
 * instead, so loops do not store on every trip.
 */
export class SpillStores {
  private readonly defSites = new Map<VReg, StoreSite[]>();
  private readonly lazySites = new Map<VReg, StoreSite[]>();

  constructor(
    private readonly mf: MachFunction<unknown>,
    private readonly cfg: MachCfg,
    private readonly set: IntervalSet,
    private readonly alloc: Allocation,
    private readonly loops: Loops,
  ) {}

  /** The store right after v's definition (used when v is stored eagerly). */
  atDef(v: VReg, site: StoreSite): void {
    push(this.defSites, v, site);
  }

  /** A register → stack transition of v (used when v is stored lazily). */
  lazy(v: VReg, site: StoreSite): void {
    push(this.lazySites, v, site);
  }

  /** The stores to make. */
  placed(): StoreSite[] {
    const linear = this.set.linear;
    const depth = this.loops.depth;
    const defBlock = (v: VReg): number => {
      const site = this.set.defSites[v]!;
      return site.kind === 'param' ? site.block : linear.blockAt[site.index]!;
    };
    const out: StoreSite[] = [];
    const lazyVregs: VReg[] = [];
    for (const v of this.alloc.spilled) {
      const sites = this.lazySites.get(v) ?? [];
      const home = depth[defBlock(v)]!;
      if (sites.some((s) => depth[s.block]! > home)) out.push(...(this.defSites.get(v) ?? []));
      else if (sites.length > 0) lazyVregs.push(v);
    }
    if (lazyVregs.length === 0) return out;
    const stored = this.storedAtBlockEnds(lazyVregs);
    const byBlock = new Map<number, { v: VReg; s: StoreSite }[]>();
    for (const v of lazyVregs) {
      for (const s of this.lazySites.get(v)!) {
        if (s.edge) {
          if (!stored.out[s.edge.from]!.has(v)) out.push(s);
        } else push(byBlock, s.block, { v, s });
      }
    }
    for (const [b, sites] of byBlock) {
      const cur = new BitSet(stored.size);
      cur.assignUnionMinus(cur, stored.in[b]!, stored.defs[b]!);
      sites.sort((x, y) => x.s.key - y.s.key);
      const start = this.set.linear.blockStart(b);
      for (const { v, s } of sites) {
        if (cur.has(v) || this.onStackBetween(v, start, 2 * s.key)) continue;
        cur.add(v);
        out.push(s);
      }
    }
    return out;
  }

  /** Whether a piece of v lies on the stack somewhere in [from, to): then it is stored. */
  private onStackBetween(v: VReg, from: number, to: number): boolean {
    return this.alloc.pieces[v]!.some((p) => p.onStack && p.start < to && p.end > from);
  }

  /** Which lazily stored values are stored on every path to each block's start and end. */
  private storedAtBlockEnds(lazyVregs: VReg[]): { size: number; in: BitSet[]; out: BitSet[]; defs: BitSet[] } {
    const { mf, cfg, set } = this;
    const size = set.intervals.length;
    const n = mf.blocks.length;
    const make = (): BitSet[] => Array.from({ length: n }, () => new BitSet(size));
    const defs = make(),
      params = make(),
      gen = make(),
      ins = make(),
      outs = make();
    const edgeGen = new Map<string, BitSet>();
    const order = set.linear.order;
    set.defSites.forEach((site, v) => {
      if (!site) return;
      if (site.kind === 'param') params[site.block]!.add(v);
      else defs[set.linear.blockAt[site.index]!]!.add(v);
    });
    for (const v of lazyVregs) {
      // A value on the stack anywhere in a block is stored from there on.
      for (const piece of this.alloc.pieces[v]!) {
        if (!piece.onStack) continue;
        const first = set.linear.blockAt[piece.start >> 1]!,
          last = set.linear.blockAt[(piece.end - 1) >> 1]!;
        for (let i = order.indexOf(first); i >= 0 && i < order.length; i++) {
          gen[order[i]!]!.add(v);
          if (order[i] === last) break;
        }
      }
      for (const s of this.lazySites.get(v)!) {
        if (!s.edge) gen[s.block]!.add(v);
        else {
          const key = `${s.edge.from}>${s.edge.to}`;
          let g = edgeGen.get(key);
          if (!g) edgeGen.set(key, (g = new BitSet(size)));
          g.add(v);
        }
      }
    }
    for (const b of order) if (b !== order[0]) outs[b]!.fill();
    const empty = new BitSet(size);
    const tmp = new BitSet(size);
    for (let changed = true; changed; ) {
      changed = false;
      for (const b of order) {
        const inB = ins[b]!;
        if (b === order[0]) inB.copyFrom(empty);
        else {
          inB.fill();
          for (const p of cfg.preds[b]!) {
            if (set.linear.labelIndex[p]! < 0) continue;
            tmp.assignUnionMinus(edgeGen.get(`${p}>${b}`) ?? empty, outs[p]!, params[b]!);
            inB.intersectWith(tmp);
          }
        }
        if (outs[b]!.assignUnionMinus(gen[b]!, inB, defs[b]!)) changed = true;
      }
    }
    return { size, in: ins, out: outs, defs };
  }
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(item);
}
