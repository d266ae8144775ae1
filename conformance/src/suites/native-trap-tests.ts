import type { TestFn } from 'ava';
import { BufferedOutput, MiB, parseModule, prepareRun, Trap, type Registry, type RunConfig } from '#framework';
import { TRAP_CASES, TRAP_PROGRAM, type TrapCase } from './native-trap-program.ts';

interface TrapSeen {
  kind: string;
  where: string;
  compiledFunctions: number;
}

/** Calls the case's function hot (three harmless calls), then with the argument that traps. */
function trapOf(registry: Registry, c: TrapCase, config: RunConfig): TrapSeen | string {
  const sized: RunConfig = { ...config, fuel: c.fuel, stackSize: c.stackSize ?? config.stackSize };
  const run = prepareRun(registry, parseModule(TRAP_PROGRAM, 'traps.jir'), sized, { out: new BufferedOutput() });
  try {
    for (let k = 0; k < 3; k++) run.engine.call(c.func, [0]);
    return `@${c.func}(1) returned ${run.engine.call(c.func, [1])}`;
  } catch (error) {
    if (!(error instanceof Trap)) throw error;
    return { kind: error.kind, where: error.where, compiledFunctions: run.engine.stats.compiledFunctions };
  } finally {
    run.engine.dispose();
  }
}

/**
 * Every trap kind raised in native code is reported as the interpreter reports it and names
 * the function it happened in: at --jit-threshold 0 (all native) and 1 (the function compiled
 * once hot, reached through a lazy stub). The file tests check the kinds; this checks where.
 */
export function nativeTrapTests(test: TestFn, registry: Registry, backend: string, gc: string): void {
  const base: RunConfig = { backend, gc, optLevel: 0, heapSize: MiB, stackSize: MiB / 4 };
  for (const c of TRAP_CASES) {
    for (const jitThreshold of [0, 1]) {
      test(`${backend} × ${gc}: ${c.kind} in @${c.func} is reported like the interpreter (t${jitThreshold})`, (t) => {
        const expected = trapOf(registry, c, { ...base, backend: 'interp' });
        const native = trapOf(registry, c, { ...base, jitThreshold });
        if (typeof expected === 'string') return t.fail(`interpreter: ${expected}`);
        if (typeof native === 'string') return t.fail(`${backend}: ${native}`);
        t.is(expected.kind, c.kind, 'the interpreter');
        t.is(native.kind, expected.kind);
        t.is(native.where, `@${c.func}`);
        t.true(native.compiledFunctions > 0, 'the function ran natively');
      });
    }
  }
}
