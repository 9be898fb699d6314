/**
 * Cilium BGP control plane (cilium.io v2, v2alpha1): CiliumBGPClusterConfig
 * (one speaker per bgpInstance, chosen by the cluster config's nodeSelector),
 * CiliumBGPPeerConfig (a peer group), CiliumBGPAdvertisement (joined to the
 * peers whose peer config selects it by label, per family),
 * CiliumBGPNodeConfigOverride (node overrides), CiliumLoadBalancerIPPool
 * (pools), and the legacy CiliumBGPPeeringPolicy (v2alpha1).
 *
 * Semantics made explicit: a Service advertisement without a selector
 * advertises nothing (pools: none); peerASN 0 = any AS; localPort set = listens.
 */
import type { Advertisement, AddressPool, Family, FamilySettings, Peer, PeerGroup, Speaker } from '../../ir/schema.js';
import { selectorMatches } from '../../ir/selector.js';
import { arr, bool, isObj, labelSelector, num, str, type K8sContext, type Obj, type Selector } from './context.js';
import { ipOrReport } from './ir-values.js';
import type { Path, Resource } from './yaml-docs.js';

const P = 'cilium' as const;

const FAMILIES: Record<string, Family> = {
  'ipv4/unicast': 'ipv4-unicast',
  'ipv6/unicast': 'ipv6-unicast',
  'ipv4/multicast': 'ipv4-multicast',
  'ipv6/multicast': 'ipv6-multicast',
  'ipv4/mpls_label': 'ipv4-labeled-unicast',
  'ipv6/mpls_label': 'ipv6-labeled-unicast',
  'ipv4/mpls_vpn': 'ipv4-vpn',
  'ipv6/mpls_vpn': 'ipv6-vpn',
  'l2vpn/evpn': 'l2vpn-evpn',
  'ipv4/flowspec_unicast': 'ipv4-flowspec',
  'ipv6/flowspec_unicast': 'ipv6-flowspec',
};
export const CILIUM_FAMILIES = FAMILIES;


interface PendingAd {
  ad: Advertisement;
  labels: Record<string, string>;
}

export class CiliumReader {
  private readonly peerConfigs = new Map<string, { group: PeerGroup; selectors: Map<Family, Selector> }>();
  private readonly ads: PendingAd[] = [];
  private readonly overrides: Resource[] = [];
  private readonly pools: AddressPool[] = [];
  private readonly speakersRead: Speaker[] = [];

  constructor(private readonly ctx: K8sContext) {}

  read(r: Resource): void {
    const spec = isObj(r.data['spec']) ? r.data['spec'] : {};
    switch (r.kind) {
      case 'CiliumBGPClusterConfig':
        return this.clusterConfig(r, spec);
      case 'CiliumBGPPeerConfig':
        return this.peerConfig(r, spec);
      case 'CiliumBGPAdvertisement':
        return this.advertisement(r, spec);
      case 'CiliumBGPNodeConfigOverride':
        this.overrides.push(r);
        return;
      case 'CiliumLoadBalancerIPPool':
        return this.pool(r, spec);
      case 'CiliumBGPPeeringPolicy':
        return this.peeringPolicy(r, spec);
      case 'CiliumBGPNodeConfig':
        return this.ctx.ignored(r, 'operator-generated per-node state; the cluster config it comes from is the source');
      default:
        return this.ctx.ignored(r, 'not a BGP resource');
    }
  }

  private fallback(r: Resource): Speaker {
    const s = this.ctx.projectSpeaker(P, r.apiVersion);
    s.origin ??= [this.ctx.span(r, [])];
    return s;
  }

