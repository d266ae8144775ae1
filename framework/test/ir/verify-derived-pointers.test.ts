import test from 'ava';
import { parseModule } from '../../src/ir/text/parser.ts';
import { verifyModule } from '../../src/ir/verify.ts';

const errorsOf = (text: string): string[] => verifyModule(parseModule(text, 't.jir')).map(String);

const HEADER = `
type :box = struct { v: ref }
extern @pure_host(i32) -> i32
extern @allocating_host(i32) -> i32 collects
func @other() -> i32 {
^e:
  %z = iconst 0
  ret %z
}
`;

test('a ref.bits value live across a call of a function is an error naming the value', (t) => {
  const errors = errorsOf(`${HEADER}
func @f(%r: ref) -> i32 {
^e:
  %b = ref.bits %r
  %x = call @other()
  %s = iadd %b, %x
  ret %s
}`);
  t.is(errors.length, 1);
  t.regex(errors[0]!, /@f \^e #1 \(call\): %b is derived from ref\.bits and live across this call, which may collect/);
});

test('taking the bits again after the call is fine', (t) => {
  t.deepEqual(
    errorsOf(`${HEADER}
func @f(%r: ref) -> i32 {
^e:
  %x = call @other()
  %b = ref.bits %r
  %s = iadd %b, %x
  ret %s
}`),
    [],
  );
});

test('an extern that does not collect is no safepoint; one that collects is', (t) => {
  const body = (callee: string): string => `${HEADER}
func @f(%r: ref) -> i32 {
^e:
  %b = ref.bits %r
  %x = call @${callee}(%b)
  %s = iadd %b, %x
  ret %s
}`;
  t.deepEqual(errorsOf(body('pure_host')), []);
  t.is(errorsOf(body('allocating_host')).length, 1);
});

test('an address derived by arithmetic and carried by a block parameter across new is an error', (t) => {
  const errors = errorsOf(`${HEADER}
func @f(%r: ref) -> i32 {
^e:
  %b = ref.bits %r
  %four = iconst 4
  %a = iadd %b, %four
  br ^next(%a)
^next(%p: i32):
  %n = new :box
  %v = iadd %p, %four
  ret %v
}`);
  t.is(errors.length, 1);
  t.regex(errors[0]!, /%p is derived from ref\.bits and live across this new/);
});

test('a value that is dead by the call, or only compared before it, is fine', (t) => {
  t.deepEqual(
    errorsOf(`${HEADER}
func @f(%r: ref) -> i32 {
^e:
  %b = ref.bits %r
  %z = iconst 0
  %isnull = icmp.eq %b, %z
  %x = call @other()
  %s = iadd %isnull, %x
  ret %s
}`),
    [],
  );
});
