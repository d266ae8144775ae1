import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { bodyReferences, funcReferences, printedReferences } from '../../src/ir/text/func-references.ts';
import { Func, type Module } from '../../src/ir/module.ts';
import { OPCODE_LIST } from '../../src/ir/opcodes.ts';
import { parseModule } from '../../src/ir/text/parser.ts';
import { printFunc } from '../../src/ir/text/printer.ts';
import { sigToString } from '../../src/ir/types.ts';

// The scan of a printed body must find every symbol, direct callee and indirect call's
// signature the body has (a missed one would give two different functions' code one key
// in the code store) and nothing else but the function's own name.
const ROOT = new URL('../../../', import.meta.url).pathname;

function jirFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return jirFiles(path);
    return e.name.endsWith('.jir') ? [path] : [];
  });
}

/** Once each, in order: ava compares sets in insertion order. */
function sorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** Checks every function of the module; returns how many there were. */
function checkPrintedReferences(t: ExecutionContext, module: Module, where: string): number {
  for (const f of module.funcs) {
    const printed = printedReferences(printFunc(module, f));
    const body = bodyReferences(f);
    const at = `${where} @${f.name}`;
    t.deepEqual(sorted(printed.symbols), sorted([...body.symbols, f.name]), at);
    t.deepEqual(sorted(printed.calls), sorted(body.calls), at);
    t.deepEqual(sorted(printed.signatures.map(sigToString)), sorted(body.signatures.map(sigToString)), at);
  }
  return module.funcs.length;
}

test('the scan of a printed body finds what the body refers to, in every file test and runtime library', (t) => {
  const files = [
    ...jirFiles(join(ROOT, 'conformance/filetests')),
    ...jirFiles(join(ROOT, 'plugins/frontend-minipy/src/runtime')),
    ...jirFiles(join(ROOT, 'plugins/frontend-prolog/src/runtime')),
  ];
  let funcs = 0;
  const seen = new Set<string>();
  for (const file of files) {
    let module: Module;
    try {
      module = parseModule(readFileSync(file, 'utf8'), file);
    } catch {
      continue; // a file test of a parse error
    }
    for (const f of module.funcs) for (const b of f.blocks) for (const inst of b.insts) seen.add(inst.op.name);
    funcs += checkPrintedReferences(t, module, file);
  }
  // The corpus must hold what the scan has to find: every instruction that names a symbol
  // or a signature.
  t.true(funcs > 400, `${funcs} functions`);
  const naming = OPCODE_LIST.filter((op) => op.slots.includes('sym') || op.slots.includes('sig')).map((op) => op.name);
  t.deepEqual(
    naming.filter((name) => !seen.has(name)),
    [],
  );
});

const QUOTED = `
extern @"host <x>"(i32) -> i32 raises
global @"g\\"q": i32 = 0
func @"n.<genexpr>.0"(%x: i32) -> i32 {
^entry:
  ret %x
}
func @user(%x: i32, %f: i32) -> i32 {
^entry:
  %a = call @"n.<genexpr>.0"(%x)
  %b = call @"host <x>"(%a) to ^ok unwind ^bad
^ok:
  %g = gget @"g\\"q"
  %c = call_indirect %f(%b, %g) : (i32, i32) -> i32
  call_indirect %f() : ()
  tail_call @"n.<genexpr>.0"(%c)
^bad(%e: ref):
  ret %x
}
`;

test('quoted symbols, indirect calls with and without a result, and a call in the unwind form', (t) => {
  const module = parseModule(QUOTED, 'quoted');
  t.is(checkPrintedReferences(t, module, 'quoted'), 2);
  const refs = printedReferences(printFunc(module, module.func('user')!));
  t.deepEqual(sorted(refs.calls), ['host <x>', 'n.<genexpr>.0']);
  t.deepEqual(sorted(refs.signatures.map(sigToString)), ['()', '(i32, i32) -> i32']);
});

test('an unread body answers from its printed text without being read, and not once something runs after the read', (t) => {
  const module = parseModule(QUOTED, 'quoted');
  const text = printFunc(module, module.func('user')!);
  const unread = (): Func => {
    const f = new Func('user', { params: ['i32', 'i32'], result: 'i32' });
    f.deferBody(
      () => t.fail('the body was read'),
      () => text,
      true,
    );
    return f;
  };
  const f = unread();
  t.is(f.printedText, text);
  t.deepEqual(sorted(funcReferences(f).calls), ['host <x>', 'n.<genexpr>.0']);
  t.false(f.hasBody);
  // A source file's text (not the printer's) or a body prepared after reading: no answer
  // from the text.
  const source = new Func('user', { params: ['i32', 'i32'], result: 'i32' });
  source.deferBody(
    () => {},
    () => text,
  );
  t.is(source.printedText, undefined);
  const prepared = unread();
  prepared.afterRead(() => {});
  t.is(prepared.printedText, undefined);
});
