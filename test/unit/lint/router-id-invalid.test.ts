import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

const doc = (routerId: string, address = '10.0.0.2') => `speakers:
  - id: r
    kind: daemon
    asn: 65000
${routerId ? `    routerId: ${routerId}\n` : ''}    peers:
      - {id: a, address: "${address}"}
`;

describe('lint/router-id-invalid', () => {
  it('flags zero, multicast and class E router IDs, and an IPv6-only speaker without one', () => {
    for (const id of ['0.0.0.0', '224.0.0.5', '250.1.1.1', '255.255.255.255']) expect(findings('router-id-invalid', doc(id)), id).toHaveLength(1);
    expect(findings('router-id-invalid', doc('', '2001:db8::2')).map((d) => d.severity)).toEqual(['warning']);
  });

  it('accepts a unicast router ID, and a missing one when IPv4 is around', () => {
    expect(findings('router-id-invalid', doc('192.0.2.1'))).toEqual([]);
    expect(findings('router-id-invalid', doc(''))).toEqual([]);
  });
});
