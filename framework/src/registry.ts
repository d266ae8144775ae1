import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Backend } from './engine.ts';
import type { Frontend } from './frontend.ts';
import type { GarbageCollector } from './gc/interface.ts';
import type { Pass } from './opt/pass.ts';
import type { AnyProvision, JitcPlugin, PluginFactory, ProvisionKind, ProvisionTypes, Resolve } from './plugin.ts';
import { rootContainer } from './di-container.ts';
import { UNPREPARED_LINKER } from './prepared/runtime-library.ts';
import type { RunConfig } from './run-config.ts';
import {
  CODE_CACHE,
  LIBRARY_LINKER,
  PLUGINS,
  PROGRAM_CACHE,
  provisionToken,
  RUN,
  RUN_CONFIG,
  serviceName,
} from './tokens.ts';

/** A wrong name given by the user (unknown backend, GC, extension): exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ProvidedInfo {
  kind: ProvisionKind;
  name: string;
  description: string;
  /** Names of the services it is built from. */
  needs: string[];
}

export interface PluginInfo {
  name: string;
  provides: ProvidedInfo[];
}

const KIND_NAMES: Record<ProvisionKind, string> = { frontend: 'frontend', backend: 'backend', gc: 'GC', pass: 'pass' };

/**
 * Resolves provisions from one container: the registry's own (every plugin installed,
 * the defaults for LIBRARY_LINKER and CODE_CACHE), or a run's child container, which sees
 * the registry's and may hold its own (a test's fake GC, the run's options).
 */
export class Scope {
  /** Provisions registered in this scope itself, by kind, in order. */
  protected readonly own: AnyProvision[] = [];

  constructor(
    readonly container: DependencyContainer,
    private readonly parent?: Scope,
  ) {}

  /** Registers a provision as a factory: each resolution creates it, handing it the
   *  services it declared, resolved from the container that resolves it. */
  provide(provision: AnyProvision, plugin = '(test)'): void {
    const create = provision.create as (resolve: Resolve) => ProvisionTypes[ProvisionKind];
    this.container.register(provisionToken(provision.kind, provision.name), {
      useFactory: (c) => create(declaredOnly(c, provision, plugin)),
    });
    this.own.push(provision);
  }

  /** The provisions this scope sees, its own after its parent's; a name provided again
   *  replaces the earlier one in place. */
  provisions(kind: ProvisionKind): AnyProvision[] {
    const seen = [...(this.parent?.provisions(kind) ?? [])];
    for (const p of this.own) {
      if (p.kind !== kind) continue;
      const at = seen.findIndex((q) => q.name === p.name);
      if (at >= 0) seen[at] = p;
      else seen.push(p);
    }
    return seen;
  }

  resolve<K extends ProvisionKind>(kind: K, name: string): ProvisionTypes[K] {
    const token = provisionToken(kind, name);
    if (!this.container.isRegistered(token, true)) {
      const known = this.provisions(kind).map((p) => p.name);
      throw new UsageError(`unknown ${KIND_NAMES[kind]} '${name}' (known: ${known.join(', ') || 'none'})`);
    }
    return this.container.resolve(token) as ProvisionTypes[K];
  }

  private all<K extends ProvisionKind>(kind: K): ProvisionTypes[K][] {
    return this.provisions(kind).map((p) => this.resolve(kind, p.name));
  }
  frontends(): Frontend[] {
    return this.all('frontend');
  }
  backends(): Backend[] {
    return this.all('backend');
  }
  collectors(): GarbageCollector[] {
    return this.all('gc');
  }
  passes(): Pass[] {
    return this.all('pass');
  }
  backend(name: string): Backend {
    return this.resolve('backend', name);
  }
  collector(name: string): GarbageCollector {
    return this.resolve('gc', name);
  }
  /** The frontend whose extensions match the file, chosen before any frontend is created. */
  frontendFor(file: string): Frontend {
    const provisions = this.provisions('frontend');
    const fe = provisions.find((p) => p.extensions?.some((ext) => file.endsWith(ext)));
    if (!fe) {
      const known = provisions.flatMap((p) => p.extensions ?? []);
      throw new UsageError(`no frontend for '${file}' (known extensions: ${known.join(', ')})`);
    }
    return this.resolve('frontend', fe.name);
  }
}

/** The plugins of one process, installed into a tsyringe container. */
export class Registry extends Scope {
  constructor(plugins: readonly (PluginFactory | JitcPlugin)[]) {
    super(rootContainer.createChildContainer());
    this.container.register(LIBRARY_LINKER, { useValue: UNPREPARED_LINKER });
    // A factory: tsyringe does not take null for a value.
    this.container.register(CODE_CACHE, { useFactory: () => null });
    this.container.register(PROGRAM_CACHE, { useFactory: () => null });
    for (const p of plugins) this.install(typeof p === 'function' ? p() : p);
  }

  install(plugin: JitcPlugin): void {
    this.container.register(PLUGINS, { useValue: plugin });
    for (const provision of plugin.provides) this.provide(provision, plugin.name);
  }

  /** Every plugin installed, with what it provides and needs, read from the container. */
  get plugins(): PluginInfo[] {
    if (!this.container.isRegistered(PLUGINS)) return [];
    return this.container.resolveAll(PLUGINS).map((plugin) => ({
      name: plugin.name,
      provides: plugin.provides.map((p) => ({
        kind: p.kind,
        name: p.name,
        description: p.description,
        needs: (p.needs ?? []).map(serviceName),
      })),
    }));
  }

  /** A child container for one run, holding its options; register fakes in it to swap a
   *  service for that run only. */
  forRun(config: RunConfig): RunScope {
    return new RunScope(this, config);
  }
}

/** One run's view: its options, and the services it chose by name, resolved in its own
 *  child container. */
export class RunScope extends Scope {
  constructor(
    readonly registry: Registry,
    readonly config: RunConfig,
  ) {
    super(registry.container.createChildContainer(), registry);
    this.container.register(RUN_CONFIG, { useValue: config });
    this.container.register(RUN, { useValue: this });
  }

  /** The backend and GC the run's options name. */
  chosenBackend(): Backend {
    return this.backend(this.config.backend);
  }
  chosenCollector(): GarbageCollector {
    return this.collector(this.config.gc);
  }
  /** Whether the module is GC-lowered: native backends need it, `--lower` asks for it. */
  lowers(): boolean {
    return this.chosenBackend().requiresLowering || this.config.lower === true;
  }
}

/** A resolver that hands out only the services a provision declared. */
function declaredOnly(container: DependencyContainer, provision: AnyProvision, plugin: string): Resolve {
  return <T>(token: InjectionToken<T>): T => {
    if (!(provision.needs ?? []).includes(token)) {
      throw new Error(
        `${plugin}: ${provision.kind} '${provision.name}' resolves ${serviceName(token)} ` +
          'but does not declare it in needs',
      );
    }
    return container.resolve(token);
  };
}
