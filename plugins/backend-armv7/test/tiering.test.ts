// Tiering: the interpreter runs first and hands hot functions to native code; exceptions
// from native code come back through the interpreter (traps: the backend suite's trap
// tests); lazy stubs compile callees from native code; --stats splits the time between tiers.
import test from 'ava';
import { testingPlugin } from '#framework/testing';
import armv7Plugin from '../src/plugin.ts';
import { prepareRun, type PreparedRun } from '#framework';
import { BufferedOutput, corePlugin, parseModule, Registry, MiB } from '#framework';

const registry = new Registry([corePlugin, testingPlugin, armv7Plugin]);

const PROGRAM = `
type :err = struct { code: i32 }

func @sq(%x: i32) -> i32 {
^entry:
  %r = imul %x, %x
  ret %r
}

; Sum of squares below n, through a callee compiled lazily from native code.
func @work(%n: i32) -> i32 {
^entry:
  %z = iconst 0
  br ^loop(%z, %z)
^loop(%i: i32, %acc: i32):
  %c = icmp.slt %i, %n
  brif %c, ^body, ^done
^body:
  %s = call @sq(%i)
  %a = iadd %acc, %s
  %one = iconst 1
  %j = iadd %i, %one
  br ^loop(%j, %a)
^done:
  ret %acc
}

func @thrower(%x: i32) -> i32 {
^entry:
  %zero = iconst 0
  %pos = icmp.sgt %x, %zero
  brif %pos, ^raise, ^normal
^raise:
  %e = new :err
  set :err.code, %e, %x
  raise %e
^normal:
  ret %x
}

; Calls @thrower n times (interpreted until it gets hot), catching what it raises.
func @catching(%n: i32) -> i32 {
^entry:
  %z = iconst 0
  br ^loop(%z, %z)
^loop(%i: i32, %acc: i32):
  %c = icmp.slt %i, %n
  brif %c, ^body, ^done
^body:
  %r = call @thrower(%i) to ^ok(%r) unwind ^caught
^ok(%v: i32):
  %one = iconst 1
  %j = iadd %i, %one
  %a = iadd %acc, %v
  br ^loop(%j, %a)
^caught(%e: ref):
  %code = get :err.code, %e
  %one2 = iconst 1
  %j2 = iadd %i, %one2
  %a2 = iadd %acc, %code
  br ^loop(%j2, %a2)
^done:
  ret %acc
}
`;

function prepare(jitThreshold: number | undefined, gcStress?: number): PreparedRun {
  const config = {
    backend: 'armv7',
    gc: 'arena',
    optLevel: 0 as const,
    heapSize: MiB,
    stackSize: MiB / 4,
    jitThreshold,
    gcStress,
  };
  return prepareRun(registry, parseModule(PROGRAM, 'tiering.jir'), config, { out: new BufferedOutput() });
}

function withRun<T>(jitThreshold: number | undefined, body: (run: PreparedRun) => T, gcStress?: number): T {
  const run = prepare(jitThreshold, gcStress);
  try {
    return body(run);
  } finally {
    run.engine.dispose();
  }
}

test('a function is compiled once it reaches the threshold, and computes the same', (t) => {
  withRun(5, (run) => {
    const expected = 328350; // sum of i*i for i < 100
    for (let k = 0; k < 4; k++) t.is(run.engine.call('work', [100]), expected);
    // @work has 100 back-edges per call: hot during the first call; @sq never ran in the
    // interpreter after that, it was compiled with its caller.
    t.is(run.engine.stats.compiledFunctions, 2);
    t.is(run.engine.call('work', [100]), expected);
    t.true(run.engine.stats.nativeMillis > 0);
    t.true(run.engine.stats.interpMillis > 0);
  });
});

test('nothing is compiled below the threshold', (t) => {
  withRun(1000, (run) => {
    t.is(run.engine.call('sq', [7]), 49);
    t.is(run.engine.stats.compiledFunctions, 0);
  });
});

test('exceptions raised in native code reach the interpreter handler', (t) => {
  for (const threshold of [1, 3, 1000]) {
    // thrower(i) raises for i > 0 with code i: the sum is 0 + 1 + … + 9.
    withRun(threshold, (run) => t.is(run.engine.call('catching', [10]), 45, `threshold ${threshold}`), 1);
  }
});

test('threshold 0 compiles every function before the first call', (t) => {
  withRun(0, (run) => {
    t.is(run.engine.stats.compiledFunctions, 4);
    t.is(run.engine.call('work', [10]), 285);
  });
});
