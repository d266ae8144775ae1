import type { GcHeap, HostContext, RootSource, RootVisitor } from '#framework';
import type { DynamicLink } from '../compiler/program.ts';
import type { RuntimeCompiler } from '../compiler/runtime-compile.ts';
import type { FactTableSource } from '../compiler/fact-table.ts';
import type { Symbols } from '../compiler/symbols.ts';
import { DynamicCodes } from './dynamic-code.ts';
import type { OperatorTable } from '../reader/operators.ts';
import { Heap } from './heap.ts';
import type { Capture } from './output.ts';
import type { InputStream } from './input.ts';

/** Clause chain of one dynamic predicate (the refs are GC roots). */
export interface DbEntry {
  head: number;
  tail: number;
}

/** What the compiler tells the runtime about the program. */
export interface ProgramInfo {
  syms: Symbols;
  ops: OperatorTable;
  /** Symbol ids of predicates compiled to static code (assert on them is an error). */
  staticPreds: Set<number>;
  /** Symbol ids of the predicates the program defines. */
  userPreds: readonly number[];
  /** Symbol ids declared `:- dynamic`. */
  dynamicPreds: Set<number>;
  dynamic: DynamicLink;
  /** Compiles hot dynamic predicates while the program runs: the compiler, handed to the
   *  host by the frontend, so that the host does not depend on it. */
  compileDynamic: RuntimeCompiler;
  /** The facts of each fact table, by table index (compiler/fact-table.ts). */
  factTables: readonly FactTableSource[];
  /** The `-g` goal's text, for error messages. */
  goal?: string;
  /** The program's arguments (current_prolog_flag(argv, A)). */
  argv?: readonly string[];
  /** Warnings of the load, reported first on stderr. */
  warnings?: readonly string[];
}

/** How a run ended, for describeFailure. */
export interface Outcome {
  exitCode: number;
  stderr: string;
}

/** Per-run host state: the clause database and the refs the host keeps between calls, which
 *  it roots (a moving collector writes their new addresses back). */
export class RunState implements RootSource {
  readonly db = new Map<number, DbEntry>();
  gen = 0;
  readonly globals = new Map<string, number>();
  stderr: string[] = [];
  /** Output captured by with_output_to/2, innermost last (output.ts). */
  readonly captures: Capture[] = [];
  /** Columns standard output and standard error are at (format/2's column stops). */
  column = 0;
  errColumn = 0;
  /** Values of the Prolog flags set at run time (flags.ts reads the defaults). */
  readonly flags = new Map<string, string>();
  readonly h: Heap;
  /** Standard input, opened by the first read (input.ts). */
  input?: InputStream;
  /** Compiled code of hot dynamic predicates. */
  readonly code: DynamicCodes;

  constructor(
    ctx: HostContext,
    readonly info: ProgramInfo,
    /** Where halt/0,1 leave the exit status and the standard error text for describeFailure. */
    readonly outcome: { last: Outcome | null } = { last: null },
  ) {
    this.h = new Heap(ctx, info.syms);
    this.code = new DynamicCodes(this);
    ctx.heap.addRoots(this);
    for (const id of info.dynamicPreds) this.db.set(id, { head: 0, tail: 0 });
    this.stderr.push(...(info.warnings ?? []));
  }

  visitRoots(visit: RootVisitor): void {
    for (const e of this.db.values()) {
      if (e.head) e.head = visit(e.head);
      if (e.tail) e.tail = visit(e.tail);
    }
    for (const [k, v] of this.globals) if ((v & 3) === 0 && v !== 0) this.globals.set(k, visit(v));
  }
}

/** One RunState per heap (per run); the HostContext is the same object for a whole run. */
export class RunStates {
  private readonly byHeap = new WeakMap<GcHeap, RunState>();
  last: Outcome | null = null;

  constructor(readonly info: ProgramInfo) {}

  get(ctx: HostContext): RunState {
    let s = this.byHeap.get(ctx.heap);
    if (!s) {
      s = new RunState(ctx, this.info, this);
      this.byHeap.set(ctx.heap, s);
    }
    return s;
  }
}
