import { libraryPredicates } from '../../src/compiler/library.ts';
import { WRAPPERS } from '../../src/compiler/unit.ts';
import { HOST_BUILTIN_NAMES } from '../../src/protocol/host-protocol.ts';

/** Builtins the fuzzer never calls, each with its reason. */
export const EXCLUDED: Readonly<Record<string, string>> = {
  'halt/0': 'ends the process by design',
  'halt/1': 'ends the process by design',
  // Reading standard input waits on the test's pipe (these come with the reader's I/O work).
  'read/1': 'reads standard input',
  'read_term/2': 'reads standard input',
  'get_char/1': 'reads standard input',
  'peek_char/1': 'reads standard input',
  'get_code/1': 'reads standard input',
  'peek_code/1': 'reads standard input',
};

/** `name/arity` of every builtin a program can call, from the frontend's own tables: the
 *  host builtins, the runtime's control wrappers (call/N, catch/3, findall/3...) and the
 *  library written in Prolog (which also holds a clause for each inline builtin, for
 *  call/N). Names starting with `$` are the implementation's helpers, reached only
 *  through their public wrappers. */
export function fuzzedBuiltins(): { name: string; arity: number }[] {
  const keys = new Set<string>([
    ...HOST_BUILTIN_NAMES,
    ...Object.keys(WRAPPERS),
    ...libraryPredicates().map((p) => `${p.name}/${p.arity}`),
  ]);
  return [...keys]
    .filter((k) => !k.startsWith('$') && !(k in EXCLUDED))
    .sort()
    .map((k) => {
      const at = k.lastIndexOf('/');
      return { name: k.slice(0, at), arity: Number(k.slice(at + 1)) };
    });
}

/** Whether the frontend has SWI-7 strings (string/1): the fuzzer then adds `"..."` terms. */
export function hasStrings(): boolean {
  return fuzzedBuiltins().some((b) => b.name === 'string' && b.arity === 1);
}
