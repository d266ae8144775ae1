import type { Func } from '../../../ir/module.ts';

/**
 * Value replacements collected by a pass and applied in one sweep. Replacements may
 * chain (a → b, b → c); lookups follow the chain, so the order they were added in does
 * not matter.
 */
export class Substitution {
  private readonly map = new Map<number, number>();

  get size(): number {
    return this.map.size;
  }

  replace(from: number, to: number): void {
    const target = this.resolve(to);
    if (target !== from) this.map.set(from, target);
  }

  resolve(v: number): number {
    let r = v;
    for (let next = this.map.get(r); next !== undefined; next = this.map.get(r)) r = next;
    if (r !== v) this.map.set(v, r);
    return r;
  }

  has(v: number): boolean {
    return this.map.has(v);
  }

  /** Rewrites every operand and edge argument of the function; true when any changed. */
  applyTo(f: Func): boolean {
    if (this.map.size === 0) return false;
    let changed = false;
    const rewrite = (list: number[]): void => {
      for (let i = 0; i < list.length; i++) {
        const r = this.resolve(list[i]!);
        if (r !== list[i]) {
          list[i] = r;
          changed = true;
        }
      }
    };
    for (const b of f.blocks) {
      for (const inst of b.insts) {
        rewrite(inst.args);
        for (const t of inst.targets) rewrite(t.args);
      }
    }
    return changed;
  }
}
