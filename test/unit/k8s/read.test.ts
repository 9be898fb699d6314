import { describe, expect, it } from 'vitest';
import { emit, parse, type Diagnostic } from '../../../src/index.js';
import { calicoSelector } from '../../../src/parse/k8s/calico.js';
import { durationSeconds } from '../../../src/parse/k8s/context.js';
import { checkCrds } from '../../support/crds.js';

function read(text: string, format = 'k8s') {
  return parse({ name: 'in.yaml', text, format });
}

function at(d: Diagnostic | undefined): string {
  return d?.span ? `${d.span.start.line}:${d.span.start.column}` : '-';
}

const METALLB = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: p1
spec:
  myASN: 64512
  dynamicASN: external
  peerAddress: 10.0.0.1
  holdTime: 1m30s
  bfdProfile: fast
  passwordSecret:
    name: auth
---
apiVersion: metallb.io/v1beta1
kind: BFDProfile
metadata:
  name: fast
spec:
  receiveInterval: 150
  echoInterval: 60
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: pool
spec:
  addresses: [192.0.2.0/24, 198.51.100.10-198.51.100.20]
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata:
  name: all-pools
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
`;

describe('k8s reader', () => {
  it('maps MetalLB resources with their semantics made explicit', () => {
    const r = read(METALLB);
    expect(r.status).toBe('ok');
    const s = r.doc.speakers[0]!;
    expect(s.kind).toBe('node-group');
    expect(s.dialect).toEqual({ format: 'metallb', apiVersion: 'metallb.io/v1beta2', backend: 'frr' });
    expect(s.asn).toBe(64512);
    const p = s.peers[0]!;
    expect(p.remoteAs).toEqual({ kind: 'external' });
    expect(p.timers).toEqual({ holdTime: 90 });
    expect(p.bfd).toEqual({ enabled: true, profile: 'fast' });
    expect(p.password).toEqual({ kind: 'secretRef', name: 'auth', key: 'password' });
    expect(p.families?.map((f) => [f.family, f.activate])).toEqual([['ipv4-unicast', true]]);
    // ms → µs, one echo interval for both directions
    expect(s.bfdProfiles[0]).toMatchObject({ name: 'fast', receiveIntervalUs: 150000, echoReceiveIntervalUs: 60000, echoTransmitIntervalUs: 60000 });
    expect(s.pools[0]!.addresses.map((a) => ('cidr' in a ? a.cidr : `${a.range.from}-${a.range.to}`))).toEqual(['192.0.2.0/24', '198.51.100.10-198.51.100.20']);
    // MetalLB: an advertisement that names no pool announces every pool.
    expect(s.advertisements[0]!.pools).toEqual({ kind: 'all' });
    const ignored = r.diagnostics.find((d) => d.code === 'parse/ignored' && d.message.includes('Deployment'));
    expect(at(ignored)).toBe('34:1');
  });

  it('keeps Cilium "no selector = nothing" and the advertisement selection by label', () => {
    const r = read(`apiVersion: cilium.io/v2
kind: CiliumBGPAdvertisement
metadata:
  name: lb
  labels: {adv: bgp}
spec:
  advertisements:
  - advertisementType: Service
    service: {addresses: [LoadBalancerIP]}
---
apiVersion: cilium.io/v2
kind: CiliumBGPPeerConfig
metadata: {name: pc}
spec:
  families:
  - {afi: ipv4, safi: unicast, advertisements: {matchLabels: {adv: bgp}}}
---
apiVersion: cilium.io/v2
kind: CiliumBGPClusterConfig
metadata: {name: cc}
spec:
  bgpInstances:
  - name: i1
    localASN: 65001
    localPort: 179
    peers:
    - {name: tor, peerAddress: 10.0.0.1, peerASN: 0, peerConfigRef: {name: pc}}
`);
    const s = r.doc.speakers[0]!;
    expect(s.id).toBe('cilium/cc/i1');
    expect(s.listen).toMatchObject({ enabled: true, port: 179 });
    expect(s.peers[0]!.remoteAs).toEqual({ kind: 'any' });
    expect(s.advertisements[0]).toMatchObject({ name: 'lb', what: 'service-lb-ip', pools: { kind: 'none' }, labels: { adv: 'bgp' } });
    expect(s.peerGroups[0]!.families?.[0]?.advertisementSelector).toEqual({ matchLabels: { adv: 'bgp' } });
  });

  it('reads kind: List items with spans at the item', () => {
    const r = read(`apiVersion: v1
kind: List
items:
- apiVersion: projectcalico.org/v3
  kind: BGPPeer
  metadata: {name: a}
  spec: {peerIP: 10.0.0.1, asNumber: 65000}
- apiVersion: projectcalico.org/v3
  kind: BGPPeer
  metadata: {name: b}
  spec: {peerIP: "[fd00::1]:1790", asNumber: 65000, nodeSelector: "rack in {'a', 'b'} && !has(edge)"}
`);
    const peers = r.doc.speakers[0]!.peers;
    expect(peers.map((p) => p.id)).toEqual(['a', 'b']);
    expect(peers[1]).toMatchObject({ address: 'fd00::1', port: 1790 });
    expect(peers[1]!.nodeSelector).toEqual({ matchExpressions: [{ key: 'rack', operator: 'In', values: ['a', 'b'] }, { key: 'edge', operator: 'DoesNotExist' }] });
    expect(peers[1]!.origin?.[0]?.start.line).toBe(8);
  });

  it('reports schema errors at the offending node and does not map the object', () => {
    const r = read(`apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: bad
spec:
  myASN: "64512"
  peerAddress: 10.0.0.1
