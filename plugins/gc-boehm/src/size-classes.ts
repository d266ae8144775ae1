/**
 * Small objects live in pages of one size class. Cell sizes step by one 8-byte granule up
 * to 64 bytes (where the conses, variables and boxed floats of the frontends are), then
 * by roughly 25% so that rounding wastes at most about a fifth of a cell. 1360 is the
 * largest 8-byte multiple that fits three cells in a page. Bigger objects are page runs.
 */
export const PAGE_BYTES = 4096;
export const PAGE_SHIFT = 12;
export const GRANULE_BYTES = 8;
export const GRANULE_SHIFT = 3;

export const CELL_SIZES: readonly number[] = [
  8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 1024, 1360, 2048,
];
export const MAX_SMALL_BYTES = CELL_SIZES[CELL_SIZES.length - 1]!;
export const SIZE_CLASS_COUNT = CELL_SIZES.length;

export const cellBytes = Int32Array.from(CELL_SIZES);
export const cellsPerPage = Int32Array.from(CELL_SIZES, (s) => Math.floor(PAGE_BYTES / s));

/** Size class by granule count, so finding a class is one table load. */
const classByGranules = ((): Uint8Array => {
  const table = new Uint8Array(MAX_SMALL_BYTES / GRANULE_BYTES + 1);
  let c = 0;
  for (let g = 0; g < table.length; g++) {
    while (CELL_SIZES[c]! < g * GRANULE_BYTES) c++;
    table[g] = c;
  }
  return table;
})();

/** The size class for an object of `bytes` (8-aligned, at least 8), or -1 for a large object. */
export function sizeClassOf(bytes: number): number {
  return bytes > MAX_SMALL_BYTES ? -1 : classByGranules[bytes >>> GRANULE_SHIFT]!;
}

export function pagesFor(bytes: number): number {
  return Math.ceil(bytes / PAGE_BYTES);
}
