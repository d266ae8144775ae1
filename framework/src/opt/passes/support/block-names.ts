import { uniqueName } from '../../../ir/builder.ts';
import type { Func } from '../../../ir/module.ts';

/** Block names not yet used in `f` (the verifier wants them unique). Reads the function's
 *  names once, so a pass adding many blocks stays linear. */
export class BlockNamer {
  private readonly taken: Set<string>;
  private readonly suffixes = new Map<string, number>();

  constructor(f: Func) {
    this.taken = new Set(f.blocks.map((b) => b.name));
  }

  fresh(base: string): string {
    return uniqueName(base, this.taken, this.suffixes);
  }
}
