#!/usr/bin/env node
// The npm bin. Runs the ahead-of-time JavaScript build of the CLI (dist/<fingerprint>/),
// building it first when the sources changed since the last build, so a stale build never
// runs. Only when no build can be made (no TypeScript compiler, read-only install) does it
// fall back to transpiling the sources in-process with tsx, and says so. Plain JavaScript:
// nothing can load .ts yet.
import { pathToFileURL } from 'node:url';
import { cliEntry, ensureBuilt, PROJECT_ROOT } from '../scripts/build-dist.mjs';

const say = (text) => process.stderr.write(`jitc: ${text}\n`);

try {
  let entry;
  try {
    // Say why a run is slow only to a person watching: tests compare stderr.
    const built = ensureBuilt(PROJECT_ROOT, process.stderr.isTTY ? say : () => {});
    // A --plugin module imports the framework's own modules (cli/src/external-plugins.ts):
    // those are the unbundled tree's, so such a run must be the tree too, not the bundle.
    const unbundled = process.argv.some((a) => a === '--plugin' || a.startsWith('--plugin='));
    entry = pathToFileURL(cliEntry(built, { unbundled })).href;
  } catch (err) {
    say(
      `cannot build dist/ (${(err instanceof Error ? err.message : String(err)).split('\n')[0]}); running the sources through tsx`,
    );
    const { register } = await import('tsx/esm/api');
    // Pin the project's tsconfig: tsx would otherwise look in the caller's working directory.
    register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
    entry = new URL('../cli/src/bin.ts', import.meta.url).href;
  }
  await import(entry);
} catch (err) {
  // Only a broken installation or a module that fails to load gets here.
  say(`internal error: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.JITC_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(70);
}
