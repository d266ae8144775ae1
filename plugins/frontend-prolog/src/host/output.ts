import type { RunState } from './state.ts';

/** Text collected by with_output_to/2 (and format/3 to atom(A), ...) while its goal runs. */
export interface Capture {
  parts: string[];
  column: number;
}

export type StreamName = 'user_output' | 'user_error';

/**
 * Writes guest output: into the innermost capture when with_output_to/2 is running, else
 * to standard output, or to the run's standard error text. The column each stream ends in
 * is kept for format/2's column stops, which SWI-Prolog counts from the line's start.
 */
export function emit(s: RunState, text: string, stream: StreamName = 'user_output'): void {
  if (text === '') return;
  const cap = s.captures[s.captures.length - 1];
  if (stream === 'user_error') {
    s.stderr.push(text);
    s.errColumn = columnAfter(s.errColumn, text);
  } else if (cap) {
    cap.parts.push(text);
    cap.column = columnAfter(cap.column, text);
  } else {
    s.h.ctx.out.write(text);
    s.column = columnAfter(s.column, text);
  }
}

/** The column output to `stream` is at now. */
export function columnOf(s: RunState, stream: StreamName = 'user_output'): number {
  if (stream === 'user_error') return s.errColumn;
  return s.captures[s.captures.length - 1]?.column ?? s.column;
}

function columnAfter(column: number, text: string): number {
  const nl = text.lastIndexOf('\n');
  return nl < 0 ? column + [...text].length : [...text.slice(nl + 1)].length;
}
