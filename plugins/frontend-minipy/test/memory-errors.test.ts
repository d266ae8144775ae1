import test from 'ava';
import { landedConfigurations, runJitc } from '#framework/testing';

// A program that exhausts a small heap catches MemoryError on every landed backend ×
// collector, the heap is usable after the handler, and the uncaught one ends as CPython's.
const program = new URL('./memory/caught.py', import.meta.url).pathname;

for (const { backend, gc } of await landedConfigurations()) {
  test(`${backend} × ${gc}: heap exhaustion is a catchable MemoryError`, async (t) => {
    const r = await runJitc([program, '--backend', backend, '--gc', gc, '--heap', '4M']);
    t.is(r.stdout, 'caught MemoryError()\n200000\nagain MemoryError()\n');
    t.is(r.stderr.trimEnd().split('\n').at(-1), 'MemoryError');
    t.is(r.code, 1);
  });
}
