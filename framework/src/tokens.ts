import type { InjectionToken } from 'tsyringe';
import type { Backend } from './engine.ts';
import type { Frontend } from './frontend.ts';
import type { GarbageCollector } from './gc/interface.ts';
import type { Pass } from './opt/pass.ts';
import type { Engine } from './engine.ts';
import type { Program } from './runtime/program.ts';
import type { RunConfig } from './run-config.ts';

/** Multi-registered by plugins: every provider of a kind is resolved with resolveAll. */
export const FRONTENDS: InjectionToken<Frontend> = Symbol('jitc.frontends');
export const BACKENDS: InjectionToken<Backend> = Symbol('jitc.backends');
export const COLLECTORS: InjectionToken<GarbageCollector> = Symbol('jitc.collectors');
export const PASSES: InjectionToken<Pass> = Symbol('jitc.passes');

/** Per-run state, registered in the run's child container. */
export const RUN_CONFIG: InjectionToken<RunConfig> = Symbol('jitc.run.config');
export const PROGRAM: InjectionToken<Program> = Symbol('jitc.run.program');
export const ENGINE: InjectionToken<Engine> = Symbol('jitc.run.engine');
