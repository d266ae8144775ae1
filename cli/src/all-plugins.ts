import type { PluginFactory } from '#framework';
import { CLI_PLUGIN_LIST } from './plugins-list.ts';

/** Every plugin of the `jitc` command, loaded: for tests and benchmarks that build a
 *  registry of everything. The command itself loads only what a run uses (load-plugins.ts). */
export const CLI_PLUGINS: readonly PluginFactory[] = await Promise.all(CLI_PLUGIN_LIST.map((p) => p.load()));
