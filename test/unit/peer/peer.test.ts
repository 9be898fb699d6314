import { describe, expect, it } from 'vitest';
import { generatePeer, lint, normalize, parse } from '../../../src/index.js';
import { mergeDocuments } from '../../../src/ir/build.js';

const cluster = `irVersion: "1"
speakers:
  - id: metallb
    kind: node-group
    dialect: {format: metallb}
    asn: 64500
    peers:
      - id: tor
        address: 192.168.56.254
        remoteAs: {kind: explicit, asn: 64501}
        bfd: {enabled: true, profile: fast}
        timers: {holdTime: 90, keepalive: 30}
        password: {kind: secretRef, name: bgp-auth}
        families: [{family: ipv4-unicast, activate: true}]
    bfdProfiles:
      - {name: fast, receiveIntervalUs: 100000, transmitIntervalUs: 100000, detectMultiplier: 5}
    pools:
      - {name: web, addresses: [{cidr: 192.168.100.0/26}, {range: {from: 192.168.101.10, to: 192.168.101.11}}]}
    advertisements:
      - {name: bgp, pools: {kind: all}, aggregationLength: 32}
nodes:
  - {name: n1, addresses: [192.168.56.11]}
  - {name: n2, addresses: [192.168.56.12]}
  - {name: n3, addresses: [192.168.56.13]}
`;

const doc = () => parse({ name: 'cluster.yaml', text: cluster, format: 'ir' }).doc;

describe('bgpc peer: cluster → router', () => {
  const r = generatePeer(doc(), { to: 'frr' });
  const g = r.doc.speakers[0]!;

  it('takes the ASN the cluster expects, a peer group with the cluster ASN, and a listen range covering the nodes', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(g.asn).toBe(64501);
    expect(g.routerId).toBe('192.168.56.254');
    expect(g.peerGroups[0]).toMatchObject({ name: 'metallb', remoteAs: { kind: 'explicit', asn: 64500 }, passive: true });
    expect(g.listenRanges).toEqual([{ prefix: '192.168.56.8/29', group: 'metallb' }]);
    expect(g.options?.listenLimit).toBeUndefined(); // 3 nodes are within FRR's default limit of 100
  });

  it('mirrors BFD (profile values), timers and the password, and marks the Secret as a stub', () => {
    expect(g.peerGroups[0]!.bfd).toEqual({ enabled: true, profile: 'fast' });
    expect(g.bfdProfiles).toEqual([{ name: 'fast', receiveIntervalUs: 100000, transmitIntervalUs: 100000, detectMultiplier: 5 }]);
    expect(g.peerGroups[0]!.timers).toEqual({ holdTime: 90, keepalive: 30 });
    expect(r.diagnostics.map((d) => d.code)).toContain('peer/stub');
  });

  it('accepts only the pools at the advertised aggregation length', () => {
    expect(g.policy.prefixSets[0]!.entries.map((e) => [e.prefix, e.ge, e.le])).toEqual([
      ['192.168.100.0/26', 32, 32],
      ['192.168.101.10/31', 32, 32],
    ]);
    expect(g.peerGroups[0]!.families?.[0]).toMatchObject({ family: 'ipv4-unicast', activate: true, import: { chain: [{ kind: 'policy', name: 'metallb-in' }] } });
  });

  it('raises the FRR listen limit only when the nodes need more than its default of 100', () => {
    const many = { ...doc(), nodes: Array.from({ length: 150 }, (_, i) => ({ name: `n${i}`, addresses: [`192.168.${56 + (i >> 8)}.${i & 255}`] })) };
    expect(generatePeer(many, { to: 'frr' }).doc.speakers[0]!.options?.listenLimit).toBe(150);
  });

  it('with --no-listen-range writes one neighbor per node', () => {
    const n = generatePeer(doc(), { to: 'frr', noListenRange: true }).doc.speakers[0]!;
    expect(n.listenRanges).toEqual([]);
    expect(n.peers.map((p) => p.address)).toEqual(['192.168.56.11', '192.168.56.12', '192.168.56.13']);
  });

  it('the pair lints without errors', () => {
    const both = mergeDocuments([doc(), r.doc]);
    const errors = lint(both).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(lint(both).sessions.map((s) => s.status)).toEqual(['listen-range-match', 'listen-range-match', 'listen-range-match']);
  });

  it('without node addresses, says what is missing', () => {
    const noNodes = { ...doc(), nodes: [] };
    expect(generatePeer(noNodes, { to: 'frr' }).diagnostics.map((d) => d.code)).toContain('peer/missing');
  });
});

