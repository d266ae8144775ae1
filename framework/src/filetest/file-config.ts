import type { RunConfig } from '../run-config.ts';
import type { FileTestHeaders } from './spec.ts';

/**
 * The run config for one file: its headers override the heap, stack and fuel of the
 * config, because the file knows what its tests need (a `; heap: 1M` out-of-memory test
 * means exactly 1M), and its optimization level (a file about the optimizer). `stress-every`
 * only slows stress down, never turns it on. The IR is verified after every pass.
 */
export function configForFile(config: RunConfig, headers: FileTestHeaders): RunConfig {
  // A file test checks the optimizer and the lowering too: the IR is verified after each.
  const c: RunConfig = { ...config, verifyPasses: true };
  if (headers.heapSize !== undefined) c.heapSize = headers.heapSize;
  if (headers.stackSize !== undefined) c.stackSize = headers.stackSize;
  if (headers.fuel !== undefined) c.fuel = headers.fuel;
  if (headers.optLevel !== undefined) c.optLevel = headers.optLevel;
  const stress = c.gcStress ?? 0;
  if (headers.stressEvery !== undefined && stress > 0) c.gcStress = Math.max(stress, headers.stressEvery);
  return c;
}
