import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to a file descriptor before returning. The guest runs
 * synchronously, so `process.stdout.write` would only queue its output in memory while
 * a full pipe waits for the event loop: a program printing a lot would not stream, and
 * one printing forever into `| head` would never notice the reader had gone. A blocked
 * pipe (EAGAIN on a non-blocking descriptor) is waited out here; EPIPE and other errors
 * are thrown to the caller.
 */
export function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
