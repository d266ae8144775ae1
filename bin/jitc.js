#!/usr/bin/env node
// The npm bin: registers tsx's ESM loader in this process (no second node to start),
// then runs the TypeScript CLI. Kept in plain JavaScript because nothing can load .ts yet.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Pin the project's tsconfig: tsx would otherwise look in the caller's working directory.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
try {
  await import('../framework/src/cli/bin.ts');
} catch (err) {
  // Only a broken installation or a module that fails to load gets here.
  process.stderr.write(`jitc: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.JITC_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(70);
}
