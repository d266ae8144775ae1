import type { Block, FuncBuilder, Target, ValType } from '#framework';

interface Edge {
  from: Block;
  target: Target;
  /** Arguments written when the edge was made; variable arguments follow them. */
  fixedArgs: number;
  vars: Map<number, number>;
}

/**
 * Local variables to SSA block parameters, after Braun et al.'s "Simple and Efficient
 * Construction of SSA Form": blocks are sealed once all predecessors are known, and
 * variable arguments on edges are filled in by `finish()`, in parameter order.
 */
export class SsaVars {
  private readonly defs = new Map<Block, Map<string, number>>();
  private readonly sealed = new Set<Block>();
  private readonly incomplete = new Map<Block, Map<string, number>>();
  private readonly preds = new Map<Block, Edge[]>();
  private readonly fixedParams = new Map<Block, number>();
  private readonly varParams = new Map<Block, Map<number, string>>();
  /** Block parameters made for variables: they may hold the unbound marker (null). */
  readonly paramValues = new Set<number>();
  /** Variables that are not Python names (the compiler's own, e.g. loop counters) and hold
   *  another type than ref; they are always written before they are read. */
  private readonly types = new Map<string, ValType>();

  /** `undefinedValue(type)`: what a variable of that type reads as where it was never written
   *  (for Python names, the unbound marker; in dead code, any value of the type). */
  constructor(
    private readonly b: FuncBuilder,
    private readonly undefinedValue: (type: ValType) => number,
  ) {}

  /** Registers a block and how many of its parameters are not variables. */
  track(block: Block, fixed: number): void {
    this.fixedParams.set(block, fixed);
  }

  addEdge(from: Block, target: Target): void {
    const list = this.preds.get(target.block) ?? [];
    list.push({ from, target, fixedArgs: target.args.length, vars: new Map() });
    this.preds.set(target.block, list);
  }

  /** The compiler's own variables declared so far, with their types. */
  declared(): ReadonlyMap<string, ValType> {
    return this.types;
  }

  /** Declares a variable of the compiler's own with its type. */
  declare(name: string, type: ValType): void {
    this.types.set(name, type);
  }

  write(block: Block, name: string, v: number): void {
    let m = this.defs.get(block);
    if (!m) this.defs.set(block, (m = new Map()));
    m.set(name, v);
  }

  read(block: Block, name: string): number {
    // Walk single-predecessor chains iteratively: straight-line code splits into many blocks.
    const chain: Block[] = [];
    let b = block;
    let v: number | undefined;
    for (;;) {
      v = this.defs.get(b)?.get(name);
      if (v !== undefined) break;
      const ps = this.preds.get(b) ?? [];
      if (this.sealed.has(b) && ps.length === 1) {
        chain.push(b);
        b = ps[0]!.from;
        continue;
      }
      v = this.readAtJoin(b, name);
      break;
    }
    for (const c of chain) this.write(c, name, v);
    return v;
  }

  private readAtJoin(block: Block, name: string): number {
    if (this.sealed.has(block) && (this.preds.get(block) ?? []).length === 0)
      return this.undefinedValue(this.types.get(name) ?? 'ref');
    const p = this.newParam(block, name);
    this.write(block, name, p);
    if (!this.sealed.has(block)) {
      let m = this.incomplete.get(block);
      if (!m) this.incomplete.set(block, (m = new Map()));
      m.set(name, p);
    } else this.fillOperands(block, name, p);
    return p;
  }

  private newParam(block: Block, name: string): number {
    const p = this.b.func.newValue(this.types.get(name) ?? 'ref', name.replace(/[^A-Za-z0-9_]/g, '_'));
    block.params.push(p);
    this.paramValues.add(p);
    let m = this.varParams.get(block);
    if (!m) this.varParams.set(block, (m = new Map()));
    m.set(p, name);
    return p;
  }

  private fillOperands(block: Block, name: string, p: number): void {
    for (const e of this.preds.get(block) ?? []) e.vars.set(p, this.read(e.from, name));
  }

  seal(block: Block): void {
    if (this.sealed.has(block)) return;
    const pending = this.incomplete.get(block);
    this.sealed.add(block);
    if (pending) for (const [name, p] of pending) this.fillOperands(block, name, p);
    this.incomplete.delete(block);
  }

  /** Writes every edge's variable arguments in its target's parameter order. */
  finish(): void {
    for (const [block, edges] of this.preds) {
      const fixed = this.fixedParams.get(block) ?? 0;
      const varPs = block.params.slice(fixed);
      for (const e of edges) {
        e.target.args.length = e.fixedArgs;
        for (const p of varPs) {
          const v = e.vars.get(p);
          if (v === undefined)
            throw new Error(`internal: no argument for ${this.varParams.get(block)?.get(p)} on edge to ^${block.name}`);
          e.target.args.push(v);
        }
      }
    }
  }
}
