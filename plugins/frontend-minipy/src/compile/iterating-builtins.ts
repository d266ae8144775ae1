/**
 * Host builtins that iterate over their arguments. A host function cannot run a
 * generator (host functions never call guest code), so compiled code drains generators
 * among the arguments into lists first (@py.drain_args); the results are the same, only
 * computed before the call (docs/python.md).
 */
export const ITERATING_BUILTINS = new Set([
  'list',
  'tuple',
  'sum',
  'sorted',
  'min',
  'max',
  'any',
  'all',
  'enumerate',
  'zip',
  'dict',
  'set',
  'frozenset',
]);
