/**
 * Cluster → speaker config (src/cluster/instantiate.ts): node choice, selector
 * evaluation, overrides, project semantics, advertisements, and the errors
 * when the node cannot be known.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, instantiateNode, parse, type Diagnostic } from '../../../src/index.js';
import type { Speaker } from '../../../src/ir/schema.js';
import { checkWith, daemonOrFail } from '../../support/daemons.js';

const golden = join(import.meta.dirname, '../../golden/k8s');
const seed = (c: string, f: string) => readFileSync(join(golden, c, f), 'utf8');

function doc(text: string) {
  const r = parse({ name: 'in.yaml', text, format: 'k8s' });
  expect(r.status).toBe('ok');
  return r.doc;
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const at = (d: Diagnostic | undefined) => (d?.span ? `${d.span.file}:${d.span.start.line}:${d.span.start.column}` : '-');

const NODES = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: { name: a1, labels: { rack: a } }
  status: { addresses: [ { type: InternalIP, address: 10.0.0.11 }, { type: InternalIP, address: 'fd00::11' } ] }
- apiVersion: v1
  kind: Node
  metadata: { name: b1, labels: { rack: b } }
  status: { addresses: [ { type: InternalIP, address: 10.0.1.11 } ] }
`;

const METALLB = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: { name: tor-a, namespace: metallb-system }
spec:
  myASN: 64512
  peerASN: 64600
  peerAddress: 10.0.0.1
  nodeSelectors:
  - matchLabels: { rack: a }
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: { name: tor-bc, namespace: metallb-system }
spec:
  myASN: 64512
  peerASN: 64600
  peerAddress: 10.0.1.1
  nodeSelectors:
  - matchLabels: { rack: b }
  - matchLabels: { rack: c }
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: { name: pool, namespace: metallb-system }
spec:
  addresses: [ 198.51.100.0/24 ]
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata: { name: agg, namespace: metallb-system }
spec:
  aggregationLength: 24
  communities: [ '65000:7' ]
`;

function only(speakers: Speaker[]): Speaker {
  expect(speakers).toHaveLength(1);
  return speakers[0]!;
}

describe('choosing the node', () => {
  it('without --node: one config when nothing depends on the node (seed 004)', () => {
    const r = instantiateNode(doc(seed('seed-004-metallb-configmap', 'input.metallb.yaml')), { target: 'frr' });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.node).toBeUndefined();
    const s = only(r.doc.speakers);
    expect(s.kind).toBe('daemon');
    expect(s.routerId).toBeUndefined();
    expect(codes(r.diagnostics)).toContain('cluster/node-value');
  });

  it('without --node: an error when selectors need a node (seed 002), with the span of the selector', () => {
    const r = instantiateNode(doc(seed('seed-002-cilium', 'input.cilium.yaml')), { target: 'gobgp' });
    expect(codes(errors(r.diagnostics))).toEqual(['cluster/node-required']);
    expect(r.diagnostics[0]!.hint).toContain('--node');
    expect(r.doc.speakers).toEqual([]);
  });

  it('without --node: the only Node object of the inputs is the node', () => {
    const d = doc(`${METALLB}---\napiVersion: v1\nkind: Node\nmetadata: { name: solo, labels: { rack: b } }\nstatus: { addresses: [ { type: InternalIP, address: 10.0.1.50 } ] }\n`);
    const r = instantiateNode(d, { target: 'bird' });
    expect(r.node).toBe('solo');
    expect(only(r.doc.speakers).peers.map((p) => p.id)).toEqual(['tor-bc']);
  });

  it('an unknown node among Node objects is an error listing the known ones', () => {
    const r = instantiateNode(doc(`${METALLB}---\n${NODES}`), { node: 'zz', target: 'frr' });
    const e = errors(r.diagnostics);
    expect(codes(e)).toEqual(['cluster/unknown-node']);
    expect(e[0]!.message).toContain('a1, b1');
  });

  it('no Node objects: a selector on labels other than the hostname cannot be evaluated (error with span)', () => {
    const r = instantiateNode(doc(METALLB), { node: 'a1', target: 'frr' });
    const e = errors(r.diagnostics);
    expect(codes(e)).toContain('cluster/unresolved-selector');
    expect(e.map(at)).toContain('in.yaml:1:1');
    expect(r.doc.speakers).toEqual([]);
  });

  it('no Node objects: a hostname selector (Calico `node:`) is still evaluated from the name', () => {
    const calico = `apiVersion: projectcalico.org/v3
kind: BGPPeer
metadata: { name: only-n1 }
spec: { peerIP: 10.9.0.1, asNumber: 65009, node: n1 }
---
apiVersion: projectcalico.org/v3
kind: BGPPeer
metadata: { name: everyone }
spec: { peerIP: 10.9.0.2, asNumber: 65009 }
`;
    const n1 = instantiateNode(doc(calico), { node: 'n1', target: 'bird' });
    expect(errors(n1.diagnostics)).toEqual([]);
    expect(only(n1.doc.speakers).peers.map((p) => p.address)).toEqual(['10.9.0.1', '10.9.0.2']);
    const n2 = instantiateNode(doc(calico), { node: 'n2', target: 'bird' });
    expect(only(n2.doc.speakers).peers.map((p) => p.address)).toEqual(['10.9.0.2']);
  });

  it('a Calico selector expression bgpc cannot translate is an error, not a guess', () => {
    const calico = `apiVersion: projectcalico.org/v3
kind: BGPPeer
metadata: { name: odd }
spec: { peerIP: 10.9.0.1, asNumber: 65009, nodeSelector: "rack == 'a' || rack == 'b'" }
`;
    const r = instantiateNode(doc(`${calico}---\n${NODES}`), { node: 'a1', target: 'bird' });
    const e = errors(r.diagnostics);
    expect(codes(e)).toEqual(['cluster/unresolved-selector']);
    expect(at(e[0])).toBe('in.yaml:4:58');
  });

  it('a speaker whose selector leaves the node out: no speaker, an error', () => {
    const text = seed('seed-002-cilium', 'input.cilium.yaml');
    const r = instantiateNode(doc(`${text}---\napiVersion: v1\nkind: Node\nmetadata: { name: plain }\n`), { node: 'plain', target: 'gobgp' });
    expect(codes(errors(r.diagnostics))).toEqual(['cluster/no-speaker']);
    expect(codes(r.diagnostics)).toContain('cluster/not-on-node');
  });
});

describe('one node of MetalLB', () => {
  const d = doc(`${METALLB}---\n${NODES}`);

  it('node selectors (several are ORed) pick the peers of each node', () => {
    expect(only(instantiateNode(d, { node: 'a1', target: 'frr' }).doc.speakers).peers.map((p) => p.id)).toEqual(['tor-a']);
    expect(only(instantiateNode(d, { node: 'b1', target: 'frr' }).doc.speakers).peers.map((p) => p.id)).toEqual(['tor-bc']);
  });

  it("renders MetalLB's template: options, filters per neighbor, networks at the aggregation length", () => {
    const r = instantiateNode(d, { node: 'a1', target: 'frr' });
    const s = only(r.doc.speakers);
    expect(s.options).toMatchObject({ ebgpRequiresPolicy: false, defaultIpv4Unicast: false, networkImportCheck: false });
    expect(s.gracefulRestart?.preserveForwardingState).toBe(true);
    expect(s.listen?.enabled).toBe(false);
    expect(s.hostname).toBe('a1');
    expect(s.routerId).toBeUndefined(); // FRR picks it, as in MetalLB
    expect(s.networks.map((n) => n.prefix)).toEqual(['198.51.100.0/24']);
    expect(s.policy.policies.map((p) => p.name)).toEqual(['10.0.0.1-out', '10.0.0.1-in']);
    expect(s.policy.prefixSets.map((p) => p.name)).toEqual(['10.0.0.1-65000:7-ip-community-prefixes', '10.0.0.1-allowed-ipv4', '10.0.0.1-allowed-ipv6']);
    const fam = s.peers[0]!.families!.find((f) => f.family === 'ipv4-unicast')!;
    expect(fam.export?.chain).toEqual([{ kind: 'policy', name: '10.0.0.1-out' }]);
    expect(fam.import?.chain).toEqual([{ kind: 'policy', name: '10.0.0.1-in' }]);
    expect(r.doc.raw.map((x) => x.text)).toEqual(['ip nht resolve-via-default', 'ipv6 nht resolve-via-default']);
  });

  it('other daemons get the router ID from the node, and no FRR-only lines', () => {
    const r = instantiateNode(d, { node: 'a1', target: 'gobgp' });
    expect(only(r.doc.speakers).routerId).toBe('10.0.0.11');
    expect(r.doc.raw).toEqual([]);
  });

  it('per-host aggregation: an export range without Services, the exact addresses with lbAddresses', () => {
    const host = doc(`${METALLB.replace('aggregationLength: 24', 'aggregationLength: 32')}---\n${NODES}`);
    const none = only(instantiateNode(host, { node: 'a1', target: 'frr' }).doc.speakers);
    expect(none.networks).toEqual([]);
    expect(none.policy.prefixSets.find((p) => p.name === '10.0.0.1-allowed-ipv4')!.entries).toEqual([{ seq: 1, action: 'permit', prefix: '198.51.100.0/24', ge: 32, le: 32 }]);
    const r = instantiateNode(host, { node: 'a1', target: 'frr', lbAddresses: ['198.51.100.9', '192.0.2.1'] });
    const s = only(r.doc.speakers);
    expect(s.networks.map((n) => n.prefix)).toEqual(['198.51.100.9/32']);
    expect(r.diagnostics.some((x) => x.code === 'cluster/runtime-value' && x.message.includes('192.0.2.1'))).toBe(true);
  });
});

describe('project semantics', () => {
  it('Cilium: router ID from the node, listening only with a localPort override, per-peer local address', () => {
    const text = `${seed('seed-002-cilium', 'input.cilium.yaml')}---
apiVersion: cilium.io/v2
kind: CiliumBGPNodeConfigOverride
metadata: { name: w1 }
spec:
  bgpInstances:
  - name: instance-65001
    localPort: 1790
    peers:
    - name: tor-switch
      localAddress: 192.168.60.11
---
apiVersion: v1
kind: Node
metadata: { name: w1, labels: { enable-bgp: "true" } }
status: { addresses: [ { type: InternalIP, address: 192.168.60.11 } ] }
---
apiVersion: v1
kind: Node
metadata: { name: w2, labels: { enable-bgp: "true" } }
status: { addresses: [ { type: InternalIP, address: 192.168.60.12 } ] }
`;
    const w1 = only(instantiateNode(doc(text), { node: 'w1', target: 'gobgp' }).doc.speakers);
    expect(w1.routerId).toBe('192.168.60.11');
    expect(w1.listen).toEqual({ enabled: true, port: 1790 });
    expect(w1.peers[0]!.localAddress).toBe('192.168.60.11');
    const w2 = only(instantiateNode(doc(text), { node: 'w2', target: 'gobgp' }).doc.speakers);
    expect(w2.listen).toEqual({ enabled: false });
    expect(w2.peers[0]!.localAddress).toBeUndefined();
    // graceful restart enabled in the peer config becomes a restarting speaker
    expect(w2.peerGroups[0]!.gracefulRestart?.mode).toBe('full');
  });

  it('Cilium v2alpha1 peering policy: the virtual router announces its LB addresses to every neighbor', () => {
    const text = `${seed('cilium-v2alpha1-peering-policy', 'input.cilium.yaml')}---
apiVersion: cilium.io/v2alpha1
kind: CiliumLoadBalancerIPPool
metadata: { name: lb }
spec:
  blocks:
  - cidr: 198.51.100.0/28
`;
    const r = instantiateNode(doc(text), { node: 'r0', target: 'gobgp', lbAddresses: ['198.51.100.3'] });
    const s = only(instantiateNode(doc(`${text}---\napiVersion: v1\nkind: Node\nmetadata: { name: r0, labels: { rack: rack0 } }\n`), { node: 'r0', target: 'gobgp', lbAddresses: ['198.51.100.3'] }).doc.speakers);
    expect(codes(errors(r.diagnostics))).toEqual(['cluster/unresolved-selector']);
    expect(s.networks.map((n) => n.prefix)).toEqual(['198.51.100.3/32']);
    expect(s.policy.policies.map((p) => p.name)).toEqual(['10.0.0.1-out']);
  });

  it('Calico: AS 64512 by default, source address and mesh sessions from the Node objects', () => {
    const text = `${seed('seed-001-calico', 'input.calico.yaml')}---\n${NODES}`;
    const r = instantiateNode(doc(text), { node: 'a1', target: 'bird' });
    const s = only(r.doc.speakers);
    expect(s.asn).toBe(64512);
    expect(s.routerId).toBe('10.0.0.11');
    // passive towards a peer whose address string is greater (calico's template compares strings)
    expect(s.peers.map((p) => [p.name, p.localAddress, p.passive])).toEqual([
      ['Global_192_168_57_4', '10.0.0.11', undefined],
      ['Mesh_10_0_1_11', '10.0.0.11', true],
    ]);
    const b = only(instantiateNode(doc(text), { node: 'b1', target: 'bird' }).doc.speakers);
    expect(b.peers.find((p) => p.name === 'Mesh_10_0_0_11')!.passive).toBeUndefined();
    const lexical = doc(`${seed('seed-001-calico', 'input.calico.yaml')}---\n${NODES.replace('10.0.0.11', '10.0.0.5').replace('10.0.1.11', '10.0.0.10')}`);
    expect(only(instantiateNode(lexical, { node: 'a1', target: 'bird' }).doc.speakers).peers[1]!.passive).toBeUndefined();
    expect(only(instantiateNode(lexical, { node: 'b1', target: 'bird' }).doc.speakers).peers[1]!.passive).toBe(true);
  });

  it('loxilb: no local AS in the resources is a warning', () => {
    const r = instantiateNode(doc(seed('cluster-loxilb', 'input.k8s.yaml')), { node: 'lb1', target: 'gobgp' });
    expect(r.diagnostics.some((x) => x.severity === 'warning' && x.message.includes('--setBGP'))).toBe(true);
  });
});

describe('convert()', () => {
  it('cluster resources to a daemon format go through the node; Kubernetes targets do not', () => {
    const inputs = [
      { name: 'metallb.yaml', text: METALLB },
      { name: 'nodes.yaml', text: NODES },
    ];
    const frr = convert(inputs, { to: 'frr', node: 'a1' });
    expect(frr.ok).toBe(true);
    expect(frr.output).toContain('route-map 10.0.0.1-out permit 1');
    expect(frr.output).toContain('hostname a1');
    const again = convert(inputs, { to: 'metallb', node: 'a1' });
    expect(again.ok).toBe(true);
    expect(again.output).toContain('tor-bc');
  });

  it.skipIf(!daemonOrFail('vtysh'))('MetalLB VRF and unnumbered peers: one router per VRF, filters named after the peer and VRF; vtysh accepts it', () => {
    const text = `apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: { name: default-peer, namespace: metallb-system }
spec: { myASN: 64512, peerASN: 64600, peerAddress: 10.0.0.1 }
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: { name: red-peer, namespace: metallb-system }
spec: { myASN: 64512, peerASN: 64700, peerAddress: 10.9.0.1, vrf: red }
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: { name: unnumbered, namespace: metallb-system }
spec: { myASN: 64512, dynamicASN: external, interface: eth1 }
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: { name: pool, namespace: metallb-system }
spec: { addresses: [ 198.51.100.0/24 ] }
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata: { name: adv, namespace: metallb-system }
spec: { peers: [ red-peer, unnumbered ] }
`;
    const r = convert({ name: 'vrf.yaml', text }, { to: 'frr', node: 'n1', lbAddresses: ['198.51.100.4'] });
    expect(r.ok).toBe(true);
    const out = r.output!;
    expect(out).toContain('router bgp 64512 vrf red');
    expect(out).toContain('neighbor 10.9.0.1 route-map 10.9.0.1-red-out out');
    expect(out).toContain('neighbor eth1 interface remote-as external');
    expect(out).toContain('ip prefix-list 10.0.0.1-allowed-ipv4 seq 1 deny any');
    expect(out).toContain('ip prefix-list eth1-allowed-ipv4 seq 1 permit 198.51.100.4/32');
    expect(out.match(/network 198\.51\.100\.4\/32/g)).toHaveLength(2);
    const check = checkWith('vtysh', out);
    expect(check.ok, check.output).toBe(true);
  });

  it('--to ir with a node prints the instantiated IR', () => {
    const r = convert([{ name: 'metallb.yaml', text: METALLB }, { name: 'nodes.yaml', text: NODES }], { to: 'ir', node: 'b1' });
    expect(r.ok).toBe(true);
    const ir = JSON.parse(r.output!) as { speakers: Speaker[] };
    expect(ir.speakers.map((s) => [s.id, s.kind])).toEqual([['metallb/64512@b1', 'daemon']]);
  });

  it('a missing node fails the conversion with the diagnostic, and --nodes lines work like Node objects', () => {
    const r = convert({ name: 'metallb.yaml', text: METALLB }, { to: 'bird' });
    expect(r.ok).toBe(false);
    expect(codes(r.diagnostics)).toContain('cluster/node-required');
    const ok = convert({ name: 'metallb.yaml', text: METALLB }, { to: 'bird', node: 'b1', nodes: { name: 'nodes.txt', text: 'b1 10.0.1.11 rack=b\n' } });
    expect(ok.ok).toBe(true);
    expect(ok.output).toContain('router id 10.0.1.11;');
  });

  it.skipIf(!daemonOrFail('gobgpd'))('the seed-002 node config is accepted by gobgpd', () => {
    const r = convert(
      [
        { name: 'cilium.yaml', text: seed('seed-002-cilium', 'input.cilium.yaml') },
        { name: 'nodes.yaml', text: seed('cluster-seed-002-cilium', 'input.2.k8s.yaml') },
      ],
      { to: 'gobgp', node: 'k8s-w1', lbAddresses: ['172.16.1.5'] },
    );
    expect(r.ok).toBe(true);
    const check = checkWith('gobgpd', r.output!, 'toml');
    expect(check.ok, check.output).toBe(true);
  });

  it('an apiVersion a Kubernetes writer does not write is an error naming the served ones', () => {
    const r = convert({ name: 'metallb.yaml', text: METALLB }, { to: 'metallb', apiVersion: 'metallb.io/v9' });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === 'emit/unsupported-version')!;
    expect(d.hint).toContain('metallb.io/v1beta2, metallb.io/v1beta1');
    const old = convert({ name: 'metallb.yaml', text: METALLB }, { to: 'metallb', apiVersion: 'metallb.io/v1beta1', namespace: 'lb' });
    expect(old.output).toContain('apiVersion: metallb.io/v1beta1\nkind: BGPPeer');
    expect(old.output).toContain('namespace: lb');
  });
});

describe('robustness', () => {
  const corpus = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'k8s');
  const manifest = join(corpus, 'manifest.jsonl');
  const entries = existsSync(manifest)
    ? readFileSync(manifest, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { file: string; valid: boolean | null })
    : [];

  it('every corpus example, for a named node and without one, to every daemon target: diagnostics, never an exception', () => {
    expect(entries.length).toBeGreaterThan(0);
    let instantiated = 0;
    for (const e of entries) {
      const text = readFileSync(join(corpus, e.file), 'utf8');
      const parsed = parse({ name: e.file, text, format: 'k8s' });
      for (const node of [undefined, 'node-x']) {
        for (const target of ['frr', 'bird', 'gobgp']) {
          const r = instantiateNode(parsed.doc, { target, ...(node ? { node } : {}), lbAddresses: ['192.0.2.1', '2001:db8::1'] });
          if (r.doc.speakers.length > 0) instantiated++;
          const out = convert({ name: e.file, text, format: 'k8s' }, { to: target, ...(node ? { node } : {}) });
          expect(out.diagnostics.every((d) => typeof d.message === 'string')).toBe(true);
        }
      }
    }
    expect(instantiated).toBeGreaterThan(0);
  });
});
