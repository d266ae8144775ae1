import type { Registry } from '#framework';
import type { CollectorChoice } from './cells.ts';
import { runConformance, type ConformanceOptions, type ConformanceReport } from './conformance-run.ts';

/** The reference collector when the registry has it: non-moving, so the reference's heap
 *  is the simplest there is. */
const REFERENCE_GC = 'boehm';

export type RegistryConformanceOptions = Omit<
  ConformanceOptions,
  'backends' | 'collectors' | 'reference' | 'passes'
> & {
  /** Narrows the matrix to one backend / one collector (by registry name). */
  backend?: string;
  gc?: string;
};

/**
 * A conformance run over a registry's plugins: its backends and collectors (narrowed by
 * name), its passes, and boehm's interpreter runs as the reference (the one collector when
 * the registry has no boehm). Unknown names throw the registry's own errors.
 */
export function conformanceFromRegistry(registry: Registry, o: RegistryConformanceOptions): ConformanceReport {
  if (o.backend !== undefined) registry.backend(o.backend);
  if (o.gc !== undefined) registry.collector(o.gc);
  const choose = (name: string): CollectorChoice => ({ name, create: () => registry.collector(name) });
  const names = registry.collectors().map((g) => g.name);
  const { backend, gc, ...run } = o;
  return runConformance({
    ...run,
    backends: registry.backends().filter((b) => backend === undefined || b.name === backend),
    collectors: names.filter((n) => gc === undefined || n === gc).map(choose),
    reference: choose(names.includes(REFERENCE_GC) ? REFERENCE_GC : (gc ?? names[0]!)),
    passes: registry.passes(),
  });
}

/** A seed for a run given none: different every time, printed so that it replays. */
export function freshSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
}
