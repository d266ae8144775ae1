import { basename } from 'node:path';
import type { TestFn } from 'ava';
import { MiB, type Registry, type RunConfig } from '#framework';
import { summaryLine } from '../matrix/conformance-run.ts';
import { conformanceFromRegistry, freshSeed } from '../matrix/from-registry.ts';
import { allocates, fileTestSuite } from './file-tests.ts';

export interface GcSuiteOptions {
  /** Holds the collector and every backend it is checked on. */
  readonly registry: Registry;
  /** The collector's name in the registry. */
  readonly gc: string;
  /** Cases of the conformance matrix narrowed to this collector (every backend, stress
   *  mode and threshold). 0 for a collector the default run's matrix already holds. */
  readonly conformanceCases?: number;
  /** The seed of the conformance cases (default: a new one, logged). */
  readonly seed?: number;
}

const BASE: Omit<RunConfig, 'gc'> = {
  backend: 'interp',
  optLevel: 0,
  heapSize: 1 * MiB,
  stackSize: MiB / 4,
  verifyHeap: true,
};

/**
 * Everything a collector plugin is held to, in one call: every conformance file test on
 * the interpreter (as written, and optimized and lowered) and on each native backend,
 * collecting at every allocation where the file allocates, with the heap verified; then
 * random programs over the conformance matrix narrowed to it. A file runs at JIT
 * threshold 0 (every frame native) on one backend and 1 (interpreted and native frames
 * mixed) on the next, taking turns by the file's name, so each backend sees both kinds of
 * frame across the files at half the cost of every file at both (the default test run's
 * budget); the random programs cover every threshold on every backend.
 */
export async function defineGcSuite(test: TestFn, o: GcSuiteOptions): Promise<void> {
  o.registry.collector(o.gc);
  const base: RunConfig = { ...BASE, gc: o.gc };
  const natives = o.registry.backends().filter((b) => b.name !== 'interp');
  await fileTestSuite(test, o.registry, o.gc, (file, text) => {
    const configs: [string, RunConfig][] = [
      [' interp', base],
      [' interp -O1 lowered', { ...base, optLevel: 1, lower: true }],
      ...natives.map((b, i): [string, RunConfig] => {
        const threshold = (nameParity(basename(file)) + i) % 2;
        return [` ${b.name} t${threshold}`, { ...base, backend: b.name, jitThreshold: threshold }];
      }),
    ];
    if (!allocates(text, file)) return configs;
    return configs.map(([name, config]) => [`${name} stress`, { ...config, gcStress: 1 }]);
  });
  const cases = o.conformanceCases ?? 250;
  if (cases === 0) return;
  test(`${o.gc}: ${cases} random programs over the conformance matrix`, (t) => {
    const seed = o.seed ?? freshSeed();
    const report = conformanceFromRegistry(o.registry, { runs: cases, seed, gc: o.gc });
    t.log(summaryLine(report));
    const replay = `replay: jitc conformance --gc ${o.gc} --runs ${cases} --seed ${seed}`;
    for (const m of report.mismatches) t.fail(`case ${m.caseIndex} on ${m.cell}:\n${m.report}\n${replay}`);
    t.true(report.cases > 0);
  });
}

/** 0 or 1 from a file's name, stable from run to run. */
function nameParity(file: string): number {
  let h = 0;
  for (let i = 0; i < file.length; i++) h = (h * 31 + file.charCodeAt(i)) | 0;
  return h & 1;
}
