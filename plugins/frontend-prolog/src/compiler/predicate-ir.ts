import type { Term } from '../reader/terms.ts';
import { ClauseEmitter, type EmitContext } from './clause-ir.ts';
import type { Clause } from './desugar.ts';
import { emitFactTableEntry } from './fact-table.ts';
import { Fn } from './ir-text.ts';

export interface Predicate {
  name: string;
  arity: number;
  clauses: Clause[];
  /** IR name stem of the predicate's functions. */
  fn: string;
  /** A fact table's index (fact-table.ts): its clauses are data, not code. */
  table?: number;
}

/** What a clause's first argument lets indexing decide. */
type Key = { kind: 'any' } | { kind: 'imm'; bits: number } | { kind: 'functor'; bits: number } | { kind: 'other' };

/**
 * Emits a static predicate: the entry (first-argument indexing on the dereferenced first
 * argument picks a clause sequence), one function per sequence position (the clause with
 * its later alternatives pending), the retry functions choice points resume, and the
 * wrapper call/N uses.
 */
export function emitPredicate(ctx: EmitContext, p: Predicate): void {
  if (p.table !== undefined) return emitFactTableEntry(ctx, p, p.table);
  const n = p.arity;
  const args = Array.from({ length: n }, (_, i) => `%a${i}`);
  const keys = p.clauses.map((c) => keyOf(ctx, c.head));
  const sequences: number[][] = [];
  const seqIndex = new Map<string, number>();
  const seqOf = (members: number[]): number => {
    const key = members.join(',');
    let j = seqIndex.get(key);
    if (j === undefined) {
      j = sequences.length;
      sequences.push(members);
      seqIndex.set(key, j);
    }
    return j;
  };
  const all = seqOf(p.clauses.map((_, i) => i));
  const entry = new Fn(`func @${p.fn}(${[...args.map((a) => `${a}: ref`), '%k: ref'].join(', ')}) -> i32`);
  const cutb = entry.val('gget @B', 'cutb');
  const call = (j: number): string => `tail_call @${p.fn}$s${j}_0(${[...args, '%k', cutb].join(', ')})`;
  const indexable = n > 0 && keys.some((k) => k.kind === 'imm' || k.kind === 'functor');
  if (!indexable) entry.end(call(all));
  else emitIndex(entry, keys, seqOf, call, all);
  ctx.add(entry);
  sequences.forEach((members, j) => {
    if (members.length === 0) {
      const f = new Fn(
        `func @${p.fn}$s${j}_0(${[...args.map((a) => `${a}: ref`), '%k: ref', '%cutb: ref'].join(', ')}) -> i32`,
      );
      f.end('tail_call @fail()');
      ctx.add(f);
      return;
    }
    members.forEach((ci, i) => {
      const last = i === members.length - 1;
      const alt = last ? null : { next: `${p.fn}$s${j}_${i + 1}`, retry: `${p.fn}$r${j}_${i + 1}` };
      new ClauseEmitter(ctx, `${p.fn}$s${j}_${i}`, n, alt).emit(p.clauses[ci]!);
      if (i > 0) emitRetry(ctx, p, j, i);
    });
  });
  emitWrapper(ctx, p);
}

function keyOf(ctx: EmitContext, head: Term): Key {
  if (head.k !== 'str') return { kind: 'any' };
  const a = head.args[0]!;
  if (a.k === 'var') return { kind: 'any' };
  if (a.k === 'atom') return { kind: 'imm', bits: ctx.syms.imm(a.name) };
  if (a.k === 'int') {
    const g = ctx.consts.ground(a);
    return typeof g === 'number' ? { kind: 'imm', bits: g } : { kind: 'other' };
  }
  if (a.k === 'str') return { kind: 'functor', bits: ctx.syms.imm(a.name, a.args.length) };
  return { kind: 'other' };
}

function emitIndex(f: Fn, keys: Key[], seqOf: (m: number[]) => number, call: (j: number) => string, all: number): void {
  const matching = (kind: 'imm' | 'functor', bits: number): number =>
    seqOf(keys.flatMap((k, i) => (k.kind === 'any' || (k.kind === kind && k.bits === bits) ? [i] : [])));
  const fallback = seqOf(keys.flatMap((k, i) => (k.kind === 'any' || k.kind === 'other' ? [i] : [])));
  const immKeys = [...new Set(keys.flatMap((k) => (k.kind === 'imm' ? [k.bits] : [])))];
  const funKeys = [...new Set(keys.flatMap((k) => (k.kind === 'functor' ? [k.bits] : [])))];
  const d = f.deref('%a0');
  const db = f.val(`ref.bits ${d}`, 'db');
  const ptr = f.blk('ptr'),
    imm = f.blk('imm'),
    dflt = f.blk('dflt'),
    anyb = f.blk('any');
  f.end(`brif ${f.val(`ref.is_ptr ${d}`)}, ${ptr}, ${imm}`);
  f.label(imm);
  for (const bits of immKeys) {
    const hit = f.blk('hit'),
      miss = f.blk('miss');
    f.end(`brif ${f.val(`icmp.eq ${db}, ${f.iconst(bits)}`)}, ${hit}, ${miss}`);
    f.label(hit);
    f.end(call(matching('imm', bits)));
    f.label(miss);
  }
  f.end(`br ${dflt}`);
  f.label(ptr);
  const ty = f.val(`ref.type_id ${d}`, 'ty');
  const strb = f.blk('str');
  f.end(`switch ${ty}, ${dflt}, [1: ${anyb}, 2: ${strb}]`);
  f.label(anyb);
  f.end(call(all));
  f.label(strb);
  const fb = f.val(`ref.bits ${f.val(`aget :str, ${d}, ${f.iconst(0)}`)}`, 'fb');
  for (const bits of funKeys) {
    const hit = f.blk('hit'),
      miss = f.blk('miss');
    f.end(`brif ${f.val(`icmp.eq ${fb}, ${f.iconst(bits)}`)}, ${hit}, ${miss}`);
    f.label(hit);
    f.end(call(matching('functor', bits)));
    f.label(miss);
  }
  f.end(`br ${dflt}`);
  f.label(dflt);
  f.end(call(fallback));
}

/** Resumes a sequence at position i from its choice point (popping it). */
function emitRetry(ctx: EmitContext, p: Predicate, j: number, i: number): void {
  const f = new Fn(`func @${p.fn}$r${j}_${i}(%cp: ref) -> i32`);
  const prev = f.val(`aget :cp, %cp, ${f.iconst(0)}`, 'prev');
  f.emit('call @pop_cp(%cp)');
  const k = f.val(`aget :cp, %cp, ${f.iconst(4)}`, 'k');
  const args = Array.from({ length: p.arity }, (_, a) => f.val(`aget :cp, %cp, ${f.iconst(5 + a)}`, 'a'));
  f.end(`tail_call @${p.fn}$s${j}_${i}(${[...args, k, prev].join(', ')})`);
  ctx.add(f);
}

function emitWrapper(ctx: EmitContext, p: Predicate): void {
  const f = new Fn(`func @${p.fn}$w(%g: ref, %k: ref, %cutb: ref) -> i32`);
  const args = Array.from({ length: p.arity }, (_, a) => f.val(`aget :str, %g, ${f.iconst(1 + a)}`, 'a'));
  f.end(`tail_call @${p.fn}(${[...args, '%k'].join(', ')})`);
  ctx.add(f);
}
