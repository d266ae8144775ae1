import type { TestFn } from 'ava';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModule, type Registry, type RunConfig } from '#framework';
import { failureLine, findFileTests, runFileTest } from '#framework/testing';

/** The conformance file tests: every `.jir` under conformance/filetests. */
export const FILETEST_DIR = fileURLToPath(new URL('../../filetests', import.meta.url));

/** Whether a file test allocates (so GC stress can change how it runs). */
export function allocates(text: string, file: string): boolean {
  const m = parseModule(text, file);
  const ops = new Set(m.funcs.flatMap((f) => f.blocks.flatMap((b) => b.insts.map((i) => i.op.name))));
  return ops.has('new') || ops.has('new_array') || m.externs.some((e) => e.collects);
}

/**
 * The file-test suite for one registry: an ava test per file and configuration that
 * `configsFor` names (label and options), each failing with every failing run as file:line.
 */
export async function fileTestSuite(
  test: TestFn,
  registry: Registry,
  title: string,
  configsFor: (file: string, text: string) => [string, RunConfig][],
): Promise<void> {
  for (const file of await findFileTests([FILETEST_DIR])) {
    const text = readFileSync(file, 'utf8');
    const name = relative(FILETEST_DIR, file);
    for (const [label, config] of configsFor(file, text)) {
      test(`${name} [${title}${label}]`, (t) => {
        const results = runFileTest(registry, file, text, config);
        const failures = results.filter((r) => r.failure !== null).map(failureLine);
        if (failures.length > 0) t.fail(`${failures.length} of ${results.length} runs failed:\n${failures.join('\n')}`);
        else t.pass();
      });
    }
  }
}
