import type { Module } from '../ir/module.ts';
import { parseModule } from '../ir/text/parser.ts';
import type { Registry } from '../registry.ts';
import type { RunConfig } from '../run-config.ts';
import { bindRun, type BoundRun } from './bind.ts';
import { compareOutcome, compareOutput } from './compare.ts';
import { parseFileTestSpec } from './directives.ts';
import { describeError } from './errors.ts';
import { executeRun } from './execute-run.ts';
import { configForFile } from './file-config.ts';
import { blessedText, preciseListing } from './precise-output.ts';
import type { FileTestSpec, RunLine } from './spec.ts';

/** The verdict on one `; run:` line; `failure` says what went wrong, null when it passed. */
export interface RunResult {
  file: string;
  line: number;
  /** The call as written, `@f(1, 2)`, for reports. */
  call: string;
  failure: string | null;
}

/**
 * Runs every `; run:` line of one `.jir` file under `config`. Each run gets a fresh
 * program — the module parsed again, its own heap, globals and output — so runs are
 * independent and can be read one at a time; the price is one parse and prepare per run.
 *
 * Errors in the file itself (a malformed directive, an IR syntax error) fail every run of
 * the file; an error in one run line (wrong argument type) fails only that run. A file
 * without run lines fails once, because it tests nothing.
 */
export function runFileTest(
  registry: Registry,
  file: string,
  text: string,
  config: RunConfig,
  bless?: (text: string) => void,
): RunResult[] {
  let runs: RunLine[];
  let fileConfig: RunConfig;
  let spec: FileTestSpec;
  try {
    spec = parseFileTestSpec(text, file);
    runs = spec.runs;
    fileConfig = configForFile(config, spec.headers);
  } catch (err) {
    return [{ file, line: 1, call: '', failure: describeError(err) }];
  }
  if (spec.headers.compile) return [comparePreciseOutput(registry, spec, text, fileConfig, bless)];
  if (runs.length === 0) return [{ file, line: 1, call: '', failure: 'no `; run:` lines' }];

  let spare: Module | null;
  try {
    spare = parseModule(text, file);
  } catch (err) {
    return runs.map((r) => result(file, r, describeError(err)));
  }
  const signatures = spare;
  const bound = runs.map((r): BoundRun | string => {
    try {
      return bindRun(r, signatures, file);
    } catch (err) {
      return describeError(err);
    }
  });

  return runs.map((r, i) => {
    const b = bound[i]!;
    if (typeof b === 'string') return result(file, r, b);
    const module = spare ?? parseModule(text, file);
    spare = null;
    const { outcome, output } = executeRun(registry, module, b, fileConfig);
    const problems = [compareOutcome(b.expected, b.resultType, outcome), compareOutput(r.out, output)].filter(
      (p) => p !== null,
    );
    return result(file, r, problems.length > 0 ? problems.join('; ') : null);
  });
}

/** A precise-output test is one test: its whole listing against its `; asm:` lines. */
function comparePreciseOutput(
  registry: Registry,
  spec: FileTestSpec,
  text: string,
  config: RunConfig,
  bless?: (text: string) => void,
): RunResult {
  const { file } = spec;
  const { target, line } = spec.headers.compile!;
  const report = (failure: string | null): RunResult => ({ file, line, call: `compile on ${target}`, failure });
  let got: string[];
  try {
    got = preciseListing(registry, text, file, { ...config, backend: target });
  } catch (err) {
    return report(describeError(err));
  }
  const differs = got.findIndex((l, i) => l !== spec.asm[i]);
  const at = differs >= 0 ? differs : got.length < spec.asm.length ? got.length : -1;
  if (at < 0) return report(null);
  if (bless) {
    bless(blessedText(text, got));
    return report(null);
  }
  const show = (l: string | undefined): string => (l === undefined ? '(end of listing)' : `\`${l.trim()}\``);
  return report(
    `listing line ${at + 1}: expected ${show(spec.asm[at])}, got ${show(got[at])} (jitc test --bless rewrites it)`,
  );
}

function result(file: string, r: RunLine, failure: string | null): RunResult {
  return { file, line: r.line, call: `@${r.func}(${r.args.map((a) => a.text).join(', ')})`, failure };
}
