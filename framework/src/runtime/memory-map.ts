/**
 * The one guest address-space layout, used by the interpreter and every backend.
 *
 *   0x0000_0000  null guard (unmapped, 64 KiB)
 *   0x0001_0000  runtime pages: the stop address and host-call slots, then their frame block
 *   0x0002_0000  code (read+execute, separate from data)
 *   0x0400_0000  static data: function table, runtime words, globals, immortal constants
 *   ...          heap, reserved at its maximum (--heap)
 *   ...          one unmapped guard page, then the machine stack (grows down)
 *
 * Static data, heap and stack are one host buffer, so the TypeScript runtime, the
 * interpreter and emulated code all see the same bytes.
 */
export const PAGE = 0x1000;
export const NULL_GUARD_END = 0x0001_0000;
export const RUNTIME_PAGE = 0x0001_0000;
export const RUNTIME_PAGE_SIZE = 0x0001_0000;
export const CODE_BASE = 0x0002_0000;
export const CODE_LIMIT = 0x0400_0000;
export const DATA_BASE = 0x0400_0000;

/** Function-table slots: [code address, signature id], reserved at the maximum size: 8 MiB
 *  of address space, committed only where used. A Prolog predicate takes about three
 *  functions, so 65 536 stopped programs of 22 000 predicates. */
export const TABLE_SLOT_BYTES = 8;
export const MAX_FUNCTIONS = 1 << 20;

/** One page of words at a fixed address, after the table (runtime-words.ts says who owns which). */
export const RUNTIME_WORDS_BASE = DATA_BASE + TABLE_SLOT_BYTES * MAX_FUNCTIONS;
export const RUNTIME_WORDS_BYTES = PAGE;

export const MiB = 1024 * 1024;
export const DEFAULT_STATIC_SIZE = 16 * MiB;
export const DEFAULT_HEAP_SIZE = 256 * MiB;
export const DEFAULT_STACK_SIZE = 8 * MiB;
/** The address space stays below 2^31 so every address is a non-negative int32. */
const ADDRESS_LIMIT = 0x8000_0000;

export interface MemoryLayout {
  readonly codeBase: number;
  readonly codeSize: number;
  readonly dataBase: number;
  readonly tableBase: number;
  /** Words shared by compiled code and the TypeScript runtime (runtime-words.ts), after the table. */
  readonly runtimeWordsBase: number;
  readonly staticBase: number; // globals and consts, after the runtime words
  readonly staticEnd: number;
  readonly heapBase: number;
  readonly heapEnd: number;
  readonly guardBase: number;
  readonly stackBase: number; // lowest stack address
  readonly stackEnd: number; // initial stack pointer
  /** Size of the shared host buffer that backs [dataBase, stackEnd). */
  readonly bufferSize: number;
}

export interface LayoutOptions {
  heapSize?: number;
  stackSize?: number;
  /** Room for globals and constants, after the function table and the runtime words. */
  staticSize?: number;
}

const roundUp = (n: number, to: number): number => Math.ceil(n / to) * to;

export function makeLayout(opts: LayoutOptions = {}): MemoryLayout {
  const heapSize = roundUp(opts.heapSize ?? DEFAULT_HEAP_SIZE, PAGE);
  const stackSize = roundUp(opts.stackSize ?? DEFAULT_STACK_SIZE, PAGE);
  const staticSize = roundUp(opts.staticSize ?? DEFAULT_STATIC_SIZE, PAGE);
  if (heapSize < 64 * 1024) throw new RangeError(`heap of ${heapSize} bytes is too small (at least 64 KiB)`);
  const tableBase = DATA_BASE;
  const runtimeWordsBase = RUNTIME_WORDS_BASE;
  const staticBase = runtimeWordsBase + RUNTIME_WORDS_BYTES;
  const staticEnd = staticBase + staticSize;
  const heapBase = staticEnd;
  const heapEnd = heapBase + heapSize;
  const guardBase = heapEnd;
  const stackBase = guardBase + PAGE;
  const stackEnd = stackBase + stackSize;
  if (stackEnd > ADDRESS_LIMIT)
    throw new RangeError(`heap of ${heapSize} bytes does not fit the 2 GiB guest address space`);
  return {
    codeBase: CODE_BASE,
    codeSize: CODE_LIMIT - CODE_BASE,
    dataBase: DATA_BASE,
    tableBase,
    runtimeWordsBase,
    staticBase,
    staticEnd,
    heapBase,
    heapEnd,
    guardBase,
    stackBase,
    stackEnd,
    bufferSize: stackEnd - DATA_BASE,
  };
}

/** Parses sizes such as `64M`, `512K`, `1G` or plain bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+)([KMG]i?B?)?$/i.exec(text.trim());
  if (!m) throw new RangeError(`'${text}' is not a size (try 64M, 512K or 1G)`);
  const unit = (m[2] ?? '').toUpperCase()[0];
  const mult = unit === 'K' ? 1024 : unit === 'M' ? MiB : unit === 'G' ? 1024 * MiB : 1;
  return Number(m[1]) * mult;
}
