import test from 'ava';
import fc from 'fast-check';
import { FuncBuilder } from '../../src/ir/builder.ts';
import { Module, type Block, type Func, type Target } from '../../src/ir/module.ts';
import { OPCODE_LIST, type OpDef } from '../../src/ir/opcodes.ts';
import { resultType } from '../../src/ir/result-type.ts';
import type { FieldKind, Signature, ValType } from '../../src/ir/types.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { printInst, printModule } from '../../src/ir/text/printer.ts';

// ---- every opcode's syntax ----

const PRELUDE = `type :pair = struct { head: ref, n: i32, x: f64, b: i8 }
type :ints = array i32
type :bytes = array i8
global @g: i32 = 0
const @s: :bytes = "hi"
extern @host(i32) -> ref collects raises

func @callee(%a: i32) -> i32 {
^entry:
  ret %a
}
`;

/** A function around one sample line; its blocks are the targets samples may use. */
function sampleModule(sample: string, terminates: boolean): string {
  return `${PRELUDE}
func @f(%i: i32, %j: i32, %x: f64, %y: f64, %r: ref) -> i32 {
^entry:
  ${sample}
${terminates ? '' : '  ret %i\n'}^a:
  ret %i
^ok(%v: i32):
  ret %v
^h(%e: ref, %w: i32):
  ret %w
}
`;
}

const each = (names: string[], operands: string): [string, string[]][] =>
  names.map((n) => [n, [`%v0 = ${n} ${operands}`]]);
const RAW_KINDS = ['i8', 'i32', 'f64', 'ref'];

/** Opcode name → sample lines. A new opcode fails the coverage test until it has one. */
const SAMPLES = new Map<string, string[]>([
  ['iconst', ['%v0 = iconst -7', '%v0 = iconst 2147483647']],
  ['fconst', ['%v0 = fconst 2.5', '%v0 = fconst -0.0', '%v0 = fconst nan:0x7ff0000000000001', '%v0 = fconst -inf']],
  ['rnull', ['%v0 = rnull']],
  ...each(['iadd', 'isub', 'imul', 'iand', 'ior', 'ixor', 'ishl', 'isar', 'ishr'], '%i, %j'),
  ...each(['sdiv', 'srem', 'udiv', 'urem'], '%i, %j'),
  ...each(
    [
      'icmp.eq',
      'icmp.ne',
      'icmp.slt',
      'icmp.sle',
      'icmp.sgt',
      'icmp.sge',
      'icmp.ult',
      'icmp.ule',
      'icmp.ugt',
      'icmp.uge',
    ],
    '%i, %j',
  ),
  ['iadd_ovf', ['%v0 = iadd_ovf %i, %j to ^ok(%v0) ovf ^a']],
  ['isub_ovf', ['%v0 = isub_ovf %i, %j to ^ok(%v0) ovf ^ok(%i)']],
  ['imul_ovf', ['%v0 = imul_ovf %i, %j to ^a ovf ^a']],
  ...each(['fadd', 'fsub', 'fmul', 'fdiv'], '%x, %y'),
  ...each(['fneg', 'fabs', 'fsqrt'], '%x'),
  ...each(['fcmp.eq', 'fcmp.ne', 'fcmp.lt', 'fcmp.le', 'fcmp.gt', 'fcmp.ge'], '%x, %y'),
  ['i2f', ['%v0 = i2f %i']],
  ['f2i', ['%v0 = f2i %x']],
  ['ref.bits', ['%v0 = ref.bits %r']],
  ['ref.from_bits', ['%v0 = ref.from_bits %i']],
  ['ref.is_ptr', ['%v0 = ref.is_ptr %r']],
  ['ref.type_id', ['%v0 = ref.type_id %r']],
  ['select', ['%v0 = select %i, %x, %y']],
  ['new', ['%v0 = new :pair']],
  ['new_array', ['%v0 = new_array :ints, %i']],
  ['get', ['%v0 = get :pair.x, %r']],
  ['set', ['set :pair.head, %r, %r']],
  ['aget', ['%v0 = aget :bytes, %r, %i']],
  ['aset', ['aset :ints, %r, %i, %j']],
  ['alen', ['%v0 = alen %r']],
  ['gget', ['%v0 = gget @g']],
  ['gset', ['gset @g, %i']],
  ['gaddr', ['%v0 = gaddr @s']],
  ['fref', ['%v0 = fref @callee']],
  ...RAW_KINDS.map((k): [string, string[]] => [`load.${k}`, [`%v0 = load.${k} %i, 8`]]),
  ...RAW_KINDS.map((k): [string, string[]] => [
    `store.${k}`,
    [`store.${k} %i, -4, %${k === 'f64' ? 'x' : k === 'ref' ? 'r' : 'j'}`],
  ]),
  [
    'call',
    [
      '%v0 = call @callee(%i)',
      'call @callee(%i)',
      '%v0 = call @callee(%i) to ^ok(%v0) unwind ^h(%j)',
      '%v0 = call @host(%i) to ^a unwind ^a',
    ],
  ],
  [
    'call_indirect',
    [
      '%v0 = call_indirect %i(%j, %x) : (i32, f64) -> i32',
      'call_indirect %i() : ()',
      '%v0 = call_indirect %i(%j) : (i32) -> i32 to ^ok(%v0) unwind ^h(%v0)',
    ],
  ],
  ['tail_call', ['tail_call @callee(%i)']],
  ['tail_call_indirect', ['tail_call_indirect %i(%j, %r) : (i32, ref) -> i32']],
  ['br', ['br ^a', 'br ^ok(%i)']],
  ['brif', ['brif %i, ^a, ^ok(%j)']],
  ['switch', ['switch %i, ^a, [0: ^ok(%i), -3: ^a, 7: ^ok(%j)]', 'switch %i, ^ok(%j), []']],
  ['ret', ['ret %i', 'ret']],
  ['raise', ['raise %r']],
  ['unreachable', ['unreachable']],
]);

