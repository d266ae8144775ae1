import { readSync } from 'node:fs';

/**
 * Reads up to `bytes.length` bytes of file descriptor `fd` into `bytes`, blocking: the
 * count read, 0 at the end of input. A non-blocking descriptor (a pipe or a terminal
 * Node opened so) answers EAGAIN while no data is there: wait a little and read again. A
 * closed or absent standard input counts as ended.
 */
export function readChunkSync(fd: number, bytes: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, bytes, 0, bytes.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF' || code === 'EBADF' || code === 'ENXIO') return 0;
      throw e;
    }
  }
}
