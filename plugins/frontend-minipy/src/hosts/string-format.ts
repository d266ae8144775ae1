import { dictGet } from './compare.ts';
import { getItem } from './containers.ts';
import { formatValue } from './format-spec.ts';
import { repr, toStr, typeName } from './format.ts';
import { asNum } from './numbers.ts';
import type { Py } from './py-context.ts';

/** Keyword arguments whose values stay current across allocations (read through held arrays). */
export interface KwArgs {
  readonly size: number;
  get(name: string): number | undefined;
}

export const NO_KWARGS: KwArgs = { size: 0, get: () => undefined };

/** Keyword arguments over `values`, which the caller holds (py.holdAll). */
export function heldKwargs(names: readonly string[], values: readonly number[]): KwArgs {
  return {
    size: names.length,
    get: (name) => {
      const i = names.indexOf(name);
      return i < 0 ? undefined : values[i];
    },
  };
}

/** repr with every non-ASCII character escaped, as `ascii()` and `!a` give it. */
export function asciiRepr(py: Py, v: number): string {
  let out = '';
  for (const ch of repr(py, v)) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return out;
}

/** A replacement field's value after its conversion (`!r`, `!s`, `!a`), then its spec. */
export function convertAndFormat(py: Py, v: number, conv: string, spec: string): string {
  if (conv === '') return formatValue(py, v, spec);
  const text = conv === 'r' ? repr(py, v) : conv === 'a' ? asciiRepr(py, v) : toStr(py, v);
  if (spec === '') return text;
  const held = py.hold(py.makeStr(text));
  return formatValue(py, py.get(held), spec);
}

/**
 * `fmt.format(*args, **kwargs)`. `args` and `kwargs` values are held by the caller;
 * field names may index (`{0[1]}`) but not take attributes.
 */
export function strFormat(py: Py, fmt: string, args: number[], kwargs: KwArgs): string {
  let auto = 0;
  let numbering: 'auto' | 'manual' | null = null;
  const field = (name: string): number => {
    const m = /^([^.[]*)((?:\[[^\]]*\])*)$/.exec(name);
    if (!m) return py.raise('ValueError', 'attribute access in format fields is not supported');
    let v: number;
    if (m[1] === '' || /^\d+$/.test(m[1]!)) {
      const mode = m[1] === '' ? 'auto' : 'manual';
      if (numbering && numbering !== mode)
        py.raise(
          'ValueError',
          mode === 'auto'
            ? 'cannot switch from manual field specification to automatic field numbering'
            : 'cannot switch from automatic field numbering to manual field specification',
        );
      numbering = mode;
      const i = mode === 'auto' ? auto++ : Number(m[1]);
      if (i >= args.length) py.raise('IndexError', `Replacement index ${i} out of range for positional args tuple`);
      v = args[i]!;
    } else {
      const k = kwargs.get(m[1]!);
      if (k === undefined) return py.raise('KeyError', py.makeStr(m[1]!));
      v = k;
    }
    for (const part of m[2]!.match(/\[[^\]]*\]/g) ?? []) {
      const key = part.slice(1, -1);
      const held = py.hold(v);
      const index = /^\d+$/.test(key) ? py.smallInt(Number(key)) : py.makeStr(key);
      v = getItem(py, py.get(held), index);
    }
    return v;
  };
  return expand(py, fmt, field, 0);
}

function expand(py: Py, fmt: string, field: (name: string) => number, depth: number): string {
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '}') {
      if (fmt[i + 1] !== '}') py.raise('ValueError', "Single '}' encountered in format string");
      out += '}';
      i += 2;
      continue;
    }
    if (c !== '{') {
      out += c;
      i++;
      continue;
    }
    if (fmt[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    // Find the matching close brace; a spec may hold nested fields.
    let j = i + 1;
    let nest = 1;
    while (j < fmt.length && nest > 0) {
      if (fmt[j] === '{') nest++;
      else if (fmt[j] === '}') nest--;
      if (nest > 0) j++;
    }
    if (j >= fmt.length) py.raise('ValueError', "Single '{' encountered in format string");
    if (depth > 1) py.raise('ValueError', 'Max string recursion exceeded');
    const body = fmt.slice(i + 1, j);
    const m = /^([^!:]*)(?:!([^:]*))?(?::(.*))?$/s.exec(body)!;
    const conv = m[2] ?? '';
    if (m[2] !== undefined && !['r', 's', 'a'].includes(conv)) {
      if (conv.length !== 1) py.raise('ValueError', "expected ':' after conversion specifier");
      py.raise('ValueError', `Unknown conversion specifier ${conv}`);
    }
    const spec = m[3] === undefined ? '' : expand(py, m[3], field, depth + 1);
    out += convertAndFormat(py, field(m[1]!), conv, spec);
    i = j + 1;
  }
  return out;
}

