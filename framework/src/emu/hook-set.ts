// Owns the koffi callbacks behind one engine's hooks. Unicorn keeps the raw
// callback pointers, so a callback may be unregistered only after its hook is
// deleted or the engine is closed (koffi has 8192 slots in all).
import koffi, { type TypeObject } from 'koffi';
import { check, unicorn, type CallbackPointer, type UcEngine } from './unicorn-ffi.ts';

/** koffi calls back with the C arguments converted; each hook's prototype fixes their types. */
type NativeCallback = (...args: never[]) => unknown;

const ALL_ADDRESSES = { begin: 1, end: 0 } as const;

export class HookSet {
  private readonly live = new Map<bigint, CallbackPointer>();
  private readonly handleOut = new BigUint64Array(1);

  constructor(private readonly uc: UcEngine) {}

  /** Adds a hook over [begin, end] (inclusive; begin > end means everywhere) and returns its handle. */
  add(
    type: number,
    prototype: TypeObject,
    callback: NativeCallback,
    begin: number = ALL_ADDRESSES.begin,
    end: number = ALL_ADDRESSES.end,
  ): bigint {
    const pointer = koffi.register(callback, koffi.pointer(prototype));
    const code = unicorn().lib.uc_hook_add(this.uc, this.handleOut, type, pointer, null, begin, end);
    if (code !== 0) koffi.unregister(pointer);
    check('uc_hook_add', code);
    const handle = this.handleOut[0]!;
    this.live.set(handle, pointer);
    return handle;
  }

  /** Adds a hook whose callback is a native function pointer (nothing to unregister). */
  addNative(type: number, nativeCallback: CallbackPointer, begin: number, end: number): bigint {
    check('uc_hook_add', unicorn().lib.uc_hook_add(this.uc, this.handleOut, type, nativeCallback, null, begin, end));
    return this.handleOut[0]!;
  }

  remove(handle: bigint): void {
    const pointer = this.live.get(handle);
    if (pointer === undefined) return;
    check('uc_hook_del', unicorn().lib.uc_hook_del(this.uc, handle));
    this.live.delete(handle);
    koffi.unregister(pointer);
  }

  /** Frees every callback slot; call only after uc_close. */
  releaseAfterClose(): void {
    for (const pointer of this.live.values()) koffi.unregister(pointer);
    this.live.clear();
  }
}
