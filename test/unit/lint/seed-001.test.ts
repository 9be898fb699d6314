/** Seed 001 (loxilb GoBGP + Calico BGPPeer): no error; default drift and the accept-all import reported (test/fixtures/seeds/001/NOTES.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';

const dir = join(import.meta.dirname, '../../fixtures/seeds/001');
const read = (f: string) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') });

describe('seed 001 lint', () => {
  const r = lint([read('loxilb.gobgp.yaml'), read('calico.yaml')], { nodes: read('nodes.txt') });
  const codes = r.diagnostics.map((d) => d.code);

  it('has no error', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports the hold-time and graceful-restart default drift (240 s BIRD vs 90 s GoBGP) and the accept-all import', () => {
    const drift = r.diagnostics.filter((d) => d.code === 'lint/silent-default-drift').map((d) => d.message);
    expect(drift.some((m) => m.includes('240 s') && m.includes('90 s'))).toBe(true);
    expect(codes).toContain('lint/gr-asymmetric');
    expect(codes).toContain('lint/implicit-accept-all');
  });

  it('pairs the sessions as far as the configs say', () => {
    expect(r.sessions.map((s) => `${s.from} ${s.neighbor} ${s.status}`)).toEqual([
      'gobgpd 192.168.57.101 local-address-unknown',
      'gobgpd 192.168.20.55 unknown-remote',
      'calico@calico-node 192.168.57.4 unique-match',
    ]);
  });

  it('a wrong AS on the Calico side is flagged at the BGPPeer, with loxilb related', () => {
    const bad = lint([read('loxilb.gobgp.yaml'), { name: 'calico.yaml', text: read('calico.yaml').text.replace('asNumber: 65002', 'asNumber: 65003') }], { nodes: read('nodes.txt') });
    const d = bad.diagnostics.find((x) => x.code === 'lint/asn-mismatch');
    expect(d?.span?.file).toBe('calico.yaml');
    expect(d?.related?.[0]?.span.file).toBe('loxilb.gobgp.yaml');
  });
});
