import { Fn } from './ir-text.ts';

/**
 * A dynamic predicate the program names (declared `:- dynamic`, or called without being
 * defined) gets a code slot: the global @dyn<i>, holding the table index of code compiled
 * from its clauses, or 0 while its clauses run on the generic matcher (@dyn$call). A call
 * reads the slot and either enters the compiled code with its arguments as they are or
 * builds the goal term for the matcher. The host compiles a predicate once it is hot and
 * its clauses stable, and clears the slot when they change (host/dynamic-code.ts); a call
 * already running compiled code keeps the clause set it was compiled from, which is the
 * logical update view.
 */
export interface SlotPredicate {
  slot: number;
  name: string;
  arity: number;
}

export const slotGlobal = (slot: number): string => `dyn${slot}`;

const entrySig = (arity: number): string => `(${Array.from({ length: arity + 1 }, () => 'ref').join(', ')}) -> i32`;

/** A call of a slotted predicate with `args` = its arguments and the continuation. In code
 *  compiled at run time for that predicate (`self`, its entry), a call made while the slot
 *  still holds this code (its clauses unchanged) enters it directly. */
export function emitDynamicCall(f: Fn, slot: number, args: string[], self?: string): void {
  const code = f.val(`gget @${slotGlobal(slot)}`, 'dc');
  const compiled = f.blk('dyc'),
    generic = f.blk('dyg');
  if (self !== undefined) {
    const same = f.blk('dys'),
      other = f.blk('dyo');
    f.end(`brif ${f.val(`icmp.eq ${code}, ${f.val(`fref @${self}`, 'me')}`)}, ${same}, ${other}`);
    f.label(same);
    f.end(`tail_call @${self}(${args.join(', ')})`);
    f.label(other);
  }
  f.end(`brif ${code}, ${compiled}, ${generic}`);
  f.label(compiled);
  f.end(`tail_call_indirect ${code}(${args.join(', ')}) : ${entrySig(args.length - 1)}`);
  f.label(generic);
  f.end(`tail_call @${slotGlobal(slot)}$g(${args.join(', ')})`);
}

/** The slot's global declaration, its generic entry (arguments → goal term → matcher)
 *  and its call/N wrapper (goal term → compiled code or matcher). */
export function emitSlot(add: (f: Fn) => void, p: SlotPredicate, functorBits: number): string {
  const name = slotGlobal(p.slot);
  const params = Array.from({ length: p.arity }, (_, i) => `%a${i}`);
  const generic = new Fn(`func @${name}$g(${[...params, '%k'].map((a) => `${a}: ref`).join(', ')}) -> i32`);
  let goal: string;
  if (p.arity === 0) goal = generic.imm(functorBits);
  else {
    goal = generic.val(`new_array :str, ${generic.iconst(p.arity + 1)}`, 'g');
    generic.emit(`aset :str, ${goal}, ${generic.iconst(0)}, ${generic.imm(functorBits)}`);
    params.forEach((a, i) => generic.emit(`aset :str, ${goal}, ${generic.iconst(i + 1)}, ${a}`));
  }
  generic.end(`tail_call @dyn$call(${goal}, %k, ${generic.val('gget @B', 'b')})`);
  add(generic);

  const wrapper = new Fn(`func @${name}$w(%g: ref, %k: ref, %cutb: ref) -> i32`);
  const code = wrapper.val(`gget @${name}`, 'dc');
  const compiled = wrapper.blk('dyc'),
    matcher = wrapper.blk('dyg');
  wrapper.end(`brif ${code}, ${compiled}, ${matcher}`);
  wrapper.label(compiled);
  const args = params.map((_, i) => wrapper.val(`aget :str, %g, ${wrapper.iconst(i + 1)}`, 'a'));
  wrapper.end(`tail_call_indirect ${code}(${[...args, '%k'].join(', ')}) : ${entrySig(p.arity)}`);
  wrapper.label(matcher);
  wrapper.end('tail_call @dyn$call(%g, %k, %cutb)');
  add(wrapper);
  return `global @${name}: i32 = 0`;
}
