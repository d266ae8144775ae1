import { evalTerm, readNum } from './arith.ts';
import { formatFloat } from './format-float.ts';
import { fixed, general, scientific } from './decimal.ts';
import { instantiationError, raise, typeError } from './errors.ts';
import type { Heap } from './heap.ts';
import type { OperatorTable } from '../reader/operators.ts';
import { formatTerm } from './writer.ts';

/** A fill point of the pending column segment: where `~t` stood and its fill character. */
interface Fill {
  at: number;
  char: string;
}

/** The format/2 directive's text, as an atom, a code list or a char list gives it. */
export function formatText(h: Heap, t0: number): string {
  const t = h.deref(t0);
  const k = h.kind(t);
  if (k === 'var') return instantiationError(h);
  if (k === 'atom') return h.atomName(t);
  if (k === 'text') return h.text(t);
  if (k === 'int' || k === 'big' || k === 'flt') return typeError(h, 'text', t);
  const items = h.listItems(t);
  if (items === null) return typeError(h, 'text', t);
  let text = '';
  for (const x of items) {
    const c = h.deref(x);
    if (h.kind(c) === 'int' && c >> 1 >= 0 && c >> 1 <= 0x10ffff) text += String.fromCodePoint(c >> 1);
    else if (h.kind(c) === 'atom' && [...h.atomName(c)].length === 1) text += h.atomName(c);
    else return typeError(h, 'text', t);
  }
  return text;
}

/**
 * Runs format/2's directives over `args` as SWI-Prolog does, column stops included: text
 * since the last column stop is pending, and a stop (`~N|`, `~N+`) pads it at its `~t` fill
 * points (or at its end when it has none), SWI's way of spreading the padding included.
 * Columns count from the start of the line the output stream is on (`column`). Complete
 * text is handed to `write` as it is made, so what preceded an error is still printed.
 */
