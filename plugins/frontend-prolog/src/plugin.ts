import { LIBRARY_LINKER, type JitcPlugin } from '#framework';
import { prologFrontend, prologFrontendWith } from './frontend.ts';

/** The frontend-prolog plugin: the `.pl` frontend; its runtime library comes from the
 *  run's library linker. */
export default function prologPlugin(): JitcPlugin {
  const { name, description, extensions } = prologFrontend;
  return {
    name: 'frontend-prolog',
    provides: [
      {
        kind: 'frontend',
        name,
        description,
        extensions,
        needs: [LIBRARY_LINKER],
        create: (resolve) => prologFrontendWith(resolve(LIBRARY_LINKER)),
      },
    ],
  };
}
