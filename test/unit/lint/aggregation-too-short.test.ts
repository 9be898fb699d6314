import { describe, expect, it } from 'vitest';
import { findings, where } from './harness.js';

const doc = (len: number) => `speakers:
  - id: metallb
    kind: node-group
    pools:
      - {name: lb, addresses: [{cidr: 192.0.2.0/26}, {range: {from: 192.0.2.100, to: 192.0.2.110}}]}
    advertisements:
      - {name: agg, pools: {kind: all}, aggregationLength: ${len}}
`;

describe('lint/aggregation-too-short', () => {
  it('flags an aggregation length shorter than the pool prefix', () => {
    expect(where('aggregation-too-short', doc(24))).toEqual(['- {name: agg, pools: {kind: all}, aggregationLength: 24}']);
  });

  it('accepts lengths at least the pool prefix (ranges have none)', () => {
    expect(findings('aggregation-too-short', doc(26))).toEqual([]);
    expect(findings('aggregation-too-short', doc(32))).toEqual([]);
  });
});
