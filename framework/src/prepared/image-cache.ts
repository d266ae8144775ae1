import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readImage, type PreparedImage } from './prepared-image.ts';
import { textHash } from './text-hash.ts';

/** Bumped whenever the file layout changes, so older entries read as foreign. */
const FORMAT = 1;
/** Entries of a library not rewritten for this long belong to builds long gone. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** A lock held this long belongs to a process that died while preparing. */
const STALE_LOCK_MS = 60_000;
const POLL_MS = 20;

/** Where prepared libraries are kept: $JITC_CACHE_DIR, else $XDG_CACHE_HOME/jitc, else
 *  ~/.cache/jitc. */
export function cacheDirectory(env: Readonly<Record<string, string | undefined>>): string {
  if (env.JITC_CACHE_DIR) return env.JITC_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'jitc');
}

/**
 * Prepared library images by key: in memory for the process, and on disk when `dir` is
 * given. A disk entry is one file: a header line (format, key, checksum of the rest), then
 * the image as JSON. It is written to a temporary name and renamed, so a reader never sees
 * half of one; one that does not parse, is of another format or key, or fails its
 * checksum is ignored (and made again). The cache only ever saves time: a directory that
 * cannot be read or written is the same as none.
 */
export class ImageCache {
  private readonly memory = new Map<string, PreparedImage>();

  constructor(readonly dir: string | null) {}

  /**
   * The image for `key` if the cache holds one that `accept`s, else `make`'s, stored.
   * While one process makes an entry, others wanting it wait and read it (a lock directory
   * next to the entry): a test suite starting many programs at once prepares a library once.
   */
  obtain(name: string, key: string, accept: (image: PreparedImage) => boolean, make: () => PreparedImage): PreparedImage {
    const cached = this.get(name, key);
    if (cached && accept(cached)) return cached;
    const lock = this.dir === null ? null : this.lock(`${this.file(name, key)}.lock`, () => {
      const made = this.get(name, key);
      return made && accept(made) ? made : undefined;
    });
    if (lock && 'image' in lock) return lock.image;
    try {
      const image = make();
      this.put(name, key, image);
      return image;
    } finally {
      if (lock) rmSync(lock.path, { recursive: true, force: true });
    }
  }

  get(name: string, key: string): PreparedImage | undefined {
    const known = this.memory.get(key);
    if (known || this.dir === null) return known;
    let text: string;
    try {
      text = readFileSync(this.file(name, key), 'utf8');
    } catch {
      return undefined;
    }
    const image = parseEntry(text, key);
    if (image) this.memory.set(key, image);
    return image;
  }

  put(name: string, key: string, image: PreparedImage): void {
    this.memory.set(key, image);
    if (this.dir === null) return;
    const body = JSON.stringify(image);
    const header = JSON.stringify({ format: FORMAT, key, checksum: textHash(body) });
    const file = this.file(name, key);
    const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(tmp, `${header}\n${body}`);
      renameSync(tmp, file);
      this.removeStale(name, file);
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // nothing was written
      }
    }
  }

  /** Takes the lock at `path`, or returns the image another holder made meanwhile; null
   *  when no lock can be had (the image is then made without one). */
  private lock(path: string, ready: () => PreparedImage | undefined): { path: string } | { image: PreparedImage } | null {
    try {
      mkdirSync(this.dir!, { recursive: true });
    } catch {
      return null;
    }
    for (;;) {
      try {
        mkdirSync(path);
        return { path };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      }
      try {
        if (Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS) rmSync(path, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS);
      const image = ready();
      if (image) return { image };
    }
  }

  /** Forgets the process's copies (tests: the next get reads the disk). */
  clearMemory(): void {
    this.memory.clear();
  }

  file(name: string, key: string): string {
    return join(this.dir ?? '', `${name}-${textHash(key)}.json`);
  }

  private removeStale(name: string, keep: string): void {
    const now = Date.now();
    for (const entry of readdirSync(this.dir!)) {
      if (!entry.startsWith(`${name}-`)) continue;
      const path = join(this.dir!, entry);
      if (path !== keep && now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
    }
  }
}

function parseEntry(text: string, key: string): PreparedImage | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; key?: unknown; checksum?: unknown };
    if (header.format !== FORMAT || header.key !== key) return undefined;
    const body = text.slice(newline + 1);
    if (header.checksum !== textHash(body)) return undefined;
    return readImage(JSON.parse(body));
  } catch {
    return undefined;
  }
}
