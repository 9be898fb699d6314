import { describe, expect, it } from 'vitest';
import { findings, where } from './harness.js';

const doc = (a: string, b: string) => `speakers:
  - id: metallb
    kind: node-group
    pools:
      - name: one
        addresses: [${a}]
      - name: two
        addresses: [${b}]
`;

describe('lint/pool-overlap', () => {
  it('flags overlapping CIDRs and ranges, at the later pool address', () => {
    expect(where('pool-overlap', doc('{cidr: 10.0.0.0/24}', '{cidr: 10.0.0.128/25}'))).toEqual(['addresses: [{cidr: 10.0.0.128/25}]']);
    expect(findings('pool-overlap', doc('{cidr: 10.0.0.0/24}', '{range: {from: 10.0.0.250, to: 10.0.1.5}}'))).toHaveLength(1);
  });

  it('accepts disjoint pools and different families', () => {
    expect(findings('pool-overlap', doc('{cidr: 10.0.0.0/25}', '{cidr: 10.0.0.128/25}'))).toEqual([]);
    expect(findings('pool-overlap', doc('{cidr: 10.0.0.0/24}', '{cidr: "::/0"}'))).toEqual([]);
  });
});
