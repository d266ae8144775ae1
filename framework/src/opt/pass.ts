import type { Module } from '../ir/module.ts';

/** An IR→IR transformation over a whole module. */
export interface Pass {
  readonly name: string;
  readonly description: string;
  /** Returns true when it changed the module. */
  run(m: Module): boolean;
}