  private clusterConfig(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const nodeSelector = labelSelector(spec['nodeSelector']);
    arr(spec['bgpInstances']).forEach((inst, i) => {
      if (!isObj(inst)) return;
      const at: Path = ['spec', 'bgpInstances', i];
      const iname = String(inst['name'] ?? `instance${i}`);
      const s = ctx.speaker(`cilium/${r.name}/${iname}`, P, { apiVersion: r.apiVersion, backend: 'gobgp' }, (sp) => {
        sp.name = iname;
        sp.origin = [ctx.span(r, at)];
      });
      this.speakersRead.push(s);
      if (nodeSelector) s.nodeSelector = nodeSelector;
      const asn = num(inst['localASN']);
      if (asn !== undefined) s.asn = asn;
      const lp = num(inst['localPort']);
      if (lp !== undefined) s.listen = { enabled: true, port: lp, origin: [ctx.span(r, [...at, 'localPort'])] };
      arr(inst['peers']).forEach((p, j) => {
        if (!isObj(p)) return;
        const pat: Path = [...at, 'peers', j];
        const name = String(p['name'] ?? `peer${j}`);
        const peer: Peer = { id: name, name, origin: [ctx.span(r, pat)] };
        const addr = ipOrReport(p['peerAddress'], ctx.sink, ctx.span(r, [...pat, 'peerAddress']), 'peer address');
        if (addr) peer.address = addr;
        if (str(p['peerInterface'])) peer.interface = p['peerInterface'] as string;
        const pasn = num(p['peerASN']);
        if (pasn !== undefined) peer.remoteAs = pasn === 0 ? { kind: 'any' } : { kind: 'explicit', asn: pasn };
        const ref = isObj(p['peerConfigRef']) ? str(p['peerConfigRef']['name']) : undefined;
        if (ref) peer.group = ref;
        if (isObj(p['peerConfigRef'])) ctx.rest(s, P, r, [...pat, 'peerConfigRef'], p['peerConfigRef'], ['name']);
        ctx.rest(s, P, r, pat, p, ['name', 'peerAddress', 'peerInterface', 'peerASN', 'peerConfigRef']);
        s.peers.push(peer);
      });
      ctx.rest(s, P, r, at, inst, ['name', 'localASN', 'localPort', 'peers']);
    });
    const first = this.speakersRead.find((s) => s.id.startsWith(`cilium/${r.name}/`)) ?? this.fallback(r);
    ctx.rest(first, P, r, ['spec'], spec, ['nodeSelector', 'bgpInstances']);
  }

