import { FRONTENDS, type JitcPlugin } from '#framework';
import { minipyFrontend } from './frontend.ts';

/** Registers the mini-Python frontend for `.py` files. */
export default function minipyPlugin(): JitcPlugin {
  return {
    name: 'frontend-minipy',
    register(container) {
      container.register(FRONTENDS, { useValue: minipyFrontend });
    },
  };
}
