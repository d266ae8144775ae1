import type { TestFn } from 'ava';
import { Registry } from '#framework';
import { conformanceFromRegistry, freshSeed, summaryLine } from '#conformance';
import { CLI_PLUGINS } from '../../../cli/src/all-plugins.ts';

/** Cases in the default test run, over the whole matrix; each test file runs some shards. */
export const DEFAULT_RUN_CASES = 1000;
export const SHARDS = 4;

/** The seed of this run: JITC_PROPERTY_SEED replays one (every shard shares it). */
const seed = Number(process.env.JITC_PROPERTY_SEED ?? freshSeed());

/**
 * Registers one test per shard of the default conformance run: every landed backend
 * (the interpreter too) × every collector × stress mode × threshold against the
 * interpreter, as `jitc conformance` runs it. A mismatch fails with the shrunk program
 * and the command that replays it; no regression file is written from the tests.
 */
export function conformanceShares(test: TestFn, shards: readonly number[]): void {
  const registry = new Registry(CLI_PLUGINS);
  const covered = new Set<string>();
  let opcodes: readonly string[] = [];
  let sharesDone = 0;
  let allShares: () => void = () => {};
  const shared = new Promise<void>((resolve) => (allShares = resolve));
  for (const index of shards) {
    test(`conformance shard ${index}/${SHARDS}: ${DEFAULT_RUN_CASES / SHARDS} random programs over the matrix`, (t) => {
      try {
        const report = conformanceFromRegistry(registry, {
          runs: DEFAULT_RUN_CASES,
          seed,
          shard: { index, count: SHARDS },
        });
        t.log(summaryLine(report));
        for (const op of report.covered) covered.add(op);
        opcodes = report.opcodes;
        const replay = `replay: jitc conformance --runs ${DEFAULT_RUN_CASES} --seed ${seed} --shard ${index}/${SHARDS}`;
        for (const m of report.mismatches) t.fail(`case ${m.caseIndex} on ${m.cell}:\n${m.report}\n${replay}`);
        t.true(report.cases > 0);
      } finally {
        if (++sharesDone === shards.length) allShares();
      }
    });
  }
  // The file's shares together (half the default run) generate every opcode: a generator
  // change that loses one fails here, not silently.
  test(`the shards ${shards.join(', ')} of ${SHARDS} generate every opcode`, async (t) => {
    await shared;
    t.true(opcodes.length > 0, 'the shards ran');
    t.deepEqual(
      opcodes.filter((op) => !covered.has(op)),
      [],
    );
  });
}
