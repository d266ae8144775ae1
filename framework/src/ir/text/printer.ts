import type { Block, ConstDecl, ExternDecl, Func, GlobalDecl, Inst, Module, Target, TypeDecl } from '../module.ts';
import type { OpDef, Slot } from '../opcodes.ts';
import { sigToString, type FieldKind } from '../types.ts';
import { formatFloat } from './float-text.ts';
import { isNameChar } from './lexer.ts';

/**
 * Canonical `.jir` text. Declarations print in a fixed order (types, globals, consts,
 * externs, then functions, each after a blank line), so for text in this form
 * `printModule(parseModule(t)) === t`.
 */
export function printModule(m: Module): string {
  // Functions first: reading a lazily parsed body prepares it, which may declare externs.
  const funcs = m.funcs.map((f) => printFunc(m, f));
  const decls = [
    ...(m.lowered ? ['lowered'] : []),
    ...m.types.map(printTypeDecl),
    ...m.globals.map(printGlobal),
    ...m.consts.map((c) => printConst(m, c)),
    ...m.externs.map(printExtern),
  ];
  const sections = decls.length > 0 ? [decls.map((d) => `${d}\n`).join('')] : [];
  sections.push(...funcs);
  return sections.join('\n');
}

/** The module is in the signature so that callers need not know what printing consults. */
export function printFunc(_m: Module, f: Func): string {
  const names = nameFunc(f);
  const entryParams = f.blocks[0]?.params ?? [];
  const params = entryParams.map((v) => `%${names.value(v)}: ${f.typeOf(v)}`).join(', ');
  const result = f.sig.result ? ` -> ${f.sig.result}` : '';
  const lines = [
    `func ${f.replaceable ? 'replaceable ' : ''}${f.unlowered ? 'unlowered ' : ''}${symbol(f.name)}(${params})${result} {`,
  ];
  const printer = new InstPrinter(names);
  f.blocks.forEach((b, i) => {
    const blockParams = b.params.map((v) => `%${names.value(v)}: ${f.typeOf(v)}`).join(', ');
    lines.push(`^${names.block(b)}${i > 0 && b.params.length > 0 ? `(${blockParams})` : ''}${b.cold ? ' cold' : ''}:`);
    for (const inst of b.insts) lines.push(`  ${printer.print(inst)}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The names a function's values and blocks print under: as written, made valid and
 *  unique (builders may repeat names; a repeat gets `.1`, `.2`, … in id order). */
export interface FuncNames {
  value(id: number): string;
  block(b: Block): string;
}

export function nameFunc(f: Func): FuncNames {
  const valueNames = uniqueNames(f.values.map((v) => v.name));
  const blockNames = new Map<Block, string>();
  uniqueNames(f.blocks.map((b) => b.name)).forEach((n, i) => blockNames.set(f.blocks[i]!, n));
  return new NameTable(valueNames, blockNames);
}

class NameTable implements FuncNames {
  constructor(
    private readonly values: readonly string[],
    private readonly blocks: ReadonlyMap<Block, string>,
  ) {}
  value(id: number): string {
    return this.values[id] ?? `?${id}`;
  }
  block(b: Block): string {
    return this.blocks.get(b) ?? validName(b.name);
  }
}

function uniqueNames(raw: readonly string[]): string[] {
  const taken = new Set<string>();
  /** Per base name, where the search for a free `base.i` resumes: a function with
   *  thousands of values of one name must not probe from 1 each time (quadratic). */
  const nextSuffix = new Map<string, number>();
  return raw.map((name) => {
    const base = validName(name);
    let n = base;
    if (taken.has(n)) {
      let i = nextSuffix.get(base) ?? 1;
      for (; taken.has(`${base}.${i}`); i++);
      n = `${base}.${i}`;
      nextSuffix.set(base, i + 1);
    }
    taken.add(n);
    return n;
  });
}

const VALID_NAME = /^[A-Za-z0-9_.$]+$/;

/** Whether `name` prints as it is (a symbol that is not prints quoted; a type or field
 *  name that is not would not read back). */
export function isBareName(name: string): boolean {
  return VALID_NAME.test(name);
}
const UTF8 = new TextEncoder();

function validName(name: string): string {
  if (isBareName(name)) return name;
  let out = '';
  for (let i = 0; i < name.length; i++) out += isNameChar(name.charCodeAt(i)) ? name[i] : '_';
  return out === '' ? '_' : out;
}

/** One instruction without indentation. Pass `names` when printing many of one function. */
export function printInst(f: Func, inst: Inst, names: FuncNames = nameFunc(f)): string {
  return new InstPrinter(names).print(inst);
}

/** Methods rather than per-call closures: this runs once per instruction. */
class InstPrinter {
  constructor(private readonly names: FuncNames) {}

  print(inst: Inst): string {
    const op = inst.op;
    const fixedValues = shapeOf(op).fixedValues;
    let text = inst.result >= 0 ? `${this.value(inst.result)} = ${op.name}` : op.name;
    let nextArg = 0;
    let nextTarget = 0;
    for (let i = 0; i < op.slots.length; i++) {
      const slot = op.slots[i]!;
      let piece: string;
      switch (slot) {
        case 'v':
          piece = this.value(inst.args[nextArg++]!);
          break;
        case 'v?':
          if (inst.args.length <= fixedValues) continue;
          piece = this.value(inst.args[nextArg++]!);
          break;
        case 'args': {
          const end = nextArg + inst.args.length - fixedValues;
          piece = `(${this.values(inst.args, nextArg, end)})`;
          nextArg = end;
          break;
        }
        case 'int':
          piece = String(inst.imm | 0);
          break;
        case 'float':
          piece = formatFloat(inst.imm);
          break;
        case 'sym':
          piece = symbol(inst.sym);
          break;
        case 'type':
          piece = `:${inst.sym}`;
          break;
        case 'field':
          piece = `:${inst.sym}.${inst.field}`;
          break;
        case 'sig':
          piece = sigToString(inst.sig ?? { params: [], result: null });
          break;
        case 'target':
          piece = this.target(inst.targets[nextTarget++]!);
          break;
        case 'cases': {
          const cases: string[] = [];
          for (const c of inst.cases) cases.push(`${c | 0}: ${this.target(inst.targets[nextTarget++]!)}`);
          piece = `[${cases.join(', ')}]`;
          break;
        }
      }
      text += separator(slot, i) + piece;
    }
    if (op.alt && inst.targets.length >= nextTarget + 2) {
      text += ` to ${this.target(inst.targets[nextTarget]!)} ${op.alt} ${this.target(inst.targets[nextTarget + 1]!)}`;
    }
    return text;
  }

  private value(id: number): string {
    return `%${this.names.value(id)}`;
  }

  private values(ids: readonly number[], from: number, to: number): string {
    let out = '';
    for (let i = from; i < to; i++) out += i > from ? `, ${this.value(ids[i]!)}` : this.value(ids[i]!);
    return out;
  }

  private target(t: Target): string {
    const name = `^${this.names.block(t.block)}`;
    return t.args.length > 0 ? `${name}(${this.values(t.args, 0, t.args.length)})` : name;
  }
}

function separator(slot: Slot, index: number): string {
  if (index === 0) return ' ';
  if (slot === 'args') return '';
  return slot === 'sig' ? ' : ' : ', ';
}

interface OpShape {
  /** Operands that always occupy one `v` slot each; the rest belong to `args` or `v?`. */
  fixedValues: number;
}

const shapes = new Map<OpDef, OpShape>();
function shapeOf(op: OpDef): OpShape {
  let shape = shapes.get(op);
  if (!shape) {
    shape = { fixedValues: op.slots.filter((s) => s === 'v').length };
    shapes.set(op, shape);
  }
  return shape;
}

function printTypeDecl(t: TypeDecl): string {
  if (t.kind === 'array') return `type :${t.name} = array ${t.elem}`;
  const fields = t.fields.map((f) => `${f.name}: ${f.kind}`).join(', ');
  return `type :${t.name} = struct ${fields ? `{ ${fields} }` : '{}'}`;
}

function printGlobal(g: GlobalDecl): string {
  return `global ${symbol(g.name)}: ${g.type} = ${printScalar(g.init, g.type)}`;
}

function printExtern(e: ExternDecl): string {
  return `extern ${symbol(e.name)}${sigToString(e.sig)}${e.collects ? ' collects' : ''}${e.raises ? ' raises' : ''}`;
}

function printConst(m: Module, c: ConstDecl): string {
  const t = m.type(c.type);
  const head = `const ${symbol(c.name)}: :${c.type} = `;
  if (t?.kind === 'struct') {
    const values = c.values.map((v, i) => printScalar(v, t.fields[i]?.kind ?? 'i32'));
    return head + (values.length > 0 ? `{ ${values.join(', ')} }` : '{}');
  }
  const elem = t?.kind === 'array' ? t.elem : 'i32';
  if (elem === 'i8' && c.values.every((v) => typeof v === 'number')) return head + printBytes(c.values as number[]);
  return `${head}[${c.values.map((v) => printScalar(v, elem)).join(', ')}]`;
}

function printScalar(v: number | string, kind: FieldKind): string {
  if (typeof v === 'string') return symbol(v);
  if (kind === 'f64') return formatFloat(v);
  return String(kind === 'i8' ? v & 0xff : v | 0);
}

const BYTE_ESCAPES: Readonly<Record<number, string>> = { 10: '\\n', 9: '\\t', 34: '\\"', 92: '\\\\' };

/** `@name`, or `@"…"` for a name a bare symbol cannot spell (a frontend's `n.<genexpr>.0`). */
function symbol(name: string): string {
  return isBareName(name) ? `@${name}` : `@${printBytes([...UTF8.encode(name)])}`;
}

/** Bytes as a string literal; anything but printable ASCII is escaped, so the text is
 *  ASCII and reads back to exactly these bytes. */
function printBytes(bytes: readonly number[]): string {
  let out = '"';
  for (const raw of bytes) {
    const b = raw & 0xff;
    const escape = BYTE_ESCAPES[b];
    if (escape) out += escape;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}
