// Runs a command to completion and times it: what every wall-time benchmark here measures.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ProcessRun {
  /** Seconds from spawn to exit. */
  wall: number;
  /** The exit code, "timeout", or the signal that ended the run. */
  status: string;
  stdout: string;
  stderr: string;
}

export function runProcess(
  cmd: string,
  argv: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv },
): ProcessRun {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    env: options.env ?? process.env,
  });
  const wall = (performance.now() - t0) / 1000;
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  const status =
    code === 'ETIMEDOUT'
      ? 'timeout'
      : r.error
        ? `error ${code ?? r.error.message}`
        : r.status !== null
          ? String(r.status)
          : `signal ${r.signal}`;
  return { wall, status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
