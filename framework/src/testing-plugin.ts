import { arenaCollector } from './gc/arena/index.ts';
import type { JitcPlugin } from './plugin.ts';

/** The framework's collector as a plugin, `--gc arena`: with the core plugin, a registry
 *  that runs allocating and GC-lowered code with no GC plugin (a plugin's own tests). */
export function testingPlugin(): JitcPlugin {
  return {
    name: 'testing',
    provides: [
      { kind: 'gc', name: 'arena', description: arenaCollector().description, create: () => arenaCollector() },
    ],
  };
}
