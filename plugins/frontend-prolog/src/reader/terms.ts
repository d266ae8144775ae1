/** Source terms as the reader produces them and the compiler consumes them. */
export type Term =
  | { k: 'atom'; name: string }
  | { k: 'int'; v: bigint }
  | { k: 'flt'; v: number }
  /** An SWI-7 string ("..." under the default double_quotes flag). */
  | { k: 'string'; v: string }
  | { k: 'var'; name: string }
  | { k: 'str'; name: string; args: Term[] };

export const atom = (name: string): Term => ({ k: 'atom', name });
/** Terms are never changed once read: small integers (character codes above all, which
 *  every string literal holds) are shared, one object each. */
const SMALL_INTS: Term[] = Array.from({ length: 1024 }, (_, i) => ({ k: 'int', v: BigInt(i) }));
export const int = (v: bigint | number): Term => {
  if (typeof v === 'number' && v >= 0 && v < 1024 && Number.isInteger(v)) return SMALL_INTS[v]!;
  if (typeof v === 'bigint' && v >= 0n && v < 1024n) return SMALL_INTS[Number(v)]!;
  return { k: 'int', v: BigInt(v) };
};
export const str = (name: string, args: Term[]): Term => (args.length === 0 ? atom(name) : { k: 'str', name, args });
export const NIL = atom('[]');

export function list(items: Term[], tail: Term = NIL): Term {
  let t = tail;
  for (let i = items.length - 1; i >= 0; i--) t = str('[|]', [items[i]!, t]);
  return t;
}

export function isCallable(t: Term): boolean {
  return t.k === 'atom' || t.k === 'str';
}

export function nameOf(t: Term): string {
  return t.k === 'atom' || t.k === 'str' ? t.name : '';
}

export function arityOf(t: Term): number {
  return t.k === 'str' ? t.args.length : 0;
}

/** Variables of t in first-occurrence order (anonymous `_` excluded: each is distinct). */
export function varsOf(t: Term, into: string[] = []): string[] {
  const seen = new Set(into);
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.k === 'var') {
      if (!seen.has(x.name)) {
        seen.add(x.name);
        into.push(x.name);
      }
    } else if (x.k === 'str') {
      for (let i = x.args.length - 1; i >= 0; i--) stack.push(x.args[i]!);
    }
  }
  return into;
}

export function isGround(t: Term): boolean {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.k === 'var') return false;
    if (x.k === 'str') for (const a of x.args) stack.push(a);
  }
  return true;
}

/** Whether t nests compound terms more than `limit` deep (stops looking there). */
export function deeperThan(t: Term, limit: number): boolean {
  const stack: [Term, number][] = [[t, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop()!;
    if (x.k !== 'str') continue;
    if (d >= limit) return true;
    for (const a of x.args) stack.push([a, d + 1]);
  }
  return false;
}
