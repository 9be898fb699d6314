import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

describe('lint/asn4-unrepresentable', () => {
  it('flags a Calico ASN above int32 and a standard community with a 4-byte ASN', () => {
    expect(findings('asn4-unrepresentable', `speakers:
  - {id: c, kind: node-group, dialect: {format: calico}, asn: 4200000000}
`)).toHaveLength(1);
    expect(findings('asn4-unrepresentable', `speakers:
  - id: m
    kind: node-group
    advertisements: [{name: a, pools: {kind: all}, communities: ["4200000000:100"]}]
`).map((d) => d.message)).toEqual(['advertisement a: standard community 4200000000:100 needs 16-bit halves; a 4-byte AS needs a large community (4200000000:0:100)']);
  });

  it('accepts 4-byte ASNs where they fit and 2-byte communities', () => {
    expect(findings('asn4-unrepresentable', `speakers:
  - {id: c, kind: daemon, dialect: {format: frr}, asn: 4200000000, advertisements: [{name: a, pools: {kind: all}, communities: ["65000:100"]}]}
`)).toEqual([]);
  });
});