  /** Settings of a CiliumBGPPeerConfig spec or a v2alpha1 peering-policy neighbor, onto a peer or group. */
  private sessionSettings(r: Resource, s: Speaker, at: Path, spec: Obj, target: PeerGroup | Peer, legacy: boolean): Map<Family, Selector> {
    const ctx = this.ctx;
    const sels = new Map<Family, Selector>();
    const secret = str(spec['authSecretRef']);
    if (secret) target.password = { kind: 'secretRef', name: secret };
    const ttl = num(spec[legacy ? 'eBGPMultihopTTL' : 'ebgpMultihop']);
    if (ttl !== undefined) target.multihop = ttl > 1 ? { enabled: true, ttl } : { enabled: false };
    const timersObj = legacy ? spec : isObj(spec['timers']) ? spec['timers'] : undefined;
    if (timersObj) {
      const t: NonNullable<Peer['timers']> = {};
      if (num(timersObj['holdTimeSeconds']) !== undefined) t.holdTime = timersObj['holdTimeSeconds'] as number;
      if (num(timersObj['keepAliveTimeSeconds']) !== undefined) t.keepalive = timersObj['keepAliveTimeSeconds'] as number;
      if (num(timersObj['connectRetryTimeSeconds']) !== undefined) t.connectRetry = timersObj['connectRetryTimeSeconds'] as number;
      // The CRD's CEL rule, with its defaults (hold 90 s, keepalive 30 s).
      if (!legacy && (t.keepalive ?? 30) > (t.holdTime ?? 90)) {
        ctx.sink.report('parse/invalid', `keepAliveTimeSeconds ${t.keepalive ?? 30} can not be larger than holdTimeSeconds ${t.holdTime ?? 90}`, {
          span: ctx.span(r, [...at, 'timers', t.keepalive !== undefined ? 'keepAliveTimeSeconds' : 'holdTimeSeconds']),
        });
        if (t.keepalive !== undefined) delete t.keepalive;
        else delete t.holdTime;
      }
      if (Object.keys(t).length > 0) target.timers = t;
      if (!legacy) ctx.rest(s, P, r, [...at, 'timers'], timersObj, ['holdTimeSeconds', 'keepAliveTimeSeconds', 'connectRetryTimeSeconds']);
    }
    if (isObj(spec['gracefulRestart'])) {
      const g = spec['gracefulRestart'];
      target.gracefulRestart = {};
      if (bool(g['enabled']) !== undefined) target.gracefulRestart.enabled = g['enabled'] as boolean;
      if (num(g['restartTimeSeconds']) !== undefined) target.gracefulRestart.restartTime = g['restartTimeSeconds'] as number;
      ctx.rest(s, P, r, [...at, 'gracefulRestart'], g, ['enabled', 'restartTimeSeconds']);
    }
    if (legacy) {
      if (num(spec['peerPort']) !== undefined) target.port = spec['peerPort'] as number;
    } else if (isObj(spec['transport'])) {
      const t = spec['transport'];
      if (num(t['peerPort']) !== undefined) target.port = t['peerPort'] as number;
      if (str(t['sourceInterface'])) target.updateSourceInterface = t['sourceInterface'] as string;
      ctx.rest(s, P, r, [...at, 'transport'], t, ['peerPort', 'sourceInterface']);
    }
    if (Array.isArray(spec['families'])) {
      const fams: FamilySettings[] = [];
      spec['families'].forEach((f, i) => {
        if (!isObj(f)) return;
        const fam = FAMILIES[`${String(f['afi'])}/${String(f['safi'])}`];
        if (!fam) {
          ctx.rawField(s, P, r, [...at, 'families', i], f, 'is a family the IR does not name');
          return;
        }
        const fs: FamilySettings = { family: fam, activate: true, origin: [ctx.span(r, [...at, 'families', i])] };
        const sel = labelSelector(f['advertisements']);
        if (sel) {
          fs.advertisementSelector = sel;
          sels.set(fam, sel);
        }
        fams.push(fs);
      });
      target.families = fams;
    }
    return sels;
  }

  private peerConfig(r: Resource, spec: Obj): void {
    const s = this.fallback(r);
    const group: PeerGroup = { name: r.name, origin: [this.ctx.span(r, [])] };
    const sels = this.sessionSettings(r, s, ['spec'], spec, group, false);
    this.ctx.rest(s, P, r, ['spec'], spec, ['authSecretRef', 'ebgpMultihop', 'timers', 'gracefulRestart', 'transport', 'families']);
    this.peerConfigs.set(r.name, { group, selectors: sels });
  }

