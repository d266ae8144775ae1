// The acceptance bar: every conformance file test on armv7 × boehm, plain and (for files
// that allocate) under GC stress 1, with the same expectations the interpreter meets.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_PLUGINS } from '../../../framework/src/cli/plugins-list.ts';
import { failureLine } from '../../../framework/src/filetest/command.ts';
import { findFileTests } from '../../../framework/src/filetest/find-files.ts';
import { runFileTest } from '../../../framework/src/filetest/run-file.ts';
import { parseModule, Registry, MiB, type RunConfig } from '#framework';

const FILETEST_DIR = fileURLToPath(new URL('../../../conformance/filetests', import.meta.url));
const registry = new Registry(CLI_PLUGINS);
const files = await findFileTests([FILETEST_DIR]);

const BASE: RunConfig = { backend: 'armv7', gc: 'boehm', optLevel: 0, heapSize: 1 * MiB, stackSize: MiB / 4 };

function allocates(text: string, file: string): boolean {
  const m = parseModule(text, file);
  const ops = new Set(m.funcs.flatMap((f) => f.blocks.flatMap((b) => b.insts.map((i) => i.op.name))));
  return ops.has('new') || ops.has('new_array') || m.externs.some((e) => e.collects);
}

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const name = relative(FILETEST_DIR, file);
  const configs: [string, RunConfig][] = [['', BASE]];
  if (allocates(text, file)) configs.push([' stress', { ...BASE, gcStress: 1, verifyHeap: true }]);
  for (const [label, config] of configs) {
    test(`${name} [armv7 boehm${label}]`, (t) => {
      const results = runFileTest(registry, file, text, config);
      const failures = results.filter((r) => r.failure !== null).map(failureLine);
      if (failures.length > 0) t.fail(`${failures.length} of ${results.length} runs failed:\n${failures.join('\n')}`);
      else t.pass();
    });
  }
}
