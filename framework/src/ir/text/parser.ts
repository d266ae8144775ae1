import type { SourceError } from '../../diagnostics.ts';
import { Block, Func, Inst, Module, type ConstDecl, type FieldDecl, type Target, type TypeDecl } from '../module.ts';
import { OPCODES, type Slot } from '../opcodes.ts';
import { resultType } from '../result-type.ts';
import { isFieldKind, isValType, type FieldKind, type Signature, type ValType } from '../types.ts';
import { parseFloatText } from './float-text.ts';
import { tokenize, TokenStream, type Token } from './lexer.ts';

/**
 * Parses a `.jir` module. Declarations may come in any order and refer to each other
 * freely, so parsing runs in two passes: the first reads every declaration but only
 * skips over const values and function bodies (which need the types, globals and
 * callee signatures to type their contents); the second reads those.
 */
export function parseModule(text: string, file = '<input>'): Module {
  return new ModuleParser(new TokenStream(tokenize(text, file), file)).parse();
}

/**
 * Parses function definitions that may use everything `module` declares (code loaded into
 * a running program) and appends them to `module.funcs`; returns them. Only `func`
 * declarations are allowed: types, globals and consts are fixed once a program is loaded.
 * On any error the module is left as it was.
 */
export function parseFunctionsInto(module: Module, text: string, file = '<input>'): Func[] {
  const before = module.funcs.length;
  try {
    new ModuleParser(new TokenStream(tokenize(text, file), file), module, true).parse();
  } catch (e) {
    module.funcs.length = before;
    throw e;
  }
  return module.funcs.slice(before);
}

export interface ParseIntoOptions {
  /**
   * Leave each function body unread until first used (Func.deferBody), then parse it from
   * its own text: for generated code of which a run may use little. Errors in a body are
   * then found when it is read, and name the function, not the line in the whole text.
   */
  deferBodies?: boolean;
}

/**
 * Parses a module's text into `module`, after what it declares already: declarations of
 * every kind may use the earlier ones (a program linked against a runtime library before
 * it is loaded). On any error the module is left as it was.
 */
export function parseInto(module: Module, text: string, file = '<input>', options: ParseIntoOptions = {}): void {
  const lengths = [
    module.types.length,
    module.globals.length,
    module.consts.length,
    module.externs.length,
    module.funcs.length,
  ] as const;
  const lowered = module.lowered;
  try {
    new ModuleParser(new TokenStream(tokenize(text, file), file), module, false, options.deferBodies === true).parse();
  } catch (e) {
    [module.types.length, module.globals.length, module.consts.length, module.externs.length, module.funcs.length] =
      lengths;
    module.lowered = lowered;
    throw e;
  }
}

/**
 * Reads function bodies of `module` one at a time, each from its own `func` declaration
 * text (as printFunc wrote it), into a function whose name and signature are known already
 * (see Func.deferBody). The header must match them. Bodies may use everything the module
 * declares.
 */
export class DeferredBodyReader {
  private scope: ModuleScope | undefined;
  private scopeSize = -1;

  constructor(private readonly module: Module) {}

  read(func: Func, text: string, file: string): void {
    const s = new TokenStream(tokenize(text, file), file);
    if (!s.acceptWord('func')) throw s.unexpected("expected 'func'");
    func.pos = s.previous.start;
    if (s.acceptWord('replaceable') !== func.replaceable)
      throw s.error(s.peek(), `@${func.name}: 'replaceable' does not match`);
    if (s.acceptWord('unlowered') !== func.unlowered)
      throw s.error(s.peek(), `@${func.name}: 'unlowered' does not match`);
    const nameTok = s.expect('global', 'expected the function name');
    if (nameTok.text !== func.name)
      throw s.error(nameTok, `expected the body of @${func.name}, found @${nameTok.text}`);
    const params: ParamDecl[] = [];
    s.expectPunct('(', 'before the parameters');
    list(s, ')', 'the parameter list', () => params.push(paramDecl(s)));
    const result = s.acceptPunct('->') ? valType(s) : null;
    const sig = func.sig;
    if (
      result !== sig.result ||
      params.length !== sig.params.length ||
      params.some((p, i) => p.type !== sig.params[i])
    ) {
      throw s.error(nameTok, `@${func.name}: the body's signature does not match the declaration`);
    }
    s.expectPunct('{', 'to start the function body');
    new BodyParser(s, this.scopeNow(), func).parse(params, s.pos);
    if (s.peek().kind !== 'eof') throw s.unexpected(`expected nothing after the body of @${func.name}`);
  }

