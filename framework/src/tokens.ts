import type { InjectionToken } from 'tsyringe';
import type { CodeCacheLocation } from './engine.ts';
import type { ProgramCache } from './prepared/program-cache.ts';
import type { LibraryLinker } from './prepared/runtime-library.ts';
import type { RunConfig } from './run-config.ts';
import type { JitcPlugin, ProvisionKind } from './plugin.ts';
import type { RunScope } from './registry.ts';

// The services plugins and the driver resolve from a container. Symbol.for, not Symbol: a
// plugin loaded from outside the tree (`jitc --plugin`) may bring its own copy of the
// framework, and its tokens must still be these.

/** The run's options, registered in each run's child container. */
export const RUN_CONFIG: InjectionToken<RunConfig> = Symbol.for('jitc.run-config');
/** The run itself: its options and the frontend, backend, GC and passes it chose. */
export const RUN: InjectionToken<RunScope> = Symbol.for('jitc.run');
/** Where frontends get their runtime libraries prepared (optimized, lowered, cached). The
 *  registry provides one that prepares nothing; a composition root registers a caching one. */
export const LIBRARY_LINKER: InjectionToken<LibraryLinker> = Symbol.for('jitc.library-linker');
/** Where native backends keep compiled code across runs; null keeps it for the process. */
export const CODE_CACHE: InjectionToken<CodeCacheLocation | null> = Symbol.for('jitc.code-cache');
/** Where the command keeps prepared programs across runs (prepared/program-cache.ts); null,
 *  the registry's default, prepares every program afresh. */
export const PROGRAM_CACHE: InjectionToken<ProgramCache | null> = Symbol.for('jitc.program-cache');
/** Every plugin installed, multi-registered: what `jitc plugins` lists. */
export const PLUGINS: InjectionToken<JitcPlugin> = Symbol.for('jitc.plugins');

/** What a service token is called where a person reads it (`jitc plugins`). */
export function serviceName(token: InjectionToken<unknown>): string {
  return typeof token === 'symbol' ? (token.description ?? 'symbol').replace(/^jitc\./, '') : String(token);
}

/** The token a provision is registered under: one per kind and name. */
export function provisionToken(kind: ProvisionKind, name: string): string {
  return `jitc.${kind}:${name}`;
}
