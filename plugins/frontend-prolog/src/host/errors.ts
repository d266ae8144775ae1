import { GuestException } from '#framework';
import type { Heap } from './heap.ts';

/** Raises error(Formal, _) as a guest exception: the IR unwind edge throws it as a ball. */
export function raise(h: Heap, formal: number): never {
  throw new GuestException(h.newStr('error', [formal, h.newVar()]));
}

export const instantiationError = (h: Heap): never => raise(h, h.atom('instantiation_error'));
export const typeError = (h: Heap, type: string, culprit: number): never =>
  raise(h, h.newStr('type_error', [h.atom(type), culprit]));
export const evaluationError = (h: Heap, what: string): never => raise(h, h.newStr('evaluation_error', [h.atom(what)]));
export const domainError = (h: Heap, dom: string, culprit: number): never =>
  raise(h, h.newStr('domain_error', [h.atom(dom), culprit]));
export const representationError = (h: Heap, what: string): never =>
  raise(h, h.newStr('representation_error', [h.atom(what)]));

export function indicator(h: Heap, name: string, arity: number): number {
  return h.newStr('/', [h.atom(name), h.newInt(BigInt(arity))]);
}

export const existenceError = (h: Heap, name: string, arity: number): never => {
  const pi = indicator(h, name, arity);
  throw new GuestException(h.newStr('error', [h.newStr('existence_error', [h.atom('procedure'), pi]), pi]));
};

export const permissionError = (h: Heap, action: string, type: string, culprit: number): never =>
  raise(h, h.newStr('permission_error', [h.atom(action), h.atom(type), culprit]));
