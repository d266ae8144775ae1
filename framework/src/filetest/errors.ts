import { SourceError } from '../diagnostics.ts';
import { Trap } from '../ir/traps.ts';
import type { Outcome } from './compare.ts';

/** One line for any error: file:line:col for source errors, the message otherwise. */
export function describeError(err: unknown): string {
  if (err instanceof SourceError) return err.describe();
  if (err instanceof Trap) return err.describe();
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** A thrown Trap is a guest fault the run may expect; anything else is an error. */
export function outcomeOfError(err: unknown): Outcome {
  if (err instanceof Trap)
    return {
      kind: 'trap',
      trap: err.kind,
      detail: [err.detail, err.where && `in ${err.where}`].filter(Boolean).join(' '),
    };
  return { kind: 'error', message: describeError(err) };
}
