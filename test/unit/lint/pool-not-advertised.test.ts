import { describe, expect, it } from 'vitest';
import { findings, where } from './harness.js';

const doc = (selection: string) => `speakers:
  - id: metallb
    kind: node-group
    pools:
      - {name: public, addresses: [{cidr: 192.0.2.0/28}]}
      - {name: private, addresses: [{cidr: 10.9.0.0/28}]}
    advertisements:
      - {name: bgp, pools: ${selection}}
`;

describe('lint/pool-not-advertised', () => {
  it('flags a pool no advertisement selects', () => {
    expect(where('pool-not-advertised', doc('{kind: pools, names: [public]}'))).toEqual(['- {name: private, addresses: [{cidr: 10.9.0.0/28}]}']);
  });

  it('accepts "all pools" (MetalLB with no selection)', () => {
    expect(findings('pool-not-advertised', doc('{kind: all}'))).toEqual([]);
  });
});
