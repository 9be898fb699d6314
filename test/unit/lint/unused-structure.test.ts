import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

describe('lint/unused-structure', () => {
  it('reports unused groups, policies, sets and BFD profiles as info', () => {
    const ds = findings('unused-structure', `speakers:
  - id: r
    kind: daemon
    peerGroups: [{name: spare}]
    bfdProfiles: [{name: fast}, {name: eth, interfaces: ["eth*"]}]
    policy:
      prefixSets: [{name: PL, entries: [{prefix: 10.0.0.0/8}]}]
      policies: [{name: RM, statements: [{result: accept}]}]
`);
    expect(ds.map((d) => d.message)).toEqual([
      'peer group "spare" is defined but never used',
      'policy "RM" is defined but never used',
      'prefix set "PL" is defined but never used',
      'BFD profile "fast" is defined but never used',
    ]);
    expect(ds.every((d) => d.severity === 'info')).toBe(true);
  });

  it('accepts structures that are used (a set used by a policy used by a neighbor)', () => {
    expect(findings('unused-structure', `speakers:
  - id: r
    kind: daemon
    policy:
      prefixSets: [{name: PL, entries: [{prefix: 10.0.0.0/8}]}]
      policies: [{name: RM, statements: [{conditions: [{kind: prefix-set, name: PL}], result: accept}]}]
    peers:
      - {id: a, address: 10.0.0.1, families: [{family: ipv4-unicast, import: {chain: [{kind: policy, name: RM}]}}]}
`)).toEqual([]);
  });
});
