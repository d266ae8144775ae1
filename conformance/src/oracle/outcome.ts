import { sameF64 } from '#framework';
import type { TrapKind } from '#framework';
import type { ValType } from '#framework';

/** What running a function produced: its result or trap kind, and the output it printed. */
export type Outcome =
  | {
      kind: 'value';
      type: ValType | null;
      value: number | undefined;
      out: string;
      instructions: number;
      /** reachableHeapChecksum after the run, where it was taken. */
      heap?: number;
    }
  | { kind: 'trap'; trap: TrapKind; detail: string; out: string; instructions: number };

/** Describes how two outcomes differ, or returns null when they agree: same output, same
 *  trap kind, same result — doubles bit for bit except that NaNs match as a class — and,
 *  where both have one, the same checksum of the heap their globals reach. */
export function outcomeDifference(expected: Outcome, actual: Outcome): string | null {
  if (expected.out !== actual.out) return `output differs:\n--- expected\n${expected.out}--- actual\n${actual.out}`;
  if (expected.kind !== actual.kind) return `expected ${describe(expected)}, got ${describe(actual)}`;
  if (expected.kind === 'trap' && actual.kind === 'trap') {
    return expected.trap === actual.trap ? null : `expected trap ${expected.trap}, got trap ${actual.trap}`;
  }
  if (expected.kind === 'value' && actual.kind === 'value') {
    const a = expected.value,
      b = actual.value;
    const same =
      a === undefined || b === undefined ? a === b : expected.type === 'f64' ? sameF64(a, b) : (a | 0) === (b | 0);
    if (!same) return `expected ${describe(expected)}, got ${describe(actual)}`;
    if (expected.heap !== undefined && actual.heap !== undefined && expected.heap !== actual.heap)
      return `the heap the globals reach differs (checksum ${expected.heap} expected, ${actual.heap} got)`;
    return null;
  }
  return null;
}

export function describe(o: Outcome): string {
  if (o.kind === 'trap') return `trap ${o.trap}${o.detail ? ` (${o.detail})` : ''}`;
  if (o.value === undefined) return 'no value';
  return `${o.type} ${Object.is(o.value, -0) ? '-0' : String(o.value)}`;
}
