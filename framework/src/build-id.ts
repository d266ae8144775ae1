import { readFileSync } from 'node:fs';

/**
 * The fingerprint of the ahead-of-time build this code runs from (dist/<fingerprint>/,
 * see scripts/build-dist.mjs), which names the state of every source and asset; undefined
 * when running the TypeScript sources themselves (tsx: tests, development), whose files
 * may change under a running session.
 */
export function buildId(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      jitcBuild?: unknown;
    };
    return typeof pkg.jitcBuild === 'string' ? pkg.jitcBuild : undefined;
  } catch {
    return undefined;
  }
}
