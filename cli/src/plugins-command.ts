import type { Registry } from '#framework';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';

/**
 * `jitc plugins`: each plugin, then one `  KIND  NAME  DESCRIPTION` line per thing it
 * provides (tools read these), each followed by a `      needs SERVICE` line per service it
 * is built from; all of it read from the registry's container.
 */
export function pluginsCommand(registry: Registry, io: CliIo): number {
  const rows = registry.plugins.flatMap((p) => p.provides);
  const kindWidth = Math.max(0, ...rows.map((r) => r.kind.length));
  const nameWidth = Math.max(0, ...rows.map((r) => r.name.length));
  const lines: string[] = [];
  for (const plugin of registry.plugins) {
    lines.push(plugin.name);
    if (plugin.provides.length === 0) lines.push('  (provides nothing)');
    for (const r of plugin.provides) {
      lines.push(`  ${r.kind.padEnd(kindWidth)}  ${r.name.padEnd(nameWidth)}  ${r.description}`);
      for (const need of r.needs) lines.push(`      needs ${need}`);
    }
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
