// Bundles the CLI into one file, dist/bgpc.mjs (the package's `bin`).
//
// Why: started from dist/src/cli/main.js, Node resolves, reads and compiles
// some 300 ES modules (ours, chevrotain's, zod's, yaml's, ajv's) before the
// CLI reads a byte; that was most of the time of a small `bgpc convert`.
// One bundled file halves it. The library (dist/src/index.js) stays unbundled.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/bgpc.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  define: { BGPC_VERSION: JSON.stringify(pkg.version) },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __bgpcRequire } from 'node:module';\nconst require = __bgpcRequire(import.meta.url);" },
  logLevel: 'warning',
});
