import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { decodeImage, encodeImage, fileBytes } from './image-file.ts';
import type { PreparedImage } from './prepared-image.ts';
import { textHash } from './text-hash.ts';

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
 * given, one file each (image-file.ts). A file is written to a temporary name and renamed,
 * so a reader never sees half of one; one that does not parse, is of another format or
 * key, or fails a check is ignored and made again, and a function text found damaged
 * when first read is taken from the library made again. The cache only ever saves time:
 * a directory that cannot be read or written is the same as none.
 */
export class ImageCache {
  private readonly memory = new Map<string, PreparedImage>();

  constructor(readonly dir: string | null) {}

  /**
   * The image for `key` if the cache holds one that `accept`s, else `make`'s, stored.
   * While one process makes an entry, others wanting it wait and read it (a lock directory
   * next to the entry): a test suite starting many programs at once prepares a library once.
   * `keep` bounds the entries of `name` on disk, as put's does.
   */
  obtain(
    name: string,
    key: string,
    accept: (image: PreparedImage) => boolean,
    make: () => PreparedImage,
    keep?: number,
  ): PreparedImage {
    let remade: PreparedImage | undefined;
    const repair = (func: string): string => {
      if (!remade) {
        remade = make();
        this.put(name, key, remade, keep);
      }
      const f = remade.funcs.find((g) => g.name === func);
      if (!f) throw new Error(`prepared library ${name} has no function @${func}`);
      return f.text();
    };
    const cached = this.get(name, key, repair);
    if (cached && accept(cached)) return cached;
    const lock =
      this.dir === null
        ? null
        : this.lock(`${this.file(name, key)}.lock`, () => {
            const made = this.get(name, key, repair);
            return made && accept(made) ? made : undefined;
          });
    if (lock && 'image' in lock) return lock.image;
    try {
      // Another process may have finished the entry just before we took the lock.
      const written = lock ? this.get(name, key, repair) : undefined;
      if (written && accept(written)) return written;
      const image = make();
      this.put(name, key, image, keep);
      return image;
    } finally {
      if (lock) rmSync(lock.path, { recursive: true, force: true });
    }
  }

  /** `repair` gives a function's text when the file's copy turns out damaged. */
  get(name: string, key: string, repair: (func: string) => string): PreparedImage | undefined {
    const known = this.memory.get(key);
    if (known || this.dir === null) return known;
    let fd: number;
    let size: number;
    try {
      fd = openSync(this.file(name, key), 'r');
      size = fstatSync(fd).size;
    } catch {
      return undefined;
    }
    // The descriptor stays open while the image is in use: its function texts are read when
    // first needed, from this file even if another process replaces the entry meanwhile.
    const image = decodeImage(fileBytes(fd, size), key, repair);
    if (image) this.memory.set(key, image);
    else closeSync(fd);
    return image;
  }

  /** Stores the image. Entries of `name` not rewritten for a week are removed, and with
   *  `keep` all but the newest `keep`. */
  put(name: string, key: string, image: PreparedImage, keep?: number): void {
    this.memory.set(key, image);
    if (this.dir === null) return;
    const file = this.file(name, key);
    const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(tmp, encodeImage(key, image));
      renameSync(tmp, file);
      this.removeStale(name, file, keep);
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
  private lock(
    path: string,
    ready: () => PreparedImage | undefined,
  ): { path: string } | { image: PreparedImage } | null {
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

  /** Marks the entry as just used, so that a `keep` bound removes others first. */
  touch(name: string, key: string): void {
    if (this.dir === null) return;
    try {
      const now = new Date();
      utimesSync(this.file(name, key), now, now);
    } catch {
      // gone meanwhile: nothing to keep
    }
  }

  /** Forgets the process's copies (tests: the next get reads the disk). */
  clearMemory(): void {
    this.memory.clear();
  }

  file(name: string, key: string): string {
    return join(this.dir ?? '', `${name}-${textHash(key)}.image`);
  }

  private removeStale(name: string, written: string, keep: number | undefined): void {
    const now = Date.now();
    const images: { path: string; mtime: number }[] = [];
    for (const entry of readdirSync(this.dir!)) {
      if (!entry.startsWith(`${name}-`)) continue;
      const path = join(this.dir!, entry);
      if (path === written) continue;
      const mtime = statSync(path).mtimeMs;
      // Locks and temporary files go only when a week old: a live process may hold them.
      if (now - mtime > MAX_AGE_MS) rmSync(path, { recursive: true, force: true });
      else if (entry.endsWith('.image')) images.push({ path, mtime });
    }
    if (keep === undefined) return;
    // Newest first: the entry just written and the keep - 1 newest others stay.
    images.sort((a, b) => b.mtime - a.mtime);
    for (const { path } of images.slice(Math.max(0, keep - 1))) rmSync(path, { force: true });
  }
}
