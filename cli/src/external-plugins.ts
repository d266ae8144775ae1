import { createRequire, register } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError, type JitcPlugin } from '#framework';

/**
 * Loads the plugins `--plugin MODULE` names: a path (absolute, or relative to the working
 * directory: it starts with `.` or `/`) or an npm package found from the working directory.
 * The module's default export is a plugin factory, or a plugin itself.
 */
export async function loadExternalPlugins(modules: readonly string[], cwd: string): Promise<JitcPlugin[]> {
  if (modules.length > 0) shareTheFramework();
  return Promise.all(modules.map((m) => loadExternalPlugin(m, cwd)));
}

let shared = false;

/**
 * A plugin imports the framework under the package's name (`jitc`, `jitc/testing`). That
 * name is made to resolve to the very modules this process runs, the built JavaScript or
 * the sources, so the plugin shares the framework's classes and tokens with the command,
 * and needs no copy of jitc of its own (nor one that matches this build).
 */
function shareTheFramework(): void {
  if (shared) return;
  shared = true;
  const map = {
    jitc: import.meta.resolve('#framework'),
    'jitc/testing': import.meta.resolve('#framework/testing'),
    'jitc/emu': import.meta.resolve('#framework/emu'),
  };
  const hooks = `const map = ${JSON.stringify(map)};
export async function resolve(specifier, context, next) {
  return next(Object.hasOwn(map, specifier) ? map[specifier] : specifier, context);
}`;
  // The mapped URL goes on down the chain, so that a loader running the sources (tsx)
  // still resolves, and then loads, the TypeScript it points at.
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

async function loadExternalPlugin(module: string, cwd: string): Promise<JitcPlugin> {
  const url = pathToFileURL(locate(module, cwd)).href;
  let loaded: { default?: unknown };
  try {
    loaded = (await import(url)) as { default?: unknown };
  } catch (err) {
    throw new UsageError(
      `--plugin ${module}: cannot load it (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
    );
  }
  const exported = loaded.default;
  const plugin: unknown = typeof exported === 'function' ? (exported as () => unknown)() : exported;
  if (!isPlugin(plugin))
    throw new UsageError(
      `--plugin ${module}: its default export is not a jitc plugin (a factory returning { name, provides })`,
    );
  return plugin;
}

function locate(module: string, cwd: string): string {
  if (isAbsolute(module) || module.startsWith('.')) return resolve(cwd, module);
  try {
    return createRequire(join(cwd, 'package.json')).resolve(module);
  } catch {
    throw new UsageError(`--plugin ${module}: no such package from ${cwd}`);
  }
}

function isPlugin(value: unknown): value is JitcPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as { name?: unknown; provides?: unknown };
  return typeof p.name === 'string' && Array.isArray(p.provides);
}
