import { LIBRARY_LINKER, type JitcPlugin } from '#framework';
import { minipyFrontend, minipyFrontendWith } from './frontend.ts';

/** Registers the mini-Python frontend for `.py` files; its runtime library comes from the
 *  run's library linker. */
export default function minipyPlugin(): JitcPlugin {
  const { name, description, extensions } = minipyFrontend;
  return {
    name: 'frontend-minipy',
    provides: [
      {
        kind: 'frontend',
        name,
        description,
        extensions,
        needs: [LIBRARY_LINKER],
        create: (resolve) => minipyFrontendWith(resolve(LIBRARY_LINKER)),
      },
    ],
  };
}
