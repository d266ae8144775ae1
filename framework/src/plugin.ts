import type { InjectionToken } from 'tsyringe';
import type { Backend } from './engine.ts';
import type { Frontend } from './frontend.ts';
import type { GarbageCollector } from './gc/interface.ts';
import type { Pass } from './opt/pass.ts';

/** What each kind of provision makes. */
export interface ProvisionTypes {
  frontend: Frontend;
  backend: Backend;
  gc: GarbageCollector;
  pass: Pass;
}
export type ProvisionKind = keyof ProvisionTypes;

/** Hands a provision the services it declared in `needs`, and no others. */
export type Resolve = <T>(token: InjectionToken<T>) => T;

/**
 * One thing a plugin provides. The registry registers `create` as a factory under
 * provisionToken(kind, name); the driver resolves it from the run's child container, so
 * what it needs (tokens.ts) comes from that run: its options, its library linker.
 */
export interface Provision<K extends ProvisionKind = ProvisionKind> {
  readonly kind: K;
  readonly name: string;
  readonly description: string;
  /** Frontends: the file extensions they handle, known before anything is created. */
  readonly extensions?: readonly string[];
  /** Services `create` resolves; resolving any other one is an error. */
  readonly needs?: readonly InjectionToken<unknown>[];
  create(resolve: Resolve): ProvisionTypes[K];
}

/**
 * The plugin contract: a plugin module's default export is a factory returning this. The
 * composition root (cli/) holds the list of plugin modules; nothing is discovered.
 */
export interface JitcPlugin {
  readonly name: string;
  readonly provides: readonly AnyProvision[];
}

/** A provision of any kind (a union, so that `kind` tells what `create` makes). */
export type AnyProvision = { [K in ProvisionKind]: Provision<K> }[ProvisionKind];

export type PluginFactory = () => JitcPlugin;

/** A provision whose value is made once and needs nothing (passes, stateless backends). */
export function constant<K extends ProvisionKind>(kind: K, value: ProvisionTypes[K]): Provision<K> {
  const extensions = 'extensions' in value ? value.extensions : undefined;
  return { kind, name: value.name, description: value.description, extensions, create: () => value };
}
