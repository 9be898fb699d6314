import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../../src/lint/index.js';
import { renderCodesTable, renderDefaultsDoc } from '../../support/docs.js';

const docs = join(import.meta.dirname, '../../../docs');
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('generated docs are up to date', () => {
  it('docs/defaults.md matches the defaults tables', () => {
    const path = join(docs, 'defaults.md');
    if (update) writeFileSync(path, renderDefaultsDoc());
    expect(readFileSync(path, 'utf8')).toBe(renderDefaultsDoc());
  });

  it('docs/diagnostics.md lists every catalogue code', () => {
    const path = join(docs, 'diagnostics.md');
    const text = readFileSync(path, 'utf8');
    const begin = '<!-- codes:begin -->\n';
    const end = '\n<!-- codes:end -->';
    const next = text.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), `${begin}${renderCodesTable()}${end}`);
    if (update) writeFileSync(path, next);
    expect(text).toBe(next);
  });

  it('every lint rule has its page in docs/rules', () => {
    for (const r of rules) {
      const page = readFileSync(join(docs, 'rules', `${r.id}.md`), 'utf8');
      expect(page).toContain(`# lint/${r.id}`);
    }
  });
});
