import { readFileSync } from 'node:fs';
import { parseModule, type RuntimeLibrary } from '#framework';
import { HOST_BUILTIN_NAMES } from '../protocol/host-protocol.ts';
import { OperatorTable } from '../reader/operators.ts';
import { Parser } from '../reader/parser.ts';
import { atom, type Term } from '../reader/terms.ts';
import { Desugarer, type Clause } from './desugar.ts';
import { ConstPool, Fn, mangle } from './ir-text.ts';
import type { Predicate } from './predicate-ir.ts';
import { runtimeText } from './runtime-text.ts';
import { semidetName } from './semidet-ir.ts';
import { Symbols } from './symbols.ts';
import { keyId, Unit, WRAPPERS } from './unit.ts';

/** A library predicate as programs see it. */
export interface LibraryPredicateInfo {
  /** `name/arity`. */
  key: string;
  fn: string;
  semidet: string | null;
  /** The other predicates its code names: a program redefining one of them compiles this
   *  predicate again (program.ts), as if the library were part of the program. */
  refs: string[];
}

/** What programs are compiled against: the library's symbol numbering and predicates. */
export interface PrologLibraryMeta {
  names: string[];
  arities: number[];
  preds: LibraryPredicateInfo[];
}

/** The library's call/N lookup; the runtime calls `@lookup`, which each program defines
 *  with its own predicates first and this as the fallback. */
export const LIBRARY_LOOKUP = 'lib$lookup';

/**
 * The Prolog runtime library: core.jir (the engine) and lib/builtins.pl (builtins written
 * in Prolog) compiled once, with a symbol numbering of its own that programs extend. It
 * does not depend on the program, so it is prepared once and cached (see the framework's
 * prepared/); a program links against it through PrologLibraryMeta.
 */
export const PROLOG_RUNTIME: RuntimeLibrary<PrologLibraryMeta> = {
  name: 'prolog-runtime',
  build() {
    const { text, meta, replaceable } = compileLibrary();
    const module = parseModule(text, '<prolog-runtime>.jir');
    // What a program may replace must not be inlined into the library's other functions.
    const names = new Set(replaceable);
    for (const f of module.funcs) if (names.has(f.name)) f.replaceable = true;
    return { module, meta };
  },
  readMeta: readLibraryMeta,
};

/** The library as .jir text, what programs need to link against it, and the functions a
 *  program may replace: `@lookup`, and those of every predicate that calls another (a
 *  program redefining that one compiles it again, program.ts). */
export function compileLibrary(): { text: string; meta: PrologLibraryMeta; replaceable: string[] } {
  const syms = new Symbols();
  const preds = libraryPredicates();
  const consts = new ConstPool(syms, true, 'lk');
  const unit = new Unit({ syms, consts, preds, allTests: true });
  unit.emit();
  if (unit.slotted.size > 0)
    throw new Error(`the Prolog library calls undefined predicates: ${[...unit.slotted.keys()].join(', ')}`);

  const cases = unit.lookupCases();
  for (const [key, fn] of Object.entries(WRAPPERS)) cases.push([keyId(syms, key), fn]);
  for (const key of HOST_BUILTIN_NAMES) cases.push([keyId(syms, key), 'ctl$host']);
  const lookup = Unit.lookup(LIBRARY_LOOKUP, cases, (f) => f.end(`ret ${f.val('fref @dyn$call')}`));
  // Every program replaces this with its own (program.ts); the library alone must verify.
  const stub = new Fn('func @lookup(%id: i32) -> i32');
  stub.end(`tail_call @${LIBRARY_LOOKUP}(%id)`);

  const text = [runtimeText(syms), consts.text(), unit.text(), lookup.text(), stub.text()].join('\n');
  const meta: PrologLibraryMeta = {
    names: [...syms.names],
    arities: [...syms.arities],
    preds: preds.map((p) => ({
      key: `${p.name}/${p.arity}`,
      fn: p.fn,
      semidet: unit.tested.has(p) ? semidetName(p) : null,
      refs: [...unit.references.get(p)!],
    })),
  };
  const replaceable = [
    'lookup',
    ...preds.filter((p) => unit.references.get(p)!.size > 0).flatMap((p) => unit.functionsOf.get(p)!),
  ];
  return { text, meta, replaceable };
}

let libClauses: Term[] | undefined;

/** The library's predicates, desugared and named. Deterministic: a program compiling one
 *  of them again gets the same function names. */
export function libraryPredicates(): Predicate[] {
  libClauses ??= readLibraryClauses();
  const byKey = new Map<string, { name: string; arity: number; clauses: Term[] }>();
  for (const term of libClauses) {
    const head = term.k === 'str' && term.name === ':-' && term.args.length === 2 ? term.args[0]! : term;
    const name = (head as { name: string }).name;
    const arity = head.k === 'str' ? head.args.length : 0;
    const key = `${name}/${arity}`;
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { name, arity, clauses: [] }));
    p.clauses.push(term);
  }
  const desugar = new Desugarer('$laux');
  const split = (t: Term): Clause =>
    t.k === 'str' && t.name === ':-' && t.args.length === 2
      ? desugar.clause(t.args[0]!, t.args[1]!)
      : desugar.clause(t, atom('true'));
  const preds: Predicate[] = [];
  for (const p of byKey.values())
    preds.push({
      name: p.name,
      arity: p.arity,
      clauses: p.clauses.map(split),
      fn: mangle(p.name, p.arity, preds.length, 'lp'),
    });
  for (const a of desugar.aux)
    preds.push({ name: a.name, arity: a.arity, clauses: a.clauses, fn: mangle(a.name, a.arity, preds.length, 'lp') });
  return preds;
}

function readLibraryClauses(): Term[] {
  const url = new URL('../lib/builtins.pl', import.meta.url);
  const p = new Parser(readFileSync(url, 'utf8'), url.pathname, new OperatorTable(), { doubleQuotes: 'codes' });
  const out: Term[] = [];
  for (let r = p.readClause(); r !== null; r = p.readClause()) out.push(r.term);
  return out;
}

function readLibraryMeta(json: unknown): PrologLibraryMeta {
  const m = json as Partial<PrologLibraryMeta> | null;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const ok =
    m !== null &&
    typeof m === 'object' &&
    strings(m.names) &&
    Array.isArray(m.arities) &&
    m.arities.length === m.names.length &&
    m.arities.every((a) => Number.isInteger(a)) &&
    Array.isArray(m.preds) &&
    m.preds.every(
      (p) =>
        typeof p.key === 'string' &&
        typeof p.fn === 'string' &&
        (p.semidet === null || typeof p.semidet === 'string') &&
        strings(p.refs),
    );
  if (!ok) throw new Error('not the Prolog library metadata');
  return m as PrologLibraryMeta;
}
