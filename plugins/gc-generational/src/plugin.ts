import type { JitcPlugin } from '#framework';
import { generationalCollector } from './index.ts';

/** The gc-generational plugin: a nursery and an old generation, named `generational`. */
export default function generationalPlugin(): JitcPlugin {
  const collector = generationalCollector();
  return {
    name: 'gc-generational',
    provides: [
      { kind: 'gc', name: collector.name, description: collector.description, create: () => generationalCollector() },
    ],
  };
}
