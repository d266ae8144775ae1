import { join, resolve } from 'node:path';
import { projectRoot } from '#framework';
import type { Registry } from '#framework';
import type { RunConfig } from '#framework';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';

/** The conformance file tests, found from the repository root so `jitc test` works from anywhere. */
const DEFAULT_TEST_DIR = join(projectRoot(), 'conformance/filetests');

/** `jitc test [PATHS…]`: runs `.jir` file tests and ends with `N passed, N failed`. */
export async function testCommand(
  registry: Registry,
  paths: readonly string[],
  config: RunConfig,
  io: CliIo,
  options: { bless?: boolean } = {},
): Promise<number> {
  const targets = paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [DEFAULT_TEST_DIR];
  registry.backend(config.backend);
  registry.collector(config.gc);
  // Loaded on demand: `jitc run` neither pays for nor depends on the file-test runner.
  const { runFileTestCommand } = await import('#framework/testing');
  // The runner prints the failures and the closing `N passed, N failed` line itself.
  const { failed } = await runFileTestCommand(registry, targets, config, (line) => io.stdout(`${line}\n`), options);
  return failed > 0 ? EXIT.program : EXIT.ok;
}
