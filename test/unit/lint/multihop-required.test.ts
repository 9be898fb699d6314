import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/multihop-required', () => {
  it('flags the single-hop end of an eBGP session whose other end is multihop', () => {
    expect(where('multihop-required', pair({ otherPeer: { multihop: { enabled: true, ttl: 2 } } }))).toEqual(['- id: 10.0.0.2']);
  });

  it('accepts multihop on both ends, disable-connected-check, and iBGP', () => {
    expect(findings('multihop-required', pair({ otherPeer: { multihop: { enabled: true, ttl: 2 } }, routerPeer: { multihop: { enabled: true } } }))).toEqual([]);
    expect(findings('multihop-required', pair({ otherPeer: { multihop: { enabled: true, ttl: 2 } }, routerPeer: { disableConnectedCheck: true } }))).toEqual([]);
  });
});
