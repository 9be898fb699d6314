/** .bgpcrc files: read with the same YAML limits as inputs; errors are one line with a position. */
import { describe, expect, it } from 'vitest';
import { parseLintConfig } from '../../../src/lint/config.js';

describe('parseLintConfig', () => {
  it('reads rules and acknowledged findings', () => {
    const r = parseLintConfig('rules:\n  lint/asn-mismatch: off\nacknowledged:\n  - { code: lint/md5-one-sided, file: router.conf, line: 12, reason: fabric }\n');
    expect(r.error).toBeUndefined();
    expect(r.config?.rules).toEqual({ 'asn-mismatch': 'off' });
  });

  it('refuses deep nesting and alias bombs with a clear message, never a crash', () => {
    const deep = parseLintConfig(`rules: ${'['.repeat(500)}${']'.repeat(500)}\n`);
    expect(deep.error).toMatch(/nesting deeper than \d+ levels/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'rules: *h'].join('\n');
    expect(parseLintConfig(bomb).error).toMatch(/alias/);
  });

  it('reports a syntax error with its line', () => {
    expect(parseLintConfig('rules:\n  x: "open\n').error).toMatch(/^2:/);
  });
});
