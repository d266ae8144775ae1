import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CPythonCompileError } from './cpython-error.ts';

/**
 * Python source is UTF-8 unless declared otherwise (PEP 263); CPython rejects other bytes
 * before parsing. The command hands frontends decoded text, where a bad byte has become
 * U+FFFD, so only text holding U+FFFD is checked against the file's bytes.
 */
export function checkSourceEncoding(source: string, file: string): void {
  if (!source.includes('\uFFFD')) return;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return; // Not a file on disk (a test's snippet): the text is all there is.
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return;
  let line = 1;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
  const hex = bytes[bad]!.toString(16).padStart(2, '0');
  throw new CPythonCompileError(
    `SyntaxError: Non-UTF-8 code starting with '\\x${hex}' in file ${resolve(file)} on line ${line}, ` +
      'but no encoding declared; see https://peps.python.org/pep-0263/ for details',
    file,
    line,
    1,
    null,
  );
}

/** Offset of the first byte of the first ill-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
