import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/both-passive', () => {
  it('flags two passive ends, and a passive neighbor facing a listen range', () => {
    expect(where('both-passive', pair({ routerPeer: { passive: true }, otherPeer: { passive: true } }))).toHaveLength(1);
    const range = pair({ router: { peers: [], peerGroups: [{ name: 'g', remoteAs: { kind: 'external' } }], listenRanges: [{ prefix: '10.0.0.0/24', group: 'g' }] }, otherPeer: { passive: true } });
    expect(where('both-passive', range)).toEqual(['- id: 10.0.0.1']);
  });

  it('accepts one active end', () => {
    expect(findings('both-passive', pair({ routerPeer: { passive: true } }))).toEqual([]);
  });
});
