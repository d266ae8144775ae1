import { FRONTENDS, type JitcPlugin } from '#framework';
import { prologFrontend } from './frontend.ts';

/** The frontend-prolog plugin: registers the `.pl` frontend. */
export default function prologPlugin(): JitcPlugin {
  return {
    name: 'frontend-prolog',
    register(container) {
      container.register(FRONTENDS, { useValue: prologFrontend });
    },
  };
}
