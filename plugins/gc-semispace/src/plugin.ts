import type { JitcPlugin } from '#framework';
import { semispaceCollector } from './index.ts';

/** The gc-semispace plugin: a copying collector named `semispace` that moves everything. */
export default function semispacePlugin(): JitcPlugin {
  const collector = semispaceCollector();
  return {
    name: 'gc-semispace',
    provides: [
      { kind: 'gc', name: collector.name, description: collector.description, create: () => semispaceCollector() },
    ],
  };
}