  /** The names bodies may use; made again when declarations were added since. */
  private scopeNow(): ModuleScope {
    const m = this.module;
    const size = m.types.length + m.globals.length + m.consts.length + m.externs.length + m.funcs.length;
    if (!this.scope || size !== this.scopeSize) {
      const at: Token = { kind: 'global', text: '', line: 0, col: 0, start: 0, end: 0 };
      const symbols = new Map<string, Token>();
      for (const group of [m.globals, m.consts, m.externs, m.funcs])
        for (const d of group) symbols.set(d.name, { ...at, text: d.name });
      this.scope = { module: m, symbols, types: new Map(m.types.map((t) => [t.name, t])) };
      this.scopeSize = size;
    }
    return this.scope;
  }
}

const CLOSE_BRACE = '}'.charCodeAt(0);

interface ParamDecl {
  tok: Token;
  type: ValType;
}

interface DeferredConst {
  decl: ConstDecl;
  typeTok: Token;
  valuePos: number;
}

interface DeferredBody {
  func: Func;
  params: ParamDecl[];
  bodyPos: number;
  /** Offset just past the body's closing brace. */
  end: number;
}

/** What the body parser needs to know about the module around it. */
interface ModuleScope {
  readonly module: Module;
  readonly symbols: ReadonlyMap<string, Token>;
  readonly types: ReadonlyMap<string, TypeDecl>;
}

class ModuleParser implements ModuleScope {
  readonly module: Module;
  readonly symbols = new Map<string, Token>();
  readonly types = new Map<string, TypeDecl>();
  private readonly consts: DeferredConst[] = [];
  private readonly bodies: DeferredBody[] = [];
  private readonly globalInits: Token[] = [];
  /** Set when parsing functions into a loaded program: nothing else may be declared. */
  private readonly functionsOnly: boolean;

  constructor(
    private readonly s: TokenStream,
    base?: Module,
    functionsOnly = false,
    /** See ParseIntoOptions.deferBodies. */
    private readonly deferBodies = false,
  ) {
    this.functionsOnly = functionsOnly;
    this.module = base ?? new Module();
    if (!base) return;
    const at: Token = { kind: 'global', text: '', line: 0, col: 0, start: 0, end: 0 };
    for (const group of [base.globals, base.consts, base.externs, base.funcs]) {
      for (const d of group) this.symbols.set(d.name, { ...at, text: d.name });
    }
    for (const t of base.types) this.types.set(t.name, t);
  }

  parse(): Module {
    while (this.s.peek().kind !== 'eof') this.declaration();
    for (const tok of this.globalInits) checkSymbol(this.s, this, tok);
    for (const c of this.consts) this.constValues(c);
    if (this.deferBodies) this.deferAllBodies();
    else for (const b of this.bodies) new BodyParser(this.s, this, b.func).parse(b.params, b.bodyPos);
    return this.module;
  }

  private deferAllBodies(): void {
    const reader = new DeferredBodyReader(this.module);
    const text = this.s.text;
    for (const { func, end } of this.bodies) {
      const own = text.slice(func.pos, end);
      const file = `${this.s.file}: @${func.name}`;
      func.deferBody(
        (f) => reader.read(f, own, file),
        () => own,
      );
    }
  }

  private declaration(): void {
    const t = this.s.peek();
    const parse = t.kind === 'ident' ? this.declarations.get(t.text) : undefined;
    if (!parse) throw this.s.unexpected("expected 'type', 'global', 'const', 'extern' or 'func'");
    if (this.functionsOnly && t.text !== 'func')
      throw this.s.error(t, `only functions can be added to a loaded program, not '${t.text}'`);
    this.s.next();
    parse();
  }

