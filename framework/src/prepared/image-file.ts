import { readSync } from 'node:fs';
import { isValType, type ValType } from '../ir/types.ts';
import type { ImageFunction, PreparedImage } from './prepared-image.ts';
import { textHash } from './text-hash.ts';

/** Bumped whenever the layout changes, so that older files read as foreign. */
const FORMAT = 2;
const NEWLINE = 0x0a;

/** A function's place in the file: name, signature, byte range of its text, text hash. */
type DirectoryEntry = [
  name: string,
  params: ValType[],
  result: ValType | null,
  replaceable: boolean,
  start: number,
  end: number,
  hash: string,
];

/**
 * A prepared library as one cache file, laid out so that a run reads little of it: a
 * header line (format, key, size and hash of the directory), the directory as JSON
 * (declarations, link metadata, and for each function its signature and where its text
 * is), then the function texts. Declarations and directory are checked when read; a
 * function's text when its body is first needed, which then calls `repair` if it is
 * damaged (the caller prepares the library afresh and answers from that).
 */
export function encodeImage(key: string, image: PreparedImage): Buffer {
  const texts: Buffer[] = [];
  let at = 0;
  const funcs: DirectoryEntry[] = image.funcs.map((f) => {
    const text = f.text();
    const bytes = Buffer.from(text, 'utf8');
    texts.push(bytes);
    const entry: DirectoryEntry = [f.name, f.params, f.result, f.replaceable, at, at + bytes.length, textHash(text)];
    at += bytes.length;
    return entry;
  });
  const directory = JSON.stringify({ decls: image.decls, meta: image.meta, funcs });
  const header = JSON.stringify({
    format: FORMAT,
    key,
    directoryBytes: Buffer.byteLength(directory),
    directoryHash: textHash(directory),
  });
  return Buffer.concat([Buffer.from(`${header}\n${directory}`, 'utf8'), ...texts]);
}

/** An image file's bytes, read where asked: a run reads the directory and the few function
 *  texts it uses, not the 4 MB of a Prolog library's. */
export interface ImageBytes {
  readonly length: number;
  /** Bytes [start, end) as UTF-8; throws when they cannot be read. */
  text(start: number, end: number): string;
  /** Where the first newline is, or -1 when the first `within` bytes have none. */
  newline(within: number): number;
}

export function bufferBytes(file: Buffer): ImageBytes {
  return {
    length: file.length,
    text: (start, end) => file.toString('utf8', start, end),
    newline: (within) => file.subarray(0, within).indexOf(NEWLINE),
  };
}

/** The bytes of an open file of `size` bytes; the caller keeps `fd` open while texts are read. */
export function fileBytes(fd: number, size: number): ImageBytes {
  const read = (start: number, end: number): Buffer => {
    const buf = Buffer.alloc(Math.max(0, Math.min(end, size) - start));
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, start + at);
      if (n === 0) throw new Error('image file ended early');
      at += n;
    }
    return buf;
  };
  return {
    length: size,
    text: (start, end) => read(start, end).toString('utf8'),
    newline: (within) => read(0, within).indexOf(NEWLINE),
  };
}

/** A header line is far shorter than this. */
const HEADER_LIMIT = 4096;

/** The image in `file` if it is one for `key` and its directory is intact, else undefined. */
export function decodeImage(
  bytes: Buffer | ImageBytes,
  key: string,
  repair: (name: string) => string,
): PreparedImage | undefined {
  const file = Buffer.isBuffer(bytes) ? bufferBytes(bytes) : bytes;
  try {
    const newline = file.newline(HEADER_LIMIT);
    if (newline < 0) return undefined;
    const header = JSON.parse(file.text(0, newline)) as {
      format?: unknown;
      key?: unknown;
      directoryBytes?: unknown;
      directoryHash?: unknown;
    };
    if (header.format !== FORMAT || header.key !== key || typeof header.directoryBytes !== 'number') return undefined;
    const dirStart = newline + 1;
    const textStart = dirStart + header.directoryBytes;
    if (textStart > file.length) return undefined;
    const directory = file.text(dirStart, textStart);
    if (header.directoryHash !== textHash(directory)) return undefined;
    const { decls, meta, funcs } = JSON.parse(directory) as { decls?: unknown; meta?: unknown; funcs?: unknown };
    if (typeof decls !== 'string' || !Array.isArray(funcs)) return undefined;
    return { decls, meta, funcs: funcs.map((raw: unknown) => imageFunction(raw, file, textStart, repair)) };
  } catch {
    return undefined;
  }
}

function imageFunction(
  raw: unknown,
  file: ImageBytes,
  textStart: number,
  repair: (name: string) => string,
): ImageFunction {
  if (!Array.isArray(raw) || raw.length !== 7) throw new Error('bad directory entry');
  const [name, params, result, replaceable, start, end, hash] = raw as unknown[];
  const valType = (t: unknown): ValType => {
    if (typeof t !== 'string' || !isValType(t)) throw new Error(`bad type ${String(t)}`);
    return t;
  };
  if (
    typeof name !== 'string' ||
    !Array.isArray(params) ||
    typeof replaceable !== 'boolean' ||
    typeof hash !== 'string'
  )
    throw new Error('bad directory entry');
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    (start as number) > (end as number) ||
    textStart + (end as number) > file.length
  )
    throw new Error('bad text range');
  let text: string | undefined;
  return {
    name,
    params: params.map(valType),
    result: result === null ? null : valType(result),
    replaceable,
    text() {
      if (text === undefined) {
        let read: string | undefined;
        try {
          read = file.text(textStart + (start as number), textStart + (end as number));
        } catch {
          // unreadable now (the file was cut short): as damaged
        }
        text = read !== undefined && textHash(read) === hash ? read : repair(name);
      }
      return text;
    },
  };
}