test('every opcode has a syntax sample', (t) => {
  const missing = OPCODE_LIST.map((op) => op.name).filter((name) => !SAMPLES.has(name));
  const unknown = [...SAMPLES.keys()].filter((name) => !OPCODE_LIST.some((op) => op.name === name));
  t.deepEqual(missing, [], 'opcodes without a sample');
  t.deepEqual(unknown, [], 'samples naming no opcode');
});

for (const op of OPCODE_LIST) {
  for (const sample of SAMPLES.get(op.name) ?? []) {
    test(`syntax of ${op.name}: ${sample}`, (t) => {
      const terminates = op.terminator === true || sample.includes(' to ^');
      const text = sampleModule(sample, terminates);
      const m = parseModule(text);
      t.is(printModule(m), text);
      const f = m.func('f')!;
      const inst = f.entry.insts[0]!;
      t.is(inst.op.name, op.name);
      t.is(inst.isTerminator, terminates);
      t.is(printInst(f, inst), sample);
    });
  }
}

test('the opcode table has at most one args slot and never args with an optional value', (t) => {
  for (const op of OPCODE_LIST) {
    const args = op.slots.filter((s) => s === 'args').length;
    t.true(args <= 1, op.name);
    t.false(args > 0 && op.slots.includes('v?'), op.name);
  }
});

// ---- canonical text ----

