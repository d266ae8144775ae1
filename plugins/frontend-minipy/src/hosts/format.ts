import { floatRepr } from './float-repr.ts';
import type { Py } from './py-context.ts';
import { FALSE, GENERATOR_KIND, NONE, NOT_IMPLEMENTED, TRUE, exceptionClassName } from '../runtime/tags.ts';
import { isFrozen, setTypeName, setValues } from './sets.ts';
import { STDIN_KIND } from './sys.ts';
import { builtinExceptionBase, className, definesNamed } from './classes.ts';

/** Python's type name of a value, as error messages spell it. */
export function typeName(py: Py, v: number): string {
  if ((v & 1) === 1) return 'int';
  if (v === NONE) return 'NoneType';
  if (v === NOT_IMPLEMENTED) return 'NotImplementedType';
  if (v === TRUE || v === FALSE) return 'bool';
  if (exceptionClassName(v)) return 'type';
  const t = py.typeOf(v);
  const ids = py.t;
  if (t === ids.bigint) return 'int';
  if (t === ids.float) return 'float';
  if (t === ids.str) return 'str';
  if (t === ids.list) return 'list';
  if (t === ids.tuple) return 'tuple';
  if (t === ids.dict) return 'dict';
  if (t === ids.range) return 'range';
  if (t === ids.func) return 'function';
  if (t === ids.exc) return className(py, py.word(v + 4));
  if (t === ids.object) return className(py, py.word(v + 4));
  if (t === ids.cls) return 'type';
  if (t === ids.set) return setTypeName(py, v);
  if (t === ids.iter) {
    const kind = py.word(v + 20);
    return kind === GENERATOR_KIND ? 'generator' : kind === STDIN_KIND ? '_io.TextIOWrapper' : 'iterator';
  }
  if (t === ids.view) return ['dict_keys', 'dict_values', 'dict_items'][py.word(v + 8)] ?? 'dict_view';
  return 'object';
}

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\x${c.toString(16)}`;
    else out += ch;
  }
  return out + quote;
}

/** str(v): like repr except for strings and exceptions. */
export function toStr(py: Py, v: number): string {
  const t = py.typeOf(v);
  if (t === py.t.str) return py.readStr(v);
  if (t === py.t.exc) return exceptionMessage(py, v);
  return repr(py, v);
}

/** The text after `Name: ` in a traceback (KeyError shows its argument's repr). */
export function exceptionMessage(py: Py, e: number): string {
  const args = py.tupleItems(py.word(e + 8));
  if (args.length === 0) return '';
  if (args.length === 1)
    return builtinExceptionBase(py, py.word(e + 4)) === 'KeyError' ? repr(py, args[0]!) : toStr(py, args[0]!);
  return repr(py, py.word(e + 8));
}

/** repr(v). Containers nest by explicit work stack, never host recursion. */
export function repr(py: Py, root: number): string {
  const parts: string[] = [];
  // Each entry is a value to render or a literal piece of text.
  const work: (number | string)[] = [root];
  const active: number[] = [];
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') {
      if (item === '\u0000pop') active.pop();
      else parts.push(item);
      continue;
    }
    const v = item;
    const t = py.typeOf(v);
    const ids = py.t;
    if (t === ids.set) {
      const frozen = isFrozen(py, v);
      const elems = setValues(py, v);
      if (elems.length === 0) {
        parts.push(frozen ? 'frozenset()' : 'set()');
        continue;
      }
      const pieces: (number | string)[] = [frozen ? 'frozenset({' : '{'];
      elems.forEach((e, i) => {
        if (i > 0) pieces.push(', ');
        pieces.push(e);
      });
      pieces.push(frozen ? '})' : '}');
      for (let i = pieces.length - 1; i >= 0; i--) work.push(pieces[i]!);
      continue;
    }
    if (t === ids.list || t === ids.tuple || t === ids.dict || t === ids.view) {
      if (active.includes(v)) {
        parts.push(t === ids.list ? '[...]' : t === ids.dict ? '{...}' : '(...)');
        continue;
      }
      active.push(v);
      const pieces: (number | string)[] = [];
      if (t === ids.dict || (t === ids.view && py.word(v + 8) === 2)) {
        const d = t === ids.dict ? v : py.word(v + 4);
        const { keys, values } = dictEntries(py, d);
        keys.forEach((k, i) => {
          if (i > 0) pieces.push(', ');
          if (t === ids.dict) pieces.push(k, ': ', values[i]!);
          else pieces.push('(', k, ', ', values[i]!, ')');
        });
        if (t === ids.dict) pieces.unshift('{'), pieces.push('}');
        else pieces.unshift('dict_items(['), pieces.push('])');
      } else {
        let elems: number[];
        let open = '[';
        let close = ']';
        if (t === ids.list) elems = py.listValues(v);
        else if (t === ids.tuple) {
          elems = py.tupleItems(v);
          open = '(';
          close = elems.length === 1 ? ',)' : ')';
        } else {
          const { keys, values } = dictEntries(py, py.word(v + 4));
          const kind = py.word(v + 8);
          elems = kind === 0 ? keys : values;
          open = kind === 0 ? 'dict_keys([' : 'dict_values([';
          close = '])';
        }
        pieces.push(open);
        elems.forEach((e, i) => {
          if (i > 0) pieces.push(', ');
          pieces.push(e);
        });
        pieces.push(close);
      }
      work.push('\u0000pop');
      for (let i = pieces.length - 1; i >= 0; i--) work.push(pieces[i]!);
      continue;
    }
    parts.push(scalarRepr(py, v));
  }
  return parts.join('');
}

function scalarRepr(py: Py, v: number): string {
  if ((v & 1) === 1) return String(v >> 1);
  if (v === NONE) return 'None';
  if (v === NOT_IMPLEMENTED) return 'NotImplemented';
  if (v === TRUE) return 'True';
  if (v === FALSE) return 'False';
  const cls = exceptionClassName(v);
  if (cls) return `<class '${cls}'>`;
  const t = py.typeOf(v);
  const ids = py.t;
  if (t === ids.bigint) return py.readInt(v).toString();
  if (t === ids.float) return floatRepr(py.readFloat(v));
  if (t === ids.str) return strRepr(py.readStr(v));
  if (t === ids.range) {
    const [start, stop, step] = [py.word(v + 4), py.word(v + 8), py.word(v + 12)];
    return step === 1 ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
  }
  if (t === ids.func) return `<function ${py.readStr(py.word(v + 16))}>`;
  // A generator's frame holds its qualname first (compile/generators.ts).
  if (t === ids.iter && py.word(v + 20) === GENERATOR_KIND)
    return `<generator object ${py.readStr(py.elem(py.word(v + 4), 0))}>`;
  if (t === ids.exc) {
    const args = py.word(v + 8);
    const n = py.length(args);
    const inner = n === 1 ? repr(py, py.elem(args, 0)) : repr(py, args).slice(1, -1).replace(/,$/, '');
    return `${className(py, py.word(v + 4))}(${inner})`;
  }
  if (t === ids.cls) return `<class '__main__.${className(py, v)}'>`;
  if (t === ids.object) {
    if (definesNamed(py, v, '__repr__') || definesNamed(py, v, '__str__'))
      py.raise('TypeError', 'repr() of an object with __repr__ inside a container or message is not supported');
    return `<__main__.${className(py, py.word(v + 4))} object>`;
  }
  return `<${typeName(py, v)} object>`;
}

/** A dict's live keys and values in insertion order (two arrays, so each can be held). */
export function dictEntries(py: Py, d: number): { keys: number[]; values: number[] } {
  const used = py.word(d + 8);
  const keyArray = py.word(d + 12);
  const valArray = py.word(d + 16);
  const keys: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < used; i++) {
    const k = py.elem(keyArray, i);
    if (k === 0) continue;
    keys.push(k);
    values.push(py.elem(valArray, i));
  }
  return { keys, values };
}
