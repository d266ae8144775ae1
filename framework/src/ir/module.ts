import type { OpDef } from './opcodes.ts';
import type { SourceMap } from './source-map.ts';
import type { FieldKind, Signature, ValType } from './types.ts';

/** A struct or array layout; the type table gives each a runtime type id in module order. */
export interface FieldDecl {
  name: string;
  kind: FieldKind;
}
export type TypeDecl =
  | { kind: 'struct'; name: string; fields: FieldDecl[] }
  | { kind: 'array'; name: string; elem: FieldKind };

/** A global variable; a ref global may start as a const object's address (`init` names it). */
export interface GlobalDecl {
  name: string;
  type: ValType;
  init: number | string;
}

/** An immortal object in static data (atoms, boxed literals, strings). Ref fields hold
 *  immediates (numbers) or the names of other consts. */
export interface ConstDecl {
  name: string;
  type: string;
  values: (number | string)[];
}

export interface ExternDecl {
  name: string;
  sig: Signature;
  /** The host function may run the collector: callers treat it as a safepoint. */
  collects: boolean;
  /** The host function may raise a guest exception. */
  raises: boolean;
}

/** Where control goes, with the values for the target's block parameters. */
export interface Target {
  block: Block;
  args: number[];
}

export class Inst {
  /** Result value id, or -1. */
  result = -1;
  /** Value operands (the `v` and `args` slots, in order). */
  args: number[] = [];
  /** Symbol for `sym` slots, type name for `type`/`field` slots. */
  sym = '';
  /** Field name for the `field` slot. */
  field = '';
  /** Integer or float immediate. */
  imm = 0;
  sig: Signature | null = null;
  /** Successors: `target` slots in order, then the `to`/alt edges of a fused form. */
  targets: Target[] = [];
  /** Case values of `switch`, one per target after the default. */
  cases: number[] = [];
  /** For fused forms (`to ^ok ... ovf ^o`): true when written as a terminator. */
  fused = false;
  /** Offset of the instruction in its function's source text (Func.source), or -1 when
   *  it was not read from text (built in memory, or made by a pass). */
  pos = -1;

  constructor(readonly op: OpDef) {}

  get isTerminator(): boolean {
    return this.op.terminator === true || this.fused;
  }
}

export class Block {
  params: number[] = [];
  insts: Inst[] = [];
  /** Rarely entered (a frontend's generic fallback): machine layout puts it, and the blocks
   *  it dominates, after the rest of the function. Written `^name(params) cold:`. */
  cold = false;
  /** Offset of the block's label in the function's source text, or -1. */
  pos = -1;
  constructor(public name: string) {}

  get terminator(): Inst | undefined {
    const last = this.insts[this.insts.length - 1];
    return last && last.isTerminator ? last : undefined;
  }
}

export interface ValueInfo {
  type: ValType;
  name: string;
}

export class Func {
  private valueList: ValueInfo[] = [];
  private blockList: Block[] = [];
  /** Reads the body on first use (see deferBody); undefined once it is read. */
  private pendingBody: ((f: Func) => void) | undefined;
  /** The text an unread body will be read from, when the reader gave it (see unreadText). */
  private pendingText: (() => string) | undefined;
  /** The pending text is the printer's, and is the body as it will be: nothing runs on it
   *  after reading (see printedText). */
  private pendingTextIsFinal = false;
  /** Replaceable functions (Prolog's dynamic predicates) may get new versions at run time and are never inlined. */
  replaceable = false;
  /** In a GC-lowered module, a function the lowering left as it was: a huge function (see
   *  isHugeFunction) that only the interpreter runs, which executes `new`, `set` and `gset`
   *  through the collector's runtime as it does in unlowered modules. A native backend
   *  lowers it before compiling it (Program.lowerForNative). */
  unlowered = false;
  /** The text the function was read from, to turn `pos` offsets into file:line:col; null
   *  for a function built in memory. */
  source: SourceMap | null = null;
  /** Offset of the `func` keyword in `source`, or -1. */
  pos = -1;

  constructor(
    public name: string,
    public sig: Signature,
  ) {}

  get values(): ValueInfo[] {
    if (this.pendingBody) this.readBody();
    return this.valueList;
  }
  set values(v: ValueInfo[]) {
    if (this.pendingBody) this.readBody();
    this.valueList = v;
  }

  get blocks(): Block[] {
    if (this.pendingBody) this.readBody();
    return this.blockList;
  }
  set blocks(b: Block[]) {
    if (this.pendingBody) this.readBody();
    this.blockList = b;
  }

  /**
   * Leaves the body unread until something looks at `values` or `blocks`: `read` then
   * fills them. A cached runtime library has hundreds of functions of which a run calls a
   * few, so its functions are parsed one at a time as engines reach them.
   */
  deferBody(read: (f: Func) => void, text?: () => string, printed = false): void {
    this.pendingBody = read;
    this.pendingText = text;
    this.pendingTextIsFinal = printed && text !== undefined;
  }

  /** The IR text of a body not read yet (as the reader will parse it, before any pass), for
   *  questions a scan of the text answers conservatively without reading the body (see
   *  RaiseAnalysis); undefined once the body is read or when the reader gave no text. */
  get unreadText(): string | undefined {
    return this.pendingBody ? this.pendingText?.() : undefined;
  }

