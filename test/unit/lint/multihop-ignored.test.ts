import { describe, expect, it } from 'vitest';
import { findings, where } from './harness.js';

const doc = (remote: number, multihop: string) => `speakers:
  - id: r
    kind: daemon
    asn: 65000
    peers:
      - id: a
        address: 10.0.0.2
        remoteAs: {kind: explicit, asn: ${remote}}
        multihop: ${multihop}
`;

describe('lint/multihop-ignored', () => {
  it('flags multihop on iBGP and multihop with TTL 1', () => {
    expect(where('multihop-ignored', doc(65000, '{enabled: true}'))).toEqual(['multihop: {enabled: true}']);
    expect(findings('multihop-ignored', doc(65001, '{enabled: true, ttl: 1}'))).toHaveLength(1);
  });

  it('accepts eBGP multihop with a TTL above 1', () => {
    expect(findings('multihop-ignored', doc(65001, '{enabled: true, ttl: 3}'))).toEqual([]);
  });
});
