// koffi binding to libunicorn (Unicorn 2; 2.1 or newer preferred, see
// unicorn-candidates.ts for where it is looked for). The library is loaded on first
// use, so importing this module never fails on a machine without it.
import koffi, { type LibraryHandle, type TypeObject } from 'koffi';
import { unicornCandidates, UNICORN_ENV_VARIABLE, UNICORN_LIBRARY_NAME } from './unicorn-candidates.ts';
import {
  chooseUnicorn,
  formatUnicornFinding,
  noteUnicornInUse,
  type UnicornCandidate,
  type UnicornFinding,
} from './unicorn-choice.ts';
import { UC_ERR } from './unicorn-constants.ts';
import { probeUnicornLibrary } from './unicorn-probe.ts';

export * from './unicorn-constants.ts';

/** An engine handle (`uc_engine *`); koffi represents pointers as BigInt. */
export type UcEngine = bigint;
/** A registered koffi callback pointer. */
export type CallbackPointer = bigint;
/** Host memory koffi passes to C as a pointer without copying. */
export type HostBytes = ArrayBuffer | ArrayBufferView;

/** The typed surface of libunicorn; every function returns a uc_err code unless noted. */
export interface UnicornLibrary {
  uc_open(arch: number, mode: number, engineOut: [UcEngine | null]): number;
  uc_close(uc: UcEngine): number;
  uc_mem_map(uc: UcEngine, address: number, size: number, perms: number): number;
  uc_mem_map_ptr(uc: UcEngine, address: number, size: number, perms: number, host: HostBytes): number;
  uc_mem_unmap(uc: UcEngine, address: number, size: number): number;
  uc_mem_protect(uc: UcEngine, address: number, size: number, perms: number): number;
  uc_mem_read(uc: UcEngine, address: number, into: HostBytes, size: number): number;
  uc_mem_write(uc: UcEngine, address: number, from: HostBytes, size: number): number;
  uc_reg_read(uc: UcEngine, regId: number, into: HostBytes): number;
  uc_reg_write(uc: UcEngine, regId: number, from: HostBytes): number;
  /** `values` holds one pointer (BigInt) per register: where to read or write its bytes. */
  uc_reg_read_batch(uc: UcEngine, regIds: Int32Array, values: BigUint64Array, count: number): number;
  uc_reg_write_batch(uc: UcEngine, regIds: Int32Array, values: BigUint64Array, count: number): number;
  uc_emu_start(uc: UcEngine, begin: number, until: number, timeoutMicros: number, count: number): number;
  uc_emu_stop(uc: UcEngine): number;
  /** `extra` are the variadic arguments as koffi (type, value) pairs. */
  uc_hook_add(
    uc: UcEngine,
    handleOut: BigUint64Array,
    type: number,
    callback: CallbackPointer,
    userData: null,
    begin: number | bigint,
    end: number | bigint,
    ...extra: unknown[]
  ): number;
  uc_hook_del(uc: UcEngine, handle: bigint): number;
  /** `args` are koffi (type, value) pairs, e.g. `'uint64', 0x1000n`. */
  uc_ctl(uc: UcEngine, control: number, ...args: unknown[]): number;
  /** Returns a message, not an error code. */
  uc_strerror(code: number): string;
  uc_errno(uc: UcEngine): number;
}

/** Callback prototypes, to pass to `koffi.register(fn, koffi.pointer(proto))`. */
export interface UnicornCallbackTypes {
  /** void (uc, uint64 address, uint32 size, void *user): UC_HOOK_CODE and UC_HOOK_BLOCK. */
  hookCode: TypeObject;
  /**
   * The same hook seen as void (uint64 uc, uint64 address, uint32 size): pointers taken as
   * integers and the user pointer left out, since koffi makes an object for each pointer
   * argument (about 30 ns each, a fifth of a host call). For hot hooks.
   */
  hookCodeAddress: TypeObject;
  /** void (uc, int type, uint64 address, int size, int64 value, void *user): UC_HOOK_MEM_READ/WRITE. */
  hookMem: TypeObject;
  /** The same hook seen as void (uint64 uc, int type, uint64 address), as hookCodeAddress. */
  hookMemAddress: TypeObject;
  /** bool (uc, int type, uint64 address, int size, int64 value, void *user): UC_HOOK_MEM_*_UNMAPPED/PROT. */
  eventMem: TypeObject;
  /** void (uc, uint32 intno, void *user): UC_HOOK_INTR. */
  hookIntr: TypeObject;
  /** bool (uc, void *user): UC_HOOK_INSN_INVALID. */
  hookInsnInvalid: TypeObject;
}

export interface UnicornBinding {
  /** Which library this is: path, version and where it was found. */
  library: UnicornFinding;
  lib: UnicornLibrary;
  callbacks: UnicornCallbackTypes;
  /**
   * The address of `uc_emu_stop` itself, usable as a UC_HOOK_CODE callback: the
   * hook passes (uc, address, size, user) and uc_emu_stop reads only the first
   * argument, which the x86-64 and AArch64 C ABIs make safe. It stops a run at
   * an address without calling into JavaScript.
   */
  emuStopFunction: CallbackPointer;
}

export { UNICORN_LIBRARY_NAME };

/** A failed libunicorn call outside of emulation faults (bad arguments, mapping clashes). */
export class UnicornError extends Error {
  constructor(
    readonly operation: string,
    readonly code: number,
  ) {
    super(`${operation} failed: ${describeUnicornError(code)} (uc_err ${code})`);
    this.name = 'UnicornError';
  }
}

type KoffiTypeSpec = Parameters<typeof koffi.out>[0];
type KoffiFunction = ReturnType<LibraryHandle['func']>;

