import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/ibgp-ebgp-mismatch', () => {
  it('flags remote-as internal towards another AS and external towards the same AS', () => {
    expect(where('ibgp-ebgp-mismatch', pair({ routerPeer: { remoteAs: { kind: 'internal' } } }))).toEqual(['- id: 10.0.0.2']);
    const same = pair({ other: { asn: 65000 }, otherPeer: { remoteAs: { kind: 'external' } }, routerPeer: { remoteAs: { kind: 'internal' } } });
    expect(where('ibgp-ebgp-mismatch', same)).toEqual(['- id: 10.0.0.1']);
  });

  it('accepts external towards another AS and internal within one', () => {
    expect(findings('ibgp-ebgp-mismatch', pair({ routerPeer: { remoteAs: { kind: 'external' } } }))).toEqual([]);
    expect(findings('ibgp-ebgp-mismatch', pair({ other: { asn: 65000 }, otherPeer: { remoteAs: { kind: 'internal' } }, routerPeer: { remoteAs: { kind: 'internal' } } }))).toEqual([]);
  });
});
