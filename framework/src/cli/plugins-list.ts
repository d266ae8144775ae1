import armv7Plugin from '../../../plugins/backend-armv7/src/plugin.ts';
import boehmPlugin from '../../../plugins/gc-boehm/src/plugin.ts';
import minipyPlugin from '../../../plugins/frontend-minipy/src/plugin.ts';
import prologPlugin from '../../../plugins/frontend-prolog/src/plugin.ts';
import corePlugin from '../core-plugin.ts';
import type { PluginFactory } from '../plugin.ts';

/** Every plugin the `jitc` command loads, in registration order. Explicit on purpose:
 *  no file-system discovery, so what a run can use is visible in one place. */
export const CLI_PLUGINS: readonly PluginFactory[] = [corePlugin, boehmPlugin, armv7Plugin, minipyPlugin, prologPlugin];
