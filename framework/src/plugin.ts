import type { DependencyContainer } from 'tsyringe';

/**
 * The plugin contract: a plugin module exports one factory returning this. `register`
 * adds the plugin's providers to the container under the tokens in tokens.ts
 * (`container.register(BACKENDS, { useValue: myBackend })`). The CLI holds the explicit
 * list of factories; there is no file-system discovery.
 */
export interface JitcPlugin {
  readonly name: string;
  register(container: DependencyContainer): void;
}

export type PluginFactory = () => JitcPlugin;
