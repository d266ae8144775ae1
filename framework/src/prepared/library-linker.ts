import { prepareModule } from '../driver.ts';
import type { GarbageCollector } from '../gc/interface.ts';
import type { Pass } from '../opt/pass.ts';
import type { OptLevel } from '../run-config.ts';
import type { ImageCache } from './image-cache.ts';
import { imageOf, instantiate, type PreparedImage } from './prepared-image.ts';
import type { LibraryLinker, LinkedLibrary, RuntimeLibrary } from './runtime-library.ts';

/** Prepared images of one library kept on disk: a build prepares one per setting it runs
 *  (-O, lowering GC), about eight in a test run, so this keeps a few builds' worth. A Prolog
 *  library image is 5 MB, and every source change is a new build. */
const KEPT_LIBRARY_IMAGES = 32;

export interface CachingLinkerOptions {
  optLevel: OptLevel;
  passes: readonly Pass[];
  /** The run's collector when the run lowers, else null. */
  lowerWith: GarbageCollector | null;
  cache: ImageCache;
  /** Names the jitc code that prepares libraries (the build's fingerprint): part of every
   *  key, since any change to a compiler, pass or library source may change the result. */
  buildId: string;
}

/**
 * Links a library prepared for this run's options: from the cache when it holds one, else
 * built, verified, optimized and lowered as the run asks, then stored. Either way the
 * module comes from the stored image, so a hit and a miss give the same module.
 */
export class CachingLinker implements LibraryLinker {
  constructor(private readonly opts: CachingLinkerOptions) {}

  link<Meta>(library: RuntimeLibrary<Meta>): LinkedLibrary<Meta> {
    const { optLevel, lowerWith, cache } = this.opts;
    const lowering = lowerWith ? `lowered:${lowerWith.name}` : 'unlowered';
    const key = `${this.opts.buildId} ${library.name} O${optLevel} ${lowering}`;
    // A cached entry whose metadata the frontend cannot read is foreign: made again.
    const accept = (image: PreparedImage): boolean => readMetaOrUndefined(library, image) !== undefined;
    const image = cache.obtain(library.name, key, accept, () => this.prepare(library), KEPT_LIBRARY_IMAGES);
    const { module, funcs } = instantiate(image, `<${library.name}>`);
    return { module, meta: library.readMeta(image.meta), prepared: new Set(funcs) };
  }

  private prepare<Meta>(library: RuntimeLibrary<Meta>): PreparedImage {
    const { module, meta } = library.build();
    prepareModule(module, { optLevel: this.opts.optLevel, passes: this.opts.passes, lowerWith: this.opts.lowerWith });
    // Through JSON, so that what a miss links against is exactly what a hit will read.
    return imageOf(module, JSON.parse(JSON.stringify(meta)) as unknown);
  }
}

function readMetaOrUndefined<Meta>(library: RuntimeLibrary<Meta>, image: PreparedImage): Meta | undefined {
  try {
    return library.readMeta(image.meta);
  } catch {
    return undefined;
  }
}
