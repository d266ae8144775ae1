import { GuestException, type HostContext, type HostFunction, type Signature } from '#framework';
import { binary, compareNum, evalTerm, makeNum, readNum } from './arith.ts';
import { HOST_BUILTINS, PrologHalt } from './builtins.ts';
import { isHostBuiltin, STEP_DIRECTIVE, STEP_END, STEP_GOAL, STEP_INIT_MAIN } from '../protocol/host-protocol.ts';
import { callableBody, dbFirst, renameClause } from './database.ts';
import { existenceError, instantiationError, typeError } from './errors.ts';
import type { RunState, RunStates } from './state.ts';
import { copyOf } from './term-ops.ts';
import { formatTerm } from './writer.ts';
import { enterFunctor } from './functor-cache.ts';
import { buildFactIndex, buildFactTable } from './fact-tables.ts';

const sig = (params: ('ref' | 'i32')[], result: 'ref' | 'i32' | null): Signature => ({ params, result });

/** The host half of the Prolog runtime: slow paths, term construction, output, database. */
export function prologHostFunctions(states: RunStates): HostFunction[] {
  const st = (ctx: HostContext): RunState => states.get(ctx);
  const fn = (
    name: string,
    s: Signature,
    flags: { collects?: boolean; raises?: boolean },
    impl: (a: number[], ctx: HostContext) => number,
  ): HostFunction => ({
    name,
    sig: s,
    collects: flags.collects ?? false,
    raises: flags.raises ?? false,
    impl,
  });
  return [
    fn('pl_functor', sig(['ref', 'i32'], 'ref'), { collects: true }, ([atom, arity], ctx) => {
      const h = st(ctx).h;
      const functor = h.syms.imm(h.atomName(atom!), arity!);
      enterFunctor(ctx, atom!, arity!, functor);
      return functor;
    }),
    fn('pl_copy', sig(['ref'], 'ref'), { collects: true, raises: true }, ([t], ctx) => {
      const h = st(ctx).h;
      return h.build(copyOf(h, t!));
    }),
    fn('pl_rename', sig(['ref'], 'ref'), { collects: true }, ([c], ctx) => renameClause(st(ctx), c!)),
    fn('pl_error', sig(['i32', 'ref'], 'ref'), { collects: true }, ([kind, culprit], ctx) => {
      const h = st(ctx).h;
      // Kind 2: the continuation depth passed the stack limit (core.jir's @frame_depth).
      // SWI-Prolog's context is a stack_overflow{...} dict; its name stands for it here.
      if (kind === 2)
        return h.build(h.str('error', h.str('resource_error', h.atom('stack')), h.atom('stack_overflow')));
      // Kind 3: the heap is full (core.jir's @memory_error, made before it is needed).
      const formal =
        kind === 0
          ? h.atom('instantiation_error')
          : kind === 3
            ? h.str('resource_error', h.atom('memory'))
            : h.str('type_error', h.atom('callable'), culprit!);
      return h.build(h.str('error', formal, h.fresh()));
    }),
    fn('pl_eval', sig(['ref'], 'ref'), { collects: true, raises: true }, ([t], ctx) => {
      const h = st(ctx).h;
      return makeNum(h, evalTerm(h, t!));
    }),
    fn('pl_arith', sig(['i32', 'ref', 'ref'], 'ref'), { collects: true, raises: true }, ([op, x, y], ctx) => {
      const h = st(ctx).h;
      // The right operand first, as evalTerm.
      const right = readNum(h, y!) ?? evalTerm(h, y!);
      return makeNum(h, binary(h, h.syms.names[op!]!, readNum(h, x!) ?? evalTerm(h, x!), right));
    }),
    fn('pl_arith_cmp', sig(['ref', 'ref'], 'i32'), { collects: true, raises: true }, ([x, y], ctx) => {
      const h = st(ctx).h;
      return compareNum(readNum(h, x!) ?? evalTerm(h, x!), readNum(h, y!) ?? evalTerm(h, y!));
    }),
    fn('pl_builtin', sig(['i32', 'ref'], 'ref'), { collects: true, raises: true }, (args, ctx) => {
      const s = st(ctx);
      const h = s.h;
      // The goal is read from the held argument each time: it may move when the builtin allocates.
      const g = (): number => h.deref(args[1]!);
      const goal = g();
      const id = h.kind(goal) === 'atom' ? h.symId(goal) : h.functorOf(goal);
      const key = `${h.syms.names[id]}/${h.syms.arities[id]}`;
      const b = isHostBuiltin(key) ? HOST_BUILTINS[key] : undefined;
      if (!b) return existenceError(h, h.syms.names[id]!, h.syms.arities[id]!);
      return b(s, g, (i) => h.arg(g(), i));
    }),
    fn('pl_db_first', sig(['ref', 'i32'], 'ref'), { collects: true, raises: true }, ([g, mode], ctx) =>
      dbFirst(st(ctx), g!, mode!),
    ),
    fn('pl_db_gen', sig([], 'i32'), {}, (_a, ctx) => st(ctx).gen),
    fn('pl_add_args', sig(['ref', 'ref'], 'ref'), { collects: true, raises: true }, ([x0, g], ctx) => {
      const h = st(ctx).h;
      const x = h.deref(x0!);
      const extra: number[] = [];
      for (let i = 2; i <= h.arity(g!); i++) extra.push(h.arg(g!, i));
      const k = h.kind(x);
      if (k === 'var') return instantiationError(h);
      if (k === 'atom') return h.build(h.str(h.atomName(x), ...extra));
      if (k !== 'str') return typeError(h, 'callable', x);
      const args: number[] = [];
      for (let i = 1; i <= h.arity(x); i++) args.push(h.arg(x, i));
      return h.build(h.str(h.syms.names[h.functorOf(x)]!, ...args, ...extra));
    }),
    fn('pl_check_body', sig(['ref'], 'i32'), { collects: true, raises: true }, ([b], ctx) => {
      const h = st(ctx).h;
      return callableBody(h, b!) ? 1 : typeError(h, 'callable', h.deref(b!));
    }),
    fn('pl_fact_table', sig(['i32'], 'ref'), { collects: true }, ([t], ctx) => buildFactTable(st(ctx), t!)),
    fn('pl_fact_index', sig(['i32', 'i32'], 'ref'), { collects: true }, ([t, arg], ctx) =>
      buildFactIndex(st(ctx), t!, arg!),
    ),
    fn('pl_finish', sig(['i32', 'ref'], 'i32'), { raises: true }, ([ks, ball], ctx) =>
      finish(states, st(ctx), ks! >> 2, ks! & 3, ball!),
    ),
  ];
}

