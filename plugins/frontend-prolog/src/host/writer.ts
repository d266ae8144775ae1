import type { OperatorTable } from '../reader/operators.ts';
import { argLimits } from '../reader/operators.ts';
import { atomText, isAlnumChar, isSymbolChar } from './atoms.ts';
import { formatFloat } from './format-float.ts';
import type { Heap } from './heap.ts';

export interface WriteOptions {
  quoted: boolean;
  ignoreOps: boolean;
}

/** Formats a guest term as SWI-Prolog's write/writeq/print do. */
export function formatTerm(h: Heap, ops: OperatorTable, t: number, opts: WriteOptions): string {
  return new Writer(h, ops, opts).term(t, 1200);
}

class Writer {
  constructor(
    private readonly h: Heap,
    private readonly ops: OperatorTable,
    private readonly o: WriteOptions,
  ) {}

  private atom(name: string, operand: boolean): string {
    const text = atomText(name, this.o.quoted);
    return operand && this.ops.isOp(name) ? `(${text})` : text;
  }

  term(t0: number, max: number, operand = false): string {
    const h = this.h;
    const t = h.deref(t0);
    switch (h.kind(t)) {
      case 'var':
        return `_G${h.serial(t)}`; // SWI prints _NNN; numbering never matches, tests avoid printing variables
      case 'int':
      case 'big':
        return h.integer(t).toString();
      case 'flt':
        return formatFloat(h.float(t));
      case 'atom':
        return this.atom(h.atomName(t), operand);
      case 'str':
        return this.compound(t, max);
      default:
        return `<0x${(t >>> 0).toString(16)}>`;
    }
  }

  private compound(t: number, max: number): string {
    const h = this.h;
    const fid = h.functorOf(t);
    const name = h.syms.names[fid]!;
    const n = h.arity(t);
    if (name === '[|]' && n === 2) return this.list(t);
    if (!this.o.ignoreOps) {
      if (name === '{}' && n === 1) return `{${this.term(h.arg(t, 1), 1200)}}`;
      const inf = n === 2 ? this.ops.infix.get(name) : undefined;
      if (inf) {
        const { left, right } = argLimits(inf);
        const l = this.term(h.arg(t, 1), left, true);
        const r = this.term(h.arg(t, 2), right, true);
        const opText = name === ',' ? ',' : atomText(name, this.o.quoted);
        let s: string;
        if (/^[a-z]/.test(name) || name === '->' && false) s = `${l} ${opText} ${r}`;
        else {
          const needL = isSymbolChar(l[l.length - 1] ?? '') && isSymbolChar(opText[0] ?? '');
          const needR = (isSymbolChar(r[0] ?? '') && isSymbolChar(opText[opText.length - 1] ?? '')) || (name !== ',' && /^[a-z]/.test(opText) );
          s = `${l}${needL ? ' ' : ''}${opText}${needR ? ' ' : ''}${r}`;
        }
        return inf.priority > max ? `(${s})` : s;
      }
      const pre = n === 1 ? this.ops.prefix.get(name) : undefined;
      if (pre && name !== '-' && name !== '+' || pre && !this.h.isNumber(this.h.deref(h.arg(t, 1)))) {
        const { right } = argLimits(pre!);
        const a = this.term(h.arg(t, 1), right, true);
        const opText = atomText(name, this.o.quoted);
        // `- 2^2` keeps its space: `-2^2` would read back as (-2)^2.
        const space = /^[a-z]/i.test(opText) || ((name === '-' || name === '+') && /^[0-9]/.test(a)) || a.startsWith('(') || (isSymbolChar(a[0] ?? '') && isSymbolChar(opText[opText.length - 1] ?? '')) || (isAlnumChar(a[0] ?? '') && isAlnumChar(opText[opText.length - 1] ?? ''));
        const s = `${opText}${space ? ' ' : ''}${a}`;
        return pre!.priority > max ? `(${s})` : s;
      }
      if (pre) {
        const s = `${atomText(name, this.o.quoted)} ${this.term(h.arg(t, 1), 200)}`;
        return pre.priority > max ? `(${s})` : s;
      }
    }
    const args: string[] = [];
    for (let i = 1; i <= n; i++) args.push(this.term(h.arg(t, i), 999));
    return `${atomText(name, this.o.quoted)}(${args.join(',')})`;
  }

  private list(t: number): string {
    const h = this.h;
    const items: string[] = [];
    const cons = h.syms.id('[|]', 2);
    let x = t;
    for (;;) {
      items.push(this.term(h.arg(x, 1), 999));
      const tail = h.deref(h.arg(x, 2));
      if (h.kind(tail) === 'str' && h.functorOf(tail) === cons) {
        x = tail;
        continue;
      }
      if (h.kind(tail) === 'atom' && h.atomName(tail) === '[]') return `[${items.join(',')}]`;
      return `[${items.join(',')}|${this.term(tail, 999)}]`;
    }
  }
}
