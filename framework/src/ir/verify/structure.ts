import { signatureProblems } from './static-values.ts';
import { valueName, valueType, type FuncContext } from './context.ts';

/**
 * Function shape: a valid signature, an entry block whose parameters are the function's,
 * unique block names (the text format refers to blocks by name), and blocks that end in
 * exactly one terminator.
 */
export function checkStructure(ctx: FuncContext): void {
  const { f, sink } = ctx;
  for (const p of signatureProblems(f.sig)) sink.func(f, `signature: ${p}`);
  checkEntryParams(ctx);
  const names = new Set<string>();
  for (const b of f.blocks) {
    if (names.has(b.name)) sink.block(f, b, `duplicate block name ^${b.name}`);
    names.add(b.name);
    const last = b.insts.length - 1;
    for (let i = 0; i < last; i++) {
      if (b.insts[i]!.isTerminator) sink.inst(f, b, i, 'terminator in the middle of the block');
    }
    if (last < 0 || !b.insts[last]!.isTerminator) sink.block(f, b, 'block does not end with a terminator');
  }
}

function checkEntryParams(ctx: FuncContext): void {
  const { f, sink } = ctx;
  const entry = f.blocks[0]!;
  const want = f.sig.params;
  if (entry.params.length !== want.length) {
    sink.block(f, entry, `entry block has ${entry.params.length} parameter(s), but the signature has ${want.length}`);
    return;
  }
  entry.params.forEach((p, i) => {
    const actual = valueType(f, p);
    if (actual !== undefined && actual !== want[i]) {
      sink.block(
        f,
        entry,
        `entry parameter ${i + 1} ${valueName(f, p)} has type ${actual}, but the signature says ${want[i]}`,
      );
    }
  });
}
