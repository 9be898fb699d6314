/** Seed 002 (FRR router + Cilium): no error; the real disagreements are reported (see test/fixtures/seeds/002/NOTES.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';

const dir = join(import.meta.dirname, '../../fixtures/seeds/002');
const inputs = ['router.frr.conf', 'cilium.yaml'].map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

describe('seed 002 lint', () => {
  const r = lint(inputs);
  const count = (code: string) => r.diagnostics.filter((d) => d.code === code).length;

  it('has no error', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports the multihop and hold-time disagreements on each FRR neighbor, with the Cilium peer related', () => {
    expect(count('lint/multihop-required')).toBe(3);
    expect(count('lint/hold-time-mismatch')).toBe(3);
    const d = r.diagnostics.find((x) => x.code === 'lint/multihop-required')!;
    expect(d.span?.file).toBe('router.frr.conf');
    expect(d.related?.[0]?.span.file).toBe('cilium.yaml');
  });

  it('pairs FRR neighbors with the Cilium nodes by inference', () => {
    expect(r.sessions.map((s) => s.status)).toEqual(['unique-match', 'unique-match', 'unique-match', 'local-address-unknown']);
  });
});
