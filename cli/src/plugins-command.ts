import type { Registry } from '#framework';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';

/** `jitc plugins`: each plugin, then one `kind name description` line per thing it provides. */
export function pluginsCommand(registry: Registry, io: CliIo): number {
  const rows = registry.plugins.flatMap((p) => p.provides);
  const kindWidth = Math.max(0, ...rows.map((r) => r.kind.length));
  const nameWidth = Math.max(0, ...rows.map((r) => r.name.length));
  const lines: string[] = [];
  for (const plugin of registry.plugins) {
    lines.push(plugin.name);
    if (plugin.provides.length === 0) lines.push('  (provides nothing)');
    for (const r of plugin.provides) lines.push(`  ${r.kind.padEnd(kindWidth)}  ${r.name.padEnd(nameWidth)}  ${r.description}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
