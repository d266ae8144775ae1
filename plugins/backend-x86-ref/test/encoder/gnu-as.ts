// Runs GNU as for x86-64 on many instructions at once and returns each one's bytes. Each
// line is placed at its own 16-byte slot (`.org`), with its length in the slot's last byte,
// so variable-length encodings come back separated.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const X86_AS = 'x86_64-linux-gnu-as';
export const X86_OBJCOPY = 'x86_64-linux-gnu-objcopy';
const SLOT = 16;

export async function assembleLines(lines: readonly string[]): Promise<number[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'jitc-x64-'));
  try {
    const source = ['.intel_syntax noprefix', '.text'];
    lines.forEach((line, i) => {
      source.push(`.org ${i * SLOT}`, `.Ls${i}:`, line, `.Le${i}:`, `.org ${i * SLOT + SLOT - 1}`);
      source.push(`.byte .Le${i} - .Ls${i}`);
    });
    await writeFile(join(dir, 'in.s'), `${source.join('\n')}\n`);
    await run(X86_AS, ['--64', '-o', join(dir, 'in.o'), join(dir, 'in.s')], { maxBuffer: 64 << 20 });
    await run(X86_OBJCOPY, ['-O', 'binary', '-j', '.text', join(dir, 'in.o'), join(dir, 'in.bin')]);
    const bytes = await readFile(join(dir, 'in.bin'));
    return lines.map((_, i) => {
      const slot = bytes.subarray(i * SLOT, (i + 1) * SLOT);
      return Array.from(slot.subarray(0, slot[SLOT - 1]!));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
