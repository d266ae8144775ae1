export * from './native-tier.ts';
export { Interpreter } from '../interp/interpreter.ts';
export * from './code-loader.ts';
export * from './compiled-code-store.ts';
