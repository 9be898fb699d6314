import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';

const base = `irVersion: "1"
speakers:
  - id: r
    kind: daemon
    asn: 65000
`;

const run = (body: string) => lint({ name: 'r.yaml', text: base + body, format: 'ir' }).diagnostics;

describe('lint/undefined-reference', () => {
  it('flags a missing peer group, BFD profile and route policy', () => {
    const ds = run(`    peers:
      - id: a
        address: 10.0.0.1
        group: spine
        bfd: {enabled: true, profile: fast}
        families:
          - family: ipv4-unicast
            activate: true
            import: {chain: [{kind: policy, name: FROM-SPINE}]}
`);
    expect(ds.map((d) => d.code)).toEqual(['lint/undefined-reference', 'lint/undefined-reference', 'lint/undefined-reference']);
    expect(ds.map((d) => d.message)).toEqual([
      'peer a references peer group "spine", which is not defined',
      'peer a references BFD profile "fast", which is not defined',
      'peer a references policy "FROM-SPINE", which is not defined',
    ]);
  });

  it('accepts references that are defined', () => {
    const ds = run(`    peerGroups:
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