/** `fmt % values`, printf style. */
export function percentFormat(py: Py, fmt: string, values: number): string {
  const isTuple = py.typeOf(values) === py.t.tuple;
  const items = py.holdAll(isTuple ? py.tupleItems(values) : [values]);
  const mapping = !isTuple && py.typeOf(values) === py.t.dict ? py.hold(values) : null;
  let next = 0;
  const take = (): number => {
    if (next >= items.length) py.raise('TypeError', 'not enough arguments for format string');
    return items[next++]!;
  };
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)?/gs;
  let out = '';
  let last = 0;
  let usedMapping = false;
  for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    const type = m[5];
    if (type === undefined) py.raise('ValueError', 'incomplete format');
    if (type === '%' && m[0] === '%%') {
      out += '%';
      continue;
    }
    const flags = m[2]!;
    const width = m[3] === '*' ? Number(py.readInt(take())) : Number(m[3] ?? 0);
    const precision = m[4] === '*' ? Number(py.readInt(take())) : m[4] !== undefined ? Number(m[4]) : null;
    let v: number;
    if (m[1] !== undefined) {
      if (!mapping) py.raise('TypeError', 'format requires a mapping');
      const key = py.makeStr(m[1]);
      const found = dictGet(py, py.get(mapping!), key);
      if (found === undefined) py.raise('KeyError', key);
      v = found!;
      usedMapping = true;
    } else v = take();
    out += percentOne(py, v, type!, flags, width, precision, m.index + m[0].length - 1);
  }
  out += fmt.slice(last);
  if (next < items.length && !mapping && !usedMapping)
    py.raise('TypeError', 'not all arguments converted during string formatting');
  return out;
}

function percentOne(
  py: Py,
  v: number,
  type: string,
  flags: string,
  width: number,
  precision: number | null,
  at: number,
): string {
  const left = flags.includes('-');
  const padText = (s: string): string => (left ? s.padEnd(width) : s.padStart(width));
  switch (type) {
    case 's':
    case 'r':
    case 'a': {
      let s = type === 's' ? toStr(py, v) : type === 'r' ? repr(py, v) : asciiRepr(py, v);
      if (precision !== null) s = [...s].slice(0, precision).join('');
      return padText(s);
    }
    case 'c': {
      const s = py.typeOf(v) === py.t.str ? py.readStr(v) : String.fromCodePoint(Number(py.readInt(v)));
      return padText(s);
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      const n = asNum(py, v);
      const integral = type === 'x' || type === 'X' || type === 'o';
      if (!n || (integral && n.int === undefined))
        py.raise(
          'TypeError',
          `%${type} format: ${integral ? 'an integer' : 'a real number'} is required, not ${typeName(py, v)}`,
        );
      const i = n!.int ?? BigInt(Math.trunc(n!.float!));
      const base = type === 'o' ? 8 : type === 'd' || type === 'i' || type === 'u' ? 10 : 16;
      let digits = (i < 0n ? -i : i).toString(base);
      if (type === 'X') digits = digits.toUpperCase();
      if (precision !== null) digits = digits.padStart(precision, '0');
      const prefix = flags.includes('#') && base !== 10 ? `0${type}` : '';
      const sign = i < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      return zeroOrPad(sign + prefix, digits, flags, width);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const n = asNum(py, v);
      if (!n) py.raise('TypeError', `must be real number, not ${typeName(py, v)}`);
      const x = n!.int !== undefined ? Number(n!.int) : n!.float!;
      const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      const spec = `${sign}${flags.includes('#') ? '#' : ''}.${precision ?? 6}${type}`;
      const held = py.hold(py.makeFloat(x));
      const text = formatValue(py, py.get(held), spec);
      const lead = /^[-+ ]/.test(text) ? text[0]! : '';
      return zeroOrPad(lead, text.slice(lead.length), flags, width);
    }
    default:
      return py.raise(
        'ValueError',
        `unsupported format character '${type}' (0x${type.codePointAt(0)!.toString(16)}) at index ${at}`,
      );
  }
}

function zeroOrPad(lead: string, body: string, flags: string, width: number): string {
  if (flags.includes('-')) return (lead + body).padEnd(width);
  if (flags.includes('0') && /^[0-9]/.test(body)) return lead + body.padStart(width - lead.length, '0');
  return (lead + body).padStart(width);
}
