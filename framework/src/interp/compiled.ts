import type { Func } from '../ir/module.ts';
import type { HostFunction } from '../runtime/host.ts';

/** A straight-line op over the current frame's registers. */
export type Op = (fp: number) => void;

/** Block arguments copied into the target's parameters (a parallel move). */
export interface Edge {
  seg: number;
  src: Int32Array;
  dst: Int32Array;
  /** Sources overlap destinations: copy through a temporary. */
  viaTemp: boolean;
  /** Unwind edges: the slot that receives the exception, else -1. */
  exc: number;
}

export const END_JUMP = 0;
export const END_BRANCH = 1;
export const END_SWITCH = 2;
export const END_CALL = 3;
export const END_CALL_INDIRECT = 4;
export const END_CALL_HOST = 5;
export const END_RETURN = 6;
export const END_TAIL_CALL = 7;
export const END_TAIL_CALL_INDIRECT = 8;
export const END_RAISE = 9;
export const END_UNREACHABLE = 10;
export const END_OVF = 11;

/** How a segment ends. One shape for all kinds keeps the dispatch loop monomorphic. */
export interface End {
  kind: number;
  /** Condition, switch value, index, raised value, ovf operand a, or returned value; -1 = none. */
  a: number;
  /** Ovf operand b. */
  b: number;
  /** Result slot of a call / ovf op, -1 when none. */
  dst: number;
  edges: Edge[];
  /** Switch case values, parallel to edges[1..]. */
  cases: Map<number, number> | null;
  args: Int32Array;
  callee: CompiledFunc | null;
  host: HostFunction | null;
  sigId: number;
  /** Fused call: edges[0] is `to`, edges[1] is `unwind`. */
  fused: boolean;
  checked: ((a: number, b: number) => number | null) | null;
}

export interface Segment {
  ops: Op[];
  /** Ops and a `br`/`brif` end fused into one function returning the next segment. */
  run: ((fp: number) => number) | null;
  /** Instructions this segment runs (fuel and --stats). */
  cost: number;
  end: End;
  block: string;
}

export interface CompiledFunc {
  func: Func;
  index: number;
  /** nregs, params and refSlots come from the body: set when the function is compiled,
   *  which every entry does first, so a function never called is never read. */
  nregs: number;
  params: Int32Array;
  refSlots: Int32Array;
  segs: Segment[];
  sigId: number;
  compiled: boolean;
  /** Tiering: calls + loop back-edges left before it is compiled (Infinity: never). */
  heat: number;
  /** Tiering: it has native code; calls to it go to the native tier. */
  native: boolean;
}

export function newEnd(kind: number): End {
  return {
    kind,
    a: -1,
    b: -1,
    dst: -1,
    edges: [],
    cases: null,
    args: new Int32Array(0),
    callee: null,
    host: null,
    sigId: 0,
    fused: false,
    checked: null,
  };
}
