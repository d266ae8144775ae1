// Which libunicorn a process uses, and how to say so. Unicorn 2.0.x sends every guest
// store down a slow path (about 140 times a load); 2.1 fixed it, so the newest library
// found wins: the first candidate that is 2.1 or newer, else the first that loads at all.
// No koffi here: the CLI formats these lines without loading the emulator.

/** Where a candidate library comes from, in the order they are tried. */
export type UnicornSource = 'env' | 'cache' | 'system';

export interface UnicornCandidate {
  readonly source: UnicornSource;
  /** A file path, or (for the system library) the name dlopen searches for. */
  readonly path: string;
}

export interface UnicornVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** The oldest Unicorn whose stores cost about what loads cost. */
export const FAST_STORES_UNICORN: UnicornVersion = { major: 2, minor: 1, patch: 0 };

/** What loading one candidate gave: the library and its version, or why it did not load. */
export type UnicornProbe<Library> =
  | { readonly loaded: true; readonly library: Library; readonly version: UnicornVersion; readonly path: string }
  | { readonly loaded: false; readonly reason: string; readonly missing?: boolean };

/** One candidate as a report shows it: used, or not used and why. */
export interface UnicornFinding {
  readonly source: UnicornSource;
  /** Where the library was found (resolved for the system library when possible). */
  readonly path: string;
  readonly version?: UnicornVersion;
  /** Undefined for the library in use. */
  readonly notUsedBecause?: string;
  /** No file there: reported when it explains why an old library is in use, or the user named it. */
  readonly missing?: boolean;
}

export interface UnicornChoice<Library> {
  /** The library in use; undefined when no candidate loaded. */
  readonly library?: Library;
  readonly used?: UnicornFinding;
  /** Every candidate probed, in candidate order (the one in use included). */
  readonly findings: readonly UnicornFinding[];
}

export interface ChooseOptions {
  /** Probe candidates after the winner too, so a report can list them (`--version`). */
  readonly probeAll?: boolean;
}

/** Unicorn's `uc_version()` result: major << 24 | minor << 16 | patch << 8 | extra (1.x: major << 8 | minor). */
export function decodeUnicornVersion(word: number): UnicornVersion {
  if (word >>> 24 === 0) return { major: (word >>> 8) & 0xff, minor: word & 0xff, patch: 0 };
  return { major: word >>> 24, minor: (word >>> 16) & 0xff, patch: (word >>> 8) & 0xff };
}

export function compareVersions(a: UnicornVersion, b: UnicornVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function formatVersion(v: UnicornVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

const isFast = (v: UnicornVersion): boolean => compareVersions(v, FAST_STORES_UNICORN) >= 0;
const SHORT_FAST = `${FAST_STORES_UNICORN.major}.${FAST_STORES_UNICORN.minor}`;

/**
 * Probes candidates in order. The first one at least FAST_STORES_UNICORN wins; without
 * one, the first that loaded is used. Later candidates are probed only with `probeAll`,
 * so a normal run loads one library.
 */
export function chooseUnicorn<Library>(
  candidates: readonly UnicornCandidate[],
  probe: (candidate: UnicornCandidate) => UnicornProbe<Library>,
  options: ChooseOptions = {},
): UnicornChoice<Library> {
  const probes: { candidate: UnicornCandidate; result: UnicornProbe<Library> }[] = [];
  let winner = -1;
  for (const candidate of candidates) {
    if (winner >= 0 && options.probeAll !== true) break;
    const result = probe(candidate);
    probes.push({ candidate, result });
    if (winner < 0 && result.loaded && isFast(result.version)) winner = probes.length - 1;
  }
  if (winner < 0) winner = probes.findIndex((p) => p.result.loaded);
  const winnerProbe = probes[winner]?.result;

  const findings = probes.map(({ candidate, result }, i): UnicornFinding => {
    if (!result.loaded)
      return { source: candidate.source, path: candidate.path, notUsedBecause: result.reason, missing: result.missing };
    const found = { source: candidate.source, path: result.path, version: result.version };
    if (i === winner) return found;
    const winnerIsFast = winnerProbe?.loaded === true && isFast(winnerProbe.version);
    const notUsedBecause =
      winnerIsFast && !isFast(result.version)
        ? `older than ${SHORT_FAST}`
        : `the ${probes[winner]!.candidate.source} library comes first`;
    return { ...found, notUsedBecause };
  });
  return {
    library: winnerProbe?.loaded === true ? winnerProbe.library : undefined,
    used: findings[winner],
    findings,
  };
}

/** `unicorn 2.1.1 (PATH; from cache)`, plus ` not used: WHY` for a candidate not in use. */
export function formatUnicornFinding(finding: UnicornFinding): string {
  const version = finding.version === undefined ? '' : ` ${formatVersion(finding.version)}`;
  const line = `unicorn${version} (${finding.path}; from ${finding.source})`;
  return finding.notUsedBecause === undefined ? line : `${line} not used: ${finding.notUsedBecause}`;
}

/**
 * The report lines: the library in use first, then the others with the reason each was
 * not used. Says so when none was found (the interpreter needs none).
 */
export function formatUnicornChoice(choice: UnicornChoice<unknown>): string[] {
  const lines: string[] = [];
  const usedIsFast = choice.used?.version !== undefined && isFast(choice.used.version);
  if (choice.used === undefined) {
    lines.push(
      'unicorn: none found (the interpreter works without it; ' +
        'native backends need libunicorn.so.2, see scripts/setup.sh)',
    );
  } else {
    lines.push(formatUnicornFinding(choice.used));
    if (!usedIsFast) {
      lines.push(
        `  (older than ${SHORT_FAST}: guest stores are slow; ` +
          `scripts/setup.sh fetches ${SHORT_FAST} into the project's cache)`,
      );
    }
  }
  for (const finding of choice.findings) {
    const unremarkable = usedIsFast && finding.missing === true && finding.source !== 'env';
    if (finding !== choice.used && !unremarkable) lines.push(formatUnicornFinding(finding));
  }
  return lines;
}

let inUse: UnicornFinding | undefined;

/** Records the library this process bound (set once by the FFI when it loads one). */
export function noteUnicornInUse(finding: UnicornFinding | undefined): void {
  inUse = finding;
}

/** The library this process runs guest code with; undefined until a native engine loaded one. */
export function unicornInUse(): UnicornFinding | undefined {
  return inUse;
}
