/** The framework's public API: plugins import only from here (`#framework`). */
export * from './ir/types.ts';
export * from './ir/traps.ts';
export * from './ir/numeric.ts';
export * from './ir/opcodes.ts';
export * from './ir/module.ts';
export * from './ir/builder.ts';
export * from './ir/result-type.ts';
export * from './diagnostics.ts';
export * from './runtime/memory-map.ts';
export * from './runtime/limit-error.ts';
export * from './runtime/runtime-words.ts';
export * from './runtime/guest-memory.ts';
export * from './runtime/object-layout.ts';
export * from './runtime/host.ts';
export * from './runtime/handle-scope.ts';
export * from './runtime/memory-error.ts';
export * from './runtime/static-image.ts';
export * from './runtime/global-addresses.ts';
export * from './runtime/program.ts';
export * from './runtime/output.ts';
export * from './runtime/builtin-hosts.ts';
export * from './runtime/bigint/index.ts';
export * from './gc/interface.ts';
export * from './gc/host-call-lowering.ts';
export * from './opt/pass.ts';
export * from './opt/pipeline.ts';
export * from './opt/huge-functions.ts';
export * from './engine.ts';
export * from './frontend.ts';
export * from './prepared/runtime-library.ts';
export * from './plugin.ts';
export * from './tokens.ts';
export * from './run-config.ts';
export * from './registry.ts';
export * from './gc/heap-verifier.ts';
export * from './gc/stress.ts';
export * from './gc/worklist.ts';
export * from './gc/object-starts.ts';
export * from './gc/object-walk.ts';
export * from './gc/lowering-writer.ts';
export * from './gc/element-store.ts';
export * from './runtime/input-chunks.ts';
export * from './ir/verify.ts';
export * from './ir/cfg.ts';
export * from './ir/dominators.ts';
export * from './ir/raise-analysis.ts';
export * from './ir/text/parser.ts';
export * from './ir/text/printer.ts';
export * from './ir/text/float-text.ts';
export * from './machine/index.ts';
// Types only: the values (koffi, Unicorn) come from '#framework/emu', imported by native
// backends alone, so that loading the framework never loads the native library.
export type * as emu from './emu/index.ts';
// The interpreter's side of tiering and code loaded at run time; the native engine itself
// is `#framework/jit`.
export * from './jit/native-tier.ts';
export * from './jit/code-loader.ts';
export * from './jit/compiled-code-store.ts';
// For a composition root (the `jitc` command): running a program, and the caches it keeps.
export * from './driver.ts';
export * from './build-id.ts';
export * from './project-root.ts';
export * from './prepared/image-cache.ts';
export * from './prepared/library-linker.ts';
export * from './prepared/program-cache.ts';
// No koffi behind these: they only format which Unicorn a run used.
export { formatUnicornFinding, unicornInUse, type UnicornFinding } from './emu/unicorn-choice.ts';
export { default as corePlugin } from './core-plugin.ts';
export { Interpreter } from './interp/interpreter.ts';
export { interpreterBackend } from './interp/backend.ts';
export { corePasses } from './opt/passes/index.ts';
export { runPipeline, PIPELINES, type PipelineSpec } from './opt/pipeline.ts';
export type { PassHints } from './opt/pass.ts';
