import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

const base = `speakers:
  - id: r
    kind: daemon
    asn: 65000
`;

describe('lint/undefined-reference', () => {
  it('flags a missing peer group, BFD profile and route policy', () => {
    const ds = findings('undefined-reference', `${base}    peers:
      - id: a
        address: 10.0.0.1
        group: spine
        bfd: {enabled: true, profile: fast}
        families:
          - family: ipv4-unicast
            activate: true
            import: {chain: [{kind: policy, name: FROM-SPINE}]}
`);
    expect(ds.map((d) => d.message)).toEqual([
      'peer a references peer group "spine", which is not defined',
      'peer a references BFD profile "fast", which is not defined',
      'peer a references policy "FROM-SPINE", which is not defined',
    ]);
    expect(ds.map((d) => d.span?.start.line)).toEqual([7, 10, 14]);
  });

  it('accepts references that are defined', () => {
    const ds = findings('undefined-reference', `${base}    peerGroups:
      - name: spine
    bfdProfiles:
      - name: fast
    policy:
      policies:
        - name: FROM-SPINE
          statements: [{result: accept}]
    peers:
      - id: a
        address: 10.0.0.1
        group: spine
        bfd: {enabled: true, profile: fast}
        families:
          - family: ipv4-unicast
            activate: true
            import: {chain: [{kind: policy, name: FROM-SPINE}]}
`);
    expect(ds).toEqual([]);
  });
});
