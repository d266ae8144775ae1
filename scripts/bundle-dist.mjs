// Bundles a build's CLI (the JavaScript tsc wrote into BUILD_DIR) into BUILD_DIR/bundle/:
// one file for the command and one chunk per plugin, which it still imports lazily.
//
//   node scripts/bundle-dist.mjs BUILD_DIR
//
// Why: a run of `jitc` used to load ~1 200 small modules; resolving, reading and compiling
// them one by one was a quarter of a small program's start-up (docs/decisions.md, "The
// command runs a bundle"). npm packages are bundled too, all but koffi (a native addon): a
// run loaded tsyringe's 40 CommonJS files one by one. A module that reads a file next to itself (`new URL('x.jir', import.meta.url)`)
// must still find it: every `import.meta.url` is rewritten to the URL of the module's
// own file in the unbundled tree, where build-dist.mjs copied the assets, or in
// node_modules (yargs finds its locales so).
//
// A separate process because esbuild's plugins need its asynchronous API, and the build
// check that calls this (build-dist.mjs) is synchronous.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import * as esbuild from 'esbuild';

const buildDir = process.argv[2];
if (!buildDir) {
  process.stderr.write('usage: node scripts/bundle-dist.mjs BUILD_DIR\n');
  process.exit(2);
}
const outdir = join(buildDir, 'bundle');

/** Each module keeps its own import.meta.url: the bundle lives elsewhere than its sources. */
const ownModuleUrl = {
  name: 'own-module-url',
  setup(build) {
    build.onLoad({ filter: /\.m?js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      // Chunks all sit in outdir, so one relative path serves whichever chunk gets the module.
      const own = JSON.stringify(relative(outdir, args.path));
      return { contents: text.replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`), loader: 'js' };
    });
  },
};

/** The unbundled tree loads tsyringe with require (framework/src/di-container.ts says why),
 *  which esbuild cannot follow; in the bundle the same two packages are static imports. */
const diContainer = {
  name: 'di-container',
  setup(build) {
    build.onLoad({ filter: /[\\/]framework[\\/]src[\\/]di-container\.js$/ }, (args) => ({
      contents: "import 'reflect-metadata';\nexport { container as rootContainer } from 'tsyringe';\n",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

await esbuild.build({
  entryPoints: { bin: join(buildDir, 'cli/src/bin.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // A native addon: its .node file is found next to its own JavaScript.
  external: ['koffi'],
  chunkNames: 'chunk-[hash]',
  plugins: [diContainer, ownModuleUrl],
  logLevel: 'error',
});