  private advertisement(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.fallback(r);
    const meta = isObj(r.data['metadata']) ? r.data['metadata'] : {};
    const labels = isObj(meta['labels']) ? Object.fromEntries(Object.entries(meta['labels']).map(([k, v]) => [k, String(v)])) : undefined;
    const elems = arr(spec['advertisements']);
    // One IR advertisement per (element, address kind); named after the resource when there is only one.
    const count = elems.reduce<number>((n, e) => n + (isObj(e) && e['advertisementType'] === 'Service' ? Math.max(1, arr((e['service'] as Obj | undefined)?.['addresses']).length) : 1), 0);
    let k = 0;
    elems.forEach((e, i) => {
      const at: Path = ['spec', 'advertisements', i];
      if (!isObj(e)) return;
      const type = String(e['advertisementType']);
      const whats: Advertisement['what'][] = [];
      if (type === 'PodCIDR') whats.push('pod-cidr');
      else if (type === 'CiliumPodIPPool') whats.push('pod-ip-pool');
      else if (type === 'Service') {
        const svc = isObj(e['service']) ? e['service'] : {};
        for (const a of arr(svc['addresses']).map(String)) whats.push(a === 'LoadBalancerIP' ? 'service-lb-ip' : a === 'ClusterIP' ? 'service-cluster-ip' : 'service-external-ip');
      } else {
        this.rawElement(s, r, at, e, `advertisementType ${type} has no IR equivalent`);
        k++;
        return;
      }
      for (const what of whats) {
        const name = count === 1 ? r.name : `${r.name}-${k}`;
        k++;
        const ad: Advertisement = { name, what, pools: { kind: 'none' }, origin: [ctx.span(r, at)] };
        if (labels) ad.labels = labels;
        const sel = labelSelector(e['selector']);
        if (sel) {
          // Cilium: no selector = nothing; a selector picks the services (or pod IP pools) announced.
          if (what === 'pod-ip-pool') ad.pools = { kind: 'selector', selectors: [sel] };
          else {
            ad.serviceSelector = sel;
            ad.pools = { kind: 'all' };
          }
        } else if (what === 'pod-cidr') ad.pools = { kind: 'all' };
        const svc = isObj(e['service']) ? e['service'] : undefined;
        if (num(svc?.['aggregationLengthIPv4']) !== undefined) ad.aggregationLength = svc!['aggregationLengthIPv4'] as number;
        if (num(svc?.['aggregationLengthIPv6']) !== undefined) ad.aggregationLengthV6 = svc!['aggregationLengthIPv6'] as number;
        const attrs = isObj(e['attributes']) ? e['attributes'] : undefined;
        if (attrs) {
          const c = isObj(attrs['communities']) ? attrs['communities'] : {};
          const std = [...arr(c['standard']).map(String), ...arr(c['wellKnown']).map(String)];
          if (std.length > 0) ad.communities = std;
          if (arr(c['large']).length > 0) ad.largeCommunities = arr(c['large']).map(String);
          if (num(attrs['localPreference']) !== undefined) ad.localPref = attrs['localPreference'] as number;
          ctx.rest(s, P, r, [...at, 'attributes'], attrs, ['communities', 'localPreference']);
        }
        this.ads.push({ ad, labels: labels ?? {} });
      }
      if (isObj(e['service'])) ctx.rest(s, P, r, [...at, 'service'], e['service'], ['addresses', 'aggregationLengthIPv4', 'aggregationLengthIPv6']);
      ctx.rest(s, P, r, at, e, ['advertisementType', 'service', 'selector', 'attributes']);
    });
  }

  /** An advertisement element the IR cannot express, kept whole so the cilium writer restores it. */
  private rawElement(s: Speaker, r: Resource, at: Path, value: unknown, why: string): void {
    s.raw.push({
      dialect: P,
      text: JSON.stringify(value),
      context: [`cilium.io/v2 CiliumBGPAdvertisement/${r.name}`, 'spec.advertisements.[]', `labels=${JSON.stringify((r.data['metadata'] as Obj | undefined)?.['labels'] ?? {})}`],
      origin: [this.ctx.span(r, at)],
    });
    this.ctx.sink.report('parse/unrecognized', `CiliumBGPAdvertisement ${r.name}: ${why}; kept raw for cilium`, { span: this.ctx.span(r, at) });
  }

  private pool(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.fallback(r);
    const pool: AddressPool = { name: r.name, addresses: [], origin: [ctx.span(r, [])] };
    arr(spec['blocks']).forEach((b, i) => {
      if (!isObj(b)) return;
      const span = ctx.span(r, ['spec', 'blocks', i]);
      if (str(b['cidr'])) pool.addresses.push({ cidr: b['cidr'] as string, origin: [span] });
      else if (str(b['start']) && str(b['stop'])) pool.addresses.push({ range: { from: b['start'] as string, to: b['stop'] as string }, origin: [span] });
      else if (str(b['start'])) pool.addresses.push({ cidr: `${b['start'] as string}/${String(b['start']).includes(':') ? 128 : 32}`, origin: [span] });
    });
    const sel = labelSelector(spec['serviceSelector']);
    if (sel) pool.serviceSelector = sel;
    const meta = isObj(r.data['metadata']) ? r.data['metadata'] : {};
    if (isObj(meta['labels'])) pool.labels = Object.fromEntries(Object.entries(meta['labels']).map(([k, v]) => [k, String(v)]));
    ctx.rest(s, P, r, ['spec'], spec, ['blocks', 'serviceSelector']);
    this.pools.push(pool);
  }