const CANONICAL = `lowered
type :pair = struct { head: ref, tail: ref }
type :bytes = array i8
type :ints = array i32
type :boxf = struct { value: f64 }
type :empty = struct {}
global @count: i32 = -1
global @list: ref = 0
global @greeting_ref: ref = @hello
global @ratio: f64 = 0.1
const @hello: :bytes = "hi\\n\\x00\\xff \\"q\\" \\\\"
const @nums: :ints = [1, 2, -3]
const @none: :ints = []
const @boxed: :boxf = { nan:0x7ff0000000000001 }
const @cell: :pair = { @hello, 5 }
const @nothing: :empty = {}
extern @print_i32(i32)
extern @alloc_thing(i32) -> ref collects raises

func @fib(%n: i32) -> i32 {
^entry:
  %two = iconst 2
  %small = icmp.slt %n, %two
  brif %small, ^base, ^rec
^base:
  ret %n
^rec:
  %one = iconst 1
  %a = isub %n, %one
  %fa = call @fib(%a)
  %b = isub %a, %one
  %fb = call @fib(%b)
  %r = iadd_ovf %fa, %fb to ^done(%r) ovf ^overflow
^done(%x: i32):
  ret %x
^overflow cold:
  br ^wrapped(%one)
^wrapped(%w: i32) cold:
  ret %w
}

func replaceable @later(%p: ref, %0: f64) {
^start:
  br ^use
^use:
  %s = select %c, %0, %k
  %t = fadd %s, %k
  ret
^define:
  %c = iconst 1
  %k = fconst 5e-324
  br ^use
}
`;

test('canonical text prints back unchanged', (t) => {
  t.is(printModule(parseModule(CANONICAL)), CANONICAL);
});

test('a symbol a bare name cannot spell prints quoted and reads back', (t) => {
  const m = new Module();
  const names = ['n.<genexpr>.0', 'f.λ x', 'q"uote\\back\nline'];
  for (const name of names) {
    const b = new FuncBuilder(m, name, { params: [], result: 'ref' });
    const callee = names[(names.indexOf(name) + 1) % names.length]!;
    b.emit('ret', [b.emit('fref', [], { sym: callee })]);
  }
  m.globals.push({ name: 'g<0>', type: 'ref', init: names[0]! });
  const text = printModule(m);
  t.true(text.includes('func @"n.<genexpr>.0"() -> ref {'));
  t.true(text.includes('@"q\\"uote\\\\back\\nline"'));
  t.true(text.includes('global @"g<0>": ref = @"n.<genexpr>.0"'));
  const back = parseModule(text);
  t.deepEqual(
    back.funcs.map((f) => f.name),
    names,
  );
  t.is(printModule(back), text);
  t.throws(() => parseModule('func @""() {\n^e:\n  ret\n}\n'), { message: /expected a name after '@'/ });
});

// ---- builder-made modules, property-tested ----

const doubleBits = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((bits) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
});
const SPECIAL_DOUBLES = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  -5e-324,
  2.2250738585072009e-308,
  Number.MAX_VALUE,
  0.1,
  1e21,
  1e-7,
];
const anyDouble = () => fc.oneof(fc.double(), doubleBits, fc.constantFrom(...SPECIAL_DOUBLES));
const anyInt = () => fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const anyBytes = () =>
  fc.oneof(
    fc.uint8Array({ maxLength: 12 }).map((a) => [...a]),
    fc.string({ unit: 'binary', maxLength: 8 }).map((s) => [...new TextEncoder().encode(s)]),
  );
/** Deliberately clashing and invalid names: the printer must make them unique and valid. */
const NAMES = ['x', 'x', 'x.1', 'v1', 'v2', 'a b', '', 'entry', '9lives', 'ok', 'é'];
const VAL_TYPES: ValType[] = ['i32', 'f64', 'ref'];
const FIELD_KINDS: FieldKind[] = ['i32', 'f64', 'ref', 'i8'];

type Gen = fc.GeneratorValue;

function chance(g: Gen, percent: number): boolean {
  return g(fc.nat, { max: 99 }) < percent;
}
function pick<T>(g: Gen, xs: readonly T[]): T {
  return xs[g(fc.nat, { max: xs.length - 1 })]!;
}
function upTo(g: Gen, max: number): number {
  return g(fc.nat, { max });
}
function randomName(g: Gen): string | undefined {
  return chance(g, 30) ? undefined : pick(g, NAMES);
}
function randomSig(g: Gen): Signature {
  const params = Array.from({ length: upTo(g, 3) }, () => pick(g, VAL_TYPES));
  return { params, result: chance(g, 80) ? pick(g, VAL_TYPES) : null };
}