  private readonly declarations = new Map<string, () => void>([
    ['type', () => this.typeDecl()],
    ['global', () => this.globalDecl()],
    ['const', () => this.constDecl()],
    ['extern', () => this.externDecl()],
    ['func', () => this.funcDecl()],
    ['lowered', () => (this.module.lowered = true)],
  ]);

  private defineSymbol(): string {
    const tok = this.s.expect('global', 'expected a symbol name (@name)');
    if (this.symbols.has(tok.text)) throw this.s.error(tok, `@${tok.text} defined twice`);
    this.symbols.set(tok.text, tok);
    return tok.text;
  }

  private typeDecl(): void {
    const nameTok = typeRef(this.s);
    if (this.types.has(nameTok.text)) throw this.s.error(nameTok, `type :${nameTok.text} defined twice`);
    this.s.expectPunct('=', 'after the type name');
    let decl: TypeDecl;
    if (this.s.acceptWord('array')) {
      decl = { kind: 'array', name: nameTok.text, elem: fieldKind(this.s) };
    } else if (this.s.acceptWord('struct')) {
      decl = { kind: 'struct', name: nameTok.text, fields: this.fields() };
    } else {
      throw this.s.unexpected("expected 'struct' or 'array'");
    }
    this.types.set(decl.name, decl);
    this.module.types.push(decl);
  }

  private fields(): FieldDecl[] {
    const fields: FieldDecl[] = [];
    this.s.expectPunct('{', "after 'struct'");
    list(this.s, '}', 'the field list', () => {
      const tok = this.s.expect('ident', 'expected a field name');
      // `:T.f` splits at the last dot, so a dotted field name could not be referred to.
      if (tok.text.includes('.')) throw this.s.error(tok, `field name '${tok.text}' contains '.'`);
      if (fields.some((f) => f.name === tok.text)) throw this.s.error(tok, `field '${tok.text}' defined twice`);
      this.s.expectPunct(':', 'after the field name');
      fields.push({ name: tok.text, kind: fieldKind(this.s) });
    });
    return fields;
  }

  private globalDecl(): void {
    const name = this.defineSymbol();
    this.s.expectPunct(':', 'after the global name');
    const type = valType(this.s);
    this.s.expectPunct('=', 'before the initial value');
    let init: number | string;
    if (type === 'f64') {
      init = floatLiteral(this.s);
    } else if (type === 'ref' && this.s.peek().kind === 'global') {
      const tok = this.s.next();
      this.globalInits.push(tok);
      init = tok.text;
    } else {
      init = intLiteral(this.s);
    }
    this.module.globals.push({ name, type, init });
  }

  private constDecl(): void {
    const name = this.defineSymbol();
    this.s.expectPunct(':', 'after the const name');
    const typeTok = typeRef(this.s);
    this.s.expectPunct('=', 'before the const value');
    const decl: ConstDecl = { name, type: typeTok.text, values: numberArrayKeepingNaNBits() };
    this.consts.push({ decl, typeTok, valuePos: this.s.pos });
    this.module.consts.push(decl);
    this.skipConstValue();
  }

  private skipConstValue(): void {
    const open = this.s.next();
    const close = open.kind === 'punct' ? { '[': ']', '{': '}' }[open.text] : undefined;
    if (close === undefined) return;
    while (!this.s.isPunct(close) && this.s.peek().kind !== 'eof') this.s.next();
    this.s.next();
  }

  private constValues(c: DeferredConst): void {
    const s = this.s;
    s.pos = c.valuePos;
    const t = this.types.get(c.decl.type);
    if (!t) throw s.error(c.typeTok, `unknown type :${c.decl.type}`);
    const values = c.decl.values;
    if (t.kind === 'array') {
      const str = s.peek();
      if (str.kind === 'string') {
        if (t.elem !== 'i8') throw s.error(str, `a string needs an array of i8, and :${t.name} holds ${t.elem}`);
        s.next();
        for (const byte of str.bytes ?? []) values.push(byte);
        return;
      }
      s.expectPunct('[', `to start the elements of :${t.name}`);
      list(s, ']', 'the element list', () => values.push(this.constValue(t.elem)));
      return;
    }
    s.expectPunct('{', `to start the fields of :${t.name}`);
    const close = list(s, '}', 'the field values', () => {
      const field = t.fields[values.length];
      if (!field) throw s.error(s.peek(), `too many values for :${t.name} (it has ${t.fields.length} fields)`);
      values.push(this.constValue(field.kind));
    });
    if (values.length < t.fields.length) {
      throw s.error(close, `too few values for :${t.name} (it has ${t.fields.length} fields)`);
    }
  }

