import { createRequire } from 'node:module';
import type { DependencyContainer } from 'tsyringe';
import type { Backend } from './engine.ts';
import type { Frontend } from './frontend.ts';
import type { GarbageCollector } from './gc/interface.ts';
import type { Pass } from './opt/pass.ts';
import type { JitcPlugin, PluginFactory } from './plugin.ts';
import { BACKENDS, COLLECTORS, FRONTENDS, PASSES } from './tokens.ts';
import type { InjectionToken } from 'tsyringe';

// Loaded with require, not import: both are CommonJS packages (tsyringe of 40 files), and
// importing them through the ESM loader took 3-4x as long (130-200 ms against 40-60 ms
// measured on this machine), a large part of the command's start-up.
const require = createRequire(import.meta.url);
require('reflect-metadata');
const rootContainer = (require('tsyringe') as typeof import('tsyringe')).container;

/** A wrong name given by the user (unknown backend, GC, extension): exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface PluginInfo {
  name: string;
  provides: { kind: 'frontend' | 'backend' | 'gc' | 'pass'; name: string; description: string }[];
}

/** The plugins of one process, registered into a tsyringe container. */
export class Registry {
  readonly container: DependencyContainer;
  readonly plugins: PluginInfo[] = [];

  constructor(factories: readonly PluginFactory[]) {
    this.container = rootContainer.createChildContainer();
    for (const make of factories) this.install(make());
  }

  private install(plugin: JitcPlugin): void {
    const before = this.snapshot();
    plugin.register(this.container);
    const after = this.snapshot();
    const provides: PluginInfo['provides'] = [];
    const added = <T extends { name: string; description: string }>(kind: PluginInfo['provides'][number]['kind'], a: T[], b: T[]): void => {
      for (const x of b.slice(a.length)) provides.push({ kind, name: x.name, description: x.description });
    };
    added('frontend', before.frontends, after.frontends);
    added('backend', before.backends, after.backends);
    added('gc', before.collectors, after.collectors);
    added('pass', before.passes, after.passes);
    this.plugins.push({ name: plugin.name, provides });
  }

  private snapshot(): { frontends: Frontend[]; backends: Backend[]; collectors: GarbageCollector[]; passes: Pass[] } {
    return { frontends: this.frontends(), backends: this.backends(), collectors: this.collectors(), passes: this.passes() };
  }

  private all<T>(token: InjectionToken<T>): T[] {
    return this.container.isRegistered(token, true) ? this.container.resolveAll(token) : [];
  }
  frontends(): Frontend[] {
    return this.all(FRONTENDS);
  }
  backends(): Backend[] {
    return this.all(BACKENDS);
  }
  collectors(): GarbageCollector[] {
    return this.all(COLLECTORS);
  }
  passes(): Pass[] {
    return this.all(PASSES);
  }

  backend(name: string): Backend {
    return pick('backend', name, this.backends());
  }
  collector(name: string): GarbageCollector {
    return pick('GC', name, this.collectors());
  }
  frontendFor(file: string): Frontend {
    const fe = this.frontends().find((f) => f.extensions.some((ext) => file.endsWith(ext)));
    if (!fe) {
      const known = this.frontends().flatMap((f) => f.extensions);
      throw new UsageError(`no frontend for '${file}' (known extensions: ${known.join(', ')})`);
    }
    return fe;
  }
}

function pick<T extends { name: string }>(kind: string, name: string, items: T[]): T {
  const found = items.find((x) => x.name === name);
  if (!found) throw new UsageError(`unknown ${kind} '${name}' (known: ${items.map((x) => x.name).join(', ') || 'none'})`);
  return found;
}