`);
    const d = r.diagnostics.find((x) => x.code === 'parse/invalid');
    expect(d?.message).toContain('spec.myASN must be integer');
    expect(at(d)).toBe('6:10');
    expect(r.doc.speakers).toEqual([]);
  });

  it('reads the legacy MetalLB ConfigMap with spans inside the embedded YAML', () => {
    const r = read(`apiVersion: v1
kind: ConfigMap
metadata:
  namespace: metallb-system
  name: config
data:
  config: |
    peers:
    - my-asn: 64512
      peer-asn: 64513
      peer-address: 10.0.0.999
    address-pools:
    - name: p
      protocol: bgp
      addresses: [192.0.2.0/24]
`);
    const bad = r.diagnostics.find((d) => d.code === 'parse/invalid');
    expect(at(bad)).toBe('11:21');
    expect(r.doc.speakers[0]!.advertisements[0]).toMatchObject({ name: 'p', pools: { kind: 'pools', names: ['p'] } });
  });

  it('translates Calico selectors only when a label selector says the same', () => {
    expect(calicoSelector('all()')).toEqual({});
    expect(calicoSelector("a == 'x' && b != 'y' && has(c)")).toEqual({ matchLabels: { a: 'x' }, matchExpressions: [{ key: 'b', operator: 'NotIn', values: ['y'] }, { key: 'c', operator: 'Exists' }] });
    expect(calicoSelector("a == 'x' || b == 'y'")).toBeUndefined();
  });

  it('reads Go durations in whole seconds', () => {
    expect(durationSeconds('90s')).toBe(90);
    expect(durationSeconds('1m30s')).toBe(90);
    expect(durationSeconds('1500ms')).toBeUndefined();
    expect(durationSeconds('soon')).toBeUndefined();
  });

  it('reads loxilb peers and core Node objects', () => {
    const r = read(`apiVersion: bgppeer.loxilb.io/v1
kind: BGPPeerService
metadata: {name: tor}
spec: {ipAddress: 192.0.2.1, remoteAs: 65123, remotePort: 1179}
---
apiVersion: v1
kind: Node
metadata:
  name: worker1
  labels: {rack: a}
  annotations: {projectcalico.org/ASNumber: "64600", projectcalico.org/IPv4Address: 10.0.0.5/24}
status:
  addresses:
  - {type: Hostname, address: worker1}
  - {type: InternalIP, address: 10.0.0.5}
`);
    const lox = r.doc.speakers.find((s) => s.dialect?.format === 'loxilb')!;
    expect(lox.peers[0]).toMatchObject({ address: '192.0.2.1', port: 1179, remoteAs: { kind: 'explicit', asn: 65123 } });
    expect(r.doc.nodes).toEqual([expect.objectContaining({ name: 'worker1', addresses: ['10.0.0.5'], labels: { rack: 'a' } })]);
    const calico = r.doc.speakers.find((s) => s.dialect?.format === 'calico')!;
    expect(calico.nodeOverrides).toEqual([expect.objectContaining({ node: 'worker1', asn: 64600, localAddress: '10.0.0.5' })]);
  });

  it('never throws on bad input', () => {
    for (const text of ['', '---\n---\n', 'a: [', '- 1\n- 2\n', 'apiVersion: x\nkind: 3\n', 'apiVersion: v1\nkind: List\nitems: 7\n', '\u0000\u0001']) {
      expect(() => read(text)).not.toThrow();
    }
  });
});

describe('k8s writers', () => {
  const CILIUM_WITH_BFD = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: p}
spec: {myASN: 64512, peerASN: 64600, peerAddress: 10.0.0.1, bfdProfile: b, holdTime: 30s}
---
apiVersion: metallb.io/v1beta1
kind: BFDProfile
metadata: {name: b}
spec: {}
`;

  it('reports what Cilium and Calico cannot express, at the source span', () => {
    const r = read(CILIUM_WITH_BFD);
    const c = emit(r.doc, { to: 'cilium' });
    const bfd = c.diagnostics.find((d) => d.code === 'emit/not-rendered' && d.message.includes('BFD'));
    expect(at(bfd)).not.toBe('-');
    const k = emit(r.doc, { to: 'calico' });
    expect(k.diagnostics.some((d) => d.code === 'emit/not-rendered' && d.message.includes('hold time 30s'))).toBe(true);
    for (const out of [c, k]) expect(checkCrds(out.text!).errors).toEqual([]);
  });

  it('writes effective values that differ from the target default (MetalLB FRR 180 s → Cilium)', () => {
    const r = read(`apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: p}
spec: {myASN: 64512, peerASN: 64600, peerAddress: 10.0.0.1}
`);
    const c = emit(r.doc, { to: 'cilium' }).text!;
    expect(c).toContain('holdTimeSeconds: 180');
    // and nothing when the target default is the same
    expect(emit(r.doc, { to: 'metallb' }).text).not.toContain('holdTime');
  });

  it('turns literal passwords into a Secret plus a reference', () => {
    const r = read(`apiVersion: metallb.io/v1beta1
kind: BGPPeer
metadata: {name: p}
spec: {myASN: 64512, peerASN: 64600, peerAddress: 10.0.0.1, password: pw}
`);
    const out = emit(r.doc, { to: 'metallb' }).text!;
    expect(out).toContain('kind: Secret');
    expect(out).toContain('passwordSecret:');
    const again = parse({ name: 'x.yaml', text: out, format: 'metallb' });
    expect(again.doc.speakers[0]!.peers[0]!.password).toEqual({ kind: 'literal', value: 'pw' });
  });
});
