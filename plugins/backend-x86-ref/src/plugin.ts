import { constant, type JitcPlugin } from '#framework';
import { x86RefBackend } from './backend.ts';

/** The backend-x86-ref plugin: native x86-64 code in Unicorn, registered as backend `x86-ref`. */
export default function x86RefPlugin(): JitcPlugin {
  return { name: 'backend-x86-ref', provides: [constant('backend', x86RefBackend)] };
}
