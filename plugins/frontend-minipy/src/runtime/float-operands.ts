// The one macro of the runtime's .jir files: converting Python numbers to f64.
//
//   #f64 %v -> ^then, ^else
//   #f64 %a, %b -> ^then, ^else
//
// expands (in place of the line, which must end its block) to blocks that jump to
// `^then(%v.f64)` (or `^then(%a.f64, %b.f64)`) when every operand is a float or a small
// int, and to `^else` otherwise. A small int (31 bits) converts to f64 exactly, so a float
// operation on the converted values is what CPython computes for int-float mixes. Bools,
// bigints and other objects take `^else`: the host knows their rules and their errors.
// The blocks are named after the operand (`^a.int`, `^a.f64`, ...), so a function uses
// the macro at most once per operand name.

const MACRO =
  /^([ \t]*)#f64[ \t]+(%[\w.$]+)(?:[ \t]*,[ \t]*(%[\w.$]+))?[ \t]*->[ \t]*(\^[\w.$]+)[ \t]*,[ \t]*(\^[\w.$]+)[ \t]*$/;

/** Blocks that leave operand `v` as an f64 in `^v.f64(%v.f64)` and then run `next`. */
function convert(v: string, next: string, otherwise: string): string {
  const n = v.slice(1);
  return [
    `  %${n}.bits = ref.bits ${v}`,
    `  %${n}.one = iconst 1`,
    `  %${n}.small = iand %${n}.bits, %${n}.one`,
    `  brif %${n}.small, ^${n}.int, ^${n}.obj`,
    `^${n}.int:`,
    `  %${n}.i32 = isar %${n}.bits, %${n}.one`,
    `  %${n}.from_int = i2f %${n}.i32`,
    `  br ^${n}.f64(%${n}.from_int)`,
    `^${n}.obj:`,
    `  %${n}.ptr = ref.is_ptr ${v}`,
    `  brif %${n}.ptr, ^${n}.typed, ${otherwise}`,
    `^${n}.typed:`,
    `  %${n}.tid = ref.type_id ${v}`,
    `  %${n}.float_tid = iconst TID_float`,
    `  %${n}.is_float = icmp.eq %${n}.tid, %${n}.float_tid`,
    `  brif %${n}.is_float, ^${n}.float, ${otherwise}`,
    `^${n}.float:`,
    `  %${n}.value = get :float.v, ${v}`,
    `  br ^${n}.f64(%${n}.value)`,
    `^${n}.f64(%${n}.f64: f64):`,
    next,
  ].join('\n');
}

/** Replaces every `#f64` line of a runtime .jir text by its blocks. */
export function expandFloatOperands(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!/^[ \t]*#/.test(line)) return line;
      const m = MACRO.exec(line);
      if (!m) throw new Error(`runtime library: malformed macro line: ${line.trim()}`);
      const [, , a, b, then, otherwise] = m as unknown as [string, string, string, string | undefined, string, string];
      if (!b) return convert(a, `  br ${then}(${a}.f64)`, otherwise);
      return convert(a, convert(b, `  br ${then}(${a}.f64, ${b}.f64)`, otherwise), otherwise);
    })
    .join('\n');
}
