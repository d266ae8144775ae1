import test from 'ava';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceError } from '#framework';
import { minipyFrontend } from '../src/frontend.ts';

const DIR = fileURLToPath(new URL('unsupported/', import.meta.url));

// Features outside part 1 are a SyntaxError at line:col naming the feature, never a crash.
const CASES: [file: string, line: number, col: number, message: RegExp][] = [
  ['syntax_generator.py', 4, 9, /'yield' inside 'try' with 'finally' is not supported/],
  ['syntax_multiple_inheritance.py', 1, 16, /multiple inheritance is not supported/],
  ['syntax_import.py', 1, 8, /import of modules other than sys is not supported/],
];

for (const [file, line, col, message] of CASES) {
  test(file, (t) => {
    const err = t.throws(() => minipyFrontend.compile(readFileSync(`${DIR}${file}`, 'utf8'), file, {}), {
      instanceOf: SourceError,
    }) as SourceError;
    t.regex(err.message, /^SyntaxError: /);
    t.regex(err.message, message);
    t.deepEqual([err.line, err.col], [line, col]);
  });
}

const SNIPPETS: [source: string, message: RegExp][] = [
  ['def f(a, /):\n    pass\n', /positional-only parameters are not supported/],
  ['from sys import argv\n', /from-import statements are not supported/],
  ['import sys as s\n', /import forms other than `import sys` are not supported/],
  ['import sys\nprint(sys)\n', /the module sys used as a value is not supported/],
  ['import sys\nprint(sys.path)\n', /sys.path is not supported/],
  ['len(obj=1)\n', /keyword argument 'obj' of built-in function 'len' is not supported/],
  ['x = b"1"\n', /string prefix 'b' is not supported/],
  ['class C(metaclass=M):\n    pass\n', /class keywords \(metaclass=...\) are not supported/],
  ['def f():\n    nonlocal q\n', /no binding for nonlocal 'q' found/],
  // Comprehension variables are no cells: a lambda over one would see a global instead.
  ['print(**d)\n', /a \*\* argument to built-in function 'print' is not supported/],
  ['f(a=1, *xs)\n', /a \* argument after keyword arguments is not supported/],
  ['xs.append(*ys)\n', /a \* argument in a method call is not supported/],
  ['print(ValueError(*xs))\n', /a \* argument to built-in function 'ValueError' is not supported/],
  ['fs = [lambda: k for k in range(3)]\n', /function using the comprehension variable 'k' is not supported/],
  ['def f():\n    return {k: lambda: k * 2 for k in "ab"}\n', /comprehension variable 'k' is not supported/],
  ['with open("x") as f:\n    pass\n', /with statements are not supported/],
  ['x = {*xs}\n', /starred expressions are not supported/],
  ['if x:\nprint(1)\n', /expected an indented block/],
  ['  x = 1\n', /unexpected indent/],
  ['break\n', /'break' outside loop/],
  ['def g():\n    x = yield 1\n', /yield expressions are not supported/],
  ['def g():\n    try:\n        pass\n    except E:\n        yield 2\n', /'yield' inside 'except' blocks/],
  ['yield 1\n', /'yield' outside function/],
];

for (const [source, message] of SNIPPETS) {
  test(`rejects ${JSON.stringify(source)}`, (t) => {
    const err = t.throws(() => minipyFrontend.compile(source, 'snippet.py', {}), {
      instanceOf: SourceError,
    }) as SourceError;
    t.regex(err.message, message);
  });
}
