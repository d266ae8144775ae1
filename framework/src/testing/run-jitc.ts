import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../project-root.ts';
import { processLimit } from './process-limit.ts';

const execFileAsync = promisify(execFile);
const spawnLimit = processLimit();
const JITC = join(projectRoot(), 'bin/jitc.js');

export interface JitcOutcome {
  stdout: string;
  stderr: string;
  code: number;
  /** Wall time of the process itself, not of its wait in the queue. */
  millis: number;
}

/** Runs `jitc ARGS` as a process (queued with the other tests' processes). */
export function runJitc(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<JitcOutcome> {
  return spawnLimit(async () => {
    const start = performance.now();
    try {
      const r = await execFileAsync(process.execPath, [JITC, ...args], {
        maxBuffer: 1 << 26,
        env: { ...process.env, ...env },
      });
      return { stdout: r.stdout, stderr: r.stderr, code: 0, millis: performance.now() - start };
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; code?: number };
      return {
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? '',
        code: typeof e.code === 'number' ? e.code : -1,
        millis: performance.now() - start,
      };
    }
  });
}

/** Every landed backend (the interpreter first) with every landed collector. */
export async function landedConfigurations(): Promise<{ backend: string; gc: string }[]> {
  const listed = (await runJitc(['plugins'])).stdout;
  const names = (kind: string): string[] =>
    [...listed.matchAll(new RegExp(`^\\s+${kind}\\s+(\\S+)`, 'gm'))].map((m) => m[1]!);
  return names('backend').flatMap((backend) => names('gc').map((gc) => ({ backend, gc })));
}

/** Every landed backend once, with boehm: for tests about big programs, whose subject is the
 *  frontend and the backend. Each further collector would multiply their minutes without
 *  covering more; the collectors get the program suites and the file tests instead. */
export async function landedBackendsOnBoehm(): Promise<{ backend: string; gc: string }[]> {
  const configurations = await landedConfigurations();
  return configurations.filter((c) => c.gc === 'boehm');
}
