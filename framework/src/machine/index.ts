/** The machine layer's public API: what a native backend builds on. */
export * from './regs.ts';
export * from './machine-inst.ts';
export * from './machine-function.ts';
export * from './frame-slot.ts';
export * from './location.ts';
export * from './target.ts';
export * from './lowering-context.ts';
export * from './code-buffer.ts';
export * from './frame-layout.ts';
export * from './stack-maps.ts';
export * from './function-table.ts';
export * from './final-code.ts';
export * from './parallel-moves.ts';
export * from './alloc-checker.ts';
export * from './print.ts';
export * from './pipeline.ts';
export * from './emit.ts';
