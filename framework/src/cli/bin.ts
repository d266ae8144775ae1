import { EXIT } from './exit-codes.ts';
import { runCli } from './main.ts';
import { writeAllSync } from './sync-writer.ts';

/** A reader that went away (`jitc prog.jir | head`) ends the run quietly, as SIGPIPE
 *  would for a C program; any other write error means output was lost. */
function exitForWriteError(err: unknown): never {
  process.exit((err as NodeJS.ErrnoException).code === 'EPIPE' ? EXIT.ok : EXIT.internal);
}

function writer(fd: number): (text: string) => void {
  return (text) => {
    try {
      writeAllSync(fd, text);
    } catch (err) {
      exitForWriteError(err);
    }
  };
}

const status = await runCli(process.argv.slice(2), {
  stdout: writer(1),
  stderr: writer(2),
  env: process.env,
  cwd: process.cwd(),
});
// Exit explicitly: a backend's native handles must not keep a finished run alive.
process.exit(status);
