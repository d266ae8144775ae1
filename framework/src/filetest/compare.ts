import { sameF64 } from '../ir/numeric.ts';
import { formatFloat } from '../ir/text/float-text.ts';
import type { TrapKind } from '../ir/traps.ts';
import type { ValType } from '../ir/types.ts';
import type { Expected } from './bind.ts';

/** How one run ended. `error` is anything that is not a guest trap (a verifier failure,
 *  a crash in the runtime): always a failure. */
export type Outcome =
  | { kind: 'returned'; value: number | undefined }
  | { kind: 'trap'; trap: TrapKind; detail: string }
  | { kind: 'error'; message: string };

/**
 * Null when the outcome is what the run expects, else `expected X, got Y`. i32 compares
 * exactly; f64 bit for bit except that every NaN matches `nan`; refs by their raw bits;
 * traps by kind only, since the exact fault point may differ between tiers.
 */
export function compareOutcome(expected: Expected, resultType: ValType | null, actual: Outcome): string | null {
  if (matches(expected, actual)) return null;
  return `expected ${describeExpected(expected)}, got ${describeOutcome(actual, resultType)}`;
}

/** Null when the output is as expected, else both texts quoted. */
export function compareOutput(expectedLines: readonly string[], actual: string): string | null {
  const expected = expectedLines.map((l) => `${l}\n`).join('');
  if (expected === actual) return null;
  return `expected output ${quote(expected)}, got ${quote(actual)}`;
}

function matches(expected: Expected, actual: Outcome): boolean {
  switch (expected.kind) {
    case 'trap':
      return actual.kind === 'trap' && actual.trap === expected.trap;
    case 'void':
      return actual.kind === 'returned';
    case 'value': {
      if (actual.kind !== 'returned' || actual.value === undefined) return false;
      if (expected.type !== 'f64') return (actual.value | 0) === (expected.value | 0);
      return expected.nan ? Number.isNaN(actual.value) : sameF64(actual.value, expected.value);
    }
  }
}

function describeExpected(e: Expected): string {
  switch (e.kind) {
    case 'trap':
      return `trap ${e.trap}`;
    case 'void':
      return 'a normal return';
    case 'value':
      return describeValue(e.value, e.type);
  }
}

function describeOutcome(o: Outcome, type: ValType | null): string {
  switch (o.kind) {
    case 'trap':
      return `trap ${o.trap}${o.detail ? ` (${o.detail})` : ''}`;
    case 'error':
      return `error: ${o.message}`;
    case 'returned':
      return o.value === undefined ? 'no value' : describeValue(o.value, type ?? 'i32');
  }
}

export function describeValue(v: number, type: ValType): string {
  switch (type) {
    case 'f64': {
      // `1.0`, not `1`: a float should not read like an int in a report.
      const text = formatFloat(v);
      return /^-?[0-9]+$/.test(text) ? `${text}.0` : text;
    }
    case 'ref':
      return v === 0 ? 'null' : `ref 0x${(v >>> 0).toString(16).padStart(8, '0')}`;
    case 'i32':
      return String(v | 0);
  }
}

const MAX_QUOTED = 400;

function quote(text: string): string {
  const q = JSON.stringify(text);
  return q.length <= MAX_QUOTED ? q : `${q.slice(0, MAX_QUOTED)}…" (${text.length} chars)`;
}
