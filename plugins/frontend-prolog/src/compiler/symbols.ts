/** Atoms and functors share one id space; an immediate is `id << 2 | 2`. */
export class Symbols {
  readonly names: string[] = [];
  readonly arities: number[] = [];
  /** Ids by arity, then name: no key string is built per lookup (fact tables look up
   *  every atom of every fact). */
  private readonly ids: Map<string, number>[] = [];

  constructor() {
    for (const [n, a] of FIXED) this.id(n, a);
  }

  /** A table numbering these symbols as given (the prepared library's), to extend. */
  static from(names: readonly string[], arities: readonly number[]): Symbols {
    const s = new Symbols();
    names.forEach((n, i) => {
      if (s.id(n, arities[i]!) !== i) throw new Error(`symbol table: ${n}/${arities[i]} is not #${i}`);
    });
    return s;
  }

  id(name: string, arity: number): number {
    const byName = (this.ids[arity] ??= new Map());
    let id = byName.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.arities.push(arity);
      byName.set(name, id);
    }
    return id;
  }

  imm(name: string, arity = 0): number {
    return (this.id(name, arity) << 2) | 2;
  }

  find(name: string, arity: number): number | undefined {
    return this.ids[arity]?.get(name);
  }
}

const FIXED: [string, number][] = [
  ['[]', 0],
  ['[|]', 2],
  ['->', 2],
  ['*->', 2],
  [':-', 2],
  ['true', 0],
  ['error', 2],
  ['{}', 1],
  ['-', 1],
  ['/', 2],
];

export const immBits = (id: number): number => (id << 2) | 2;
export const smallIntBits = (n: number): number => (n << 1) | 1 | 0;
