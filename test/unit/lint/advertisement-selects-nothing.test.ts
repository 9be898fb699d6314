import { describe, expect, it } from 'vitest';
import { findings, where } from './harness.js';

const doc = (ad: string) => `speakers:
  - id: cilium
    kind: node-group
    peers: [{id: tor, address: 10.0.0.1}]
    pools:
      - {name: lb, addresses: [{cidr: 192.0.2.0/28}], labels: {pool: lb}}
    advertisements:
      - ${ad}
`;

describe('lint/advertisement-selects-nothing', () => {
  it('flags a Cilium advertisement without selector, a selector matching no pool, and only unknown peers', () => {
    expect(where('advertisement-selects-nothing', doc('{name: svc, what: service-lb-ip, pools: {kind: none}}'))).toEqual(['- {name: svc, what: service-lb-ip, pools: {kind: none}}']);
    expect(findings('advertisement-selects-nothing', doc('{name: a, pools: {kind: selector, selectors: [{matchLabels: {pool: web}}]}}'))).toHaveLength(1);
    expect(findings('advertisement-selects-nothing', doc('{name: a, pools: {kind: all}, peers: [spine]}'))).toHaveLength(1);
  });

  it('accepts a selector that matches, a service selector, and known peers', () => {
    expect(findings('advertisement-selects-nothing', doc('{name: a, pools: {kind: selector, selectors: [{matchLabels: {pool: lb}}]}, peers: [tor]}'))).toEqual([]);
    expect(findings('advertisement-selects-nothing', doc('{name: a, what: service-lb-ip, pools: {kind: none}, serviceSelector: {}}'))).toEqual([]);
  });
});
