import { exponentSuffix, fixedDigits, scientificDigits } from './decimal-digits.ts';
import { floatRepr } from './float-repr.ts';
import { toStr, typeName } from './format.ts';
import type { Py } from './py-context.ts';
import { FALSE, TRUE } from '../runtime/tags.ts';

/** A parsed format spec: [[fill]align][sign][#][0][width][grouping][.precision][type]. */
interface Spec {
  fill: string;
  align: '<' | '>' | '^' | '=' | '';
  sign: '+' | '-' | ' ' | '';
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number | null;
  type: string;
}

const SPEC_RE = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su;

function parseSpec(py: Py, text: string): Spec {
  const m = SPEC_RE.exec(text);
  if (!m) return py.raise('ValueError', 'Invalid format specifier');
  return {
    fill: m[1] ?? (m[5] && !m[2] ? '0' : ' '),
    align: (m[2] ?? (m[5] ? '=' : '')) as Spec['align'],
    sign: (m[3] ?? '') as Spec['sign'],
    alt: m[4] !== undefined,
    zero: m[5] !== undefined,
    width: m[6] ? Number(m[6]) : 0,
    grouping: (m[7] ?? '') as Spec['grouping'],
    precision: m[8] !== undefined ? Number(m[8]) : null,
    type: m[9] ?? '',
  };
}

/** `format(v, spec)` for the built-in types. */
export function formatValue(py: Py, v: number, specText: string): string {
  if (specText === '') return toStr(py, v);
  const spec = parseSpec(py, specText);
  const t = py.typeOf(v);
  if (v === TRUE || v === FALSE || py.isInt(v)) {
    const n = v === TRUE ? 1n : v === FALSE ? 0n : py.readInt(v);
    if ('eEfFgG%'.includes(spec.type) && spec.type !== '') return formatFloat(py, Number(n), spec, 'int');
    return formatInt(py, n, spec);
  }
  if (t === py.t.float) return formatFloat(py, py.readFloat(v), spec, 'float');
  if (t === py.t.str) return formatStr(py, py.readStr(v), spec);
  return py.raise('TypeError', `unsupported format string passed to ${typeName(py, v)}.__format__`);
}

function unknownCode(py: Py, type: string, what: string): never {
  return py.raise('ValueError', `Unknown format code '${type}' for object of type '${what}'`);
}

function formatStr(py: Py, s: string, spec: Spec): string {
  if (spec.type !== '' && spec.type !== 's') unknownCode(py, spec.type, 'str');
  if (spec.sign) py.raise('ValueError', 'Sign not allowed in string format specifier');
  if (spec.alt) py.raise('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') py.raise('ValueError', "'=' alignment not allowed in string format specifier");
  if (spec.grouping) py.raise('ValueError', `Cannot specify '${spec.grouping}' with 's'.`);
  const chars = [...s];
  const body = spec.precision !== null ? chars.slice(0, spec.precision).join('') : s;
  return pad(body, '', spec, '<');
}

function formatInt(py: Py, n: bigint, spec: Spec): string {
  const type = spec.type || 'd';
  if (!'bcdoxXn'.includes(type)) unknownCode(py, type, 'int');
  if (spec.precision !== null) py.raise('ValueError', 'Precision not allowed in integer format specifier');
  const neg = n < 0n;
  const a = neg ? -n : n;
  let digits: string;
  let prefix = '';
  switch (type) {
    case 'b':
      digits = a.toString(2);
      prefix = '0b';
      break;
    case 'o':
      digits = a.toString(8);
      prefix = '0o';
      break;
    case 'x':
      digits = a.toString(16);
      prefix = '0x';
      break;
    case 'X':
      digits = a.toString(16).toUpperCase();
      prefix = '0X';
      break;
    case 'c':
      if (spec.sign) py.raise('ValueError', "Sign not allowed with integer format specifier 'c'");
      return pad(String.fromCodePoint(Number(n)), '', spec, '<');
    default:
      digits = a.toString();
  }
  if (spec.grouping === ',' && type !== 'd' && type !== 'n')
    py.raise('ValueError', "Cannot specify ',' with '" + type + "'.");
  const lead = signOf(neg, spec) + (spec.alt ? prefix : '');
  const size = type === 'd' || type === 'n' ? 3 : 4;
  return padNumber(digits, '', lead, spec, size);
}

