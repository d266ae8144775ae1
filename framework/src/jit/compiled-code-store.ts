import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeCacheLocation } from '../engine.ts';
import type { RelocatableCode } from '../machine/code-buffer.ts';
import type { FrameDescriptor } from '../machine/stack-maps.ts';
import type { CodeRange } from '../machine/pipeline.ts';
import { textHash } from '../prepared/text-hash.ts';

/** One function's machine code as a backend compiled it, before placement. */
export interface StoredFunction<K> {
  readonly code: RelocatableCode<K>;
  /** Function-relative, as compileFunction gives them. */
  readonly stackMaps: readonly FrameDescriptor[];
  /** Block labels for listings (`--emit asm`). */
  readonly labels: readonly { offset: number; name: string }[];
  /** Where its innermost loops are, for placement (CompiledFunction.innerLoops). */
  readonly innerLoops: readonly CodeRange[];
}

const FORMAT = 'jitc-code-2';
/** Sibling directories (other builds' code) not written for this long are removed. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Other builds' code kept besides the running one's: a process of an older build may still
 *  run (scripts/build-dist.mjs keeps two), and a developer switches between a few. */
const KEPT_OTHER_BUILDS = 8;

interface Entry<K> {
  format: string;
  key: string;
  bytes: string;
  labelOffsets: number[];
  fixups: RelocatableCode<K>['fixups'];
  stackMaps: readonly FrameDescriptor[];
  labels: StoredFunction<K>['labels'];
  innerLoops: StoredFunction<K>['innerLoops'];
}

/**
 * Compiled functions kept across runs, by key: a text naming everything the code depends
 * on (the function's IR, the addresses and indices its lowering asked for, the target's
 * configuration, the build). Compiling the runtime functions a small program calls costs
 * more than the rest of its start-up, and their code is the same from run to run.
 *
 * In memory for the process, and on disk when `dir` is given: one file per key, named by a
 * hash of the key and holding the whole key, which a read compares, so two keys that share
 * a hash never share code. Files are written under a temporary name and renamed; one that
 * does not parse or is of another format is ignored. Like every cache here it only saves
 * time: a directory that cannot be read or written is the same as none.
 */
export class CompiledCodeStore<K> {
  private readonly memory = new Map<string, StoredFunction<K>>();
  private readonly dir: string | null;
  private pruned = false;

  constructor(
    private readonly location: CodeCacheLocation | null,
    /** Names the backend (and its code format) in file names. */
    private readonly namespace: string,
  ) {
    this.dir = location === null ? null : join(location.root, location.build);
  }

  get(key: string): StoredFunction<K> | undefined {
    const known = this.memory.get(key);
    if (known) {
      // Most recently used last: the oldest entries are the ones `remember` drops.
      this.memory.delete(key);
      this.memory.set(key, known);
      return known;
    }
    if (this.dir === null) return undefined;
    let entry: Entry<K>;
    try {
      entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as Entry<K>;
    } catch {
      return undefined;
    }
    if (entry.format !== FORMAT || entry.key !== key) return undefined;
    const stored: StoredFunction<K> = {
      code: {
        bytes: new Uint8Array(Buffer.from(entry.bytes, 'base64')),
        labelOffsets: entry.labelOffsets,
        fixups: entry.fixups,
      },
      stackMaps: entry.stackMaps,
      labels: entry.labels,
      innerLoops: entry.innerLoops,
    };
    this.remember(key, stored);
    return stored;
  }

  put(key: string, stored: StoredFunction<K>): void {
    this.remember(key, stored);
    if (this.dir === null) return;
    const entry: Entry<K> = {
      format: FORMAT,
      key,
      bytes: Buffer.from(stored.code.bytes).toString('base64'),
      labelOffsets: [...stored.code.labelOffsets],
      fixups: stored.code.fixups,
      stackMaps: stored.stackMaps,
      labels: stored.labels,
      innerLoops: stored.innerLoops,
    };
    const file = this.file(key);
    const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(tmp, JSON.stringify(entry));
      renameSync(tmp, file);
      this.pruneSiblings();
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // nothing was written
      }
    }
  }

  /** Once a process: removes the other builds' directories that nothing has written to
   *  for a week, and all but the KEPT_OTHER_BUILDS written last (every source change is a
   *  new build: a day of development left hundreds, gigabytes). */
  private pruneSiblings(): void {
    if (this.pruned || this.location === null) return;
    this.pruned = true;
    const { root, build } = this.location;
    const now = Date.now();
    const others = readdirSync(root)
      .filter((entry) => entry !== build)
      .map((entry) => ({ path: join(root, entry), mtime: statSync(join(root, entry)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    others.forEach(({ path, mtime }, i) => {
      if (i >= KEPT_OTHER_BUILDS || now - mtime > MAX_AGE_MS) rmSync(path, { recursive: true, force: true });
    });
  }

  /** Keeps at most MEMORY_ENTRIES functions in memory, dropping the least recently used: a
   *  long process of ever new programs (`jitc conformance`) grew by the code of each, and
   *  slowed to half its speed by 40 000 cases. */
  private remember(key: string, stored: StoredFunction<K>): void {
    this.memory.delete(key);
    this.memory.set(key, stored);
    if (this.memory.size > MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value!);
  }

  file(key: string): string {
    return join(this.dir ?? '', `${this.namespace}-${textHash(key)}.code`);
  }
}

/** Functions a store keeps in memory: far more than any one program compiles (the Prolog
 *  and Python runtime libraries are a few hundred), so a test process still shares them. */
const MEMORY_ENTRIES = 4096;

/** One store per backend, directory and process: engines of one process (tests) share what
 *  they compiled; without a directory, code is kept in memory only. */
const stores = new Map<string, CompiledCodeStore<unknown>>();

export function codeStoreFor<K>(namespace: string, location: CodeCacheLocation | null): CompiledCodeStore<K> {
  const id = location === null ? namespace : `${namespace}\0${location.root}\0${location.build}`;
  let store = stores.get(id) as CompiledCodeStore<K> | undefined;
  if (!store) {
    store = new CompiledCodeStore<K>(location, namespace);
    stores.set(id, store as CompiledCodeStore<unknown>);
  }
  return store;
}
