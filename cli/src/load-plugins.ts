import { Registry, type JitcPlugin } from '#framework';
import { loadExternalPlugins } from './external-plugins.ts';
import { CLI_PLUGIN_LIST, type CliPlugin } from './plugins-list.ts';

/** What one run uses; a name no plugin claims loads every plugin, so that the error
 *  about it lists every known name as before. */
export interface PluginNeeds {
  file: string;
  backend: string;
  gc: string;
}

/** The plugins a run needs, in list order; every plugin without `needs`. `extra` are
 *  plugins loaded already (`--plugin`): what they provide needs no list entry. */
export function pluginsFor(
  needs?: PluginNeeds,
  list: readonly CliPlugin[] = CLI_PLUGIN_LIST,
  extra: readonly JitcPlugin[] = [],
): CliPlugin[] {
  if (!needs) return [...list];
  const claims = (p: CliPlugin): { frontend: boolean; backend: boolean; gc: boolean } => ({
    frontend: p.frontends?.some((ext) => needs.file.endsWith(ext)) ?? false,
    backend: p.backends?.includes(needs.backend) ?? false,
    gc: p.gcs?.includes(needs.gc) ?? false,
  });
  const provided = extra.flatMap((p) => p.provides);
  const fromExtra = {
    frontend: provided.some(
      (p) => p.kind === 'frontend' && (p.extensions ?? []).some((ext) => needs.file.endsWith(ext)),
    ),
    backend: provided.some((p) => p.kind === 'backend' && p.name === needs.backend),
    gc: provided.some((p) => p.kind === 'gc' && p.name === needs.gc),
  };
  const chosen = list.filter((p) => {
    const c = claims(p);
    return p.always === true || c.frontend || c.backend || c.gc;
  });
  const claimed = (what: 'frontend' | 'backend' | 'gc'): boolean =>
    fromExtra[what] || list.some((p) => claims(p)[what]);
  return claimed('frontend') && claimed('backend') && claimed('gc') ? chosen : [...list];
}

/** A registry of the plugins `needs` asks for (all of them without `needs`), then those
 *  `--plugin` names, which may replace a listed plugin's provision of the same name. */
export async function loadCliRegistry(
  needs?: PluginNeeds,
  externalModules: readonly string[] = [],
  cwd = process.cwd(),
): Promise<Registry> {
  const extra = await loadExternalPlugins(externalModules, cwd);
  const factories = await Promise.all(pluginsFor(needs, CLI_PLUGIN_LIST, extra).map((p) => p.load()));
  return new Registry([...factories, ...extra]);
}