/** Reports how a load step ended; stops the run (PrologHalt) when SWI-Prolog would halt. */
function finish(states: RunStates, s: RunState, kind: number, status: number, ball: number): number {
  const h = s.h;
  const halt = (code: number): never => {
    states.last = { exitCode: code, stderr: s.stderr.join('') };
    throw new PrologHalt(code);
  };
  if (kind === STEP_END) return halt(0);
  if (status === 1) {
    if (kind === STEP_INIT_MAIN) halt(0);
    return 0;
  }
  if (status === 0) {
    s.stderr.push(kind === STEP_DIRECTIVE ? 'Warning: Goal (directive) failed\n' : 'Warning: goal failed\n');
    if (kind === STEP_GOAL || kind === STEP_INIT_MAIN) halt(1);
    return 0;
  }
  s.stderr.push(`${describeBall(s, ball, kind)}\n`);
  if (kind === STEP_GOAL || kind === STEP_INIT_MAIN) halt(2);
  return 0;
}

function describeBall(s: RunState, ball: number, kind: number): string {
  const text = formatTerm(s.h, s.info.ops, ball, { quoted: true, ignoreOps: false });
  if (text === STACK_OVERFLOW) {
    // SWI-Prolog's own report, less the stack sizes and the cycle it finds in its frames.
    const where = kind === STEP_GOAL && s.info.goal !== undefined ? `-g ${s.info.goal}: ` : '';
    const limit = s.h.w(s.h.ctx.globals.get('depth_limit')!) >> 1;
    return (
      `ERROR: ${where}Stack limit (${limit.toLocaleString('en-US')} frames) exceeded\n` +
      'ERROR:   Probable infinite recursion'
    );
  }
  return `Warning: goal raised exception: ${text}`;
}

const STACK_OVERFLOW = 'error(resource_error(stack),stack_overflow)';

export { GuestException, PrologHalt };
