/**
 * Generated `.jir` modules for the IR-path scaling tests and bench/ir-scaling.ts: many small
 * functions, one huge function of many blocks with block parameters and long def-use
 * chains, and a long chain of empty blocks (a dominator tree as deep as the function is
 * long). Each carries what `@main` prints, computed here in TypeScript with the IR's i32
 * semantics, so tests check answers rather than timing.
 */

export interface GeneratedModule {
  text: string;
  /** What running `@main()` prints. */
  expected: string;
  /** Instructions in the module, for rates per instruction. */
  instructions: number;
}

/** The parts of a module that are joined once at the end: text is never grown by `+=`. */
class Text {
  readonly parts: string[] = [];
  instructions = 0;
  line(s: string): void {
    this.parts.push(s, '\n');
  }
  inst(s: string): void {
    this.instructions++;
    this.parts.push('  ', s, '\n');
  }
  join(): string {
    return this.parts.join('');
  }
}

/**
 * `count` functions `@f0 … @f{count-1}`, each 9 instructions over three blocks, each
 * tail-calling the next with its result; `@main` calls `@f0(1)` and prints the result.
 */
export function manyFunctionsModule(count: number): GeneratedModule {
  const t = new Text();
  t.line('extern @print_i32(i32)');
  let x = 1;
  for (let i = 0; i < count; i++) {
    const k = (i * 37 + 11) % 1000;
    const threshold = (i * 7919) % 50000;
    const last = i === count - 1;
    t.line('');
    t.line(`func @f${i}(%x: i32) -> i32 {`);
    t.line('^entry:');
    t.inst(`%k = iconst ${k}`);
    t.inst('%y = iadd %x, %k');
    t.inst('%three = iconst 3');
    t.inst('%z = imul %y, %three');
    t.inst(`%t = iconst ${threshold}`);
    t.inst('%p = icmp.slt %z, %t');
    t.inst('brif %p, ^small(%z), ^big(%z)');
    t.line('^small(%s: i32):');
    t.inst('%s1 = iadd %s, %k');
    t.inst(last ? 'ret %s1' : `tail_call @f${i + 1}(%s1)`);
    t.line('^big(%b: i32):');
    t.inst('%b1 = ixor %b, %k');
    t.inst('%mask = iconst 65535');
    t.inst('%b2 = iand %b1, %mask');
    t.inst(last ? 'ret %b2' : `tail_call @f${i + 1}(%b2)`);
    t.line('}');
    const z = Math.imul((x + k) | 0, 3);
    x = z < threshold ? (z + k) | 0 : (z ^ k) & 65535;
  }
  t.line('');
  t.line('func @main() {');
  t.line('^entry:');
  t.inst('%one = iconst 1');
  t.inst('%r = call @f0(%one)');
  t.inst('call @print_i32(%r)');
  t.inst('ret');
  t.line('}');
  return { text: t.join(), expected: `${x}\n`, instructions: t.instructions };
}

/**
 * One `@main` of about `instructions` instructions: a chain of `steps` diamonds, each
 * step four blocks (head, two arms, join). `carried` values travel along the chain as
 * block parameters, rotated at every step so the parallel moves overlap; every head also
 * uses `%seed` from the entry and the first head's parameter, which dominate everything
 * (long def-use chains), and the dominator tree is as deep as the chain is long.
 */
