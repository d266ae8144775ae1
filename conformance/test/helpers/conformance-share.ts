import type { TestFn } from 'ava';
import { Registry } from '#framework';
import { runConformance, summaryLine } from '#conformance';
import { CLI_PLUGINS } from '../../../cli/src/all-plugins.ts';

/** Cases in the default test run, over the whole matrix; each test file runs some shards. */
export const DEFAULT_RUN_CASES = 1000;
export const SHARDS = 4;

/** The seed of this run: JITC_PROPERTY_SEED replays one (every shard shares it). */
const seed = Number(process.env.JITC_PROPERTY_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);

/**
 * Registers one test per shard of the default conformance run: every landed backend
 * (the interpreter too) × every collector × stress mode × threshold against the
 * interpreter, as `jitc conformance` runs it. A mismatch fails with the shrunk program
 * and the command that replays it; no regression file is written from the tests.
 */
export function conformanceShares(test: TestFn, shards: readonly number[]): void {
  const registry = new Registry(CLI_PLUGINS);
  const collectors = registry.collectors().map((g) => ({ name: g.name, create: () => registry.collector(g.name) }));
  for (const index of shards) {
    test(`conformance shard ${index}/${SHARDS}: ${DEFAULT_RUN_CASES / SHARDS} random programs over the matrix`, (t) => {
      const report = runConformance({
        runs: DEFAULT_RUN_CASES,
        seed,
        backends: registry.backends(),
        collectors,
        reference: collectors.find((c) => c.name === 'boehm')!,
        passes: registry.passes(),
        shard: { index, count: SHARDS },
      });
      t.log(summaryLine(report));
      const uncovered = report.opcodes.filter((op) => !report.covered.has(op));
      if (uncovered.length > 0) t.log(`opcodes not generated: ${uncovered.join(' ')}`);
      const replay = `replay: jitc conformance --runs ${DEFAULT_RUN_CASES} --seed ${seed} --shard ${index}/${SHARDS}`;
      for (const m of report.mismatches) t.fail(`case ${m.caseIndex} on ${m.cell}:\n${m.report}\n${replay}`);
      t.true(report.cases > 0);
    });
  }
}
