import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

const doc = (asn: number, remote: number) => `speakers:
  - id: r
    kind: daemon
    asn: ${asn}
    peers: [{id: a, address: 10.0.0.1, remoteAs: {kind: explicit, asn: ${remote}}}]
`;

describe('lint/private-or-reserved-asn', () => {
  it('private ASNs are info; documentation, AS_TRANS and reserved ones are warnings', () => {
    expect(findings('private-or-reserved-asn', doc(64512, 4200000001)).map((d) => d.severity)).toEqual(['info', 'info']);
    expect(findings('private-or-reserved-asn', doc(64500, 23456)).map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('accepts public ASNs', () => {
    expect(findings('private-or-reserved-asn', doc(13335, 15169))).toEqual([]);
  });
});