  /** v2alpha1 CiliumBGPPeeringPolicy: one speaker per virtual router, neighbors inline, LB services advertised by serviceSelector. */
  private peeringPolicy(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const nodeSelector = labelSelector(spec['nodeSelector']);
    arr(spec['virtualRouters']).forEach((vr, i) => {
      if (!isObj(vr)) return;
      const at: Path = ['spec', 'virtualRouters', i];
      const asn = num(vr['localASN']);
      const s = ctx.speaker(`cilium/${r.name}/instance-${asn ?? i}`, P, { apiVersion: r.apiVersion, backend: 'gobgp' }, (sp) => {
        sp.name = `${r.name}-${asn ?? i}`;
        sp.origin = [ctx.span(r, at)];
      });
      this.speakersRead.push(s);
      if (nodeSelector) s.nodeSelector = nodeSelector;
      if (asn !== undefined) s.asn = asn;
      arr(vr['neighbors']).forEach((n, j) => {
        if (!isObj(n)) return;
        const nat: Path = [...at, 'neighbors', j];
        const cidr = str(n['peerAddress']) ?? '';
        const ip = cidr.replace(/\/(32|128)$/, '');
        const addr = ipOrReport(ip, ctx.sink, ctx.span(r, [...nat, 'peerAddress']), 'peer address');
        const id = addr ?? `neighbor${j}`;
        const peer: Peer = { id, name: id, origin: [ctx.span(r, nat)] };
        if (addr) peer.address = addr;
        const pasn = num(n['peerASN']);
        if (pasn !== undefined) peer.remoteAs = pasn === 0 ? { kind: 'any' } : { kind: 'explicit', asn: pasn };
        this.sessionSettings(r, s, nat, n, peer, true);
        ctx.rest(s, P, r, nat, n, ['peerAddress', 'peerASN', 'authSecretRef', 'eBGPMultihopTTL', 'holdTimeSeconds', 'keepAliveTimeSeconds', 'connectRetryTimeSeconds', 'gracefulRestart', 'peerPort', 'families', 'advertisedPathAttributes']);
        s.peers.push(peer);
      });
      const svcSel = labelSelector(vr['serviceSelector']);
      const kinds = Array.isArray(vr['serviceAdvertisements']) ? vr['serviceAdvertisements'].map(String) : ['LoadBalancerIP'];
      const base = `${r.name}-${asn ?? i}`;
      if (svcSel) {
        for (const kind of kinds) {
          const what = kind === 'LoadBalancerIP' ? 'service-lb-ip' : kind === 'ClusterIP' ? 'service-cluster-ip' : 'service-external-ip';
          s.advertisements.push({ name: kinds.length === 1 ? base : `${base}-${kind.toLowerCase()}`, what, serviceSelector: svcSel, pools: { kind: 'all' }, origin: [ctx.span(r, [...at, 'serviceSelector'])] });
        }
      }
      if (bool(vr['exportPodCIDR']) === true) s.advertisements.push({ name: `${base}-pod-cidr`, what: 'pod-cidr', pools: { kind: 'all' }, origin: [ctx.span(r, [...at, 'exportPodCIDR'])] });
      const podSel = labelSelector(vr['podIPPoolSelector']);
      if (podSel) s.advertisements.push({ name: `${base}-pod-ip-pools`, what: 'pod-ip-pool', pools: { kind: 'selector', selectors: [podSel] }, origin: [ctx.span(r, [...at, 'podIPPoolSelector'])] });
      arr(vr['neighbors']).forEach((n, j) => {
        if (isObj(n) && n['advertisedPathAttributes'] !== undefined) ctx.rawField(s, P, r, [...at, 'neighbors', j, 'advertisedPathAttributes'], n['advertisedPathAttributes'], 'sets per-neighbor path attributes, which the IR does not model');
      });
      ctx.rest(s, P, r, at, vr, ['localASN', 'neighbors', 'serviceSelector', 'serviceAdvertisements', 'exportPodCIDR', 'podIPPoolSelector']);
    });
  }

