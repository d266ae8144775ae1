export * from './native-tier.ts';
export { Interpreter } from '../interp/interpreter.ts';
