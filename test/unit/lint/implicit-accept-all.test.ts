import { describe, expect, it } from 'vitest';
import { findings, where } from './harness.js';

const doc = (format: string, extra = '') => `speakers:
  - id: nodes
    kind: node-group
    dialect: {format: ${format}}
    asn: 64512
    peers:
      - id: tor
        address: 10.0.0.1
        remoteAs: {kind: explicit, asn: 65000}
        families: [{family: ipv4-unicast, activate: true${extra}}]
`;

describe('lint/implicit-accept-all', () => {
  it('flags a Calico node speaker that imports everything by default', () => {
    expect(where('implicit-accept-all', doc('calico'))).toEqual(['- id: tor']);
  });

  it('accepts MetalLB (denies received routes) and an explicit import policy', () => {
    expect(findings('implicit-accept-all', doc('metallb'))).toEqual([]);
    expect(findings('implicit-accept-all', doc('calico', ', import: {chain: [], defaultAction: accept}'))).toEqual([]);
  });
});
