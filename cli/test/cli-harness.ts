import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/main.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (the same code the bin runs, minus the launcher): cheap. */
export async function cliInProcess(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    cwd: REPO,
  });
  return { status, stdout, stderr };
}

/** Spawns the real `bin/jitc.js` (~0.5 s each: keep these few). */
export function cliProcess(...args: string[]): Promise<CliResult> {
  return cliProcessWithEnv({}, ...args);
}

/** cliProcess with these environment variables added. */
export function cliProcessWithEnv(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/jitc.js', ...args], {
      cwd: REPO,
      env: { ...process.env, JITC_DEBUG: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

/**
 * Spawns the CLI, reads stdout until `enough` says so, then closes the pipe as `head`
 * would. Resolves with what was read and the exit status, or rejects after `ms`.
 */
export function cliProcessUntil(
  enough: (stdout: string) => boolean,
  ms: number,
  ...args: string[]
): Promise<{ stdout: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/jitc.js', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`jitc ${args.join(' ')} still running after ${ms} ms`));
    }, ms);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
      if (enough(stdout)) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ stdout, status });
    });
  });
}

/** A host stack trace line, which the CLI must never show. */
export const STACK_LINE = '    at ';
