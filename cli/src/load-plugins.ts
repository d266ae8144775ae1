import { Registry } from '#framework';
import { CLI_PLUGIN_LIST, type CliPlugin } from './plugins-list.ts';

/** What one run uses; a name no plugin claims loads every plugin, so that the error
 *  about it lists every known name as before. */
export interface PluginNeeds {
  file: string;
  backend: string;
  gc: string;
}

/** The plugins a run needs, in list order; every plugin without `needs`. */
export function pluginsFor(needs?: PluginNeeds, list: readonly CliPlugin[] = CLI_PLUGIN_LIST): CliPlugin[] {
  if (!needs) return [...list];
  const claims = (p: CliPlugin): { frontend: boolean; backend: boolean; gc: boolean } => ({
    frontend: p.frontends?.some((ext) => needs.file.endsWith(ext)) ?? false,
    backend: p.backends?.includes(needs.backend) ?? false,
    gc: p.gcs?.includes(needs.gc) ?? false,
  });
  const chosen = list.filter((p) => {
    const c = claims(p);
    return p.always === true || c.frontend || c.backend || c.gc;
  });
  const claimed = (what: 'frontend' | 'backend' | 'gc'): boolean => list.some((p) => claims(p)[what]);
  return claimed('frontend') && claimed('backend') && claimed('gc') ? chosen : [...list];
}

/** A registry of the plugins `needs` asks for (all of them without `needs`). */
export async function loadCliRegistry(needs?: PluginNeeds): Promise<Registry> {
  const factories = await Promise.all(pluginsFor(needs).map((p) => p.load()));
  return new Registry(factories);
}
