import { ClauseEmitter, isInlineBuiltin, undoTo, type EmitContext } from './clause-ir.ts';
import { Fn } from './ir-text.ts';
import type { Predicate } from './predicate-ir.ts';

/**
 * A flat predicate has clauses whose bodies hold inline builtins only (unification,
 * arithmetic, comparisons, type tests, `!`). Called right before a cut, as an if-then-else
 * condition or a `\+` goal is, such a predicate can run as a test function that tries the
 * clauses in order inside one machine frame: no continuation frame, no choice point.
 */
export function isFlat(p: Predicate): boolean {
  return (
    p.table === undefined &&
    p.clauses.length > 0 &&
    p.clauses.every((c) =>
      c.goals.every(
        (g) => (g.k === 'atom' || g.k === 'str') && isInlineBuiltin(g.name, g.k === 'str' ? g.args.length : 0),
      ),
    )
  );
}

/** Clauses of a flat predicate small enough to compile in line at each call (see
 *  ClauseEmitter.inlineTest): a few clauses of a few goals. */
export function isSmallFlat(p: Predicate): boolean {
  return isFlat(p) && p.clauses.length <= 4 && p.clauses.every((c) => c.goals.length <= 4);
}

export function semidetName(p: Predicate): string {
  return `${p.fn}$t`;
}

/**
 * `p$t(args) -> i32`: 1 with the first solution's bindings in place, 0 with every binding
 * undone. While clauses are tried the mark is the current serial, so bindings of older
 * variables are trailed and a failed clause can be undone; the caller's mark comes back on
 * every exit. Exceptions propagate to the caller as a raise.
 */
export function emitSemidet(ctx: EmitContext, p: Predicate): void {
  const args = Array.from({ length: p.arity }, (_, i) => `%a${i}`);
  const f = new Fn(`func @${semidetName(p)}(${args.map((a) => `${a}: ref`).join(', ')}) -> i32`);
  const t0 = f.val('gget @tr', 'tr');
  const m0 = f.val('gget @mark', 'mk');
  f.emit(`gset @mark, ${f.val('gget @serial', 'sr')}`);
  const none = f.blk('none');
  const exc = f.blk('exc');
  const last = p.clauses.length - 1;
  p.clauses.forEach((c, i) => {
    const fail = i === last ? none : f.blk('next');
    ClauseEmitter.testClause(ctx, f, p.arity, c, { fail, cut: none, exc });
    f.emit(`gset @mark, ${m0}`);
    f.end(`ret ${f.iconst(1)}`);
    if (i < last) {
      f.label(fail);
      undoTo(f, t0);
    }
  });
  f.label(none);
  undoTo(f, t0);
  f.emit(`gset @mark, ${m0}`);
  f.end(`ret ${f.iconst(0)}`);
  const e = f.v('e');
  f.label(exc, `${e}: ref`);
  f.emit(`gset @mark, ${m0}`);
  f.end(`raise ${e}`);
  ctx.add(f);
}
