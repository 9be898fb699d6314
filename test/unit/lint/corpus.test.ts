/** Issue 7: linting every file of ../shared/corpus finishes without an exception. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';

const corpus = join(import.meta.dirname, '../../../../shared/corpus');
const files = (readdirSync(corpus, { recursive: true }) as string[]).filter((f) => /\.(conf|toml|ya?ml|json)$/.test(f) && !f.endsWith('manifest.jsonl'));

describe('lint over the whole corpus', () => {
  it('has files', () => expect(files.length).toBeGreaterThan(500));

  it('lints every corpus file without an exception', () => {
    const crashed: string[] = [];
    for (const f of files) {
      try {
        const r = lint({ name: f, text: readFileSync(join(corpus, f)) });
        if (!Array.isArray(r.diagnostics)) crashed.push(`${f}: no diagnostics list`);
      } catch (e) {
        crashed.push(`${f}: ${(e as Error).message}`);
      }
    }
    expect(crashed).toEqual([]);
  }, 300_000);
});
