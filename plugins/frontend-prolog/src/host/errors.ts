import { GuestException } from '#framework';
import type { Desc, Heap } from './heap.ts';
import { copyOf } from './term-ops.ts';

/** Raises error(Formal, _) as a guest exception: the IR unwind edge throws it as a ball.
 *  The ball is a copy, as throw/1's: unwinding to the handler undoes the bindings its
 *  culprit may hold (SWI: `type_error(integer, f('A b'))`, not `f(_)`). */
export function raise(h: Heap, formal: Desc): never {
  const ball = h.build(h.str('error', formal, h.fresh()));
  throw new GuestException(h.build(copyOf(h, ball)));
}

export const instantiationError = (h: Heap): never => raise(h, h.atom('instantiation_error'));
export const typeError = (h: Heap, type: string, culprit: Desc): never =>
  raise(h, h.str('type_error', h.atom(type), culprit));
export const evaluationError = (h: Heap, what: string): never => raise(h, h.str('evaluation_error', h.atom(what)));
export const domainError = (h: Heap, dom: string, culprit: Desc): never =>
  raise(h, h.str('domain_error', h.atom(dom), culprit));
export const representationError = (h: Heap, what: string): never =>
  raise(h, h.str('representation_error', h.atom(what)));

export function indicator(h: Heap, name: string, arity: number): Desc {
  return h.str('/', h.atom(name), h.int(BigInt(arity)));
}

export const existenceError = (h: Heap, name: string, arity: number): never => {
  const pi = indicator(h, name, arity);
  throw new GuestException(h.build(h.str('error', h.str('existence_error', h.atom('procedure'), pi), pi)));
};

export const permissionError = (h: Heap, action: string, type: string, culprit: Desc): never =>
  raise(h, h.str('permission_error', h.atom(action), h.atom(type), culprit));
