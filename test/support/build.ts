/**
 * vitest globalSetup: CLI tests run the built `bgpc`, so build once before the
 * run. tsc still emits when there are type errors; those are reported here and
 * fail `npm test` in its typecheck step, so a type error elsewhere does not
 * stop unrelated tests from running during development.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    encoding: 'utf8',
  });
  if (r.status !== 0) console.warn(`[bgpc tests] the build reported type errors:\n${r.stdout}${r.stderr}`);
  // The bundled CLI (dist/bgpc.mjs, the package's bin) that test/cli/cli.test.ts runs.
  const b = spawnSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`[bgpc tests] bundling the CLI failed:\n${b.stdout}${b.stderr}`);
}
