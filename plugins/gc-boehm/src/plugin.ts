import type { JitcPlugin } from '#framework';
import { boehmCollector } from './index.ts';

/** The gc-boehm plugin: a conservative, non-moving mark-sweep collector named `boehm`. */
export default function boehmPlugin(): JitcPlugin {
  const collector = boehmCollector();
  return {
    name: 'gc-boehm',
    provides: [
      { kind: 'gc', name: collector.name, description: collector.description, create: () => boehmCollector() },
    ],
  };
}
