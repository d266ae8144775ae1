import type { TestFn } from 'ava';
import { BufferedOutput, MiB, parseModule, prepareRun, type EngineStats, type Registry } from '#framework';

const COUNTED = `
func @loop(%n: i32, %acc: i32) -> i32 {
^entry:
  %zero = iconst 0
  %done = icmp.eq %n, %zero
  brif %done, ^out, ^more
^out:
  ret %acc
^more:
  %one = iconst 1
  %m = isub %n, %one
  %a = iadd %acc, %n
  tail_call @loop(%m, %a)
}

func @twice(%n: i32) -> i32 {
^entry:
  %zero = iconst 0
  %a = call @loop(%n, %zero)
  %b = call @loop(%n, %a)
  ret %b
}
`;

function counted(registry: Registry, backend: string, gc: string, entry: string, args: number[]): EngineStats {
  const config = { backend, gc, optLevel: 0 as const, heapSize: MiB, stackSize: MiB, countInstructions: true };
  const run = prepareRun(
    registry,
    parseModule(COUNTED, 'counted.jir'),
    { ...config, jitThreshold: 0 },
    {
      out: new BufferedOutput(),
    },
  );
  try {
    run.engine.call(entry, args);
    return { ...run.engine.stats };
  } finally {
    run.engine.dispose();
  }
}

/**
 * `--stats` on a native backend: guest instructions counted exactly, and split by function
 * (the blocks' counts, whatever the ISA's instruction lengths), adding up to the total.
 */
export function nativeCountingTests(test: TestFn, registry: Registry, backend: string, gc: string): void {
  test(`${backend} × ${gc}: --stats counts guest instructions`, (t) => {
    const stats = counted(registry, backend, gc, 'loop', [100, 0]);
    t.true(stats.instructions > 100 && stats.instructions < 2000, `${stats.instructions} instructions`);
    t.is(stats.compiledFunctions, 2);
  });

  test(`${backend} × ${gc}: counted runs say how many guest instructions each function executed`, (t) => {
    const stats = counted(registry, backend, gc, 'twice', [1000]);
    const byFunction = stats.instructionsByFunction?.() ?? new Map<string, number>();
    const loop = byFunction.get('loop') ?? 0,
      twice = byFunction.get('twice') ?? 0;
    t.true(loop > 2000 * 3, `@loop ran ${loop} instructions`);
    t.true(twice > 0 && twice < 40, `@twice ran ${twice} instructions`);
    t.is(
      [...byFunction.values()].reduce((a, b) => a + b, 0),
      stats.instructions,
    );
  });
}