export function hugeFunctionModule(instructions: number, carried = 4): GeneratedModule {
  const work = 12;
  const perStep = work + carried + 5;
  const steps = Math.max(1, Math.round(instructions / perStep));
  const t = new Text();
  t.line('extern @print_i32(i32)');
  t.line('');
  t.line('func @main() {');
  t.line('^entry:');
  t.inst('%seed = iconst 7');
  t.inst('%mask = iconst 65535');
  const init = Array.from({ length: carried }, (_, j) => `%init${j}`);
  init.forEach((v, j) => t.inst(`${v} = iconst ${j + 1}`));
  t.inst(`br ^h0(${init.join(', ')})`);
  let vals = Array.from({ length: carried }, (_, j) => j + 1);
  const seed = 7;
  let first = 0;
  for (let i = 0; i < steps; i++) {
    const params = vals.map((_, j) => `%c${i}_${j}`);
    t.line(`^h${i}(${params.map((p) => `${p}: i32`).join(', ')}):`);
    if (i === 0) first = vals[0]!;
    // A run of dependent arithmetic: each result feeds the next.
    t.inst(`%w${i}_0 = iadd ${params[0]}, %seed`);
    let w = (vals[0]! + seed) | 0;
    for (let k = 1; k < work; k++) {
      const other = k % 3 === 0 ? '%c0_0' : params[k % carried]!;
      const otherVal = k % 3 === 0 ? first : vals[k % carried]!;
      const op = ['iadd', 'ixor', 'isub'][k % 3]!;
      t.inst(`%w${i}_${k} = ${op} %w${i}_${k - 1}, ${other}`);
      w = op === 'iadd' ? (w + otherVal) | 0 : op === 'ixor' ? w ^ otherVal : (w - otherVal) | 0;
    }
    const last = `%w${i}_${work - 1}`;
    t.inst(`%m${i} = iand ${last}, %mask`);
    w &= 65535;
    t.inst(`%p${i} = icmp.slt %m${i}, ${params[1 % carried]}`);
    const takeLeft = w < vals[1 % carried]!;
    t.inst(`brif %p${i}, ^l${i}(%m${i}), ^r${i}(%m${i})`);
    t.line(`^l${i}(%u${i}: i32):`);
    t.inst(`%ul${i} = iadd %u${i}, %seed`);
    t.inst(`br ^j${i}(%ul${i})`);
    t.line(`^r${i}(%v${i}: i32):`);
    t.inst(`br ^j${i}(%v${i})`);
    t.line(`^j${i}(%n${i}: i32):`);
    const n = takeLeft ? (w + seed) | 0 : w;
    // Rotate: the new value first, the others shifted along (overlapping moves).
    const next = [`%n${i}`, ...params.slice(0, carried - 1)];
    for (let j = 1; j < carried; j++) t.inst(`%k${i}_${j} = iadd ${params[j - 1]}, %seed`);
    const moved = [n, ...vals.slice(0, carried - 1).map((v) => (v + seed) | 0)];
    const args = [next[0], ...Array.from({ length: carried - 1 }, (_, j) => `%k${i}_${j + 1}`)];
    t.inst(i === steps - 1 ? `br ^done(${args.join(', ')})` : `br ^h${i + 1}(${args.join(', ')})`);
    vals = moved;
  }
  t.line(`^done(${vals.map((_, j) => `%d${j}: i32`).join(', ')}):`);
  let sum = 0;
  t.inst('%s0 = iadd %d0, %seed');
  sum = (vals[0]! + seed) | 0;
  for (let j = 1; j < carried; j++) {
    t.inst(`%s${j} = iadd %s${j - 1}, %d${j}`);
    sum = (sum + vals[j]!) | 0;
  }
  t.inst(`call @print_i32(%s${carried - 1})`);
  t.inst('ret');
  t.line('}');
  return { text: t.join(), expected: `${sum}\n`, instructions: t.instructions };
}

/** `@main` as a chain of `length` blocks, each only branching to the next with a counter
 *  incremented on the way: the dominator tree and the CFG are one path `length` deep. */
export function blockChainModule(length: number): GeneratedModule {
  const t = new Text();
  t.line('extern @print_i32(i32)');
  t.line('');
  t.line('func @main() {');
  t.line('^entry:');
  t.inst('%one = iconst 1');
  t.inst('%zero = iconst 0');
  t.inst('br ^b0(%zero)');
  for (let i = 0; i < length; i++) {
    t.line(`^b${i}(%x${i}: i32):`);
    t.inst(`%y${i} = iadd %x${i}, %one`);
    t.inst(i === length - 1 ? `call @print_i32(%y${i})` : `br ^b${i + 1}(%y${i})`);
  }
  t.inst('ret');
  t.line('}');
  return { text: t.join(), expected: `${length}\n`, instructions: t.instructions };
}
