import { join, resolve } from 'node:path';
import { projectRoot, UsageError, type Registry } from '#framework';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';

/** What `jitc conformance` was asked, as yargs read it. */
export interface ConformanceRequest {
  runs: number;
  seed?: number;
  backend?: string;
  gc?: string;
  shard?: string;
  regressions?: string;
  plugins: string[];
}

/**
 * `jitc conformance`: the property-based matrix of every backend × GC × stress mode ×
 * threshold against the interpreter (conformance/src/matrix). Prints progress, the
 * mismatches and one closing line; exits 1 on any mismatch.
 */
export async function conformanceCommand(registry: Registry, request: ConformanceRequest, io: CliIo): Promise<number> {
  if (!Number.isInteger(request.runs) || request.runs < 1)
    throw new UsageError(`--runs ${request.runs}: give a positive whole number of cases`);
  if (request.seed !== undefined && !Number.isInteger(request.seed))
    throw new UsageError(`--seed ${request.seed}: give a whole number`);
  const shard = parseShard(request.shard);
  if (request.backend !== undefined) registry.backend(request.backend);
  if (request.gc !== undefined) registry.collector(request.gc);
  // Loaded on demand: fast-check and the generators are this command's alone.
  const { conformanceFromRegistry, freshSeed, summaryLine } = await import('#conformance');
  const seed = request.seed ?? freshSeed();
  const progress = progressReporter(io);
  const report = conformanceFromRegistry(registry, {
    runs: request.runs,
    seed,
    backend: request.backend,
    gc: request.gc,
    shard,
    regressionsDir: resolve(io.cwd, request.regressions ?? join(projectRoot(), 'conformance/filetests/regressions')),
    progress,
  });
  progress.end();
  for (const m of report.mismatches) {
    io.stdout(`MISMATCH case ${m.caseIndex} on ${m.cell}\n${m.report}\n`);
    if (m.regressionFile) io.stdout(`saved as ${m.regressionFile}\n`);
  }
  const uncovered = report.opcodes.filter((op) => !report.covered.has(op));
  if (uncovered.length > 0) io.stdout(`opcodes not generated: ${uncovered.join(' ')}\n`);
  const coverageFails = uncovered.length > 0 && report.cases >= COVERING_CASES;
  const rate = report.cases / (report.millis / 1000);
  io.stdout(
    `${report.cases} cases in ${(report.millis / 1000).toFixed(1)} s (${rate.toFixed(1)}/s), mean program ${report.meanSize.toFixed(0)} instructions\n`,
  );
  io.stdout(`${summaryLine(report)}\n`);
  if (coverageFails) io.stdout(`a run of ${COVERING_CASES} cases or more must generate every opcode\n`);
  return report.mismatches.length > 0 || coverageFails ? EXIT.program : EXIT.ok;
}

/** A run this long that leaves an opcode ungenerated fails: the generator lost an opcode
 *  (every one appears within a few hundred cases); shorter runs (a replay) only list them. */
export const COVERING_CASES = 500;

function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard ${text}: give i/n with 1 <= i <= n, e.g. --shard 2/4`);
  return { index, count };
}

/** A bar redrawn in place on a terminal; a plain line every tenth of the run otherwise. */
function progressReporter(io: CliIo): ((done: number, total: number, mismatches: number) => void) & { end(): void } {
  const tty = io.isTTY === true;
  let lastTenth = 0;
  let drawn = false;
  const report = (done: number, total: number, mismatches: number): void => {
    if (tty) {
      const width = 30;
      const filled = Math.round((width * done) / total);
      io.stderr(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} cases, ${mismatches} mismatches`,
      );
      drawn = true;
      return;
    }
    const tenth = Math.floor((10 * done) / total);
    if (tenth > lastTenth && done < total) {
      lastTenth = tenth;
      io.stderr(`conformance: ${done}/${total} cases, ${mismatches} mismatches\n`);
    }
  };
  return Object.assign(report, { end: () => void (drawn && io.stderr('\n')) });
}
