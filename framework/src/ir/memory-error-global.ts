/**
 * The ref global through which a language turns heap exhaustion into its own exception
 * (Prolog's `resource_error(memory)`, Python's `MemoryError`). The frontend fills it with a
 * preallocated exception object while memory is plentiful; from then on an allocation that
 * finds no room, even after a collection, raises that object where it would otherwise trap
 * `out_of_memory`. Preallocated because raising must not allocate: the heap is full. Part
 * of the IR's semantics (docs/ir.md), so the optimizer knows allocations may raise.
 */
export const MEMORY_ERROR_GLOBAL = 'memory_error';
