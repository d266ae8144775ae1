// A landed configuration (two plugins together), so it lives with the conformance suites.
// The acceptance bar: every conformance file test on armv7 × boehm with the same
// expectations the interpreter meets, at --jit-threshold 0 (all native), 1 (native from the
// first call, callees through lazy stubs; the default), on Cortex-A8 (software division), and for files that allocate under
// GC stress 1 at thresholds 0 and 1.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { failureLine } from '#framework/testing';
import { findFileTests } from '#framework/testing';
import { runFileTest } from '#framework/testing';
import { DEFAULT_JIT_THRESHOLD } from '../../plugins/backend-armv7/src/backend.ts';
import { parseModule, Registry, MiB, type RunConfig } from '#framework';

const FILETEST_DIR = fileURLToPath(new URL('../filetests', import.meta.url));
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
  const configs: [string, RunConfig][] = [
    [' t0', { ...BASE, jitThreshold: 0 }],
    [' t1', { ...BASE, jitThreshold: 1 }],
    // The default (no threshold given): the same as t1 while DEFAULT_JIT_THRESHOLD is 1.
    ...(DEFAULT_JIT_THRESHOLD > 1 ? [[' default', BASE] as [string, RunConfig]] : []),
    [' t0 cortex-a8', { ...BASE, jitThreshold: 0, cpu: 'cortex-a8' }],
  ];
  if (allocates(text, file)) {
    configs.push([' t0 stress', { ...BASE, jitThreshold: 0, gcStress: 1, verifyHeap: true }]);
    configs.push([' t1 stress', { ...BASE, jitThreshold: 1, gcStress: 1, verifyHeap: true }]);
  }
  for (const [label, config] of configs) {
    test(`${name} [armv7 boehm${label}]`, (t) => {
      const results = runFileTest(registry, file, text, config);
      const failures = results.filter((r) => r.failure !== null).map(failureLine);
      if (failures.length > 0) t.fail(`${failures.length} of ${results.length} runs failed:\n${failures.join('\n')}`);
      else t.pass();
    });
  }
}
