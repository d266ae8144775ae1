// Code loaded into a running program (ProgramCodeLoader, reached by host functions through
// HostContext.code) must behave the same on every backend and JIT threshold: loaded
// functions are called through the function table, call the program's own functions,
// allocate (so native backends must GC-lower them), raise, and bad text changes nothing.
import test from 'ava';
import { CLI_PLUGINS } from '../../cli/src/all-plugins.ts';
import { prepareRun } from '../../framework/src/driver.ts';
import { BufferedOutput, MiB, parseModule, Registry, SourceError, type HostFunction, type RunConfig } from '#framework';

const registry = new Registry(CLI_PLUGINS);

const PROGRAM = `
type :cell = struct { value: i32 }
type :ints = array i32
global @loaded: i32 = 0
extern @load(i32) -> i32 raises

func @triple(%x: i32) -> i32 {
^entry:
  %three = iconst 3
  %r = imul %x, %three
  ret %r
}

; Loads variant %v, calls it with %x through the table; an exception from it becomes -1.
; It allocates, and so declares the GC's allocation externs for loaded code to use.
func @main(%v: i32, %x: i32) -> i32 {
^entry:
  %keep = new :cell
  %size = iconst 2
  %keep2 = new_array :ints, %size
  %f = call @load(%v)
  %r = call_indirect %f(%x) : (i32) -> i32 to ^ok(%r) unwind ^caught
^ok(%y: i32):
  ret %y
^caught(%e: ref):
  %m = iconst -1
  ret %m
}
`;

/** Variant 0 calls the program's @triple and a function loaded with it; variant 1
 *  allocates objects and sums them; variant 2 raises; variant 3 is malformed. */
function variant(v: number, serial: number): string {
  const name = `@v${v}_${serial}`;
  switch (v) {
    case 0:
      return `
func ${name}(%x: i32) -> i32 {
^entry:
  %t = call @triple(%x)
  tail_call ${name}_add(%t)
}
func ${name}_add(%t: i32) -> i32 {
^entry:
  %one = iconst ${serial}
  %r = iadd %t, %one
  ret %r
}`;
    case 1:
      return `
func ${name}(%x: i32) -> i32 {
^entry:
  %n = iconst 64
  %a = new_array :ints, %n
  %zero = iconst 0
  br ^fill(%zero)
^fill(%i: i32):
  %c = new :cell
  set :cell.value, %c, %x
  %v = get :cell.value, %c
  %w = iadd %v, %i
  aset :ints, %a, %i, %w
  %one = iconst 1
  %i1 = iadd %i, %one
  %more = icmp.slt %i1, %n
  brif %more, ^fill(%i1), ^sum(%zero, %zero)
^sum(%j: i32, %s: i32):
  %e = aget :ints, %a, %j
  %s1 = iadd %s, %e
  %one2 = iconst 1
  %j1 = iadd %j, %one2
  %again = icmp.slt %j1, %n
  brif %again, ^sum(%j1, %s1), ^done(%s1)
^done(%total: i32):
  gset @loaded, %total
  ret %total
}`;
    case 2:
      return `
func ${name}(%x: i32) -> i32 {
^entry:
  %c = new :cell
  raise %c
}`;
    default:
      return `func ${name}(%x: i32) -> i32 {\n^entry:\n  ret %nope\n}`;
  }
}

interface Loaded {
  serial: number;
  errors: string[];
}

function loader(state: Loaded): HostFunction {
  return {
    name: 'load',
    sig: { params: ['i32'], result: 'i32' },
    collects: false,
    raises: true,
    impl: ([v], ctx) => {
      const serial = ++state.serial;
      try {
        const before = [...ctx.code!.load('type :t = struct { x: i32 }', 'bad.jir').keys()];
        state.errors.push(`loaded a type declaration: ${before.join(',')}`);
      } catch (e) {
        if (!(e instanceof SourceError)) throw e;
      }
      try {
        return ctx.code!.load(variant(v!, serial), `variant${v}.jir`).get(`v${v}_${serial}`)!;
      } catch (e) {
        state.errors.push(e instanceof Error ? e.message : String(e));
        // Fall back to a well-formed variant: the failed load must have left nothing behind.
        return ctx.code!.load(variant(0, serial), 'fallback.jir').get(`v0_${serial}`)!;
      }
    },
  };
}

const CONFIGS: { backend: string; jitThreshold?: number }[] = [{ backend: 'interp' }];
if (registry.backends().some((b) => b.name === 'armv7'))
  CONFIGS.push({ backend: 'armv7', jitThreshold: 0 }, { backend: 'armv7', jitThreshold: 1 }, { backend: 'armv7' });

for (const c of CONFIGS) {
  const label = `${c.backend}${c.jitThreshold !== undefined ? ` threshold ${c.jitThreshold}` : ''}`;
  test(`code loaded at run time on ${label}`, (t) => {
    const state: Loaded = { serial: 0, errors: [] };
    const config: RunConfig = {
      backend: c.backend,
      gc: 'boehm',
      optLevel: 1,
      heapSize: 4 * MiB,
      stackSize: MiB,
      jitThreshold: c.jitThreshold,
      gcStress: 3,
    };
    const module = parseModule(PROGRAM, 'loader.jir');
    const run = prepareRun(registry, module, config, { out: new BufferedOutput(), hosts: [loader(state)] });
    try {
      const functionsBefore = module.funcs.length;
      t.is(run.engine.call('main', [0, 5]), 15 + 1);
      t.is(run.engine.call('main', [1, 10]), 64 * 10 + (63 * 64) / 2, state.errors.join('; '));
      t.is(run.engine.call('main', [2, 1]), -1);
      // Malformed: reported, rolled back, and the fallback (variant 0) loads under the same serial.
      t.is(run.engine.call('main', [3, 7]), 21 + 4);
      t.is(run.engine.call('main', [0, 7]), 21 + 5);
      t.is(state.errors.length, 1);
      t.regex(state.errors[0]!, /undefined value %nope|nope/);
      t.is(module.funcs.length, functionsBefore + 2 + 1 + 1 + 2 + 2);
      t.true(module.funcs.slice(functionsBefore).every((f) => /^v\d_\d+(_add)?$/.test(f.name)));
    } finally {
      run.engine.dispose();
    }
  });
}
