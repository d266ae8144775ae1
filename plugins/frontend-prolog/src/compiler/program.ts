import { readFileSync } from 'node:fs';
import { SourceError } from '#framework';
import { HOST_BUILTINS } from '../host/builtins.ts';
import { STEP_DIRECTIVE, STEP_END, STEP_GOAL, STEP_INIT_MAIN } from '../host/functions.ts';
import { OperatorTable } from '../reader/operators.ts';
import { Parser, type DoubleQuotes, type ReaderFlags } from '../reader/parser.ts';
import { atom, str, type Term } from '../reader/terms.ts';
import { isInlineBuiltin, type EmitContext, type Target } from './clause-ir.ts';
import { Desugarer, type Clause } from './desugar.ts';
import { emitSlot, slotGlobal, type SlotPredicate } from './dynamic-slots.ts';
import { ConstPool, Fn, mangle } from './ir-text.ts';
import { emitPredicate, type Predicate } from './predicate-ir.ts';
import { runtimeText } from './runtime-text.ts';
import { emitSemidet, isFlat, semidetName } from './semidet-ir.ts';
import { Symbols } from './symbols.ts';

/** Runtime functions that take the goal term (wrapper convention). */
const WRAPPERS: Record<string, string> = {
  'call/1': 'ctl$call1', 'findall/3': 'ctl$findall', 'catch/3': 'ctl$catch', 'throw/1': 'ctl$throw',
  '$clause/3': 'ctl$clause', 'repeat/0': 'ctl$repeat', ',/2': 'ctl$conj', ';/2': 'ctl$or', '->/2': 'ctl$ite',
  '*->/2': 'ctl$softite', '\\+/1': 'ctl$not', '!/0': 'ctl$cut', 'not/1': 'ctl$not',
};
for (let n = 2; n <= 8; n++) WRAPPERS[`call/${n}`] = 'ctl$callN';

export interface CompiledProgram {
  text: string;
  syms: Symbols;
  ops: OperatorTable;
  staticPreds: Set<number>;
  dynamicPreds: Set<number>;
  dynamic: DynamicLink;
}

/** What compiling a dynamic predicate at run time needs from the program's compilation. */
export interface DynamicLink {
  /** The code slot of each slotted predicate (see dynamic-slots.ts), by symbol id. */
  slots: Map<number, number>;
  /** How run-time code runs a goal: as the program's code does, except that predicates
   *  without a slot go to the generic matcher (globals cannot be added at run time). */
  target(name: string, arity: number): Target;
  semidet(name: string, arity: number): string | null;
}

interface Step {
  goal: Term;
  kind: number;
}

let libClauses: { term: Term; line: number; col: number }[] | undefined;

