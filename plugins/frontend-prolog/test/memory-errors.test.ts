import test from 'ava';
import { landedConfigurations, runJitc } from '#framework/testing';

// A program that exhausts a small heap catches resource_error(memory) on every landed
// backend × collector, and the heap is usable after the handler.
const program = new URL('./memory/caught.pl', import.meta.url).pathname;

for (const { backend, gc } of await landedConfigurations()) {
  test(`${backend} × ${gc}: heap exhaustion is a catchable resource_error(memory)`, async (t) => {
    const r = await runJitc([program, '--backend', backend, '--gc', gc, '--heap', '4M']);
    t.is(r.stdout, 'resource_error(memory)\n1250025000\nagain(memory)\n3000\n');
    t.regex(r.stderr, /resource_error\(memory\)/);
    t.notRegex(r.stderr, /trap|out_of_memory|at .*\.ts/);
  });
}
