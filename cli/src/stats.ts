import type { EngineStats } from '#framework';
import { formatUnicornFinding, unicornInUse } from '#framework';
import type { HeapStats } from '#framework';

export interface RunTimes {
  /** Frontend, verifier, optimizer and GC lowering, in milliseconds. */
  compileMillis: number;
  /** From the start of the command to the end of the run. */
  wallMillis: number;
  /** Whether the optimized program came from the program cache (prepared/program-cache.ts). */
  programFromCache?: boolean;
}

/** How many functions the `hot functions` and `host calls by function` rows name. */
const LISTED_ROWS = 6;

/** The `--stats` report, one aligned `name value` pair per line. */
export function formatStats(
  engine: EngineStats,
  heap: HeapStats,
  times: RunTimes,
  hostCallCounts: ReadonlyMap<string, number> = new Map(),
): string {
  const ms = (x: number): string => `${x.toFixed(1)} ms`;
  const fromCache = engine.cachedFunctions ? `, ${engine.cachedFunctions} from the code cache` : '';
  const rows: [string, string][] = [
    ['instructions', String(engine.instructions)],
    ...hotFunctionRow(engine),
    ['stores', String(engine.stores)],
    ['calls', String(engine.calls)],
    ['host calls', String(engine.hostCalls)],
    ...hostCallRow(hostCallCounts),
    ['allocations', String(heap.allocations)],
    ['bytes allocated', String(heap.bytesAllocated)],
    ['collections', String(heap.collections)],
    ['live after last gc', String(heap.liveBytes)],
    ['gc time', ms(heap.gcMillis)],
    ...gcDetailRow(heap),
    ['compile time', `${ms(times.compileMillis)}${times.programFromCache ? ' (program from the cache)' : ''}`],
    ['jit compile time', `${ms(engine.compileMillis)} (${engine.compiledFunctions} functions${fromCache})`],
    ...patternRow(engine),
    ['wall time', ms(times.wallMillis)],
  ];
  // The split between tiers, for engines that run native code.
  if (engine.nativeMillis > 0 || engine.compiledFunctions > 0) {
    const tiers: [string, string][] = [
      ['interpreter time', ms(engine.interpMillis)],
      ['native time', ms(engine.nativeMillis)],
    ];
    // Guest stores cost 140 times more on Unicorn 2.0 than on 2.1: native times mean little without the version.
    const emulator = unicornInUse();
    if (emulator !== undefined) tiers.push(['emulator', formatUnicornFinding(emulator)]);
    rows.splice(rows.length - 1, 0, ...tiers);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  return `jitc stats:\n${rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n')}\n`;
}

/** The collector's own counters, when it keeps any. */
function gcDetailRow(heap: HeapStats): [string, string][] {
  if (!heap.detail) return [];
  return [
    [
      'gc detail',
      Object.entries(heap.detail)
        .map(([name, n]) => `${name} ${n}`)
        .join(', '),
    ],
  ];
}

/** Where native instructions go, by function, most first, as shares of all native ones. */
function hotFunctionRow(engine: EngineStats): [string, string][] {
  const counts = engine.instructionsByFunction?.();
  if (!counts || counts.size === 0) return [];
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const hot = [...counts].sort((a, b) => b[1] - a[1]).slice(0, LISTED_ROWS);
  return [['hot functions', hot.map(([name, n]) => `${name} ${((100 * n) / total).toFixed(1)}%`).join(', ')]];
}

/** The instruction-selection patterns that matched in the functions compiled this run. */
function patternRow(engine: EngineStats): [string, string][] {
  const counts = engine.selectedPatterns?.() ?? [];
  if (counts.length === 0) return [];
  return [['isel patterns', counts.map(([name, n]) => `${name} ${n}`).join(', ')]];
}

/** The most called host functions, most first: where a run still leaves compiled code. */
function hostCallRow(counts: ReadonlyMap<string, number>): [string, string][] {
  const called = [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (called.length === 0) return [];
  const shown = called.slice(0, LISTED_ROWS).map(([name, n]) => `${name} ${n}`);
  if (called.length > LISTED_ROWS) shown.push(`${called.length - LISTED_ROWS} more`);
  return [['host calls by function', shown.join(', ')]];
}