function randomModule(g: Gen): Module {
  const m = new Module();
  m.lowered = chance(g, 20);
  for (const elem of FIELD_KINDS) m.types.push({ kind: 'array', name: `arr.${elem}`, elem });
  for (let i = upTo(g, 2); i >= 0; i--) {
    const fields = Array.from({ length: upTo(g, 3) + 1 }, (_, k) => ({ name: `f${k}`, kind: pick(g, FIELD_KINDS) }));
    m.types.push({ kind: 'struct', name: `s${i}`, fields });
  }
  randomConsts(g, m);
  for (let i = upTo(g, 3); i > 0; i--) {
    const type = pick(g, VAL_TYPES);
    const init = type === 'f64' ? g(anyDouble) : type === 'ref' && chance(g, 50) ? pick(g, m.consts).name : g(anyInt);
    m.globals.push({ name: `g${i}`, type, init });
  }
  for (let i = upTo(g, 2); i > 0; i--) {
    m.externs.push({ name: `ext${i}`, sig: randomSig(g), collects: chance(g, 50), raises: chance(g, 50) });
  }
  const builders = Array.from({ length: upTo(g, 2) + 1 }, (_, i) => {
    const sig = randomSig(g);
    const b = new FuncBuilder(
      m,
      `fn${i}`,
      sig,
      sig.params.map(() => randomName(g) ?? 'p'),
    );
    b.func.replaceable = chance(g, 20);
    return b;
  });
  for (const b of builders) new BodyGenerator(g, m, b).fill();
  return m;
}

function randomConsts(g: Gen, m: Module): void {
  m.consts.push({ name: 'str0', type: 'arr.i8', values: g(anyBytes) });
  for (let i = upTo(g, 3); i > 0; i--) {
    const t = pick(g, m.types);
    const kinds = t.kind === 'array' ? Array.from({ length: upTo(g, 4) }, () => t.elem) : t.fields.map((f) => f.kind);
    const values = kinds.map((k): number | string => {
      if (k === 'f64') return g(anyDouble);
      if (k === 'i8') return upTo(g, 255);
      if (k === 'ref' && chance(g, 50)) return pick(g, m.consts).name;
      return g(anyInt);
    });
    m.consts.push({ name: `c${i}`, type: t.name, values });
  }
}

/** Fills one function with random but well-typed blocks and instructions. */
class BodyGenerator {
  private readonly blocks: Block[];
  private pool: number[] = [];

  constructor(
    private readonly g: Gen,
    private readonly m: Module,
    private readonly b: FuncBuilder,
  ) {
    const count = upTo(g, 3);
    this.blocks = Array.from({ length: count }, () => {
      const types = Array.from({ length: upTo(g, 3) }, () => pick(g, VAL_TYPES));
      if (chance(g, 40)) types.unshift('ref'); // a possible unwind handler
      return b.block(
        randomName(g) ?? 'b',
        types,
        types.map(() => randomName(g) ?? 'q'),
      );
    });
  }

  fill(): void {
    const entry = this.b.currentBlock;
    for (const block of [entry, ...this.blocks]) {
      this.b.switchTo(block);
      this.pool = [...entry.params, ...block.params];
      this.pool.push(
        this.b.iconst(this.g(anyInt)),
        this.b.emit('fconst', [], { imm: this.g(anyDouble), name: randomName(this.g) }),
      );
      this.pool.push(this.b.emit('rnull', [], { name: randomName(this.g) }));
      for (let i = upTo(this.g, 6); i > 0; i--) this.instruction();
      this.terminator();
    }
  }

  private get f(): Func {
    return this.b.func;
  }

  private valueOf(type: ValType): number {
    return pick(
      this.g,
      this.pool.filter((v) => this.f.typeOf(v) === type),
    );
  }

  private targetTo(block: Block, skipFirst = false, offered = -1): Target {
    const types = block.params.slice(skipFirst ? 1 : 0).map((p) => this.f.typeOf(p));
    const args = types.map((t) =>
      offered >= 0 && this.f.typeOf(offered) === t && chance(this.g, 50) ? offered : this.valueOf(t),
    );
    return { block, args };
  }

  private randomTarget(): Target {
    return this.targetTo(pick(this.g, this.blocks));
  }