  private constValue(kind: FieldKind): number | string {
    if (kind === 'f64') return floatLiteral(this.s);
    if (kind === 'ref' && this.s.peek().kind === 'global') return checkSymbol(this.s, this, this.s.next());
    const n = intLiteral(this.s);
    return kind === 'i8' ? n & 0xff : n;
  }

  private externDecl(): void {
    const name = this.defineSymbol();
    const sig = signature(this.s);
    let collects = false;
    let raises = false;
    for (;;) {
      if (!collects && this.s.acceptWord('collects')) collects = true;
      else if (!raises && this.s.acceptWord('raises')) raises = true;
      else break;
    }
    this.module.externs.push({ name, sig, collects, raises });
  }

  private funcDecl(): void {
    const at = this.s.previous.start;
    const replaceable = this.s.acceptWord('replaceable');
    const unlowered = this.s.acceptWord('unlowered');
    const name = this.defineSymbol();
    const params: ParamDecl[] = [];
    this.s.expectPunct('(', 'before the parameters');
    list(this.s, ')', 'the parameter list', () => params.push(paramDecl(this.s)));
    const result = this.s.acceptPunct('->') ? valType(this.s) : null;
    this.s.expectPunct('{', 'to start the function body');
    const func = new Func(name, { params: params.map((p) => p.type), result });
    func.replaceable = replaceable;
    func.unlowered = unlowered;
    func.pos = at;
    this.module.funcs.push(func);
    const body: DeferredBody = { func, params, bodyPos: this.s.pos, end: 0 };
    this.bodies.push(body);
    // Bodies hold no braces, so the first '}' ends this one.
    this.s.skipPast(CLOSE_BRACE);
    body.end = this.s.previous.end;
  }
}

interface BlockEntry {
  block: Block;
  defined: boolean;
  firstUse: Token;
}

/** A use of a value not yet defined where it was read: patched once the body is read. */
interface ValueFixup {
  list: number[];
  index: number;
  tok: Token;
}

/** A result whose type comes from an operand (`select`) that was not typed yet. */
interface UntypedResult {
  inst: Inst;
  tok: Token;
  typeTok: Token;
}

/**
 * Reads one function body. Values and blocks may be used before the text defines them
 * (a block printed early may use a value whose definition dominates it but comes later in
 * the text), so uses are resolved once the whole body is read; dominance is the
 * verifier's business.
 */
class BodyParser {
  private readonly values = new Map<string, number>();
  private readonly blocks = new Map<string, BlockEntry>();
  private readonly fixups: ValueFixup[] = [];
  private readonly untyped: UntypedResult[] = [];
  private readonly untypedValues = new Set<number>();
  private current: Block | null = null;

  constructor(
    private readonly s: TokenStream,
    private readonly scope: ModuleScope,
    private readonly f: Func,
  ) {}

  parse(params: ParamDecl[], bodyPos: number): void {
    const s = this.s;
    s.pos = bodyPos;
    this.f.source = s.source;
    while (!s.isPunct('}')) {
      if (s.peek().kind === 'eof') throw s.unexpected(`expected '}' to end function @${this.f.name}`);
      if (s.peek().kind === 'block') this.label(params);
      else this.instruction();
    }
    const close = s.next();
    if (this.f.blocks.length === 0) throw s.error(close, `function @${this.f.name} has no blocks`);
    this.resolveUses();
    this.inferPendingTypes();
  }