/** Reads a program (and the library), compiles every predicate and returns the module text. */
export function compileProgram(source: string, file: string, goal: string | undefined): CompiledProgram {
  const syms = new Symbols();
  const ops = new OperatorTable();
  const flags: ReaderFlags = { doubleQuotes: 'codes' };
  const user = new Map<string, { name: string; arity: number; clauses: Term[] }>();
  const dynamic = new Set<string>();
  const steps: Step[] = [];
  const inits: Step[] = [];
  const errors: SourceError[] = [];
  const fileClauses: Term[] = [];

  const parser = new Parser(source, file, ops, flags);
  for (;;) {
    let read;
    try {
      read = parser.readClause();
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      errors.push(e);
      parser.recover();
      continue;
    }
    if (read === null) break;
    const t = read.term;
    if (t.k === 'str' && t.name === ':-' && t.args.length === 1) {
      directive(t.args[0]!, { ops, flags, dynamic, steps, inits });
      continue;
    }
    if (t.k === 'str' && t.name === '?-' && t.args.length === 1) {
      steps.push({ goal: t.args[0]!, kind: STEP_DIRECTIVE });
      continue;
    }
    const head = t.k === 'str' && t.name === ':-' && t.args.length === 2 ? t.args[0]! : t;
    if (head.k !== 'atom' && head.k !== 'str') {
      errors.push(new SourceError('clause head is not callable', file, read.line, read.col));
      continue;
    }
    const key = `${head.name}/${head.k === 'str' ? head.args.length : 0}`;
    if (dynamic.has(key)) {
      steps.push({ goal: str('assertz', [t]), kind: STEP_DIRECTIVE });
      continue;
    }
    fileClauses.push(t);
    let p = user.get(key);
    if (!p) {
      p = { name: head.name, arity: head.k === 'str' ? head.args.length : 0, clauses: [] };
      user.set(key, p);
    }
    p.clauses.push(t);
  }
  if (errors.length > 0) throw errors[0];

  libClauses ??= readLibrary();
  const lib = new Map<string, { name: string; arity: number; clauses: Term[] }>();
  for (const { term } of libClauses) {
    const head = term.k === 'str' && term.name === ':-' && term.args.length === 2 ? term.args[0]! : term;
    const key = `${(head as { name: string }).name}/${head.k === 'str' ? head.args.length : 0}`;
    if (user.has(key) || dynamic.has(key)) continue;
    let p = lib.get(key);
    if (!p) lib.set(key, (p = { name: (head as { name: string }).name, arity: head.k === 'str' ? head.args.length : 0, clauses: [] }));
    p.clauses.push(term);
  }

  if (goal !== undefined) {
    const gp = new Parser(`${goal} .`, '<goal>', ops, flags);
    const read = gp.readClause();
    if (read) steps.push(...inits.splice(0), { goal: read.term, kind: STEP_GOAL });
  }
  steps.push(...inits);

  const desugar = new Desugarer();
  const preds: Predicate[] = [];
  const byKey = new Map<string, Predicate>();
  let id = 0;
  const addPred = (name: string, arity: number, clauses: Clause[]): void => {
    const p: Predicate = { name, arity, clauses, fn: mangle(name, arity, id++) };
    preds.push(p);
    byKey.set(`${name}/${arity}`, p);
  };
  const splitClause = (t: Term): Clause =>
    t.k === 'str' && t.name === ':-' && t.args.length === 2 ? desugar.clause(t.args[0]!, t.args[1]!) : desugar.clause(t, atom('true'));
  for (const p of [...user.values(), ...lib.values()]) addPred(p.name, p.arity, p.clauses.map(splitClause));
  steps.forEach((s, i) => addPred(`$step${i}`, 0, [desugar.clause(atom(`$step${i}`), s.goal)]));
  for (const a of desugar.aux) addPred(a.name, a.arity, a.clauses);

  const consts = new ConstPool(syms);
  const fns: Fn[] = [];
  const dynamicPreds = new Set([...dynamic].map((k) => keyId(syms, k)));
  const tested = new Set<Predicate>();
  const slotted = new Map<string, SlotPredicate>();
  const slotOf = (name: string, arity: number): number => {
    const key = `${name}/${arity}`;
    let sp = slotted.get(key);
    if (!sp) slotted.set(key, (sp = { slot: slotted.size, name, arity }));
    return sp.slot;
  };
  for (const key of dynamic) {
    const slash = key.lastIndexOf('/');
    slotOf(key.slice(0, slash), Number(key.slice(slash + 1)));
  }
  const resolve = (name: string, arity: number, newSlots: boolean): Target => {
    const key = `${name}/${arity}`;
    const p = byKey.get(key);
    if (p) return { kind: 'pred', fn: p.fn };
    const w = WRAPPERS[key];
    if (w) return { kind: 'wrapper', fn: w };
    if (HOST_BUILTINS[key]) return { kind: 'host' };
    if (isInlineBuiltin(name, arity)) return { kind: 'inline' };
    const sp = slotted.get(key);
    if (sp) return { kind: 'dynamic', slot: sp.slot };
    return newSlots ? { kind: 'dynamic', slot: slotOf(name, arity) } : { kind: 'wrapper', fn: 'dyn$call' };
  };
  const ctx: EmitContext = {
    syms,
    consts,
    add: (f) => fns.push(f),
    target: (name, arity) => resolve(name, arity, true),
    semidet(name, arity) {
      const p = byKey.get(`${name}/${arity}`);
      if (!p || !isFlat(p)) return null;
      tested.add(p);
      return semidetName(p);
    },
  };
  for (const p of preds) emitPredicate(ctx, p);
  for (const p of tested) emitSemidet(ctx, p);
  const slotDecls = [...slotted.values()].map((sp) => emitSlot(ctx.add, sp, syms.imm(sp.name, sp.arity)));

  const lookup = new Fn('func @lookup(%id: i32) -> i32');
  const cases: [number, string][] = [];
  for (const p of preds) cases.push([syms.id(p.name, p.arity), `${p.fn}$w`]);
  for (const [key, fn] of Object.entries(WRAPPERS)) cases.push([keyId(syms, key), fn]);
  for (const sp of slotted.values()) cases.push([syms.id(sp.name, sp.arity), `${slotGlobal(sp.slot)}$w`]);
  for (const key of Object.keys(HOST_BUILTINS)) cases.push([keyId(syms, key), 'ctl$host']);
  const seen = new Set<number>();
  const uniq = cases.filter(([i]) => !seen.has(i) && seen.add(i));
  const labels = uniq.map(() => lookup.blk('f'));
  const dflt = lookup.blk('dyn');
  lookup.end(`switch %id, ${dflt}, [${uniq.map(([i], j) => `${i}: ${labels[j]}`).join(', ')}]`);
  uniq.forEach(([, fn], j) => {
    lookup.label(labels[j]!);
    lookup.end(`ret ${lookup.val(`fref @${fn}`)}`);
  });
  lookup.label(dflt);
  lookup.end(`ret ${lookup.val('fref @dyn$call')}`);
  fns.push(lookup);

  const main = new Fn('func @main() -> i32');
  steps.forEach((s, i) => {
    const p = byKey.get(`$step${i}/0`)!;
    const status = main.val(`call @run_pred(${main.val(`fref @${p.fn}`)})`);
    const ks = main.val(`ior ${status}, ${main.iconst(s.kind << 2)}`);
    main.emit(`call @pl_finish(${ks}, ${main.val('gget @ball')})`);
  });
  main.emit(`call @pl_finish(${main.iconst(STEP_END << 2)}, ${main.val('rnull')})`);
  main.end(`ret ${main.iconst(0)}`);
  fns.push(main);

  const staticPreds = new Set(preds.filter((p) => !p.name.startsWith('$step')).map((p) => syms.id(p.name, p.arity)));
  const text = [runtimeText(syms), consts.text(), ...slotDecls, ...fns.map((f) => f.text())].join('\n');
  const emittedTests = new Set([...tested].map((p) => `${p.name}/${p.arity}`));
  const dynamicLink: DynamicLink = {
    slots: new Map([...slotted.values()].map((sp) => [syms.id(sp.name, sp.arity), sp.slot])),
    target: (name, arity) => resolve(name, arity, false),
    semidet: (name, arity) => {
      const p = byKey.get(`${name}/${arity}`);
      return p && emittedTests.has(`${name}/${arity}`) ? semidetName(p) : null;
    },
  };
  return { text, syms, ops, staticPreds, dynamicPreds, dynamic: dynamicLink };
}