  /** A symbol of the kind the opcode names; `type` is a global's, `sig` a callee's. */
  private symbolFor(op: OpDef): { name: string; type?: ValType; sig?: Signature } | null {
    const m = this.m;
    const choices =
      op.category === 'call'
        ? [...m.funcs, ...m.externs]
        : op.name === 'gaddr'
          ? m.consts.map((c) => ({ name: c.name }))
          : op.name === 'fref'
            ? m.funcs.map((f) => ({ name: f.name }))
            : m.globals;
    return choices.length > 0 ? pick(this.g, choices) : null;
  }

  /** Operands and extras for an opcode's slots, or null when the module lacks what it needs. */
  private operands(op: OpDef): { args: number[]; sym?: string; field?: string; imm?: number; sig?: Signature } | null {
    const g = this.g;
    const out: { args: number[]; sym?: string; field?: string; imm?: number; sig?: Signature } = { args: [] };
    let anyType: ValType | null = null;
    let vIndex = 0;
    let sig: Signature | null = op.slots.includes('sig') ? randomSig(g) : null;
    for (const slot of op.slots) {
      switch (slot) {
        case 'v': {
          let t = op.operands[vIndex++]!;
          if (t === 'any') t = anyType ??= pick(g, VAL_TYPES);
          out.args.push(this.valueOf(t));
          break;
        }
        case 'v?':
          break;
        case 'args':
          out.args.push(...sig!.params.map((t) => this.valueOf(t)));
          break;
        case 'int':
          out.imm = g(anyInt);
          break;
        case 'float':
          out.imm = g(anyDouble);
          break;
        case 'sym': {
          const named = this.symbolFor(op);
          if (!named) return null;
          out.sym = named.name;
          if (named.sig) sig = named.sig;
          anyType = named.type ?? anyType;
          break;
        }
        case 'type': {
          const structs = op.name === 'new';
          const t = pick(
            g,
            this.m.types.filter((d) => (d.kind === 'struct') === structs),
          );
          out.sym = t.name;
          if (t.kind === 'array') anyType = t.elem === 'i8' ? 'i32' : t.elem;
          break;
        }
        case 'field': {
          const t = pick(
            g,
            this.m.types.filter((d) => d.kind === 'struct'),
          );
          if (t.kind !== 'struct') return null;
          const fd = pick(g, t.fields);
          out.sym = t.name;
          out.field = fd.name;
          anyType = fd.kind === 'i8' ? 'i32' : fd.kind;
          break;
        }
        case 'sig':
          out.sig = sig!;
          break;
        case 'target':
        case 'cases':
          return null;
      }
    }
    return out;
  }

  private instruction(): void {
    const op = pick(
      this.g,
      OPCODE_LIST.filter((o) => o.terminator !== true),
    );
    const operands = this.operands(op);
    if (!operands) return;
    const { args, ...extras } = operands;
    const v = this.b.emit(op.name, args, { ...extras, name: randomName(this.g) });
    if (v >= 0) this.pool.push(v);
  }

