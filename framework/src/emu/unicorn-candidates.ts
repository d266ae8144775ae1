// Where jitc looks for libunicorn, in this order (docs/decisions.md, "Unicorn 2.1"):
//   1. JITC_LIBUNICORN: an explicit path, for systems without a Debian package of 2.1
//      (for example the libunicorn.so.2 inside Python's `unicorn` wheel);
//   2. the project's cache, .cache/unicorn/libunicorn.so.2, where scripts/setup.sh puts
//      Debian 13's library when the system's is older than 2.1;
//   3. the system's libunicorn.so.2, wherever dlopen finds it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UnicornCandidate } from './unicorn-choice.ts';

export const UNICORN_ENV_VARIABLE = 'JITC_LIBUNICORN';
export const UNICORN_LIBRARY_NAME = 'libunicorn.so.2';
/** Relative to the project root; scripts/setup.sh writes the same path. */
export const UNICORN_CACHE_PATH = join('.cache', 'unicorn', UNICORN_LIBRARY_NAME);

export function unicornCandidates(
  env: Readonly<Record<string, string | undefined>>,
  projectRoot: string | undefined = findProjectRoot(),
): UnicornCandidate[] {
  const candidates: UnicornCandidate[] = [];
  const explicit = env[UNICORN_ENV_VARIABLE];
  if (explicit !== undefined && explicit !== '') candidates.push({ source: 'env', path: explicit });
  if (projectRoot !== undefined) candidates.push({ source: 'cache', path: join(projectRoot, UNICORN_CACHE_PATH) });
  candidates.push({ source: 'system', path: UNICORN_LIBRARY_NAME });
  return candidates;
}

/**
 * The folder of jitc's package.json, found by walking up from this module, so that the
 * cache is found from the sources and from a compiled copy of them alike.
 */
export function findProjectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isJitcPackage(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function isJitcPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'jitc';
  } catch {
    return false;
  }
}
