import { SourceError } from '../diagnostics.ts';
import type { OptLevel } from '../run-config.ts';
import { parseSize } from '../runtime/memory-map.ts';
import { parseRunLine } from './run-line.ts';
import type { FileTestHeaders, FileTestSpec, RunLine } from './spec.ts';

/** A comment line `; key: value` whose key is one of ours; other comments are prose. */
const DIRECTIVE = /^(\s*;\s*)(test|target|run|out|asm|heap|stack|fuel|stress-every|opt):/;

const TEST_KINDS = new Set(['run', 'compile precise-output']);

/**
 * Reads the test directives of a `.jir` file. They are comments to the IR parser and may
 * appear anywhere; other comments are prose.
 *
 *   ; test: run            (the default) calls functions and checks results and output
 *   ; test: compile precise-output
 *   ; target: armv7        checks the machine code `target` emits: one `; asm:` line each
 *                          (`jitc test --bless` writes them)
 *   ; heap: 1M             heap size for every run of the file
 *   ; stack: 64K           stack size
 *   ; fuel: 100000         instruction budget per run
 *   ; stress-every: 1000   under GC stress, collect at most every N allocations
 *   ; opt: 2               optimization level for every run (and compile) of the file,
 *                          whatever the configuration's: a file about what the optimizer does
 *   ; run: @f(1, 2.5, null) == 3   or `== nan`, `== null`, `traps kind`, or nothing (void)
 *   ; out: text            one line of the output expected from the run above
 *
 * A run without `; out:` lines expects no output. A `;` in any directive but `out` starts
 * a trailing comment.
 */
export function parseFileTestSpec(text: string, file: string): FileTestSpec {
  const headers: FileTestHeaders = {};
  const runs: RunLine[] = [];
  const asm: string[] = [];
  const seen = new Set<string>();
  let kind = 'run',
    target: { target: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = DIRECTIVE.exec(lineText);
    if (!m) return;
    const line = index + 1;
    const key = m[2]!;
    const valueStart = m[0].length;
    const fail = (message: string, col = valueStart + 1): never => {
      throw new SourceError(message, file, line, col);
    };
    if (key === 'asm') {
      const rest = lineText.slice(valueStart);
      asm.push(rest.startsWith(' ') ? rest.slice(1) : rest);
      return;
    }
    if (key === 'out') {
      const last = runs[runs.length - 1];
      if (!last) fail('out: before any run: line');
      const rest = lineText.slice(valueStart);
      last!.out.push(rest.startsWith(' ') ? rest.slice(1) : rest);
      return;
    }
    const value = stripComment(lineText.slice(valueStart));
    if (key === 'run') {
      runs.push({ ...parseRunLine(value, file, line, valueStart + 1), out: [] });
      return;
    }
    if (seen.has(key)) fail(`${key}: given twice`, m[1]!.length + 1);
    seen.add(key);
    const trimmed = value.trim();
    const col = valueStart + 1 + (value.length - value.trimStart().length);
    switch (key) {
      case 'test':
        if (!TEST_KINDS.has(trimmed))
          fail(`unknown test kind '${trimmed}' (known: ${[...TEST_KINDS].join(', ')})`, col);
        kind = trimmed;
        return;
      case 'target':
        target = { target: trimmed, line };
        return;
      case 'heap':
        headers.heapSize = size(trimmed, (msg) => fail(msg, col));
        return;
      case 'stack':
        headers.stackSize = size(trimmed, (msg) => fail(msg, col));
        return;
      case 'fuel':
        headers.fuel = count(trimmed, (msg) => fail(msg, col));
        return;
      case 'stress-every':
        headers.stressEvery = count(trimmed, (msg) => fail(msg, col));
        return;
      case 'opt':
        if (trimmed !== '0' && trimmed !== '1' && trimmed !== '2') fail(`opt: 0, 1 or 2, not '${trimmed}'`, col);
        headers.optLevel = Number(trimmed) as OptLevel;
        return;
    }
  });
  if (kind === 'compile precise-output') {
    if (!target) throw new SourceError('a precise-output test names its backend: `; target: NAME`', file, 1, 1);
    headers.compile = target;
  } else if (target) throw new SourceError('target: only a compile test has one', file, target.line, 1);
  return { file, headers, runs, asm };
}

function stripComment(value: string): string {
  const semi = value.indexOf(';');
  return semi < 0 ? value : value.slice(0, semi);
}

function size(text: string, fail: (message: string) => never): number {
  try {
    return parseSize(text);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

function count(text: string, fail: (message: string) => never): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) fail(`'${text}' is not a positive integer`);
  return Number(text);
}
