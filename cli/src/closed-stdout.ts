import { readFileSync, readlinkSync } from 'node:fs';

const O_ACCMODE = 3;
const O_RDWR = 2;

/**
 * Whether the process was started with file descriptor `fd` closed (`jitc prog >&-`). Node
 * opens /dev/null read-write in place of a closed standard descriptor before any script
 * runs, so the closed descriptor cannot be seen directly; a shell's `>/dev/null` opens it
 * write-only, which tells the two apart (Linux only: elsewhere this says false).
 */
export function startedClosed(fd: number): boolean {
  try {
    if (readlinkSync(`/proc/self/fd/${fd}`) !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & O_ACCMODE) === O_RDWR;
  } catch {
    return false;
  }
}
