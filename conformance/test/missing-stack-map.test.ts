// A frame whose return address no stack map describes must stop a moving collection with
// an internal error naming the function: skipping the frame would leave its refs stale.
// The stack maps come from the compiled-code store, so a store entry stripped of its maps
// stands for a backend that forgot to record one.
import test from 'ava';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJitc } from '#framework/testing';

const PROGRAM = `; Keeps a list alive across allocations in @build's loop, so each collection walks @build's frame.
type :cell = struct { value: i32, next: ref }
extern @print_i32(i32)

func @build(%n: i32) -> ref {
^entry:
  %nil = rnull
  %zero = iconst 0
  br ^loop(%zero, %nil)
^loop(%i: i32, %list: ref):
  %more = icmp.slt %i, %n
  brif %more, ^body, ^done
^body:
  %c = new :cell
  set :cell.value, %c, %i
  set :cell.next, %c, %list
  %one = iconst 1
  %i1 = iadd %i, %one
  br ^loop(%i1, %c)
^done:
  ret %list
}

func @main() -> i32 {
^entry:
  %n = iconst 50
  %l = call @build(%n)
  %v = get :cell.value, %l
  call @print_i32(%v)
  ret %v
}
`;

/** Every stored function whose key names `@name` loses its stack maps. */
function stripStackMaps(dir: string, name: string): number {
  let stripped = 0;
  const visit = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.code')) {
        const stored = JSON.parse(readFileSync(path, 'utf8')) as { key: string; stackMaps: unknown[] };
        if (!stored.key.includes(`func @${name}(`) || stored.stackMaps.length === 0) continue;
        stored.stackMaps = [];
        writeFileSync(path, JSON.stringify(stored));
        stripped++;
      }
    }
  };
  visit(dir);
  return stripped;
}

test('armv7 × semispace: a frame without a stack map is an internal error naming its function', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jitc-stack-maps-'));
  try {
    const file = join(dir, 'list.jir');
    writeFileSync(file, PROGRAM);
    const cache = join(dir, 'cache');
    const run = () =>
      // -O1: at -O2 the inliner copies @build into @main, and there is no @build frame to find.
      runJitc(['--backend', 'armv7', '--gc', 'semispace', '--gc-stress', '1', '-O', '1', file], {
        JITC_CACHE_DIR: cache,
      });
    const good = await run();
    t.is(good.code, 0, good.stderr);
    t.is(good.stdout.trim(), '49');
    t.true(stripStackMaps(join(cache, 'code'), 'build') > 0, 'the first run stored @build');
    const bad = await run();
    t.is(bad.code, 70);
    t.regex(bad.stderr, /^jitc: internal error: no stack map for the call returning to 0x[0-9a-f]+ in @build\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
