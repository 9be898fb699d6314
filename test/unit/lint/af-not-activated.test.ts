import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/af-not-activated', () => {
  it('flags a neighbor with no family activated (FRR `no bgp default ipv4-unicast` without activate)', () => {
    const doc = pair({ router: { options: { defaultIpv4Unicast: false, ebgpRequiresPolicy: false } } });
    expect(where('af-not-activated', doc)).toEqual(['- id: 10.0.0.2']);
  });

  it('accepts an activated family', () => {
    const doc = pair({ router: { options: { defaultIpv4Unicast: false } }, routerPeer: { families: [{ family: 'ipv4-unicast', activate: true }] } });
    expect(findings('af-not-activated', doc)).toEqual([]);
    expect(findings('af-not-activated', pair({}))).toEqual([]);
  });
});
