// Runs a command to completion and times it: what every wall-time benchmark here measures.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ProcessRun {
  /** Seconds from spawn to exit. */
  wall: number;
  /** The child's user and system CPU seconds (10 ms resolution; NaN without Linux's /proc):
   *  on a loaded machine this moves far less than `wall`. */
  cpu: number;
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
  const cpu0 = childrenCpuSeconds();
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
  const cpu = childrenCpuSeconds() - cpu0;
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  const status =
    code === 'ETIMEDOUT'
      ? 'timeout'
      : r.error
        ? `error ${code ?? r.error.message}`
        : r.status !== null
          ? String(r.status)
          : `signal ${r.signal}`;
  return { wall, cpu, status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The CPU time of this process's waited-for children so far: cutime + cstime of
 *  /proc/self/stat, in clock ticks of 10 ms. */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5), counted here from field 3 (the state).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
