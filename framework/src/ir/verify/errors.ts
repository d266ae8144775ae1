import type { Block, Func } from '../module.ts';

/** One problem found by the verifier, located as precisely as the check allows. */
export class VerifyError {
  constructor(
    /** Function name, or '' for module-level declarations. */
    readonly func: string,
    /** Block name, or '' when the problem is not inside one block. */
    readonly block: string,
    /** Index of the instruction in its block, or -1. */
    readonly instIndex: number,
    /** Opcode name of that instruction, or ''. */
    readonly op: string,
    readonly message: string,
  ) {}

  /** `@fib ^rec #3 (call): argument 1 has type f64, expected i32`; `module: ...` for declarations. */
  toString(): string {
    if (this.func === '') return `module: ${this.message}`;
    let where = `@${this.func}`;
    if (this.block !== '') where += ` ^${this.block}`;
    if (this.instIndex >= 0) where += ` #${this.instIndex} (${this.op})`;
    return `${where}: ${this.message}`;
  }
}

/** Thrown by `assertValid`; the message lists every error, one per line. */
export class VerifyFailure extends Error {
  constructor(readonly errors: readonly VerifyError[]) {
    super(`IR verification failed with ${errors.length} error(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'VerifyFailure';
  }
}

/** Collects errors; the helpers fill in the location so checks only phrase the problem. */
export class ErrorSink {
  readonly errors: VerifyError[] = [];

  module(message: string): void {
    this.errors.push(new VerifyError('', '', -1, '', message));
  }

  func(f: Func, message: string): void {
    this.errors.push(new VerifyError(f.name, '', -1, '', message));
  }

  block(f: Func, b: Block, message: string): void {
    this.errors.push(new VerifyError(f.name, b.name, -1, '', message));
  }

  inst(f: Func, b: Block, index: number, message: string): void {
    const op = b.insts[index]?.op.name ?? '';
    this.errors.push(new VerifyError(f.name, b.name, index, op, message));
  }
}
