import type { Module } from '../ir/module.ts';
import { makeLayout } from './memory-map.ts';

/** Where a global lives in static data; lowering stores ref globals there directly. */
export type GlobalAddressOf = (name: string) => number;

/** Bytes per global in the static image (every global gets an 8-byte slot). */
const GLOBAL_SLOT_BYTES = 8;

/**
 * Global addresses as the static image assigns them: 8-byte slots in module order from
 * staticBase, which depends on no run option. This mirrors StaticImage's placement until
 * the image exposes it as a function of the module alone; a test checks both agree.
 */
export function staticImageGlobalAddresses(module: Module): GlobalAddressOf {
  const staticBase = makeLayout().staticBase;
  const addresses = new Map(module.globals.map((g, i) => [g.name, staticBase + i * GLOBAL_SLOT_BYTES]));
  return (name) => {
    const addr = addresses.get(name);
    if (addr === undefined) throw new Error(`unknown global @${name}`);
    return addr;
  };
}
