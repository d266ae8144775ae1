import { interpreterBackend } from './interp/backend.ts';
import { jirFrontend } from './jir-frontend.ts';
import { corePasses } from './opt/passes/index.ts';
import { constant, type JitcPlugin } from './plugin.ts';

/** What the framework itself provides: the reference interpreter, the `.jir` frontend
 *  and the optimizer passes the -O pipelines name. */
export default function corePlugin(): JitcPlugin {
  return {
    name: 'core',
    provides: [
      constant('frontend', jirFrontend),
      constant('backend', interpreterBackend),
      ...corePasses().map((pass) => constant('pass', pass)),
    ],
  };
}
