import { isHostBuiltin } from '../protocol/host-protocol.ts';
import { isInlineBuiltin, type EmitContext, type Target } from './clause-ir.ts';
import { emitSlot, slotGlobal, type SlotPredicate } from './dynamic-slots.ts';
import { ConstPool, Fn } from './ir-text.ts';
import { emitPredicate, type Predicate } from './predicate-ir.ts';
import { emitSemidet, isFlat, isSmallFlat, semidetName } from './semidet-ir.ts';
import type { Symbols } from './symbols.ts';

/** Runtime functions that take the goal term (wrapper convention). */
export const WRAPPERS: Record<string, string> = {
  'call/1': 'ctl$call1',
  'findall/3': 'ctl$findall',
  'catch/3': 'ctl$catch',
  'throw/1': 'ctl$throw',
  '$clause/3': 'ctl$clause',
  'repeat/0': 'ctl$repeat',
  ',/2': 'ctl$conj',
  ';/2': 'ctl$or',
  '->/2': 'ctl$ite',
  '*->/2': 'ctl$softite',
  '\\+/1': 'ctl$not',
  '!/0': 'ctl$cut',
  'not/1': 'ctl$not',
};
for (let n = 2; n <= 9; n++) WRAPPERS[`call/${n}`] = 'ctl$callN';

/** A predicate compiled in another unit (the prepared library), reached by name. */
export interface OutsidePredicate {
  fn: string;
  /** Its first-solution test function, when it is flat. */
  semidet: string | null;
}

export interface UnitOptions {
  syms: Symbols;
  consts: ConstPool;
  /** The predicates this unit compiles, in order. */
  preds: readonly Predicate[];
  /** Predicates compiled elsewhere, by `name/arity`; this unit's own and its dynamic
   *  declarations hide them. */
  outside?: ReadonlyMap<string, OutsidePredicate>;
  /** Keys declared `:- dynamic`: they get code slots first, in this order. */
  dynamic?: ReadonlySet<string>;
  /** Emit the test function of every flat predicate (a library, whose callers come later),
   *  not only of those called right before a cut. */
  allTests?: boolean;
}

/**
 * One compilation unit of Prolog predicates: the library (compiled once, prepared and
 * cached) or a program (compiled against the library). Calls resolve to this unit's
 * predicates first, then to the library's, then to the runtime's wrappers, host builtins
 * and inline builtins; anything else is a dynamic predicate reached through a code slot.
 */
export class Unit {
  readonly fns: Fn[] = [];
  readonly slotted = new Map<string, SlotPredicate>();
  /** Own predicates whose test functions were emitted. */
  readonly tested = new Set<Predicate>();
  /** For each predicate, the other predicates its code names (`name/arity` keys). */
  readonly references = new Map<Predicate, Set<string>>();
  /** For each predicate, the functions emitted for it (test functions aside). */
  readonly functionsOf = new Map<Predicate, string[]>();
  private readonly byKey = new Map<string, Predicate>();
  private readonly syms: Symbols;
  private readonly outside: ReadonlyMap<string, OutsidePredicate>;
  private readonly dynamic: ReadonlySet<string>;
  private slotDecls: string[] = [];

  constructor(private readonly opts: UnitOptions) {
    this.syms = opts.syms;
    this.outside = opts.outside ?? new Map();
    this.dynamic = opts.dynamic ?? new Set();
    for (const p of opts.preds) this.byKey.set(`${p.name}/${p.arity}`, p);
    for (const key of this.dynamic) this.slotOf(key);
  }

  /** Emits every predicate (and what they need: test functions, slots). */
  emit(): void {
    let current: Predicate | null = null;
    const note = (name: string, arity: number): void => {
      const key = `${name}/${arity}`;
      if (current && key !== `${current.name}/${current.arity}`) this.references.get(current)!.add(key);
    };
    const ctx: EmitContext = {
      syms: this.syms,
      consts: this.opts.consts,
      add: (f) => {
        this.fns.push(f);
        if (current) this.functionsOf.get(current)!.push(f.name);
      },
      target: (name, arity) => {
        note(name, arity);
        return this.resolve(name, arity, true);
      },
      semidet: (name, arity) => {
        note(name, arity);
        return this.semidet(name, arity, true);
      },
      inlineable: (name, arity) => {
        const own = this.byKey.get(`${name}/${arity}`);
        return own && isSmallFlat(own) ? own.clauses : null;
      },
    };
    for (const p of this.opts.preds) {
      current = p;
      this.references.set(p, new Set());
      this.functionsOf.set(p, []);
      emitPredicate(ctx, p);
    }
    current = null;
    if (this.opts.allTests) for (const p of this.opts.preds) if (isFlat(p)) this.tested.add(p);
    for (const p of this.tested) emitSemidet(ctx, p);
    this.slotDecls = [...this.slotted.values()].map((sp) => emitSlot(ctx.add, sp, this.syms.imm(sp.name, sp.arity)));
  }