  private label(headerParams: ParamDecl[]): void {
    const s = this.s;
    const tok = s.next();
    const entry = this.blockEntry(tok);
    if (entry.defined) throw s.error(tok, `block ^${tok.text} defined twice`);
    entry.defined = true;
    const block = entry.block;
    block.pos = tok.start;
    const isEntry = this.f.blocks.length === 0;
    if (s.isPunct('(')) {
      if (isEntry) throw s.error(s.peek(), "the entry block's parameters are written in the function header");
      s.next();
      list(s, ')', 'the block parameters', () => {
        const p = paramDecl(s);
        block.params.push(this.defineValue(p.tok, p.type));
      });
    } else if (isEntry) {
      for (const p of headerParams) block.params.push(this.defineValue(p.tok, p.type));
    }
    if (s.peek().kind === 'ident' && s.peek().text === 'cold') {
      s.next();
      block.cold = true;
    }
    s.expectPunct(':', 'after the block label');
    this.f.blocks.push(block);
    this.current = block;
  }

  private instruction(): void {
    const s = this.s;
    const block = this.current;
    if (!block) throw s.unexpected('expected a block label (^name:)');
    if (block.terminator) throw s.error(s.peek(), `instruction after the terminator of ^${block.name}`);
    s.lineBound = true;
    const at = s.peek().start;
    let resultTok: Token | null = null;
    if (s.peek().kind === 'value' && s.isPunct('=', 1)) {
      resultTok = s.next();
      s.next();
    }
    const opTok = s.expect('ident', 'expected an opcode');
    const op = OPCODES.get(opTok.text);
    if (!op) throw s.error(opTok, `unknown opcode '${opTok.text}'`);
    const inst = new Inst(op);
    inst.pos = at;
    let typeTok = opTok;
    for (let i = 0; i < op.slots.length; i++) {
      const slot = op.slots[i]!;
      if (this.separator(slot, i)) typeTok = this.slot(inst, slot) ?? typeTok;
    }
    // Defined before the edges: a fused terminator may pass its own result to `to`.
    this.defineResult(inst, resultTok, typeTok);
    if (op.alt) this.fusedEdges(inst);
    if (s.onSameLine()) throw s.unexpected('expected the end of the instruction');
    s.lineBound = false;
    block.insts.push(inst);
  }

  /** Reads what goes before a slot; false when an optional slot is absent. */
  private separator(slot: Slot, index: number): boolean {
    const s = this.s;
    if (slot === 'v?') {
      const ahead = index === 0 ? 0 : 1;
      const present = s.onSameLine() && s.peek(ahead).kind === 'value' && (index === 0 || s.isPunct(','));
      if (present && index > 0) s.next();
      return present;
    }
    if (index === 0 || slot === 'args') return true;
    if (slot === 'sig') s.expectPunct(':', 'before the signature');
    else s.expectPunct(',', 'after operand');
    return true;
  }

  /** Reads one slot into the instruction; returns the token naming a type or symbol, which
   *  is where an error computing the result type points. */
  private slot(inst: Inst, slot: Slot): Token | void {
    const s = this.s;
    switch (slot) {
      case 'v':
      case 'v?':
        this.useValue(inst.args);
        return;
      case 'args':
        s.expectPunct('(', 'before the arguments');
        list(s, ')', 'the argument list', () => this.useValue(inst.args));
        return;
      case 'int':
        inst.imm = intLiteral(s);
        return;
      case 'float':
        inst.imm = floatLiteral(s);
        return;
      case 'sym': {
        const tok = s.expect('global', 'expected a symbol (@name)');
        inst.sym = checkSymbol(s, this.scope, tok);
        return tok;
      }
      case 'type': {
        const tok = typeRef(s);
        inst.sym = this.knownType(tok).name;
        return tok;
      }
      case 'field': {
        const tok = typeRef(s);
        const dot = tok.text.lastIndexOf('.');
        if (dot < 0) throw s.error(tok, `expected a field (:Type.field), found ':${tok.text}'`);
        inst.sym = tok.text.slice(0, dot);
        inst.field = tok.text.slice(dot + 1);
        const t = this.knownType(tok, inst.sym);
        if (t.kind !== 'struct') throw s.error(tok, `:${t.name} is not a struct`);
        if (!t.fields.some((fd) => fd.name === inst.field))
          throw s.error(tok, `:${t.name} has no field '${inst.field}'`);
        return tok;
      }
      case 'sig':
        inst.sig = signature(s);
        return;
      case 'target':
        inst.targets.push(this.target());
        return;
      case 'cases':
        s.expectPunct('[', 'to start the cases');
        list(s, ']', 'the cases', () => {
          inst.cases.push(intLiteral(s));
          s.expectPunct(':', 'after the case value');
          inst.targets.push(this.target());
        });
        return;
    }
  }

