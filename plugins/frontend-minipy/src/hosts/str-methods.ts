import type { Handle } from '#framework';
import { iterateValues } from './containers.ts';
import { typeName } from './format.ts';
import { asNum } from './numbers.ts';
import type { Py } from './py-context.ts';
import { strFormat, type KwArgs } from './string-format.ts';
import { FALSE, NONE, TRUE } from '../runtime/tags.ts';

/** A str method: the receiver in a handle, arguments held, keyword arguments (held) by name. */
export type StrMethod = (py: Py, self: Handle, args: number[], kwargs: KwArgs) => number;

const bool = (b: boolean): number => (b ? TRUE : FALSE);

function arity(py: Py, name: string, args: number[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  if (max === 0) py.raise('TypeError', `str.${name}() takes no arguments (${args.length} given)`);
  if (min === max && min === 1)
    py.raise('TypeError', `str.${name}() takes exactly one argument (${args.length} given)`);
  const tooFew = args.length < min;
  const limit = tooFew ? min : max;
  py.raise(
    'TypeError',
    `${name} expected ${tooFew ? 'at least' : 'at most'} ${limit} argument${limit === 1 ? '' : 's'}, got ${args.length}`,
  );
}

function strArg(py: Py, method: string, v: number, what = 'argument'): string {
  if (py.typeOf(v) !== py.t.str) py.raise('TypeError', `${method}() ${what} must be str, not ${typeName(py, v)}`);
  return py.readStr(v);
}

function optStr(py: Py, method: string, v: number | undefined): string | null {
  if (v === undefined || v === NONE) return null;
  if (py.typeOf(v) !== py.t.str) py.raise('TypeError', `${method} arg must be None or str`);
  return py.readStr(v);
}

function intArg(py: Py, v: number | undefined, dflt: number): number {
  if (v === undefined || v === NONE) return dflt;
  const n = asNum(py, v);
  if (!n || n.int === undefined)
    return py.raise('TypeError', `'${typeName(py, v)}' object cannot be interpreted as an integer`);
  return Number(n.int);
}

/** Python's slice bounds [start, end) over `len` code points. */
function bounds(py: Py, len: number, a: number[], from: number): [number, number] {
  const clamp = (i: number): number => (i < 0 ? Math.max(0, i + len) : Math.min(i, len));
  return [clamp(intArg(py, a[from], 0)), clamp(intArg(py, a[from + 1], len))];
}

function chars(py: Py, h: Handle): string[] {
  return [...py.readStr(py.get(h))];
}

/** Index of `sub` in `cs` within [start, end), by code points; -1 if absent. */
function search(cs: string[], sub: string[], start: number, end: number, last: boolean): number {
  if (sub.length === 0) return start <= end ? (last ? end : start) : -1;
  const matchAt = (i: number): boolean => sub.every((c, k) => cs[i + k] === c);
  if (last) {
    for (let i = end - sub.length; i >= start; i--) if (matchAt(i)) return i;
  } else for (let i = start; i + sub.length <= end; i++) if (matchAt(i)) return i;
  return -1;
}

function find(name: string, last: boolean, raise: boolean): StrMethod {
  return (py, s, a) => {
    arity(py, name, a, 1, 3);
    const cs = chars(py, s);
    const sub = [...strArg(py, name, a[0]!, 'argument 1')];
    const [start, end] = bounds(py, cs.length, a, 1);
    const i = search(cs, sub, start, end, last);
    if (i < 0 && raise) py.raise('ValueError', 'substring not found');
    return py.smallInt(i);
  };
}

/** The characters `strip` removes: whitespace, or those given. */
function stripper(name: string, left: boolean, right: boolean): StrMethod {
  return (py, s, a) => {
    arity(py, name, a, 0, 1);
    const set = optStr(py, name, a[0]);
    const strip = (c: string): boolean => (set === null ? /\s/u.test(c) : set.includes(c));
    const cs = chars(py, s);
    let i = 0;
    let j = cs.length;
    if (left) while (i < j && strip(cs[i]!)) i++;
    if (right) while (j > i && strip(cs[j - 1]!)) j--;
    return py.makeStr(cs.slice(i, j).join(''));
  };
}

function affix(name: string, atEnd: boolean): StrMethod {
  return (py, s, a) => {
    arity(py, name, a, 1, 3);
    const cs = chars(py, s);
    const [start, end] = bounds(py, cs.length, a, 1);
    const text = cs.slice(start, end).join('');
    const candidates =
      py.typeOf(a[0]!) === py.t.tuple
        ? py.tupleItems(a[0]!).map((v) => strArg(py, name, v, 'first arg'))
        : py.typeOf(a[0]!) === py.t.str
          ? [py.readStr(a[0]!)]
          : py.raise('TypeError', `${name} first arg must be str or a tuple of str, not ${typeName(py, a[0]!)}`);
    if (start > cs.length) return FALSE;
    return bool(candidates.some((c) => (atEnd ? text.endsWith(c) : text.startsWith(c))));
  };
}

function justify(name: string, where: 'left' | 'right' | 'center'): StrMethod {
  return (py, s, a) => {
    arity(py, name, a, 1, 2);
    const width = intArg(py, a[0], 0);
    const fill = a.length > 1 ? strArg(py, name, a[1]!, 'argument 2') : ' ';
    if ([...fill].length !== 1) py.raise('TypeError', 'The fill character must be exactly one character long');
    const cs = chars(py, s);
    const gap = width - cs.length;
    if (gap <= 0) return py.get(s);
    const text = cs.join('');
    if (where === 'left') return py.makeStr(text + fill.repeat(gap));
    if (where === 'right') return py.makeStr(fill.repeat(gap) + text);
    // CPython puts the odd extra pad on the left when the width is odd.
    const leftPad = (gap >> 1) + (gap & width & 1);
    return py.makeStr(fill.repeat(leftPad) + text + fill.repeat(gap - leftPad));
  };
}

function predicate(name: string, test: (s: string) => boolean): StrMethod {
  return (py, s, a) => (arity(py, name, a, 0), bool(test(py.readStr(py.get(s)))));
}

function mapped(name: string, f: (s: string) => string): StrMethod {
  return (py, s, a) => (arity(py, name, a, 0), py.makeStr(f(py.readStr(py.get(s)))));
}

const isCased = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();

function title(s: string): string {
  let out = '';
  let previousCased = false;
  for (const c of s) {
    if (isCased(c)) {
      out += previousCased ? c.toLowerCase() : c.toUpperCase();
      previousCased = true;
    } else {
      out += c;
      previousCased = false;
    }
  }
  return out;
}

function splitter(name: string): StrMethod {
  return (py, s, a, kw) => {
    arity(py, name, a, 0, 2);
    const sepArg = a[0] ?? kw.get('sep');
    const sep = optStr(py, name, sepArg);
    let max = intArg(py, a[1] ?? kw.get('maxsplit'), -1);
    if (sep === '') py.raise('ValueError', 'empty separator');
    const text = py.readStr(py.get(s));
    const parts: string[] = [];
    if (sep === null) {
      const words = text.split(/\s+/u).filter((x) => x !== '');
      if (max < 0 || words.length <= max + 1) parts.push(...words);
      else {
        // Past `max` splits the rest stays whole, trailing spaces stripped only on the left.
        let rest = text.replace(/^\s+/u, '');
        while (max-- > 0) {
          const m = /\s+/u.exec(rest)!;
          parts.push(rest.slice(0, m.index));
          rest = rest.slice(m.index + m[0].length);
        }
        parts.push(rest);
      }
    } else {
      let rest = text;
      for (let i = rest.indexOf(sep); i >= 0 && max !== 0; i = rest.indexOf(sep), max--) {
        parts.push(rest.slice(0, i));
        rest = rest.slice(i + sep.length);
      }
      parts.push(rest);
    }
    const strs = py.holdAll(new Array<number>(parts.length).fill(NONE));
    for (let i = 0; i < parts.length; i++) strs[i] = py.makeStr(parts[i]!);
    return py.makeList(strs);
  };
}

export const STR_METHODS: Record<string, StrMethod> = {
  join: (py, s, a) => {
    arity(py, 'join', a, 1);
    const parts = iterateValues(py, a[0]!).map((v, i) => {
      if (py.typeOf(v) !== py.t.str)
        py.raise('TypeError', `sequence item ${i}: expected str instance, ${typeName(py, v)} found`);
      return py.readStr(v);
    });
    return py.makeStr(parts.join(py.readStr(py.get(s))));
  },
  split: splitter('split'),
  upper: mapped('upper', (s) => s.toUpperCase()),
  lower: mapped('lower', (s) => s.toLowerCase()),
  title: mapped('title', title),
  capitalize: mapped('capitalize', (s) => {
    const [first = '', ...rest] = [...s];
    return first.toUpperCase() + rest.join('').toLowerCase();
  }),
  swapcase: mapped('swapcase', (s) =>
    [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  ),
  strip: stripper('strip', true, true),
  lstrip: stripper('lstrip', true, false),
  rstrip: stripper('rstrip', false, true),
  startswith: affix('startswith', false),
  endswith: affix('endswith', true),
  find: find('find', false, false),
  rfind: find('rfind', true, false),
  index: find('index', false, true),
  rindex: find('rindex', true, true),
  count: (py, s, a) => {
    arity(py, 'count', a, 1, 3);
    const cs = chars(py, s);
    const sub = [...strArg(py, 'count', a[0]!, 'argument 1')];
    const [start, end] = bounds(py, cs.length, a, 1);
    if (sub.length === 0) return py.smallInt(end >= start ? end - start + 1 : 0);
    let n = 0;
    for (let i = search(cs, sub, start, end, false); i >= 0; i = search(cs, sub, i + sub.length, end, false)) n++;
    return py.smallInt(n);
  },
  replace: (py, s, a) => {
    arity(py, 'replace', a, 2, 3);
    const text = py.readStr(py.get(s));
    const old = strArg(py, 'replace', a[0]!, 'argument 1');
    const by = strArg(py, 'replace', a[1]!, 'argument 2');
    let count = intArg(py, a[2], -1);
    if (old === '') {
      const cs = [...text];
      let out = '';
      for (let i = 0; i <= cs.length; i++) {
        if (count !== 0) {
          out += by;
          count--;
        }
        if (i < cs.length) out += cs[i];
      }
      return py.makeStr(out);
    }
    const pieces = text.split(old);
    if (count < 0 || count >= pieces.length - 1) return py.makeStr(pieces.join(by));
    return py.makeStr(pieces.slice(0, count + 1).join(by) + old + pieces.slice(count + 1).join(old));
  },
  isdigit: predicate('isdigit', (s) => /^\p{Nd}+$/u.test(s)),
  isnumeric: predicate('isnumeric', (s) => /^\p{N}+$/u.test(s)),
  isdecimal: predicate('isdecimal', (s) => /^\p{Nd}+$/u.test(s)),
  isalpha: predicate('isalpha', (s) => /^\p{L}+$/u.test(s)),
  isalnum: predicate('isalnum', (s) => /^[\p{L}\p{N}]+$/u.test(s)),
  isspace: predicate('isspace', (s) => /^\s+$/u.test(s)),
  isupper: predicate('isupper', (s) => [...s].some(isCased) && s === s.toUpperCase()),
  islower: predicate('islower', (s) => [...s].some(isCased) && s === s.toLowerCase()),
  istitle: predicate('istitle', (s) => [...s].some(isCased) && s === title(s)),
  center: justify('center', 'center'),
  ljust: justify('ljust', 'left'),
  rjust: justify('rjust', 'right'),
  zfill: (py, s, a) => {
    arity(py, 'zfill', a, 1);
    const width = intArg(py, a[0], 0);
    const cs = chars(py, s);
    if (cs.length >= width) return py.get(s);
    const sign = cs[0] === '-' || cs[0] === '+' ? cs.shift()! : '';
    return py.makeStr(sign + '0'.repeat(width - cs.length - sign.length) + cs.join(''));
  },
  splitlines: (py, s, a) => {
    arity(py, 'splitlines', a, 0, 1);
    const keep = a.length > 0 && a[0] !== FALSE && a[0] !== py.smallInt(0);
    const text = py.readStr(py.get(s));
    // CPython's line boundaries: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
    const lines: string[] = [];
    for (const m of text.matchAll(
      /[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]|$)/g,
    )) {
      if (m[0] === '') break;
      lines.push(keep ? m[0] : m[0].slice(0, m[0].length - m[1]!.length));
    }
    const strs = py.holdAll(lines.map(() => NONE));
    for (let k = 0; k < lines.length; k++) strs[k] = py.makeStr(lines[k]!);
    return py.makeList(strs);
  },
  partition: (py, s, a) => {
    arity(py, 'partition', a, 1);
    const text = py.readStr(py.get(s));
    const sep = strArg(py, 'partition', a[0]!, 'argument');
    if (sep === '') py.raise('ValueError', 'empty separator');
    const i = text.indexOf(sep);
    const parts = i < 0 ? [text, '', ''] : [text.slice(0, i), sep, text.slice(i + sep.length)];
    const strs = py.holdAll([NONE, NONE, NONE]);
    for (let k = 0; k < 3; k++) strs[k] = py.makeStr(parts[k]!);
    return py.makeTuple(strs);
  },
  format: (py, s, a, kw) => py.makeStr(strFormat(py, py.readStr(py.get(s)), a, kw)),
};

/** Methods of str that take keyword arguments. */
export const STR_KEYWORD_METHODS = new Set(['format', 'split']);