const router = `irVersion: "1"
speakers:
  - id: tor
    kind: daemon
    dialect: {format: frr, version: "8.4"}
    asn: 65000
    routerId: 10.0.0.1
    peers:
      - id: 10.0.0.2
        address: 10.0.0.2
        remoteAs: {kind: explicit, asn: 65001}
        families:
          - family: ipv4-unicast
            activate: true
            import: {chain: [{kind: prefix-set, name: LB}], defaultAction: reject}
            export: {chain: [], defaultAction: reject}
    policy:
      prefixSets: [{name: LB, entries: [{prefix: 198.51.100.0/24, ge: 32, le: 32}]}]
`;

describe('bgpc peer: router → cluster and daemon → daemon', () => {
  const doc2 = () => parse({ name: 'tor.yaml', text: router, format: 'ir' }).doc;

  it('router → metallb: a node-group peering back, pools from what the router accepts', () => {
    const r = generatePeer(doc2(), { to: 'metallb' });
    const g = r.doc.speakers[0]!;
    expect(g).toMatchObject({ kind: 'node-group', asn: 65001, dialect: { format: 'metallb' } });
    expect(g.peers.map((p) => [p.address, p.remoteAs])).toEqual([['10.0.0.1', { kind: 'explicit', asn: 65000 }]]);
    expect(g.pools[0]!.addresses).toEqual([{ cidr: '198.51.100.0/24' }]);
    expect(g.advertisements[0]).toMatchObject({ aggregationLength: 32, pools: { kind: 'pools', names: [g.pools[0]!.name] } });
  });

  it('a router that does not say what it accepts gives a marked stub pool', () => {
    const open = parse({ name: 'tor.yaml', text: router.replace(/            import: .*\n/, ''), format: 'ir' }).doc;
    const r = generatePeer(open, { to: 'cilium' });
    expect(r.doc.speakers[0]!.pools[0]!.name).toBe('stub-replace-me');
    expect(r.diagnostics.map((d) => d.code)).toContain('peer/stub');
  });

  it('daemon → daemon: the mirror neighbor, and the pair lints without errors', () => {
    const r = generatePeer(doc2(), { to: 'bird' });
    const g = r.doc.speakers[0]!;
    expect(normalize(r.doc)).toMatchObject({ speakers: [{ asn: 65001, routerId: '10.0.0.2', peers: [{ address: '10.0.0.1', remoteAs: { kind: 'explicit', asn: 65000 } }] }] });
    expect(g.dialect).toEqual({ format: 'bird' });
    expect(lint(mergeDocuments([doc2(), r.doc])).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('several far ends need --address; an unknown AS needs --asn', () => {
    const two = parse({ name: 't.yaml', text: router.replace('    policy:', '      - {id: 10.0.0.3, address: 10.0.0.3, remoteAs: {kind: external}}\n    policy:'), format: 'ir' }).doc;
    expect(generatePeer(two, { to: 'frr' }).diagnostics.map((d) => d.code)).toEqual(['peer/ambiguous']);
    expect(generatePeer(two, { to: 'frr', address: '10.0.0.3' }).diagnostics.map((d) => d.code)).toContain('peer/missing');
    expect(generatePeer(two, { to: 'frr', address: '10.0.0.3', asn: 65003 }).doc.speakers[0]!.asn).toBe(65003);
  });
});
