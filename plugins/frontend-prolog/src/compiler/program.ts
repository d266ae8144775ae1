import { resolve } from 'node:path';
import { SourceError } from '#framework';
import { STEP_DIRECTIVE, STEP_END, STEP_GOAL, STEP_INIT_MAIN } from '../protocol/host-protocol.ts';
import { OperatorTable } from '../reader/operators.ts';
import { Parser, type DoubleQuotes, type ReaderFlags } from '../reader/parser.ts';
import type { InvalidUtf8 } from '../reader/utf8-check.ts';
import { atom, str, type Term } from '../reader/terms.ts';
import type { Target } from './clause-ir.ts';
import { dcgRule } from './dcg.ts';
import { Desugarer, type Clause } from './desugar.ts';
import { EncodedFacts } from './fact-encoding.ts';
import { FACT_TABLE_MIN_CLAUSES, isGroundFact, type FactTableSource } from './fact-table.ts';
import { ConstPool, Fn, mangle } from './ir-text.ts';
import { LIBRARY_LOOKUP, libraryPredicates, type PrologLibraryMeta } from './library.ts';
import type { Predicate } from './predicate-ir.ts';
import { Symbols } from './symbols.ts';
import { keyId, Unit, type OutsidePredicate } from './unit.ts';

export interface CompiledProgram {
  /** The program's .jir text, to parse into the library's module after its declarations. */
  text: string;
  /** Functions the text defines in place of the library's own (`@lookup`, and library
   *  predicates compiled again because they call something the program redefines). */
  replaces: string[];
  syms: Symbols;
  ops: OperatorTable;
  staticPreds: Set<number>;
  /** Symbol ids of the predicates the program defines (current_predicate/1 lists them). */
  userPreds: number[];
  dynamicPreds: Set<number>;
  dynamic: DynamicLink;
  factTables: FactTableSource[];
  /** Warnings of the load (stderr, before anything the program prints there). */
  warnings: string[];
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

interface UserPredicate {
  name: string;
  arity: number;
  clauses: Term[];
  /** Its facts once it has FACT_TABLE_MIN_CLAUSES ground facts and nothing else (they are
   *  then kept encoded, not in `clauses`): a fact table, unless another clause comes. */
  facts: EncodedFacts | null;
  /** Every clause so far is a ground fact. */
  allFacts: boolean;
}

/** A program as read: its predicates, directives and goals, and the reader state. */
interface ReadProgram {
  user: Map<string, UserPredicate>;
  dynamic: Set<string>;
  steps: Step[];
  ops: OperatorTable;
  warnings: string[];
}

/**
 * Reads a program and compiles it against the prepared library (`lib`): the program's own
 * predicates, its load steps, its code slots, `@lookup` and `@main`. Symbols continue the
 * library's numbering. The result links into the library's module (frontend.ts).
 */
export function compileProgram(
  source: string,
  file: string,
  goal: string | undefined,
  lib: PrologLibraryMeta,
  invalid: readonly InvalidUtf8[] = [],
): CompiledProgram {
  const syms = Symbols.from(lib.names, lib.arities);
  const { user, dynamic, steps, ops, warnings } = readProgram(source, file, goal, invalid, syms);

  const desugar = new Desugarer();
  const preds: Predicate[] = [];
  const factTables: FactTableSource[] = [];
  const addPred = (name: string, arity: number, clauses: Clause[], table?: number): void => {
    preds.push({ name, arity, clauses, fn: mangle(name, arity, preds.length), table });
  };
  const splitClause = (t: Term): Clause =>
    t.k === 'str' && t.name === ':-' && t.args.length === 2
      ? desugar.clause(t.args[0]!, t.args[1]!)
      : desugar.clause(t, atom('true'));
  for (const p of user.values()) {
    if (p.facts) {
      addPred(p.name, p.arity, [], factTables.length);
      factTables.push(p.facts);
    } else addPred(p.name, p.arity, p.clauses.map(splitClause));
  }
  steps.forEach((s, i) => addPred(`$step${i}`, 0, [desugar.clause(atom(`$step${i}`), s.goal)]));
  for (const a of desugar.aux) addPred(a.name, a.arity, a.clauses);

  // A library predicate whose code calls a predicate the program defines or declares
  // dynamic would, were the library compiled with the program, call the program's: it is
  // compiled again here, under its own names, to do just that.
  const redefined = new Set([...user.keys(), ...dynamic]);
  const again = new Set(
    lib.preds.filter((p) => !redefined.has(p.key) && p.refs.some((r) => redefined.has(r))).map((p) => p.fn),
  );
  const recompiled = again.size > 0 ? libraryPredicates().filter((p) => again.has(p.fn)) : [];

  const outside = new Map<string, OutsidePredicate>(lib.preds.map((p) => [p.key, { fn: p.fn, semidet: p.semidet }]));
  const consts = new ConstPool(syms);
  const unit = new Unit({ syms, consts, preds: [...preds, ...recompiled], outside, dynamic });
  unit.emit();

  const lookup = Unit.lookup('lookup', unit.lookupCases(), (f) => f.end(`tail_call @${LIBRARY_LOOKUP}(%id)`));
  const main = new Fn('func @main() -> i32');
  steps.forEach((s, i) => {
    const p = preds.find((q) => q.name === `$step${i}` && q.arity === 0)!;
    const status = main.val(`call @run_pred(${main.val(`fref @${p.fn}`)})`);
    const ks = main.val(`ior ${status}, ${main.iconst(s.kind << 2)}`);
    main.emit(`call @pl_finish(${ks}, ${main.val('gget @ball')})`);
  });
  main.emit(`call @pl_finish(${main.iconst(STEP_END << 2)}, ${main.val('rnull')})`);
  main.end(`ret ${main.iconst(0)}`);

  const isStep = (p: Predicate): boolean => p.name.startsWith('$step');
  const staticPreds = new Set(preds.filter((p) => !isStep(p)).map((p) => syms.id(p.name, p.arity)));
  for (const p of lib.preds) if (!dynamic.has(p.key)) staticPreds.add(keyId(syms, p.key));
  const text = [consts.text(), unit.text(), lookup.text(), main.text()].join('\n');
  const replaces = ['lookup', ...recompiled.flatMap((p) => unit.functionsOf.get(p)!)];
  unit.release();
  const dynamicLink: DynamicLink = {
    slots: new Map([...unit.slotted.values()].map((sp) => [syms.id(sp.name, sp.arity), sp.slot])),
    target: (name, arity) => unit.resolve(name, arity, false),
    semidet: (name, arity) => unit.semidet(name, arity, false),
  };
  return {
    text,
    replaces,
    syms,
    ops,
    staticPreds,
    userPreds: [...user.values()].map((p) => syms.id(p.name, p.arity)),
    dynamicPreds: new Set([...dynamic].map((k) => keyId(syms, k))),
    dynamic: dynamicLink,
    factTables,
    warnings,
  };
}

/** Reads the clauses, directives and goals of a program (and the `-g` goal). */
function readProgram(
  source: string,
  file: string,
  goal: string | undefined,
  invalid: readonly InvalidUtf8[],
  syms: Symbols,
): ReadProgram {
  const ops = new OperatorTable();
  const flags: ReaderFlags = { doubleQuotes: 'string' };
  const user = new Map<string, UserPredicate>();
  const dynamic = new Set<string>();
  const steps: Step[] = [];
  const inits: Step[] = [];
  const errors: SourceError[] = [];

  const parser = new Parser(source, file, ops, flags);
  const warnings: string[] = [];
  let unreported = 0;
  // Like SWI-Prolog, bytes that are not UTF-8 are reported once the clause holding them (or
  // the layout before it) is read: at the clause's line and the position after it, one
  // warning per clause, for the last such sequence in it.
  const path = resolve(file);
  const reportInvalid = (line: number): void => {
    if (unreported === invalid.length) return;
    const at = parser.position;
    let last: InvalidUtf8 | undefined;
    while (unreported < invalid.length && invalid[unreported]!.offset < at.offset) last = invalid[unreported++];
    if (!last) return;
    const what = last.kind === 'start' ? 'Illegal UTF-8 start' : 'Illegal UTF-8 continuation';
    warnings.push(`Warning: ${path}:${line}:\nWarning:    '${path}':${at.line}:${at.col}: ${what}\n`);
  };
  for (;;) {
    let read;
    try {
      read = parser.readClause();
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      errors.push(e);
      parser.recover();
      reportInvalid(e.line);
      continue;
    }
    reportInvalid(read?.line ?? parser.position.line);
    if (read === null) break;
    const r = read.term;
    if (r.k === 'str' && r.name === ':-' && r.args.length === 1) {
      directive(r.args[0]!, { ops, flags, dynamic, steps, inits });
      continue;
    }
    if (r.k === 'str' && r.name === '?-' && r.args.length === 1) {
      steps.push({ goal: r.args[0]!, kind: STEP_DIRECTIVE });
      continue;
    }
    const t = isDcgRule(read.term) ? dcgRule(read.term.args[0]!, read.term.args[1]!) : read.term;
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
    let p = user.get(key);
    if (!p) {
      p = { name: head.name, arity: head.k === 'str' ? head.args.length : 0, clauses: [], facts: null, allFacts: true };
      user.set(key, p);
    }
    addClause(p, t, syms);
  }
  if (errors.length > 0) throw errors[0];

  if (goal !== undefined) {
    const gp = new Parser(`${goal} .`, '<goal>', ops, flags);
    const read = gp.readClause();
    if (read) steps.push(...inits.splice(0), { goal: read.term, kind: STEP_GOAL });
  }
  steps.push(...inits);
  return { user, dynamic, steps, ops, warnings };
}

function isDcgRule(t: Term): t is Extract<Term, { k: 'str' }> {
  return t.k === 'str' && t.name === '-->' && t.args.length === 2;
}

/** Adds a clause as read; a predicate's ground facts go into an encoded fact table once
 *  there are enough of them, and come back out if a clause of another kind follows. */
function addClause(p: UserPredicate, t: Term, syms: Symbols): void {
  if (p.allFacts && p.arity > 0 && isGroundFact(t)) {
    if (p.facts) {
      p.facts.add(t);
      return;
    }
    p.clauses.push(t);
    if (p.clauses.length >= FACT_TABLE_MIN_CLAUSES) {
      p.facts = new EncodedFacts(syms, p.name, p.arity);
      for (const c of p.clauses) p.facts.add(c as Extract<Term, { k: 'str' }>);
      p.clauses = [];
    }
    return;
  }
  p.allFacts = false;
  if (p.facts) {
    const facts = p.facts;
    p.clauses = Array.from({ length: facts.count }, (_, i) => facts.decode(i));
    p.facts = null;
  }
  p.clauses.push(t);
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
    // Also run at load: the flag's value is seen at run time (term_to_atom/2, read_term/2).
    s.steps.push({ goal: d, kind: STEP_DIRECTIVE });
    return;
  }
  if (d.k === 'str' && d.name === 'dynamic' && d.args.length === 1) {
    for (const pi of commaList(d.args[0]!)) {
      if (pi.k === 'str' && pi.name === '/' && pi.args[0]!.k === 'atom' && pi.args[1]!.k === 'int')
        s.dynamic.add(`${pi.args[0]!.name}/${pi.args[1]!.v}`);
    }
    return;
  }
  if (d.k === 'str' && d.name === 'initialization') {
    const main = d.args.length === 2 && d.args[1]!.k === 'atom' && d.args[1]!.name === 'main';
    s.inits.push({ goal: d.args[0]!, kind: main ? STEP_INIT_MAIN : STEP_DIRECTIVE });
    return;
  }
  if (
    d.k === 'str' &&
    ['discontiguous', 'ensure_loaded', 'use_module', 'module', 'style_check', 'set_stream'].includes(d.name)
  )
    return;
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