  private knownType(tok: Token, name = tok.text): TypeDecl {
    const t = this.scope.types.get(name);
    if (!t) throw this.s.error(tok, `unknown type :${name}`);
    return t;
  }

  private defineResult(inst: Inst, resultTok: Token | null, typeTok: Token): void {
    const operand = inst.args[1];
    const needsOperandType = inst.op.result === 'arg1';
    if (needsOperandType && (operand === undefined || operand < 0 || this.untypedValues.has(operand))) {
      if (!resultTok) return;
      inst.result = this.defineValue(resultTok, 'i32');
      this.untyped.push({ inst, tok: resultTok, typeTok });
      this.untypedValues.add(inst.result);
      return;
    }
    const type = this.resultTypeOf(inst, typeTok);
    if (!resultTok) return;
    if (type === null) throw this.s.error(resultTok, `'${inst.op.name}' produces no value`);
    inst.result = this.defineValue(resultTok, type);
  }

  private resultTypeOf(inst: Inst, at: Token): ValType | null {
    try {
      return resultType(this.scope.module, this.f, inst);
    } catch (e) {
      throw this.s.error(at, e instanceof Error ? e.message : String(e));
    }
  }

  private fusedEdges(inst: Inst): void {
    const s = this.s;
    const alt = inst.op.alt!;
    if (!(s.onSameLine() && s.isWord('to'))) {
      if (inst.op.terminator === true) throw s.unexpected(`expected 'to ^block ${alt} ^block' after '${inst.op.name}'`);
      return;
    }
    s.next();
    inst.targets.push(this.target());
    if (!s.acceptWord(alt)) throw s.unexpected(`expected '${alt}' after the 'to' target`);
    inst.targets.push(this.target());
    inst.fused = true;
  }

  private target(): Target {
    const s = this.s;
    const tok = s.expect('block', 'expected a block (^name)');
    const args: number[] = [];
    if (s.onSameLine() && s.acceptPunct('(')) list(s, ')', 'the block arguments', () => this.useValue(args));
    return { block: this.blockEntry(tok).block, args };
  }

  private blockEntry(tok: Token): BlockEntry {
    let entry = this.blocks.get(tok.text);
    if (!entry) {
      entry = { block: new Block(tok.text), defined: false, firstUse: tok };
      this.blocks.set(tok.text, entry);
    }
    return entry;
  }

  private useValue(into: number[]): void {
    const tok = this.s.expect('value', 'expected a value (%name)');
    const id = this.values.get(tok.text);
    if (id === undefined) this.fixups.push({ list: into, index: into.length, tok });
    into.push(id ?? -1);
  }

  private defineValue(tok: Token, type: ValType): number {
    if (this.values.has(tok.text)) throw this.s.error(tok, `value %${tok.text} defined twice`);
    const id = this.f.newValue(type, tok.text);
    this.values.set(tok.text, id);
    return id;
  }

  /** Reports whichever unresolved name comes first in the text. */
  private resolveUses(): void {
    let firstMissing: SourceError | null = null;
    let firstAt = Infinity;
    for (const fx of this.fixups) {
      const id = this.values.get(fx.tok.text);
      if (id !== undefined) {
        fx.list[fx.index] = id;
      } else if (fx.tok.start < firstAt) {
        firstAt = fx.tok.start;
        firstMissing = this.s.error(fx.tok, `undefined value %${fx.tok.text}`);
      }
    }
    for (const { defined, firstUse } of this.blocks.values()) {
      if (!defined && firstUse.start < firstAt) {
        firstAt = firstUse.start;
        firstMissing = this.s.error(firstUse, `unknown block ^${firstUse.text}`);
      }
    }
    if (firstMissing) throw firstMissing;
  }

