/**
 * One function per trap kind a native backend must report like the interpreter: each traps
 * when its first argument is nonzero and returns normally otherwise (so a tiered run can
 * call it hot first). Fuel and stack sizes are per kind.
 */
export const TRAP_PROGRAM = `
type :pair = struct { head: i32, tail: ref }
type :ints = array i32

extern @print_bytes(ref)

const @nums: :ints = [1, 2]

func @divide(%bad: i32) -> i32 {
^entry:
  %one = iconst 1
  %zero = iconst 0
  %isbad = icmp.ne %bad, %zero
  %d = select %isbad, %zero, %one
  %q = sdiv %one, %d
  ret %q
}

func @index(%bad: i32) -> i32 {
^entry:
  %four = iconst 4
  %a = new_array :ints, %four
  %i = imul %bad, %four
  %v = aget :ints, %a, %i
  ret %v
}

func @deref(%bad: i32) -> i32 {
^entry:
  %zero = iconst 0
  %isbad = icmp.ne %bad, %zero
  brif %isbad, ^null, ^object
^null:
  %n = rnull
  br ^read(%n)
^object:
  %p = new :pair
  br ^read(%p)
^read(%q: ref):
  %v = get :pair.head, %q
  ret %v
}

func @recurse(%bad: i32) -> i32 {
^entry:
  %zero = iconst 0
  %isbad = icmp.ne %bad, %zero
  brif %isbad, ^deeper, ^out
^out:
  ret %zero
^deeper:
  %one = iconst 1
  %m = iadd %bad, %one
  %r = call @recurse(%m)
  %s = iadd %r, %one
  ret %s
}

func @spin(%bad: i32) -> i32 {
^entry:
  br ^loop(%bad)
^loop(%i: i32):
  %zero = iconst 0
  %done = icmp.eq %i, %zero
  brif %done, ^out, ^more
^out:
  ret %i
^more:
  %one = iconst 1
  %j = iadd %i, %one
  br ^loop(%j)
}

func @answer(%x: i32) -> i32 {
^entry:
  ret %x
}

func @indirect(%bad: i32) -> i32 {
^entry:
  %f = fref @answer
  %k = iconst 1000
  %junk = imul %bad, %k
  %i = iadd %f, %junk
  %r = call_indirect %i(%bad) : (i32) -> i32
  ret %r
}

func @unreached(%bad: i32) -> i32 {
^entry:
  %zero = iconst 0
  %isbad = icmp.ne %bad, %zero
  brif %isbad, ^never, ^out
^never:
  unreachable
^out:
  ret %bad
}

func @throw(%bad: i32) -> i32 {
^entry:
  %zero = iconst 0
  %isbad = icmp.ne %bad, %zero
  brif %isbad, ^raise, ^out
^raise:
  %e = new :pair
  raise %e
^out:
  ret %bad
}

func @hoard(%bad: i32) -> i32 {
^entry:
  %k = iconst 0x7000000
  %len = imul %bad, %k
  %a = new_array :ints, %len
  %n = alen %a
  ret %n
}

func @print_ints(%bad: i32) -> i32 {
^entry:
  %zero = iconst 0
  %isbad = icmp.ne %bad, %zero
  brif %isbad, ^print, ^out
^print:
  %a = gaddr @nums
  call @print_bytes(%a)
  br ^out
^out:
  ret %bad
}
`;

export interface TrapCase {
  readonly kind: string;
  readonly func: string;
  readonly fuel?: number;
  readonly stackSize?: number;
}

export const TRAP_CASES: readonly TrapCase[] = [
  { kind: 'div_by_zero', func: 'divide' },
  { kind: 'index_out_of_bounds', func: 'index' },
  { kind: 'bad_pointer', func: 'deref' },
  { kind: 'stack_overflow', func: 'recurse', stackSize: 64 * 1024 },
  { kind: 'fuel_exhausted', func: 'spin', fuel: 100_000 },
  { kind: 'bad_function', func: 'indirect' },
  { kind: 'unreachable', func: 'unreached' },
  { kind: 'uncaught_exception', func: 'throw' },
  { kind: 'out_of_memory', func: 'hoard' },
  { kind: 'host_error', func: 'print_ints' },
];
