import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { processLimit } from './process-limit.ts';

const execFileAsync = promisify(execFile);
const spawnLimit = processLimit();
const JITC = new URL('../../../bin/jitc.js', import.meta.url).pathname;

export interface JitcOutcome {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `jitc ARGS` as a process (queued with the other tests' processes). */
export async function runJitc(args: readonly string[]): Promise<JitcOutcome> {
  try {
    const r = await spawnLimit(() => execFileAsync(process.execPath, [JITC, ...args], { maxBuffer: 1 << 26 }));
    return { stdout: r.stdout, stderr: r.stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : -1 };
  }
}

/** Every landed backend (the interpreter first) with every landed collector. */
export async function landedConfigurations(): Promise<{ backend: string; gc: string }[]> {
  const listed = (await runJitc(['plugins'])).stdout;
  const names = (kind: string): string[] => [...listed.matchAll(new RegExp(`^\\s+${kind}\\s+(\\S+)`, 'gm'))].map((m) => m[1]!);
  return names('backend').flatMap((backend) => names('gc').map((gc) => ({ backend, gc })));
}
