import { COLLECTORS, type JitcPlugin } from '#framework';
import { boehmCollector } from './index.ts';

/** The gc-boehm plugin: a conservative, non-moving mark-sweep collector named `boehm`. */
export default function boehmPlugin(): JitcPlugin {
  return {
    name: 'gc-boehm',
    register(container) {
      container.register(COLLECTORS, { useValue: boehmCollector() });
    },
  };
}