  finish(): void {
    const ctx = this.ctx;
    const speakers = ctx.speakers.filter((s) => s.dialect?.format === P);
    if (speakers.length === 0) return;
    // Peer configs: a group in every speaker whose peers use it (else the first speaker).
    for (const [name, pc] of this.peerConfigs) {
      const users = speakers.filter((s) => s.peers.some((p) => p.group === name));
      for (const s of users.length > 0 ? users : [speakers[0]!]) s.peerGroups.push(structuredClone(pc.group));
    }
    for (const s of speakers) for (const p of s.peers) if (p.group && !this.peerConfigs.has(p.group)) {
      ctx.sink.report('ref/undefined', `peer ${p.id} refers to CiliumBGPPeerConfig ${p.group}, which is not among the inputs`, { span: p.origin?.[0], severity: 'warning' });
    }
    // Advertisements go to the speaker whose peers' configs select them (by label), else the first.
    for (const { ad, labels } of this.ads) {
      const home = speakers.find((s) => s.peers.some((p) => this.selectedBy(p, labels).length > 0)) ?? speakers[0]!;
      home.advertisements.push(ad);
    }
    for (const pool of this.pools) speakers[0]!.pools.push(pool);
    for (const r of this.overrides) this.override(r, speakers);
  }

  private selectedBy(p: Peer, labels: Record<string, string>): Family[] {
    const pc = p.group ? this.peerConfigs.get(p.group) : undefined;
    if (!pc) return [];
    return [...pc.selectors].filter(([, sel]) => sel !== undefined && selectorMatches(sel, labels)).map(([f]) => f);
  }

  private override(r: Resource, speakers: Speaker[]): void {
    const ctx = this.ctx;
    const spec = isObj(r.data['spec']) ? r.data['spec'] : {};
    arr(spec['bgpInstances']).forEach((inst, i) => {
      if (!isObj(inst)) return;
      const at: Path = ['spec', 'bgpInstances', i];
      const s = speakers.find((x) => x.name === inst['name']) ?? speakers[0]!;
      const o: NonNullable<Speaker['nodeOverrides']>[number] = { node: r.name, origin: [ctx.span(r, at)] };
      const rid = ipOrReport(inst['routerID'], ctx.sink, ctx.span(r, [...at, 'routerID']), 'router ID');
      if (rid) o.routerId = rid;
      if (num(inst['localASN']) !== undefined) o.asn = inst['localASN'] as number;
      if (num(inst['localPort']) !== undefined) o.listenPort = inst['localPort'] as number;
      const peers: NonNullable<typeof o.peers> = [];
      arr(inst['peers']).forEach((p, j) => {
        if (!isObj(p)) return;
        const po: (typeof peers)[number] = { peer: String(p['name'] ?? '') };
        const la = ipOrReport(p['localAddress'], ctx.sink, ctx.span(r, [...at, 'peers', j, 'localAddress']), 'local address');
        if (la) po.localAddress = la;
        if (num(p['localPort']) !== undefined) po.localPort = p['localPort'] as number;
        peers.push(po);
        ctx.rest(s, P, r, [...at, 'peers', j], p, ['name', 'localAddress', 'localPort']);
      });
      if (peers.length > 0) o.peers = peers;
      ctx.rest(s, P, r, at, inst, ['name', 'routerID', 'localASN', 'localPort', 'peers']);
      (s.nodeOverrides ??= []).push(o);
    });
  }
}
