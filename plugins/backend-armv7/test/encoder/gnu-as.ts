// Runs GNU as for ARM on many instructions at once and returns each one's word,
// or the assembler's error for the lines it rejected.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ARM_AS = 'arm-linux-gnueabihf-as';
export const ARM_OBJCOPY = 'arm-linux-gnueabihf-objcopy';
const AS_FLAGS = ['-march=armv7-a', '-mfpu=vfpv3-d16'];
/** sdiv/udiv are ARMv7VE; the extension keeps the flags the brief gives. */
const PROLOGUE = ['.arm', '.syntax unified', '.arch_extension idiv', '.text'];

export type AssembledLine = { readonly word: number } | { readonly error: string };

export async function isGnuAsAvailable(): Promise<boolean> {
  try {
    await run(ARM_AS, ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Assembles every line as one 4-byte A32 instruction. Rejected lines report their error. */
export async function assembleLines(lines: readonly string[]): Promise<AssembledLine[]> {
  const dir = await mkdtemp(join(tmpdir(), 'jitc-a32-'));
  try {
    const errors = new Map<number, string>();
    let source = lines;
    // A rejected line stops the whole file; replace it with a placeholder word and go again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await assembleOnce(dir, source);
      if ('words' in result) {
        return lines.map((_, i) => (errors.has(i) ? { error: errors.get(i)! } : { word: result.words[i]! }));
      }
      for (const [index, message] of result.errors) errors.set(index, message);
      source = lines.map((line, i) => (errors.has(i) ? '.word 0' : line));
    }
    throw new Error(`GNU as kept failing: ${[...errors.values()].slice(0, 5).join('; ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function assembleOnce(
  dir: string,
  lines: readonly string[],
): Promise<{ words: Uint32Array } | { errors: Map<number, string> }> {
  const sourcePath = join(dir, 'input.s');
  const objectPath = join(dir, 'input.o');
  const binaryPath = join(dir, 'input.bin');
  await writeFile(sourcePath, [...PROLOGUE, ...lines, ''].join('\n'));
  try {
    await run(ARM_AS, [...AS_FLAGS, '-o', objectPath, sourcePath], { maxBuffer: 64 * 1024 * 1024 });
  } catch (failure) {
    const stderr = (failure as { stderr?: string }).stderr ?? String(failure);
    const errors = new Map<number, string>();
    for (const match of stderr.matchAll(/input\.s:(\d+): Error: (.*)/g)) {
      errors.set(Number(match[1]) - 1 - PROLOGUE.length, match[2]!);
    }
    if (errors.size === 0) throw failure;
    return { errors };
  }
  await run(ARM_OBJCOPY, ['-O', 'binary', '-j', '.text', objectPath, binaryPath]);
  const bytes = await readFile(binaryPath);
  if (bytes.length !== lines.length * 4) {
    throw new Error(`expected ${lines.length * 4} bytes of code, GNU as produced ${bytes.length}`);
  }
  return { words: new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)) };
}
