import type { PluginFactory } from '#framework';

/** One plugin of the `jitc` command: what it provides, so that a run imports only the
 *  plugins it uses (koffi and Unicorn load with backend-armv7 only), and how to load it.
 *  A test checks these claims against what each plugin registers. */
export interface CliPlugin {
  readonly name: string;
  /** Loaded for every run (the core plugin: the optimizer passes every run needs). */
  readonly always?: boolean;
  /** File extensions of its frontends. */
  readonly frontends?: readonly string[];
  readonly backends?: readonly string[];
  readonly gcs?: readonly string[];
  load(): Promise<PluginFactory>;
}

/** Every plugin the `jitc` command can load, in registration order. Explicit on purpose:
 *  no file-system discovery, so what a run can use is visible in one place. */
export const CLI_PLUGIN_LIST: readonly CliPlugin[] = [
  {
    name: 'core',
    always: true,
    frontends: ['.jir'],
    backends: ['interp'],
    load: async () => (await import('#framework')).corePlugin,
  },
  {
    name: 'gc-boehm',
    gcs: ['boehm'],
    load: async () => (await import('../../plugins/gc-boehm/src/plugin.ts')).default,
  },
  {
    name: 'gc-generational',
    gcs: ['generational'],
    load: async () => (await import('../../plugins/gc-generational/src/plugin.ts')).default,
  },
  {
    name: 'gc-semispace',
    gcs: ['semispace'],
    load: async () => (await import('../../plugins/gc-semispace/src/plugin.ts')).default,
  },
  {
    name: 'backend-armv7',
    backends: ['armv7'],
    load: async () => (await import('../../plugins/backend-armv7/src/plugin.ts')).default,
  },
  {
    name: 'backend-x86-ref',
    backends: ['x86-ref'],
    load: async () => (await import('../../plugins/backend-x86-ref/src/plugin.ts')).default,
  },
  {
    name: 'frontend-minipy',
    frontends: ['.py'],
    load: async () => (await import('../../plugins/frontend-minipy/src/plugin.ts')).default,
  },
  {
    name: 'frontend-prolog',
    frontends: ['.pl'],
    load: async () => (await import('../../plugins/frontend-prolog/src/plugin.ts')).default,
  },
];
