/**
 * `#framework/jit`: the native engine a backend plugin runs its ISA on (NativeIsa), and the
 * pieces it is made of. Apart from `#framework` because it loads the emulator (koffi,
 * Unicorn): only native backends import it.
 */
export * from './native-isa.ts';
export * from './native-engine.ts';
export * from './tiered-engine.ts';
export * from './code-cache.ts';
export * from './code-map.ts';
export * from './code-key.ts';
export * from './compile-batch.ts';
export * from './compiled-code-store.ts';
export * from './entry-args.ts';
export * from './guest-setup.ts';
export * from './host-bridge.ts';
export * from './precise-roots.ts';
export * from './huge-functions.ts';
export * from './lazy-stubs.ts';
export * from './listing.ts';
export * from './trap-slots.ts';
