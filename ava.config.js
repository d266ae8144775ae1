// ava 7 runs the TypeScript tests through tsx; worker threads must be off or the loader is not applied.
export default {
  files: [
    'cli/test/**/*.test.ts',
    'framework/test/**/*.test.ts',
    'plugins/*/test/**/*.test.ts',
    'conformance/test/**/*.test.ts',
  ],
  extensions: { ts: 'module' },
  nodeArguments: ['--import=tsx'],
  workerThreads: false,
  timeout: '10m',
  // Every test program maps a fresh guest buffer; without this glibc's adaptive mmap
  // threshold serves them from the heap and zero-fills them by hand (2x slower suite).
  environmentVariables: { MALLOC_MMAP_THRESHOLD_: '1048576' },
};
