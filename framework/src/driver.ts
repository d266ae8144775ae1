import type { DependencyContainer } from 'tsyringe';
import type { Engine } from './engine.ts';
import type { Module } from './ir/module.ts';
import { assertValid } from './ir/verify.ts';
import { ProgramCodeLoader } from './jit/code-loader.ts';
import { runPipeline } from './opt/pipeline.ts';
import type { Registry } from './registry.ts';
import type { RunConfig } from './run-config.ts';
import type { HostFunction, OutputSink } from './runtime/host.ts';
import { Program } from './runtime/program.ts';
import { ENGINE, PROGRAM, RUN_CONFIG } from './tokens.ts';

export interface PreparedRun {
  container: DependencyContainer;
  module: Module;
  program: Program;
  engine: Engine;
}

export interface PrepareOptions {
  hosts?: HostFunction[];
  out: OutputSink;
  /** Called with the module after each pass named in config.printAfter. */
  print?: (passName: string, m: Module) => void;
}

/**
 * One run: verify, optimize, GC-lower when the backend needs it, load into guest memory
 * and create the engine — all resolved in a child container holding this run's state.
 * The module is changed in place.
 */
export function prepareRun(registry: Registry, module: Module, config: RunConfig, opts: PrepareOptions): PreparedRun {
  const backend = registry.backend(config.backend);
  const gc = registry.collector(config.gc);
  assertValid(module);
  runPipeline(module, config.optLevel, registry.passes(), { printAfter: config.printAfter, print: opts.print });
  if (config.optLevel > 0) assertValid(module);
  if (!module.lowered && (backend.requiresLowering || config.lower)) {
    gc.lower(module);
    assertValid(module);
  }
  const container = registry.container.createChildContainer();
  container.register(RUN_CONFIG, { useValue: config });
  const program = new Program(module, {
    gc,
    out: opts.out,
    heapSize: config.heapSize,
    stackSize: config.stackSize,
    gcStress: config.gcStress,
    gcStressSeed: config.gcStressSeed,
    verifyHeap: config.verifyHeap,
    hosts: opts.hosts,
    countHostCalls: config.countInstructions,
  });
  container.register(PROGRAM, { useValue: program });
  program.hostContext.code = new ProgramCodeLoader(program, config.optLevel, registry.passes(), gc);
  const engine = backend.createEngine(program, {
    fuel: config.fuel,
    jitThreshold: config.jitThreshold,
    cpu: config.cpu,
    countInstructions: config.countInstructions,
  });
  container.register(ENGINE, { useValue: engine });
  return { container, module, program, engine };
}