function signOf(neg: boolean, spec: Spec): string {
  return neg ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
}

function group(digits: string, sep: string, size: number): string {
  if (!sep) return digits;
  let out = '';
  for (let i = digits.length; i > 0; i -= size) out = digits.slice(Math.max(0, i - size), i) + (out ? sep + out : '');
  return out;
}

/** Pads sign + grouped integer digits + the rest (fraction, exponent, suffix) to the width. */
function padNumber(intDigits: string, rest: string, lead: string, spec: Spec, size = 3): string {
  if (spec.align === '=' && spec.fill === '0' && spec.zero && spec.grouping) {
    let d = intDigits;
    while (lead.length + group(d, spec.grouping, size).length + rest.length < spec.width) d = `0${d}`;
    return lead + group(d, spec.grouping, size) + rest;
  }
  return pad(group(intDigits, spec.grouping, size) + rest, lead, spec, '>');
}

function pad(body: string, lead: string, spec: Spec, defaultAlign: '<' | '>'): string {
  const len = [...lead].length + [...body].length;
  const gap = Math.max(0, spec.width - len);
  const fill = spec.fill;
  switch (spec.align || defaultAlign) {
    case '<':
      return lead + body + fill.repeat(gap);
    case '^':
      return fill.repeat(gap >> 1) + lead + body + fill.repeat(gap - (gap >> 1));
    case '=':
      return lead + fill.repeat(gap) + body;
    default:
      return fill.repeat(gap) + lead + body;
  }
}

function formatFloat(py: Py, x: number, spec: Spec, what: string): string {
  const type = spec.type;
  if (!'eEfFgG%'.includes(type) && type !== '') unknownCode(py, type, what);
  if (type === '' && spec.precision === null && what === 'int') return formatInt(py, BigInt(x), spec);
  const neg = x < 0 || Object.is(x, -0);
  const lead = signOf(neg, spec);
  const upper = type === 'E' || type === 'F' || type === 'G';
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return pad((upper ? word.toUpperCase() : word) + (type === '%' ? '%' : ''), lead, spec, '>');
  }
  const a = Math.abs(x);
  let text: string;
  switch (type) {
    case 'f':
    case 'F':
      text = fixedDigits(a, spec.precision ?? 6);
      if (spec.alt && !text.includes('.')) text += '.';
      break;
    case '%':
      text = `${fixedDigits(a * 100, spec.precision ?? 6)}%`;
      break;
    case 'e':
    case 'E': {
      const { mantissa, exp } = scientificDigits(a, spec.precision ?? 6);
      text = mantissa + (spec.alt && !mantissa.includes('.') ? '.' : '') + exponentSuffix(exp, upper);
      break;
    }
    case '':
      text = spec.precision === null ? floatRepr(a) : general(a, spec.precision, spec.alt, true, false);
      break;
    default:
      text = general(a, spec.precision ?? 6, spec.alt, false, upper);
  }
  const point = text.search(/[.eE%]/);
  const intPart = point < 0 ? text : text.slice(0, point);
  const rest = point < 0 ? '' : text.slice(point);
  if (!/^\d+$/.test(intPart)) return pad(text, lead, spec, '>');
  return padNumber(intPart, rest, lead, spec);
}

/** 'g' (and the no-type form with a precision, `repr` style: `1.0` keeps its `.0`). */
function general(a: number, precision: number, alt: boolean, reprStyle: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const { exp } = scientificDigits(a, p - 1);
  let text: string;
  if (exp >= -4 && exp < p) {
    text = fixedDigits(a, p - 1 - exp);
    if (!alt && text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
    if (reprStyle && !text.includes('.')) text += '.0';
  } else {
    let { mantissa } = scientificDigits(a, p - 1);
    if (!alt && mantissa.includes('.')) mantissa = mantissa.replace(/0+$/, '').replace(/\.$/, '');
    text = mantissa + exponentSuffix(exp, upper);
  }
  return text;
}