  /** The body not read yet as the printer's text (printFunc), exactly what reading it
   *  gives: for questions that would otherwise read and print the body (code-key.ts).
   *  Undefined once the body is read, when its text is not the printer's (a source file),
   *  or when something will change the body after the read (afterRead). */
  get printedText(): string | undefined {
    return this.pendingBody && this.pendingTextIsFinal ? this.pendingText?.() : undefined;
  }

  /** Runs `then` once the body is read: right away when it is, else right after the
   *  deferred read (the driver prepares a function read lazily at that point). */
  afterRead(then: (f: Func) => void): void {
    const read = this.pendingBody;
    if (!read) {
      then(this);
      return;
    }
    this.pendingTextIsFinal = false;
    this.pendingBody = (f) => {
      read(f);
      then(f);
    };
  }

  /** Whether the body has been read (always, unless deferBody was called). */
  get hasBody(): boolean {
    return this.pendingBody === undefined;
  }

  private readBody(): void {
    const read = this.pendingBody!;
    this.pendingBody = undefined;
    const text = this.pendingText;
    this.pendingText = undefined;
    try {
      read(this);
    } catch (error) {
      // A body that failed to read stays unread: every later use fails the same way
      // instead of seeing half a body.
      this.valueList = [];
      this.blockList = [];
      this.pendingBody = read;
      this.pendingText = text;
      throw error;
    }
  }

  get entry(): Block {
    const b = this.blocks[0];
    if (!b) throw new Error(`function @${this.name} has no blocks`);
    return b;
  }

  newValue(type: ValType, name?: string): number {
    const id = this.values.length;
    this.values.push({ type, name: name ?? `v${id}` });
    return id;
  }

  typeOf(v: number): ValType {
    const info = this.values[v];
    if (!info) throw new Error(`@${this.name}: no value #${v}`);
    return info.type;
  }
}

export class Module {
  types: TypeDecl[] = [];
  globals: GlobalDecl[] = [];
  consts: ConstDecl[] = [];
  externs: ExternDecl[] = [];
  funcs: Func[] = [];
  /** Set by a GC's lowering pass: object allocation and ref stores are raw memory operations now. */
  lowered = false;

  func(name: string): Func | undefined {
    return this.funcIndex.find(this.funcs, name);
  }
  extern(name: string): ExternDecl | undefined {
    return this.externIndex.find(this.externs, name);
  }
  type(name: string): TypeDecl | undefined {
    return this.typeIndex.find(this.types, name);
  }
  global(name: string): GlobalDecl | undefined {
    return this.globalIndex.find(this.globals, name);
  }
  constant(name: string): ConstDecl | undefined {
    return this.constIndex.find(this.consts, name);
  }

  private readonly funcIndex = new NameIndex();
  private readonly externIndex = new NameIndex();
  private readonly typeIndex = new NameIndex();
  private readonly globalIndex = new NameIndex();
  private readonly constIndex = new NameIndex();
}

/**
 * Name → position cache, rebuilt when the array was changed under it, so passes may edit
 * the public arrays freely and large modules still look names up in O(1). A hit is checked
 * against the array. A miss is trusted while the array is the same object with the same
 * length and the same last element: the edits passes and loaders make (push, truncate,
 * filter into a new array) all change one of these; an append is indexed on its own.
 * Scanning on every miss instead made each call to an extern (a miss among the
 * functions) cost a pass over every function.
 * Replacing a middle element in place by one of another name is not noticed: assign a new
 * array for that.
 */
class NameIndex {
  private readonly at = new Map<string, number>();
  private indexed: readonly unknown[] | null = null;
  private length = -1;
  private last: unknown = undefined;

  find<T extends { name: string }>(items: T[], name: string): T | undefined {
    const i = this.at.get(name);
    if (i !== undefined && items[i]?.name === name) return items[i];
    if (i === undefined && items === this.indexed) {
      if (items.length === this.length && items[items.length - 1] === this.last) return undefined;
      // Appended items with the old end intact (a frontend adding functions one by one):
      // index just those.
      if (items.length > this.length && items[this.length - 1] === this.last) {
        for (let k = this.length; k < items.length; k++) {
          const n = items[k]!.name;
          if (!this.at.has(n)) this.at.set(n, k);
        }
        this.length = items.length;
        this.last = items[items.length - 1];
        const added = this.at.get(name);
        return added === undefined ? undefined : items[added];
      }
    }
    this.at.clear();
    for (let k = 0; k < items.length; k++) {
      const n = items[k]!.name;
      if (!this.at.has(n)) this.at.set(n, k);
    }
    this.indexed = items;
    this.length = items.length;
    this.last = items[items.length - 1];
    const again = this.at.get(name);
    return again === undefined ? undefined : items[again];
  }
}

/** The signature a direct call to `name` has, whether it names a function or an extern. */
export function calleeSignature(m: Module, name: string): Signature | undefined {
  // Externs first: their list is the runtime's, small and fixed, so a miss there costs
  // little, while a miss in a program's thousands of functions costs a scan (see NameIndex).
  return m.extern(name)?.sig ?? m.func(name)?.sig;
}

export function successors(inst: Inst): Block[] {
  return inst.targets.map((t) => t.block);
}
