// Loads a candidate libunicorn and asks it its version (uc_version), so the FFI can
// prefer 2.1 and the CLI can say which library it found.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import koffi, { type LibraryHandle } from 'koffi';
import { findSystemLibrary } from './system-library-path.ts';
import { unicornCandidates } from './unicorn-candidates.ts';
import {
  chooseUnicorn,
  decodeUnicornVersion,
  formatUnicornChoice,
  type UnicornCandidate,
  type UnicornProbe,
} from './unicorn-choice.ts';

export function probeUnicornLibrary(candidate: UnicornCandidate): UnicornProbe<LibraryHandle> {
  const isPath = candidate.path.includes('/');
  // A name is resolved first: dlopen by name would return an already loaded library of
  // the same soname (the cache's) instead of the system's.
  const file = isPath ? resolve(candidate.path) : (findSystemLibrary(candidate.path) ?? candidate.path);
  if (file.includes('/') && !existsSync(file)) return { loaded: false, reason: 'no such file', missing: true };
  let library: LibraryHandle;
  try {
    library = koffi.load(file);
  } catch (error) {
    const message = firstLine(error);
    return { loaded: false, reason: `cannot load: ${message}`, missing: !isPath && /No such file/.test(message) };
  }
  let word: number;
  try {
    word = (library.func('uc_version', 'uint32', ['void *', 'void *']) as (a: null, b: null) => number)(null, null);
  } catch {
    return { loaded: false, reason: 'not a Unicorn library (no uc_version)' };
  }
  return { loaded: true, library, version: decodeUnicornVersion(word), path: file };
}

/** The `--version` lines: every candidate probed, the one a run would use first. */
export function unicornReport(env: Readonly<Record<string, string | undefined>>): string[] {
  return formatUnicornChoice(chooseUnicorn(unicornCandidates(env), probeUnicornLibrary, { probeAll: true }));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
