// What compiled Prolog code and the host agree on, so that neither has to import the other:
// the compiler decides which calls go to the host from these names alone, and the host
// implements exactly these (host/builtins.ts is typed by them).

/** Deterministic builtins the host runs, as name/arity, in the order the lookup lists them. */
export const HOST_BUILTIN_NAMES = [
  'write/1',
  'print/1',
  'writeq/1',
  'write_canonical/1',
  'write_term/2',
  'nl/0',
  'tab/1',
  'put_char/1',
  'halt/0',
  'halt/1',
  '==/2',
  '\\==/2',
  '@</2',
  '@>/2',
  '@=</2',
  '@>=/2',
  'compare/3',
  'functor/3',
  '$arg/3',
  '=../2',
  'copy_term/2',
  'atom_codes/2',
  'atom_chars/2',
  'char_code/2',
  'atom_length/2',
  'number_codes/2',
  'atom_number/2',
  '$atom_concat/3',
  'is_list/1',
  'msort/2',
  'sort/2',
  'assert/1',
  'assertz/1',
  'asserta/1',
  '$erase/1',
  '$ensure_dynamic/1',
  'abolish/1',
  'op/3',
  'set_prolog_flag/2',
  'garbage_collect/0',
  'nb_setval/2',
  'b_setval/2',
  'nb_getval/2',
  'b_getval/2',
  'succ/2',
  'plus/3',
  'statistics/2',
  'number_vars/3',
  'format/2',
  '$format/3',
  'write/2',
  'print/2',
  'writeq/2',
  'write_canonical/2',
  'nl/1',
  'tab/2',
  'put_char/2',
  'flush_output/0',
  'flush_output/1',
  'current_output/1',
  'current_input/1',
  '$capture_start/1',
  '$capture_end/1',
  'number_chars/2',
  'term_variables/2',
  '=@=/2',
  '\\=@=/2',
  'keysort/2',
  'sort/4',
  '$sub_slice/5',
  'atomic_list_concat/3',
  '$prolog_flags/2',
  '$user_predicates/1',
  '$clause_head/1',
  '$operators/1',
  '$string_concat/3',
  'string_chars/2',
  'string_codes/2',
  'string_to_atom/2',
  'atom_string/2',
  'text_to_string/2',
  'string_length/2',
  'string_lower/2',
  'string_upper/2',
  'number_string/2',
  '$string_code/3',
  'split_string/4',
  'term_to_atom/2',
  'term_string/2',
  'atom_to_term/3',
] as const;

export type HostBuiltinName = (typeof HOST_BUILTIN_NAMES)[number];

const HOST_BUILTIN_SET: ReadonlySet<string> = new Set(HOST_BUILTIN_NAMES);

/** Whether `name/arity` is run by the host. */
export function isHostBuiltin(key: string): key is HostBuiltinName {
  return HOST_BUILTIN_SET.has(key);
}

/** Ends of a load step, passed to pl_finish as `kind << 2 | status`. */
export const STEP_DIRECTIVE = 0;
export const STEP_GOAL = 1;
export const STEP_END = 2;
export const STEP_INIT_MAIN = 3;