export function runFormat(
  h: Heap,
  ops: OperatorTable,
  fmt: string,
  args: number[],
  column: number,
  write: (text: string) => void,
): void {
  const chars = [...fmt];
  let pending = '';
  let fills: Fill[] = [];
  /** Column where the pending segment starts, and the last column stop. */
  let segStart = column;
  // SWI counts `~N+` from the line start in a call that starts mid-line, not from the column.
  let lastStop = 0;
  let next = 0;

  const fmtError = (msg: string): never => {
    flushPending();
    return raise(h, h.str('format', h.atom(msg)));
  };
  /** Runs f; what was formatted before an error it raises is still printed. */
  const flushingOnError = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      flushPending();
      throw e;
    }
  };
  const nextArg = (): number => {
    if (next >= args.length) fmtError('not enough arguments');
    return h.deref(args[next++]!);
  };
  const flushPending = (): void => {
    write(pending);
    const nl = pending.lastIndexOf('\n');
    segStart = nl < 0 ? segStart + [...pending].length : [...pending.slice(nl + 1)].length;
    if (nl >= 0) lastStop = 0;
    pending = '';
    fills = [];
  };
  const put = (text: string): void => {
    if (text.includes('\n')) {
      // A new line starts a new segment: its fill points are gone (SWI pads nothing there).
      pending += text;
      flushPending();
      return;
    }
    pending += text;
  };
  const columnStop = (target: number): void => {
    const width = [...pending].length;
    const pad = target - (segStart + width);
    if (pad > 0) {
      const points = fills.length > 0 ? fills : [{ at: pending.length, char: ' ' }];
      const sizes = spread(points.length, pad);
      let out = '';
      let from = 0;
      points.forEach((p, i) => {
        out += pending.slice(from, p.at) + p.char.repeat(sizes[i]!);
        from = p.at;
      });
      pending = out + pending.slice(from);
    }
    flushPending();
    lastStop = Math.max(target, segStart);
  };
  const intArg = (d: string): bigint => {
    const t = nextArg();
    const k = h.kind(t);
    if (k === 'int' || k === 'big') return h.integer(t);
    // SWI evaluates anything else: `~d` of 1+2 prints 3, of x raises type_error(evaluable, x/0).
    const v = flushingOnError(() => evalTerm(h, t));
    return typeof v === 'bigint' ? v : argType(d, t);
  };
  const argType = (d: string, t: number): never => {
    flushPending();
    return raise(h, h.str('format_argument_type', h.atom(d), t));
  };
  const text = (t: number, quoted: boolean): string =>
    formatTerm(h, ops, t, { quoted, ignoreOps: false, numberVars: true });

  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== '~') {
      put(c);
      continue;
    }
    i++;
    if (i >= chars.length) fmtError('truncated format specification');
    // The numeric argument: digits, `*` (taken from the arguments) or `` `c `` (a character).
    let num: number | null = null;
    let fillChar = ' ';
    if (chars[i] === '*') {
      const n = h.deref(nextArg());
      if (h.kind(n) !== 'int' || n >> 1 < 0) fmtError("no or negative integer for `*' argument");
      num = n >> 1;
      i++;
    } else if (chars[i] === '`') {
      fillChar = chars[i + 1] ?? ' ';
      num = fillChar.codePointAt(0)!;
      i += 2;
    } else {
      let digits = '';
      while (i < chars.length && /[0-9]/.test(chars[i]!)) digits += chars[i++];
      if (digits !== '') num = Number(digits);
    }
    const d = chars[i];
    if (d === undefined) fmtError('truncated format specification');
    switch (d) {
      case '~':
        put('~');
        break;
      case 'w':
        put(text(nextArg(), false));
        break;
      case 'p':
      case 'q':
        put(text(nextArg(), true));
        break;
      case 'a': {
        const t = nextArg();
        if (h.kind(t) === 'var') instantiationError(h);
        if (h.kind(t) === 'str') argType('a', t);
        put(text(t, false));
        break;
      }
      case 'd':
      case 'D': {
        const v = intArg(d);
        put(groupDigits(v, num ?? 0, d === 'D'));
        break;
      }
      case 'f':
      case 'e':
      case 'g': {
        const t = nextArg();
        const n = readNum(h, t) ?? flushingOnError(() => evalTerm(h, t)); // SWI evaluates: `~2f` of 1/3 prints 0.33
        const x = typeof n === 'bigint' ? n : n.f;
        if (typeof x === 'number' && !Number.isFinite(x)) put(formatFloat(x));
        else put(d === 'f' ? fixed(x, num ?? 6) : d === 'e' ? scientific(x, num ?? 6) : general(x, num ?? 6));
        break;
      }
      case 'n':
        put('\n'.repeat(num ?? 1));
        break;
      case 'c': {
        const t = nextArg();
        if (h.kind(t) !== 'int' || t >> 1 < 0 || t >> 1 > 0x10ffff) argType('c', t);
        put(String.fromCodePoint(t >> 1).repeat(num ?? 1));
        break;
      }
      case 'r':
      case 'R': {
        const v = intArg(d);
        if (num === null || num < 2 || num > 36) fmtError('radix expected (2..36)');
        const s = v.toString(num!);
        put(d === 'R' ? s.toUpperCase() : s);
        break;
      }
      case 's': {
        const t = nextArg();
        put(formatText(h, t));
        break;
      }
      case 'i':
        nextArg();
        break;
      case 't':
        fills.push({ at: pending.length, char: num === null ? ' ' : String.fromCodePoint(num) });
        break;
      case '|':
        columnStop(num ?? segStart + [...pending].length);
        break;
      case '+':
        columnStop(lastStop + (num ?? 8));
        break;
      default:
        flushPending();
        raise(h, h.str('existence_error', h.atom('format_character'), h.atom(d)));
    }
  }
  if (next < args.length) fmtError('too many arguments');
  flushPending();
}

/** How SWI-Prolog spreads `pad` columns over `n` fill points: evenly, the rest one by one
 *  from the middle outwards, alternating sides; a share falling outside is dropped (as SWI
 *  drops it). */
function spread(n: number, pad: number): number[] {
  const base = Math.floor(pad / n);
  const sizes = new Array<number>(n).fill(base);
  const mid = Math.floor(n / 2);
  for (let k = 0, left = pad - base * n; left > 0; k++, left--) {
    const at = mid + (k % 2 === 1 ? k : -k);
    if (at >= 0 && at < n) sizes[at]!++;
  }
  return sizes;
}

/** `~Nd`: the integer with a decimal point N digits from the right; `~ND` also groups the
 *  integer part by thousands with commas. */
function groupDigits(v: bigint, n: number, group: boolean): string {
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString();
  let frac = '';
  if (n > 0) {
    digits = digits.padStart(n + 1, '0');
    frac = `.${digits.slice(digits.length - n)}`;
    digits = digits.slice(0, digits.length - n);
  }
  if (group) digits = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return (neg ? '-' : '') + digits + frac;
}
