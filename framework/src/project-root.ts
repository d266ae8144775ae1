import { fileURLToPath } from 'node:url';
import { buildId } from './build-id.ts';

/**
 * The project's folder (package.json, conformance/, .cache/), found from the sources and
 * from a build alike: a build lives in dist/<fingerprint>/ with the sources' layout, so
 * paths relative to a module's own URL lead into the build, not to the project.
 */
export function projectRoot(): string {
  // framework/src/ is two levels below the root of the sources, and of a build.
  const root = new URL('../../', import.meta.url);
  return fileURLToPath(buildId() === undefined ? root : new URL('../../', root));
}
