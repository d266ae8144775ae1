import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '#framework';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

/** Reads a source file; a file that cannot be read is a usage error, not a crash. */
export function readSource(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    throw new UsageError(
      `cannot read '${file}': ${REASONS[code] ?? (err instanceof Error ? err.message : String(err))}`,
    );
  }
}
