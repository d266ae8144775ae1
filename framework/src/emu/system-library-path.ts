// Finds the file the dynamic loader would open for a library name, without opening it.
// Needed because dlopen("libunicorn.so.2") returns any library already loaded under that
// soname: once the cache's Unicorn is loaded, asking dlopen for the system's gives the
// cache's again.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** ldconfig's word for this process's ABI, as in `libfoo.so.1 (libc6,x86-64) => /lib/…`. */
const LDCONFIG_ABI: Readonly<Record<string, string>> = { x64: 'x86-64', arm64: 'AArch64', ia32: '', arm: 'hard-float' };

/**
 * The loader's search, in its order: LD_LIBRARY_PATH, then the ld.so cache (read with
 * `ldconfig -p`). Undefined when neither has it (the caller may still try dlopen by name).
 */
export function findSystemLibrary(
  name: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  for (const dir of (env.LD_LIBRARY_PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, name))) return realpathSync(join(dir, name));
  }
  const abi = LDCONFIG_ABI[process.arch];
  for (const line of ldconfigCache().split('\n')) {
    const match = /^\s*(\S+) \(([^)]*)\) => (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    if (abi !== undefined && abi !== '' && !match[2]!.includes(abi)) continue;
    if (existsSync(match[3]!)) return realpathSync(match[3]!);
  }
  return undefined;
}

function ldconfigCache(): string {
  for (const ldconfig of ['/sbin/ldconfig', '/usr/sbin/ldconfig', 'ldconfig']) {
    try {
      return execFileSync(ldconfig, ['-p'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      // not there: try the next
    }
  }
  return '';
}
