import { evalTerm } from './arith.ts';
import type { Builtin } from './builtins.ts';
import { domainError, instantiationError, raise, typeError } from './errors.ts';
import { formatText, runFormat } from './format.ts';
import type { Heap } from './heap.ts';
import { columnOf, emit, type StreamName } from './output.ts';
import type { RunState } from './state.ts';
import { formatTerm, type WriteOptions } from './writer.ts';

/** The stream an argument names: `user_output`, `user_error` (the only streams a program
 *  has; SWI's `current_output/1` answers `user_output` here). */
export function streamArg(h: Heap, t0: number): StreamName {
  const t = h.deref(t0);
  const k = h.kind(t);
  if (k === 'var') return instantiationError(h);
  if (k !== 'atom') return domainError(h, 'stream_or_alias', t);
  const name = h.atomName(t);
  if (name === 'user_output' || name === 'user_error') return name;
  if (name === 'user_input') return raise(h, h.str('permission_error', h.atom('output'), h.atom('stream'), t));
  return raise(h, h.str('existence_error', h.atom('stream'), t));
}

/** tab/1,2's spaces: N is evaluated, as SWI-Prolog does. */
export function spaces(h: Heap, n: number): string {
  const v = evalTerm(h, n);
  if (typeof v !== 'bigint') return typeError(h, 'integer', h.deref(n));
  return ' '.repeat(Number(v > 0n ? (v < 1_000_000n ? v : 1_000_000n) : 0n));
}

/** put_char/1,2's character: a one-char atom (SWI also takes a character code). */
export function charArg(h: Heap, t0: number): string {
  const c = h.deref(t0);
  const k = h.kind(c);
  if (k === 'var') return instantiationError(h);
  if (k === 'atom' && [...h.atomName(c)].length === 1) return h.atomName(c);
  if (k === 'int' && c >> 1 >= 0 && c >> 1 <= 0x10ffff) return String.fromCodePoint(c >> 1);
  return typeError(h, 'character', c);
}

/** format/2's argument list: a proper list, or one term standing for itself. */
function formatArgs(h: Heap, t: number): number[] {
  return h.listItems(t) ?? [t];
}

function format(s: RunState, stream: StreamName, fmt: number, args: number): void {
  const h = s.h;
  runFormat(h, s.info.ops, formatText(h, fmt), formatArgs(h, args), columnOf(s, stream), (text) =>
    emit(s, text, stream),
  );
}

function writeTo(s: RunState, g: () => number, stream: number, t: number, o: WriteOptions): number {
  const name = streamArg(s.h, stream);
  emit(s, formatTerm(s.h, s.info.ops, t, o), name);
  return g();
}

/** What with_output_to/2 and format/3 may write into. */
const SINKS = new Set(['atom/1', 'string/1', 'codes/1', 'codes/2', 'chars/1', 'chars/2']);

function sinkKey(h: Heap, t: number): string | null {
  if (h.kind(t) !== 'str') return null;
  return `${h.syms.names[h.functorOf(t)]}/${h.arity(t)}`;
}

const PLAIN: WriteOptions = { quoted: false, ignoreOps: false, numberVars: true };
const QUOTED: WriteOptions = { quoted: true, ignoreOps: false, numberVars: true };

/** Output builtins with an explicit stream, format/1,2,3 and the capture under with_output_to/2. */
export const IO_BUILTINS = {
  'format/2': (s, g, a) => (format(s, 'user_output', a(1), a(2)), g()),
  '$format/3': (s, g, a) => (format(s, streamArg(s.h, a(1)), a(2), a(3)), g()),
  'write/2': (s, g, a) => writeTo(s, g, a(1), a(2), PLAIN),
  'print/2': (s, g, a) => writeTo(s, g, a(1), a(2), QUOTED),
  'writeq/2': (s, g, a) => writeTo(s, g, a(1), a(2), QUOTED),
  'write_canonical/2': (s, g, a) => writeTo(s, g, a(1), a(2), { quoted: true, ignoreOps: true }),
  'nl/1': (s, g, a) => (emit(s, '\n', streamArg(s.h, a(1))), g()),
  'tab/2': (s, g, a) => (emit(s, spaces(s.h, a(2)), streamArg(s.h, a(1))), g()),
  'put_char/2': (s, g, a) => (emit(s, charArg(s.h, a(2)), streamArg(s.h, a(1))), g()),
  'flush_output/0': (s, g) => (s.h.ctx.out.flush?.(), g()),
  'flush_output/1': (s, g, a) => (streamArg(s.h, a(1)), s.h.ctx.out.flush?.(), g()),
  'current_output/1': (s, g) => s.h.build(s.h.str('current_output', s.h.atom('user_output'))),
  'current_input/1': (s, g) => s.h.build(s.h.str('current_input', s.h.atom('user_input'))),
  // with_output_to/2 (library Prolog) brackets its goal with these two.
  '$capture_start/1': (s, g, a) => {
    const h = s.h;
    const sink = h.deref(a(1));
    if (h.kind(sink) === 'var') instantiationError(h);
    if (h.kind(sink) === 'atom') raise(h, h.str('existence_error', h.atom('stream'), sink));
    if (!SINKS.has(sinkKey(h, sink) ?? '')) domainError(h, 'output_sink', sink);
    s.captures.push({ parts: [], column: 0 });
    return g();
  },
  '$capture_end/1': (s, g, a) => {
    const h = s.h;
    const text = s.captures.pop()?.parts.join('') ?? '';
    const sink = h.deref(a(1));
    if (h.kind(sink) !== 'str') return g(); // dropping the capture after the goal failed or raised
    const chars = [...text];
    const kind = h.syms.names[h.functorOf(sink)]!;
    const items = chars.map((c) => (kind === 'codes' ? h.int(BigInt(c.codePointAt(0)!)) : h.atom(c)));
    const value =
      kind === 'atom' || kind === 'string'
        ? kind === 'atom'
          ? h.atom(text)
          : h.string(text)
        : h.arity(sink) === 2
          ? h.str(kind, h.list(items, h.arg(sink, 2)), h.arg(sink, 2))
          : h.str(kind, h.list(items));
    return h.build(h.str('$capture_end', kind === 'atom' || kind === 'string' ? h.str(kind, value) : value));
  },
} satisfies Record<string, Builtin>;
