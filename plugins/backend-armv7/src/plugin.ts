import { constant, type JitcPlugin } from '#framework';
import { armv7Backend } from './backend.ts';

/** The backend-armv7 plugin: native A32 code in Unicorn, registered as backend `armv7`. */
export default function armv7Plugin(): JitcPlugin {
  return { name: 'backend-armv7', provides: [constant('backend', armv7Backend)] };
}
