import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

function setup(nodes: number, limit?: number): object {
  return {
    speakers: [
      {
        id: 'tor',
        kind: 'daemon',
        dialect: { format: 'frr' },
        asn: 65000,
        addresses: ['10.0.0.1'],
        options: limit === undefined ? {} : { listenLimit: limit },
        peerGroups: [{ name: 'k8s', remoteAs: { kind: 'explicit', asn: 65001 } }],
        listenRanges: [{ prefix: '10.0.0.0/16', group: 'k8s' }],
      },
      { id: 'metallb', kind: 'node-group', dialect: { format: 'metallb' }, asn: 65001, peers: [{ id: 'tor', address: '10.0.0.1', remoteAs: { kind: 'explicit', asn: 65000 } }] },
    ],
    nodes: Array.from({ length: nodes }, (_, i) => ({ name: `n${i}`, addresses: [`10.0.${1 + (i >> 8)}.${i & 255}`] })),
  };
}

describe('lint/listen-limit-exceeded', () => {
  it('flags more nodes than the limit, and FRR\'s default limit of 100', () => {
    expect(findings('listen-limit-exceeded', setup(3, 2)).map((d) => d.message)).toEqual(['tor: 3 speakers connect through listen ranges, but the limit is 2']);
    expect(findings('listen-limit-exceeded', setup(101))).toHaveLength(1);
  });

  it('accepts nodes within the limit', () => {
    expect(findings('listen-limit-exceeded', setup(3, 3))).toEqual([]);
    expect(findings('listen-limit-exceeded', setup(100))).toEqual([]);
  });
});
