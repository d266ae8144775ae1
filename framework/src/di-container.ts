// tsyringe's root container, the parent of every Registry's. Its own module so that the
// bundle (scripts/bundle-dist.mjs) can swap this file for static imports, which esbuild
// follows into the packages; the unbundled tree keeps the require below.
//
// Loaded with require, not import: both are CommonJS packages (tsyringe of 40 files), and
// importing them through the ESM loader took 3-4x as long (130-200 ms against 40-60 ms
// measured on this machine), a large part of the command's start-up. tsyringe refuses to
// load without the Reflect metadata polyfill, though no decorator is used here.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('reflect-metadata');
export const rootContainer = (require('tsyringe') as typeof import('tsyringe')).container;
