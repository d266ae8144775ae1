/** The process exit statuses of `jitc`; scripts and tests rely on them. */
export const EXIT = {
  ok: 0,
  /** The program failed: trap, source error, verifier failure, uncaught guest exception, failed file tests. */
  program: 1,
  /** The command line was wrong: unknown flag, backend, GC or extension, missing file, bad size. */
  usage: 2,
  /** A bug in jitc itself (EX_SOFTWARE from sysexits.h). */
  internal: 70,
} as const;
