/** The framework's testing surface (`#framework/testing`): what a plugin's tests and a
 *  composition root use to run IR file tests against a registry, the framework's own
 *  trivial collector, so that a test needs no GC plugin to run allocating code, and
 *  `runJitc` for tests of a whole program through the installed command. */
export { runFileTestCommand, failureLine } from '../filetest/command.ts';
export { runFileTest, type RunResult } from '../filetest/run-file.ts';
export { findFileTests } from '../filetest/find-files.ts';
export { parseFileTestSpec } from '../filetest/directives.ts';
export type { FileTestSpec, FileTestHeaders, RunLine } from '../filetest/spec.ts';
export { arenaCollector, ArenaHeap } from '../gc/arena/index.ts';
export { testingPlugin } from '../testing-plugin.ts';
export { runJitc, landedConfigurations, landedBackendsOnBoehm, type JitcOutcome } from './run-jitc.ts';
export { processLimit } from './process-limit.ts';