function keyId(syms: Symbols, key: string): number {
  const slash = key.lastIndexOf('/');
  return syms.id(key.slice(0, slash), Number(key.slice(slash + 1)));
}

function readLibrary(): { term: Term; line: number; col: number }[] {
  const url = new URL('../lib/builtins.pl', import.meta.url);
  const p = new Parser(readFileSync(url, 'utf8'), url.pathname, new OperatorTable(), { doubleQuotes: 'codes' });
  const out: { term: Term; line: number; col: number }[] = [];
  for (let r = p.readClause(); r !== null; r = p.readClause()) out.push(r);
  return out;
}

interface DirectiveState {
  ops: OperatorTable;
  flags: ReaderFlags;
  dynamic: Set<string>;
  steps: Step[];
  inits: Step[];
}

/** Directives that change how the rest of the file is read act now; others run at load. */
function directive(d: Term, s: DirectiveState): void {
  if (d.k === 'str' && d.name === 'op' && d.args.length === 3) {
    const [p, t, n] = d.args as [Term, Term, Term];
    if (p.k === 'int' && t.k === 'atom') {
      const names = listAtoms(n);
      for (const name of names) s.ops.add(Number(p.v), t.name as never, name);
    }
    s.steps.push({ goal: d, kind: STEP_DIRECTIVE });
    return;
  }
  if (d.k === 'str' && d.name === 'set_prolog_flag' && d.args.length === 2) {
    const [f, v] = d.args as [Term, Term];
    if (f.k === 'atom' && f.name === 'double_quotes' && v.k === 'atom') s.flags.doubleQuotes = v.name as DoubleQuotes;
    return;
  }
  if (d.k === 'str' && d.name === 'dynamic' && d.args.length === 1) {
    for (const pi of commaList(d.args[0]!)) {
      if (pi.k === 'str' && pi.name === '/' && pi.args[0]!.k === 'atom' && pi.args[1]!.k === 'int') s.dynamic.add(`${pi.args[0]!.name}/${pi.args[1]!.v}`);
    }
    return;
  }
  if (d.k === 'str' && d.name === 'initialization') {
    const main = d.args.length === 2 && d.args[1]!.k === 'atom' && d.args[1]!.name === 'main';
    s.inits.push({ goal: d.args[0]!, kind: main ? STEP_INIT_MAIN : STEP_DIRECTIVE });
    return;
  }
  if (d.k === 'str' && ['discontiguous', 'ensure_loaded', 'use_module', 'module', 'style_check', 'set_stream'].includes(d.name)) return;
  s.steps.push({ goal: d, kind: STEP_DIRECTIVE });
}

function commaList(t: Term): Term[] {
  const out: Term[] = [];
  for (let x = t; ; ) {
    if (x.k === 'str' && x.name === ',' && x.args.length === 2) {
      out.push(x.args[0]!);
      x = x.args[1]!;
    } else if (x.k === 'str' && x.name === '[|]' && x.args.length === 2) {
      out.push(x.args[0]!);
      x = x.args[1]!;
    } else {
      if (!(x.k === 'atom' && x.name === '[]')) out.push(x);
      return out;
    }
  }
}

function listAtoms(t: Term): string[] {
  return commaList(t).flatMap((x) => (x.k === 'atom' ? [x.name] : []));
}
