import type { OperatorTable } from '../reader/operators.ts';
import { argLimits } from '../reader/operators.ts';
import { atomText, isAlnumChar, isSymbolChar, quoteText } from './atoms.ts';
import { formatFloat } from './format-float.ts';
import type { Heap } from './heap.ts';

export interface WriteOptions {
  quoted: boolean;
  ignoreOps: boolean;
  /** `'$VAR'(N)` writes as a variable name (A, B, ..., Z, A1...), `'$VAR'('Name')` as Name:
   *  SWI's numbervars(true), on for write/print/writeq and format's ~w ~p ~q. */
  numberVars?: boolean;
}

/** Formats a guest term as SWI-Prolog's write/writeq/print do. */
export function formatTerm(h: Heap, ops: OperatorTable, t: number, opts: WriteOptions): string {
  return new Writer(h, ops, opts).format(t);
}

/** A subterm to write, at a priority limit, maybe as an operand. */
type Sub = [t: number, max: number, operand: boolean];

/** A compound being written: its subterms' texts go to `combine` once all are written. */
interface Job {
  subs: Sub[];
  combine(parts: string[]): string;
}

class Writer {
  constructor(
    private readonly h: Heap,
    private readonly ops: OperatorTable,
    private readonly o: WriteOptions,
  ) {}

  /** Writes t from an explicit stack of jobs: nesting depth costs no host stack. */
  format(t: number): string {
    const stack: { job: Job; parts: string[] }[] = [];
    let r: string | Job = this.term(t, 1200, false);
    for (;;) {
      if (typeof r !== 'string') {
        if (r.subs.length === 0) r = r.combine([]);
        else {
          stack.push({ job: r, parts: [] });
          r = this.term(...r.subs[0]!);
          continue;
        }
      }
      const top = stack[stack.length - 1];
      if (!top) return r as string;
      top.parts.push(r as string);
      if (top.parts.length < top.job.subs.length) r = this.term(...top.job.subs[top.parts.length]!);
      else {
        stack.pop();
        r = top.job.combine(top.parts);
      }
    }
  }

  private atom(name: string, operand: boolean): string {
    const text = atomText(name, this.o.quoted);
    return operand && this.ops.isOp(name) ? `(${text})` : text;
  }

  private term(t0: number, max: number, operand: boolean): string | Job {
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
      case 'text':
        return this.o.quoted ? quoteText(h.text(t), '"') : h.text(t);
      case 'str':
        return this.compound(t, max);
      default:
        return `<0x${(t >>> 0).toString(16)}>`;
    }
  }

  private compound(t: number, max: number): Job {
    const h = this.h;
    const fid = h.functorOf(t);
    const name = h.syms.names[fid]!;
    const n = h.arity(t);
    if (name === '[|]' && n === 2) return this.list(t);
    if (name === '$VAR' && n === 1 && this.o.numberVars) {
      const text = this.varName(h.deref(h.arg(t, 1)));
      if (text !== null) return { subs: [], combine: () => text };
    }
    if (!this.o.ignoreOps) {
      if (name === '{}' && n === 1) return { subs: [[h.arg(t, 1), 1200, false]], combine: ([a]) => `{${a}}` };
      const inf = n === 2 ? this.ops.infix.get(name) : undefined;
      if (inf) {
        const { left, right } = argLimits(inf);
        return {
          subs: [
            [h.arg(t, 1), left, true],
            [h.arg(t, 2), right, true],
          ],
          combine: ([l, r]) => {
            const opText = name === ',' || name === '|' ? name : atomText(name, this.o.quoted);
            let s: string;
            if (/^[a-z]/.test(name)) s = `${l} ${opText} ${r}`;
            else {
              const needL = isSymbolChar(l![l!.length - 1] ?? '') && isSymbolChar(opText[0] ?? '');
              const needR =
                (isSymbolChar(r![0] ?? '') && isSymbolChar(opText[opText.length - 1] ?? '')) ||
                (name !== ',' && /^[a-z]/.test(opText));
              s = `${l}${needL ? ' ' : ''}${opText}${needR ? ' ' : ''}${r}`;
            }
            return inf.priority > max ? `(${s})` : s;
          },
        };
      }
      const pre = n === 1 ? this.ops.prefix.get(name) : undefined;
      if ((pre && name !== '-' && name !== '+') || (pre && !this.h.isNumber(this.h.deref(h.arg(t, 1))))) {
        const { right } = argLimits(pre);
        return {
          subs: [[h.arg(t, 1), right, true]],
          combine: ([a]) => {
            const opText = atomText(name, this.o.quoted);
            // `- 2^2` keeps its space: `-2^2` would read back as (-2)^2.
            const space =
              /^[a-z]/i.test(opText) ||
              ((name === '-' || name === '+') && /^[0-9]/.test(a!)) ||
              a!.startsWith('(') ||
              (isSymbolChar(a![0] ?? '') && isSymbolChar(opText[opText.length - 1] ?? '')) ||
              (isAlnumChar(a![0] ?? '') && isAlnumChar(opText[opText.length - 1] ?? ''));
            const s = `${opText}${space ? ' ' : ''}${a}`;
            return pre.priority > max ? `(${s})` : s;
          },
        };
      }
      if (pre) {
        return {
          subs: [[h.arg(t, 1), 200, false]],
          combine: ([a]) => {
            const s = `${atomText(name, this.o.quoted)} ${a}`;
            return pre.priority > max ? `(${s})` : s;
          },
        };
      }
    }
    const subs: Sub[] = [];
    for (let i = 1; i <= n; i++) subs.push([h.arg(t, i), 999, false]);
    return { subs, combine: (args) => `${atomText(name, this.o.quoted)}(${args.join(',')})` };
  }

  /** The name `'$VAR'(x)` writes as under numbervars(true), as SWI: null when x is none. */
  private varName(x: number): string | null {
    const h = this.h;
    if (h.kind(x) === 'int') {
      const n = h.integer(x);
      if (n < 0n) return `S_${-n}`;
      const letter = String.fromCharCode(65 + Number(n % 26n));
      return n < 26n ? letter : `${letter}${n / 26n}`;
    }
    if (h.kind(x) === 'atom' && /^[A-Z_][A-Za-z0-9_]*$/.test(h.atomName(x))) return h.atomName(x);
    return null;
  }

  private list(t: number): Job {
    const h = this.h;
    const subs: Sub[] = [];
    const cons = h.syms.id('[|]', 2);
    let x = t;
    for (;;) {
      subs.push([h.arg(x, 1), 999, false]);
      const tail = h.deref(h.arg(x, 2));
      if (h.kind(tail) === 'str' && h.functorOf(tail) === cons) {
        x = tail;
        continue;
      }
      if (h.kind(tail) === 'atom' && h.atomName(tail) === '[]')
        return { subs, combine: (items) => `[${items.join(',')}]` };
      subs.push([tail, 999, false]);
      return { subs, combine: (items) => `[${items.slice(0, -1).join(',')}|${items[items.length - 1]}]` };
    }
  }
}
