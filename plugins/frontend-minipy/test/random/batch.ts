import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRELUDE, type RandomProgram, renderProgram } from './program-gen.ts';

/**
 * Many random programs in one file, so that CPython and jitc each start once for all of
 * them: program i's top-level names get the prefix `c<i>_`, and a marker line before it
 * cuts the output into the programs' own outputs.
 */
const marker = (i: number): string => `#case ${i}`;

export function batchSource(programs: readonly RandomProgram[]): string {
  return PRELUDE + programs.map((p, i) => `print('${marker(i)}')\n${renderProgram(p, `c${i}_`)}`).join('');
}

/** Each program's output; undefined for the programs the run did not reach. */
export function splitBatchOutput(stdout: string, count: number): (string | undefined)[] {
  const outputs: (string | undefined)[] = new Array(count).fill(undefined);
  const parts = stdout.split(/^#case (\d+)\n/m);
  for (let k = 1; k + 1 < parts.length; k += 2) outputs[Number(parts[k])] = parts[k + 1];
  return outputs;
}

export interface PythonRun {
  stdout: string;
  status: number;
  /** The last line of stderr ('' when there is none). */
  lastLine: string;
}

export const lastLineOf = (stderr: string): string => stderr.trimEnd().split('\n').pop() ?? '';

/** Runs `source` with CPython, the oracle (PYTHONHASHSEED=0, as the program tests). */
export function runCPython(source: string): Promise<PythonRun> {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-minipy-random-'));
  const file = join(dir, 'prog.py');
  writeFileSync(file, source);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [file], {
      env: { ...process.env, PYTHONHASHSEED: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (status) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, status: status ?? -1, lastLine: lastLineOf(stderr) });
    });
  });
}

/** The `.expected` file of the program tests (see regenerate-expected.sh). */
export const expectedFile = (run: PythonRun): string => `${run.stdout}# exit ${run.status}: ${run.lastLine}\n`;
