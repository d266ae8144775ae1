import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../registry.ts';

const EXTENSION = '.jir';

/** The test files named by `paths`: files as given, directories searched recursively for
 *  `*.jir`, in sorted order so reports are stable. A missing path is a usage error. */
export async function findFileTests(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new UsageError(`no such file or directory: ${p}`);
    if (info.isDirectory()) found.push(...(await jirFilesUnder(p)));
    else found.push(p);
  }
  return found;
}

async function jirFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(EXTENSION))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
