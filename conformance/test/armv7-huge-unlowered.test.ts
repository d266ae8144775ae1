// Landed configurations (armv7 × boehm and armv7 × semispace, which moves every object,
// collecting at every allocation), so it lives with the conformance suites. Huge functions stay unlowered for the interpreter tier
// (Func.unlowered): their `new`, `set` and `gset` go through the collector's runtime on the
// same heap and globals that compiled code uses, and a native call through the function
// table lowers one on demand.
import test from 'ava';
import {
  BufferedOutput,
  HUGE_FUNCTION_INSTS,
  MiB,
  parseModule,
  prepareRun,
  printModule,
  Registry,
  type PreparedRun,
} from '#framework';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';

const registry = new Registry(CLI_PLUGINS);

/** @huge pushes a cell holding n onto the list in @keep and returns n + its padding of
 *  HUGE_FUNCTION_INSTS additions; @sum walks the list natively once it is hot. */
function program(): string {
  const pad = ['  %v0 = iconst 0', '  %one = iconst 1'];
  for (let i = 1; i <= HUGE_FUNCTION_INSTS; i++) pad.push(`  %v${i} = iadd %v${i - 1}, %one`);
  return `
type :cell = struct { next: ref, v: i32 }
global @keep: ref = 0

func @huge(%n: i32) -> i32 {
^entry:
  %c = new :cell
  set :cell.v, %c, %n
  %old = gget @keep
  set :cell.next, %c, %old
  gset @keep, %c
${pad.join('\n')}
  %r = iadd %v${HUGE_FUNCTION_INSTS}, %n
  ret %r
}

func @direct(%n: i32) -> i32 {
^entry:
  %r = call @huge(%n)
  ret %r
}

func @indirect(%n: i32) -> i32 {
^entry:
  %f = fref @huge
  %r = call_indirect %f(%n) : (i32) -> i32
  ret %r
}

func @sum() -> i32 {
^entry:
  %z = iconst 0
  %head = gget @keep
  br ^loop(%head, %z)
^loop(%c: ref, %acc: i32):
  %ptr = ref.is_ptr %c
  brif %ptr, ^next, ^done
^next:
  %v = get :cell.v, %c
  %a = iadd %acc, %v
  %n = get :cell.next, %c
  br ^loop(%n, %a)
^done:
  ret %acc
}
`;
}

function withRun<T>(gc: string, body: (run: PreparedRun) => T): T {
  const config = {
    backend: 'armv7',
    gc,
    optLevel: 1 as const,
    heapSize: MiB,
    stackSize: MiB / 4,
    jitThreshold: 1,
    gcStress: 1,
  };
  const run = prepareRun(registry, parseModule(program(), 'huge.jir'), config, { out: new BufferedOutput() });
  try {
    return body(run);
  } finally {
    run.engine.dispose();
  }
}

for (const gc of ['boehm', 'semispace']) {
  test(`${gc}: the driver leaves only the huge function unlowered, and the text says so`, (t) => {
    withRun(gc, (run) => {
      const m = run.module;
      t.true(m.lowered);
      t.deepEqual(
        m.funcs.filter((f) => f.unlowered).map((f) => f.name),
        ['huge'],
      );
      const text = printModule(m);
      t.true(text.includes('func unlowered @huge('));
      t.deepEqual(printModule(parseModule(text)), text);
    });
  });

  test(`${gc}: an interpreted unlowered function allocates, stores refs and sets globals that native code reads`, (t) => {
    withRun(gc, (run) => {
      let expected = 0;
      for (let n = 1; n <= 40; n++) {
        // A collection at every allocation: the list must survive in @keep.
        t.is(run.engine.call('direct', [n]), HUGE_FUNCTION_INSTS + n);
        expected += n;
      }
      t.is(run.engine.call('sum', []), expected);
      t.true(run.engine.stats.compiledFunctions > 0, '@sum runs native');
      t.true(run.module.func('huge')!.unlowered, 'only the interpreter ran @huge');
    });
  });

  test(`${gc}: a native call through the function table lowers the huge function and compiles it`, (t) => {
    withRun(gc, (run) => {
      t.is(run.engine.call('direct', [7]), HUGE_FUNCTION_INSTS + 7);
      let expected = 7;
      for (let n = 1; n <= 5; n++) {
        t.is(run.engine.call('indirect', [n]), HUGE_FUNCTION_INSTS + n);
        expected += n;
      }
      t.false(run.module.func('huge')!.unlowered);
      // The interpreter's form of @huge (from before the lowering) still runs correctly.
      t.is(run.engine.call('direct', [100]), HUGE_FUNCTION_INSTS + 100);
      t.is(run.engine.call('sum', []), expected + 100);
    });
  });
}
