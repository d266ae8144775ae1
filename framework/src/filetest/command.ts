import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Registry } from '../registry.ts';
import type { RunConfig } from '../run-config.ts';
import { findFileTests } from './find-files.ts';
import { runFileTest, type RunResult } from './run-file.ts';

/**
 * `jitc test PATHS…`: runs the `.jir` file tests under `paths` on one configuration.
 * Prints one line per failing run (`file:line: @f(args): expected X, got Y`), then
 * `N passed, N failed`. One test is one `; run:` line.
 */
export async function runFileTestCommand(
  registry: Registry,
  paths: string[],
  config: RunConfig,
  out: (line: string) => void,
  options: { bless?: boolean } = {},
): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  for (const file of await findFileTests(paths)) {
    const text = await readFile(file, 'utf8');
    // An error in the file fails each of its runs alike: say it once.
    const reported = new Set<string>();
    const bless = options.bless
      ? (blessed: string): void => {
          writeFileSync(file, blessed);
          out(`${file}: blessed`);
        }
      : undefined;
    for (const r of runFileTest(registry, file, text, config, bless)) {
      if (r.failure === null) {
        passed++;
        continue;
      }
      failed++;
      const line = failureLine(r);
      if (!reported.has(line)) out(line);
      reported.add(line);
    }
  }
  out(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}

/** A failure that carries its own file:line:col (an error in the file) keeps it alone. */
export function failureLine(r: RunResult): string {
  const failure = r.failure ?? '';
  if (failure.startsWith(`${r.file}:`)) return failure;
  return `${r.file}:${r.line}: ${r.call ? `${r.call}: ` : ''}${failure}`;
}
