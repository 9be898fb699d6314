/** Seed 000 (FRR router + PureLB BIRD ConfigMap): no error; BFD on the router only (test/fixtures/seeds/000/NOTES.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';

const dir = join(import.meta.dirname, '../../fixtures/seeds/000');
const read = (f: string) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') });

describe('seed 000 lint', () => {
  const r = lint([read('router.frr.conf'), read('purelb-bird-configmap.yaml')], { nodes: read('nodes.txt') });

  it('has no error; BFD is reported one-sided at the PureLB neighbors, with the router range related', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bfd = r.diagnostics.filter((d) => d.code === 'lint/bfd-one-sided');
    expect(bfd.length).toBeGreaterThan(0);
    expect(bfd[0]!.span?.file).toBe('purelb-bird-configmap.yaml');
    expect(bfd[0]!.related?.[0]?.span.file).toBe('router.frr.conf');
  });

  it('IPv4 sessions match the listen range; IPv6 ones lack the nodes IPv6 addresses', () => {
    expect(new Set(r.sessions.map((s) => `${s.neighbor} ${s.status}`))).toEqual(new Set(['192.168.56.100 listen-range-match', '192:168:56::100 local-address-unknown']));
  });
});