  /** The predicate `key` names in this unit or outside it, as calls see it. */
  predicate(key: string): { fn: string } | undefined {
    const own = this.byKey.get(key);
    if (own) return own;
    return this.dynamic.has(key) ? undefined : this.outside.get(key);
  }

  /**
   * How a call of name/arity runs. `newSlots`: an unknown predicate gets a code slot (while
   * compiling); code compiled at run time cannot add globals, so it uses the matcher.
   */
  resolve(name: string, arity: number, newSlots: boolean): Target {
    const key = `${name}/${arity}`;
    const p = this.predicate(key);
    if (p) return { kind: 'pred', fn: p.fn };
    const w = WRAPPERS[key];
    if (w) return { kind: 'wrapper', fn: w };
    if (isHostBuiltin(key)) return { kind: 'host' };
    if (isInlineBuiltin(name, arity)) return { kind: 'inline' };
    const sp = this.slotted.get(key);
    if (sp) return { kind: 'dynamic', slot: sp.slot };
    return newSlots ? { kind: 'dynamic', slot: this.slotOf(key) } : { kind: 'wrapper', fn: 'dyn$call' };
  }

  /** The first-solution test function of a flat static predicate, if it has one.
   *  `emitting`: one of this unit's own gets its test function emitted now. */
  semidet(name: string, arity: number, emitting: boolean): string | null {
    const key = `${name}/${arity}`;
    const own = this.byKey.get(key);
    if (own) {
      if (emitting && isFlat(own)) this.tested.add(own);
      return this.tested.has(own) ? semidetName(own) : null;
    }
    if (this.dynamic.has(key)) return null;
    return this.outside.get(key)?.semidet ?? null;
  }

  /** Slot globals, then the function texts. */
  text(): string {
    return [...this.slotDecls, ...this.fns.map((f) => f.text())].join('\n');
  }

  /** Drops the emitted functions and the clauses once the text is out: code compiled at
   *  run time resolves its calls through this unit for the whole run, and needs names only. */
  release(): void {
    this.fns.length = 0;
    this.slotDecls = [];
    for (const p of this.opts.preds) p.clauses = [];
    this.references.clear();
  }

  /** `@name(%id: i32) -> i32`: the call/N wrapper of each symbol id in `cases` (the first
   *  of a repeated id wins), `fallback` for the others. */
  static lookup(name: string, cases: readonly [number, string][], fallback: (f: Fn) => void): Fn {
    const f = new Fn(`func @${name}(%id: i32) -> i32`);
    const seen = new Set<number>();
    const uniq = cases.filter(([i]) => !seen.has(i) && seen.add(i)).sort((a, b) => a[0] - b[0]);
    const labels = uniq.map(() => f.blk('f'));
    const dflt = f.blk('dflt');
    // A binary search down to a few cases per switch: a switch is a chain of compares on
    // some backends, and the library's lookup has hundreds of cases (call/1 of a builtin
    // such as true/0 or throw/1 ends here).
    const search = (lo: number, hi: number): void => {
      if (hi - lo <= 4) {
        const arms = uniq.slice(lo, hi).map(([i], j) => `${i}: ${labels[lo + j]}`);
        f.end(`switch %id, ${dflt}, [${arms.join(', ')}]`);
        return;
      }
      const mid = (lo + hi) >> 1;
      const left = f.blk('lo'),
        right = f.blk('hi');
      f.end(`brif ${f.val(`icmp.slt %id, ${f.iconst(uniq[mid]![0])}`)}, ${left}, ${right}`);
      f.label(left);
      search(lo, mid);
      f.label(right);
      search(mid, hi);
    };
    search(0, uniq.length);
    uniq.forEach(([, fn], j) => {
      f.label(labels[j]!);
      f.end(`ret ${f.val(`fref @${fn}`)}`);
    });
    f.label(dflt);
    fallback(f);
    return f;
  }

  /** Lookup cases of this unit: own predicates, then slots (a slot never shadows a wrapper). */
  lookupCases(): [number, string][] {
    const cases: [number, string][] = [];
    for (const p of this.opts.preds) cases.push([this.syms.id(p.name, p.arity), `${p.fn}$w`]);
    for (const [key, sp] of this.slotted)
      if (!WRAPPERS[key]) cases.push([this.syms.id(sp.name, sp.arity), `${slotGlobal(sp.slot)}$w`]);
    return cases;
  }

  private slotOf(key: string): number {
    let sp = this.slotted.get(key);
    if (!sp) {
      const slash = key.lastIndexOf('/');
      sp = { slot: this.slotted.size, name: key.slice(0, slash), arity: Number(key.slice(slash + 1)) };
      this.slotted.set(key, sp);
    }
    return sp.slot;
  }
}

export function keyId(syms: Symbols, key: string): number {
  const slash = key.lastIndexOf('/');
  return syms.id(key.slice(0, slash), Number(key.slice(slash + 1)));
}
