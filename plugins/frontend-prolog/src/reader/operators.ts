/** The operator table: ISO's standard operators plus SWI-Prolog's, changed by op/3. */
export type OpType = 'xfx' | 'xfy' | 'yfx' | 'fy' | 'fx' | 'xf' | 'yf';

export interface OpDef {
  priority: number;
  type: OpType;
}

export class OperatorTable {
  readonly prefix = new Map<string, OpDef>();
  readonly infix = new Map<string, OpDef>();
  readonly postfix = new Map<string, OpDef>();

  constructor() {
    const std: [number, OpType, string[]][] = [
      [1200, 'xfx', [':-', '-->']],
      [1200, 'fx', [':-', '?-']],
      [1100, 'xfy', [';', '|']],
      [1105, 'xfy', ['|']],
      [1050, 'xfy', ['->', '*->']],
      [1000, 'xfy', [',']],
      [990, 'xfx', [':=']],
      [900, 'fy', ['\\+']],
      [
        700,
        'xfx',
        [
          '=',
          '\\=',
          '==',
          '\\==',
          '@<',
          '@>',
          '@=<',
          '@>=',
          '=..',
          'is',
          '=:=',
          '=\\=',
          '<',
          '>',
          '=<',
          '>=',
          '=@=',
          '\\=@=',
          '>:<',
          ':<',
          'as',
        ],
      ],
      [600, 'xfy', [':']],
      [500, 'yfx', ['+', '-', '/\\', '\\/', 'xor']],
      [500, 'fx', ['?']],
      [400, 'yfx', ['*', '/', '//', 'rem', 'mod', 'div', '<<', '>>', 'divmod', 'rdiv']],
      [200, 'xfx', ['**']],
      [200, 'xfy', ['^']],
      [200, 'fy', ['-', '+', '\\']],
      [100, 'yfx', ['.']],
      [1, 'fx', ['$']],
      [
        1150,
        'fx',
        [
          'dynamic',
          'discontiguous',
          'initialization',
          'meta_predicate',
          'module_transparent',
          'multifile',
          'public',
          'thread_local',
          'table',
        ],
      ],
    ];
    for (const [p, t, names] of std) for (const n of names) this.add(p, t, n);
  }

  add(priority: number, type: OpType, name: string): void {
    const table = type.length === 2 ? (type[0] === 'f' ? this.prefix : this.postfix) : this.infix;
    if (priority === 0) table.delete(name);
    else table.set(name, { priority, type });
  }

  /** Every operator defined now. */
  all(): { priority: number; type: OpType; name: string }[] {
    const out: { priority: number; type: OpType; name: string }[] = [];
    for (const table of [this.prefix, this.infix, this.postfix])
      for (const [name, d] of table) out.push({ priority: d.priority, type: d.type, name });
    return out;
  }

  isOp(name: string): boolean {
    return this.prefix.has(name) || this.infix.has(name) || this.postfix.has(name);
  }
}

/** Left and right argument priority limits of an operator. */
export function argLimits(op: OpDef): { left: number; right: number } {
  const p = op.priority;
  switch (op.type) {
    case 'xfx':
      return { left: p - 1, right: p - 1 };
    case 'xfy':
      return { left: p - 1, right: p };
    case 'yfx':
      return { left: p, right: p - 1 };
    case 'fy':
      return { left: 0, right: p };
    case 'fx':
      return { left: 0, right: p - 1 };
    case 'xf':
      return { left: p - 1, right: 0 };
    case 'yf':
      return { left: p, right: 0 };
  }
}