  /** Types `select` results from their operands, which may be other selects. */
  private inferPendingTypes(): void {
    let pending = this.untyped;
    while (pending.length > 0) {
      const stuck = pending.filter((p) => this.untypedValues.has(p.inst.args[1]!));
      if (stuck.length === pending.length) {
        const first = stuck[0]!;
        throw this.s.error(first.tok, `cannot infer the type of %${first.tok.text}: its operand's type depends on it`);
      }
      for (const p of pending) {
        if (this.untypedValues.has(p.inst.args[1]!)) continue;
        const type = this.resultTypeOf(p.inst, p.typeTok);
        this.f.values[p.inst.result]!.type = type ?? 'i32';
        this.untypedValues.delete(p.inst.result);
      }
      pending = stuck;
    }
  }
}

// ---- pieces shared by declarations and bodies ----

/** Reads `item (, item)* close` (the opener is already read); returns the closing token. */
function list(s: TokenStream, close: string, context: string, item: () => void): Token {
  if (s.isPunct(close)) return s.next();
  do item();
  while (s.acceptPunct(','));
  if (!s.isPunct(close)) throw s.unexpected(`expected ',' or '${close}' in ${context}`);
  return s.next();
}

function checkSymbol(s: TokenStream, scope: ModuleScope, tok: Token): string {
  if (!scope.symbols.has(tok.text)) throw s.error(tok, `undefined symbol @${tok.text}`);
  return tok.text;
}

/** `:name`, the colon written right against the name; returns the name token. */
function typeRef(s: TokenStream): Token {
  if (!s.isPunct(':')) throw s.unexpected('expected a type (:name)');
  const colon = s.next();
  const name = s.peek();
  if (name.kind !== 'ident' || name.start !== colon.end) throw s.error(colon, "expected a type name right after ':'");
  return s.next();
}

function valType(s: TokenStream): ValType {
  const t = s.peek();
  if (t.kind !== 'ident' || !isValType(t.text)) throw s.unexpected('expected a value type (i32, f64 or ref)');
  s.next();
  return t.text;
}

function fieldKind(s: TokenStream): FieldKind {
  const t = s.peek();
  if (t.kind !== 'ident' || !isFieldKind(t.text)) throw s.unexpected('expected a field kind (i32, f64, ref or i8)');
  s.next();
  return t.text;
}

function paramDecl(s: TokenStream): ParamDecl {
  const tok = s.expect('value', 'expected a parameter (%name: type)');
  s.expectPunct(':', 'after the parameter name');
  return { tok, type: valType(s) };
}

/** `(i32, ref) -> i32`; the arrow and result are absent for no result. */
function signature(s: TokenStream): Signature {
  const params: ValType[] = [];
  s.expectPunct('(', 'to start the signature');
  list(s, ')', 'the signature', () => params.push(valType(s)));
  const result = s.acceptPunct('->') ? valType(s) : null;
  return { params, result };
}

const INT_TEXT = /^(-?)(0[xX][0-9a-fA-F]+|[0-9]+)$/;
const INT_MIN = -(2n ** 31n);
const UINT_MAX = 2n ** 32n - 1n;

/** Decimal or hex, signed or unsigned 32-bit, wrapped to i32 (`0xffffffff` is -1). */
function intLiteral(s: TokenStream): number {
  const tok = s.peek();
  const m = tok.kind === 'number' ? INT_TEXT.exec(tok.text) : null;
  if (!m) throw s.unexpected('expected an integer');
  s.next();
  const magnitude = BigInt(m[2]!);
  const n = m[1] === '-' ? -magnitude : magnitude;
  if (n < INT_MIN || n > UINT_MAX) throw s.error(tok, `integer ${tok.text} does not fit in 32 bits`);
  return Number(BigInt.asIntN(32, n));
}

function floatLiteral(s: TokenStream): number {
  const tok = s.peek();
  const spelled = tok.kind === 'number' || (tok.kind === 'ident' && (tok.text === 'inf' || tok.text === 'nan'));
  if (!spelled) throw s.unexpected('expected a float');
  s.next();
  const x = parseFloatText(tok.text);
  if (x === null) throw s.error(tok, `malformed float '${tok.text}'`);
  return x;
}

/** An empty array that V8 will not switch to unboxed double storage: storing into that
 *  quiets signalling NaNs, and const values must keep their NaN bits. */
function numberArrayKeepingNaNBits(): (number | string)[] {
  const values: (number | string)[] = [''];
  values.length = 0;
  return values;
}
