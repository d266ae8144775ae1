import { interpreterBackend } from './interp/backend.ts';
import { jirFrontend } from './jir-frontend.ts';
import { corePasses } from './opt/passes/index.ts';
import type { JitcPlugin } from './plugin.ts';
import { BACKENDS, FRONTENDS, PASSES } from './tokens.ts';

/** What the framework itself provides: the reference interpreter, the `.jir` frontend
 *  and the optimizer passes the -O pipelines name. */
export default function corePlugin(): JitcPlugin {
  return {
    name: 'core',
    register(container) {
      container.register(BACKENDS, { useValue: interpreterBackend });
      container.register(FRONTENDS, { useValue: jirFrontend });
      for (const pass of corePasses()) container.register(PASSES, { useValue: pass });
    },
  };
}