  private terminator(): void {
    const g = this.g;
    const handlers = this.blocks.filter((bl) => bl.params.length > 0 && this.f.typeOf(bl.params[0]!) === 'ref');
    const choices = ['ret', 'raise', 'unreachable', 'tail_call', 'tail_call_indirect'];
    if (this.blocks.length > 0) choices.push('br', 'brif', 'switch', 'iadd_ovf', 'isub_ovf', 'imul_ovf');
    if (handlers.length > 0) choices.push('call', 'call_indirect');
    const name = pick(g, choices);
    const op = OPCODE_LIST.find((o) => o.name === name)!;
    const result = this.f.sig.result;
    switch (name) {
      case 'ret':
        this.b.ret(result ? this.valueOf(result) : undefined);
        return;
      case 'br':
        this.b.emit('br', [], { targets: [this.randomTarget()] });
        return;
      case 'brif':
        this.b.emit('brif', [this.valueOf('i32')], { targets: [this.randomTarget(), this.randomTarget()] });
        return;
      case 'switch': {
        const cases = [...new Set(Array.from({ length: upTo(g, 3) }, () => g(anyInt)))];
        const targets = [this.randomTarget(), ...cases.map(() => this.randomTarget())];
        this.b.emit('switch', [this.valueOf('i32')], { targets, cases });
        return;
      }
      case 'iadd_ovf':
      case 'isub_ovf':
      case 'imul_ovf':
      case 'call':
      case 'call_indirect': {
        const operands = this.operands(op);
        if (!operands) {
          this.b.emit('unreachable');
          return;
        }
        const { args, ...extras } = operands;
        const alt = op.alt === 'unwind' ? this.targetTo(pick(g, handlers), true) : this.randomTarget();
        const ok = pick(g, this.blocks);
        this.b.emitFused(name, args, { ...extras, name: randomName(g) }, (r) => this.targetTo(ok, false, r), alt);
        return;
      }
      default: {
        const operands = this.operands(op);
        const { args, ...extras } = operands ?? { args: [] };
        this.b.emit(operands ? name : 'unreachable', operands ? args : [], extras);
      }
    }
  }
}

/** Each function's value types in text order: the text never writes result types, so
 *  this checks that the parser infers the ones the builder assigned. */
function valueTypesInTextOrder(m: Module): string[] {
  return m.funcs.map((f) =>
    f.blocks
      .flatMap((b) => [...b.params, ...b.insts.map((i) => i.result).filter((r) => r >= 0)])
      .map((v) => f.typeOf(v))
      .join(' '),
  );
}

test('builder-made modules: print ∘ parse ∘ print is print', (t) => {
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const m = randomModule(g);
      const text = printModule(m);
      const parsed = parseModule(text);
      t.is(printModule(parsed), text);
      t.deepEqual(valueTypesInTextOrder(parsed), valueTypesInTextOrder(m));
    }),
    { numRuns: 300 },
  );
});

test('builder-made modules are well typed by construction', (t) => {
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const m = randomModule(g);
      for (const f of m.funcs) {
        for (const b of f.blocks) {
          t.truthy(b.terminator, `^${b.name} of @${f.name} is terminated`);
          for (const inst of b.insts) if (inst.result >= 0) t.is(resultType(m, f, inst), f.typeOf(inst.result));
        }
      }
    }),
    { numRuns: 50 },
  );
});

// ---- speed ----

test('a 10k-instruction module parses quickly', (t) => {
  const body: string[] = [];
  for (let i = 0; i < 2500; i++) {
    body.push(
      `  %a${i} = iadd %n, %n`,
      `  %b${i} = call @g(%a${i}, %n)`,
      `  %c${i} = fconst ${1.5 * 2 ** (i % 100)}`,
      `  %d${i} = select %b${i}, %a${i}, %n`,
    );
  }
  const callee = 'func @g(%x: i32, %y: i32) -> i32 {\n^entry:\n  ret %x\n}\n';
  const text = `${callee}\nfunc @f(%n: i32) -> i32 {\n^entry:\n${body.join('\n')}\n  ret %n\n}\n`;
  let coldMs = performance.now();
  const m = parseModule(text);
  coldMs = performance.now() - coldMs;
  // The best of a few runs: what parsing costs once the JIT has warmed up, rather than
  // what a loaded test machine happens to allow for one run.
  let bestMs = Infinity;
  for (let run = 0; run < 10; run++) {
    // CPU time: wall time on a machine shared with other test files says little.
    const start = process.cpuUsage();
    parseModule(text);
    const used = process.cpuUsage(start);
    bestMs = Math.min(bestMs, (used.user + used.system) / 1000);
  }
  t.is(m.func('f')!.entry.insts.length, 10001);
  t.log(`parsed 10k instructions in ${coldMs.toFixed(1)} ms cold, ${bestMs.toFixed(1)} ms warm`);
  t.true(bestMs < 100, `took ${bestMs} ms`);
  const printStart = performance.now();
  t.is(printModule(m), text);
  t.log(`printed them in ${(performance.now() - printStart).toFixed(1)} ms`);
});