let binding: UnicornBinding | undefined;

/** The loaded binding; throws a message naming the Debian package when the library is missing. */
export function unicorn(): UnicornBinding {
  if (binding === undefined) {
    binding = loadUnicornBinding();
    noteUnicornInUse(binding.library);
  }
  return binding;
}

/** True when libunicorn can be loaded here (tests use it to skip cleanly). */
export function isUnicornAvailable(): boolean {
  try {
    unicorn();
    return true;
  } catch {
    return false;
  }
}

export function describeUnicornError(code: number): string {
  try {
    return unicorn().lib.uc_strerror(code);
  } catch {
    const name = Object.entries(UC_ERR).find(([, value]) => value === code)?.[0];
    return name === undefined ? 'unknown error' : `UC_ERR_${name}`;
  }
}

/** Throws UnicornError unless `code` is UC_ERR_OK. */
export function check(operation: string, code: number): void {
  if (code !== UC_ERR.OK) throw new UnicornError(operation, code);
}

/**
 * Loads the newest of `candidates` (by default JITC_LIBUNICORN, the project's cache, the
 * system's library) and binds it. Exported so tests can check the choice and the message.
 */
export function loadUnicornBinding(
  candidates: readonly UnicornCandidate[] = unicornCandidates(process.env),
): UnicornBinding {
  const choice = chooseUnicorn(candidates, probeUnicornLibrary);
  if (choice.library === undefined || choice.used === undefined) {
    throw new Error(
      `Cannot load ${UNICORN_LIBRARY_NAME}: the Unicorn engine is not installed ` +
        `(${choice.findings.map(formatUnicornFinding).join('; ')}). ` +
        `Install the Debian package libunicorn2 (apt-get install -y libunicorn2), or run scripts/setup.sh, ` +
        `or set ${UNICORN_ENV_VARIABLE} to the path of a libunicorn.so.2.`,
    );
  }
  return bindUnicorn(choice.library, choice.used);
}

function bindUnicorn(library: LibraryHandle, found: UnicornFinding): UnicornBinding {
  // Opaque engine pointer so that koffi hands it around as a BigInt without decoding it.
  const engine = koffi.pointer('uc_engine_ptr', koffi.opaque('uc_engine'));
  const fn = (name: string, result: string, params: KoffiTypeSpec[]): KoffiFunction =>
    library.func(name, result, params);

  const lib: UnicornLibrary = {
    uc_open: fn('uc_open', 'int', ['int', 'int', koffi.out(koffi.pointer(engine))]),
    uc_close: fn('uc_close', 'int', [engine]),
    uc_mem_map: fn('uc_mem_map', 'int', [engine, 'uint64', 'size_t', 'uint32']),
    uc_mem_map_ptr: fn('uc_mem_map_ptr', 'int', [engine, 'uint64', 'size_t', 'uint32', 'void *']),
    uc_mem_unmap: fn('uc_mem_unmap', 'int', [engine, 'uint64', 'size_t']),
    uc_mem_protect: fn('uc_mem_protect', 'int', [engine, 'uint64', 'size_t', 'uint32']),
    uc_mem_read: fn('uc_mem_read', 'int', [engine, 'uint64', 'void *', 'size_t']),
    uc_mem_write: fn('uc_mem_write', 'int', [engine, 'uint64', 'void *', 'size_t']),
    uc_reg_read: fn('uc_reg_read', 'int', [engine, 'int', 'void *']),
    uc_reg_write: fn('uc_reg_write', 'int', [engine, 'int', 'void *']),
    uc_reg_read_batch: fn('uc_reg_read_batch', 'int', [engine, 'void *', 'void *', 'int']),
    uc_reg_write_batch: fn('uc_reg_write_batch', 'int', [engine, 'void *', 'void *', 'int']),
    uc_emu_start: fn('uc_emu_start', 'int', [engine, 'uint64', 'uint64', 'uint64', 'size_t']),
    uc_emu_stop: fn('uc_emu_stop', 'int', [engine]),
    uc_hook_add: fn('uc_hook_add', 'int', [engine, 'void *', 'int', 'void *', 'void *', 'uint64', 'uint64', '...']),
    uc_hook_del: fn('uc_hook_del', 'int', [engine, 'size_t']),
    uc_ctl: fn('uc_ctl', 'int', [engine, 'uint32', '...']),
    uc_strerror: fn('uc_strerror', 'const char *', ['int']),
    uc_errno: fn('uc_errno', 'int', [engine]),
  };

  const callbacks: UnicornCallbackTypes = {
    hookCode: koffi.proto('void uc_cb_hookcode_t(void *uc, uint64_t address, uint32_t size, void *user)'),
    hookCodeAddress: koffi.proto('void uc_cb_hookcode_address_t(uint64_t uc, uint64_t address, uint32_t size)'),
    hookMem: koffi.proto(
      'void uc_cb_hookmem_t(void *uc, int type, uint64_t address, int size, int64_t value, void *user)',
    ),
    hookMemAddress: koffi.proto('void uc_cb_hookmem_address_t(uint64_t uc, int type, uint64_t address)'),
    eventMem: koffi.proto(
      'bool uc_cb_eventmem_t(void *uc, int type, uint64_t address, int size, int64_t value, void *user)',
    ),
    hookIntr: koffi.proto('void uc_cb_hookintr_t(void *uc, uint32_t intno, void *user)'),
    hookInsnInvalid: koffi.proto('bool uc_cb_hookinsn_invalid_t(void *uc, void *user)'),
  };
  const emuStopFunction = library.symbol('uc_emu_stop') as CallbackPointer;
  return { library: found, lib, callbacks, emuStopFunction };
}
