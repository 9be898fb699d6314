import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { includeLoader } from '../../src/cli/io.js';
import { SourceFile } from '../../src/source.js';

describe('include loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bgpc-inc-'));
  mkdirSync(join(dir, 'cfg'));
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'cfg', 'vars.conf'), 'define x = 1;\n');
  writeFileSync(join(dir, 'other', 'secret.conf'), 'define y = 2;\n');
  const from = new SourceFile(join(dir, 'cfg', 'bird.conf'), 'include "vars.conf";\n');

  it('loads a file relative to the including file', () => {
    const r = includeLoader([join(dir, 'cfg')])('vars.conf', from);
    expect(r).toBeInstanceOf(SourceFile);
    expect((r as SourceFile).text).toBe('define x = 1;\n');
  });

  it('refuses a file outside the allowed folders, unless allowed', () => {
    const refused = includeLoader([join(dir, 'cfg')])('../other/secret.conf', from);
    expect(refused).toEqual({ error: expect.stringContaining('--allow-include') });
    const allowed = includeLoader([join(dir, 'cfg'), join(dir, 'other')])('../other/secret.conf', from);
    expect(allowed).toBeInstanceOf(SourceFile);
  });

  it('reports a missing file', () => {
    expect(includeLoader([dir])('nope.conf', from)).toEqual({ error: expect.stringContaining('no such file') });
  });
});
