/**
 * MetalLB (metallb.io): BGPPeer v1beta1/v1beta2, IPAddressPool, BGPAdvertisement,
 * BFDProfile, Community, the old AddressPool (v1alpha1/v1beta1), and the legacy
 * ConfigMap `config` (kebab-case keys, same meaning). One speaker per (myASN, vrf);
 * pools and advertisements go to the first MetalLB speaker.
 *
 * Semantics made explicit: an advertisement that selects no pool applies to
 * all pools; a peer is activated in its own address family (both with
 * dualStackAddressFamily); localASN renders `local-as N no-prepend replace-as`.
 */
import type { AddressPool, Advertisement, BfdProfile, Peer, Speaker } from '../../ir/schema.js';
import { arr, bool, checkHoldKeepalive, durationSeconds, familyOf, intInRange, isObj, labelSelector, num, poolAddress, str, type K8sContext, type Obj } from './context.js';
import { ipOrReport, prefixOrReport } from './ir-values.js';
import type { Path, Resource } from './yaml-docs.js';

const P = 'metallb' as const;

/** Key names of the CR (camelCase) and of the legacy ConfigMap (kebab-case). */
interface Keys {
  myASN: string; peerASN: string; peerAddress: string; sourceAddress: string; peerPort: string; holdTime: string;
  keepaliveTime: string; routerID: string; nodeSelectors: string; bfdProfile: string; ebgpMultiHop: string;
  avoidBuggyIPs: string; autoAssign: string; aggregationLength: string; aggregationLengthV6: string; localPref: string;
  matchLabels: string; matchExpressions: string;
}
const CR: Keys = {
  myASN: 'myASN', peerASN: 'peerASN', peerAddress: 'peerAddress', sourceAddress: 'sourceAddress', peerPort: 'peerPort',
  holdTime: 'holdTime', keepaliveTime: 'keepaliveTime', routerID: 'routerID', nodeSelectors: 'nodeSelectors',
  bfdProfile: 'bfdProfile', ebgpMultiHop: 'ebgpMultiHop', avoidBuggyIPs: 'avoidBuggyIPs', autoAssign: 'autoAssign',
  aggregationLength: 'aggregationLength', aggregationLengthV6: 'aggregationLengthV6', localPref: 'localPref',
  matchLabels: 'matchLabels', matchExpressions: 'matchExpressions',
};
const CM: Keys = {
  myASN: 'my-asn', peerASN: 'peer-asn', peerAddress: 'peer-address', sourceAddress: 'source-address', peerPort: 'peer-port',
  holdTime: 'hold-time', keepaliveTime: 'keepalive-time', routerID: 'router-id', nodeSelectors: 'node-selectors',
  bfdProfile: 'bfd-profile', ebgpMultiHop: 'ebgp-multihop', avoidBuggyIPs: 'avoid-buggy-ips', autoAssign: 'auto-assign',
  aggregationLength: 'aggregation-length', aggregationLengthV6: 'aggregation-length-v6', localPref: 'localpref',
  matchLabels: 'match-labels', matchExpressions: 'match-expressions',
};

export class MetallbReader {
  /** Community aliases (Community CRs, ConfigMap bgp-communities), applied when the read is done. */
  readonly aliases = new Map<string, string>();
  private readonly pendingAds: { ad: Advertisement; raw: string[] }[] = [];

  constructor(private readonly ctx: K8sContext) {}

  private speakerFor(r: Resource, asn: number | undefined, vrf: string | undefined): Speaker {
    const key = `metallb${asn !== undefined ? `/${asn}` : ''}${vrf ? `/${vrf}` : ''}`;
    const existing = this.ctx.speakers.find((s) => s.dialect?.format === P && s.asn === undefined && s.peers.length === 0 && asn !== undefined);
    if (existing && !this.ctx.speakers.some((s) => s.id === key)) {
      // A speaker created for pools before any peer: it becomes this peer's speaker.
      existing.id = key;
      existing.asn = asn;
      if (vrf) existing.vrf = vrf;
      return existing;
    }
    return this.ctx.speaker(key, P, { apiVersion: r.apiVersion, backend: 'frr' }, (s) => {
      s.origin = [this.ctx.span(r, [])];
      if (asn !== undefined) s.asn = asn;
      if (vrf) s.vrf = vrf;
    });
  }

  private poolSpeaker(r: Resource): Speaker {
    return this.ctx.speakers.find((s) => s.dialect?.format === P) ?? this.speakerFor(r, undefined, undefined);
  }

  read(r: Resource): void {
    const spec = isObj(r.data['spec']) ? r.data['spec'] : {};
    switch (r.kind) {
      case 'BGPPeer':
        return this.peer(r, spec, ['spec'], CR);
      case 'IPAddressPool':
        return this.pool(r, spec, ['spec'], CR);
      case 'AddressPool':
        return this.oldPool(r, spec, ['spec'], CR, r.name);
      case 'BGPAdvertisement':
        return this.advertisement(r, spec, ['spec'], r.name);
      case 'BFDProfile':
        return this.bfd(r, spec, ['spec'], r.name, false);
      case 'Community':
        for (const c of arr(spec['communities'])) if (isObj(c) && str(c['name']) && str(c['value'])) this.aliases.set(c['name'] as string, c['value'] as string);
        this.ctx.ignored(r, 'community aliases are expanded into the advertisements that use them');
        return;
      case 'L2Advertisement':
        return this.ctx.ignored(r, 'layer-2 announcement has no BGP meaning');
      default:
        return this.ctx.ignored(r, 'not a BGP resource');
    }
  }

  /** The legacy ConfigMap's embedded config, as a resource rooted at the embedded YAML. */
  readConfigMap(r: Resource): void {
    const d = r.data;
    const s0 = (): Speaker => this.poolSpeaker(r);
    arr(d['peers']).forEach((p, i) => isObj(p) && this.peer(r, p, ['peers', i], CM));
    if (isObj(d['bgp-communities'])) for (const [k, v] of Object.entries(d['bgp-communities'])) this.aliases.set(k, String(v));
    arr(d['bfd-profiles']).forEach((b, i) => isObj(b) && this.bfd(r, b, ['bfd-profiles', i], String(b['name'] ?? `bfd${i + 1}`), true));
    arr(d['address-pools']).forEach((p, i) => isObj(p) && this.oldPool(r, p, ['address-pools', i], CM, String(p['name'] ?? `pool${i + 1}`)));
    this.ctx.rest(s0(), P, r, [], d, ['peers', 'bgp-communities', 'bfd-profiles', 'address-pools']);
  }

  private peer(r: Resource, spec: Obj, at: Path, k: Keys): void {
    const ctx = this.ctx;
    const asn = num(spec[k.myASN]);
    const vrf = str(spec['vrf']);
    const s = this.speakerFor(r, asn, vrf);
    const name = at.length === 1 ? r.name : `peer${Number(at[1]) + 1}`;
    const address = ipOrReport(spec[k.peerAddress], ctx.sink, ctx.span(r, [...at, k.peerAddress]), 'peer address');
    const iface = str(spec['interface']);
    const peer: Peer = { id: name, name, origin: [ctx.span(r, at.length === 1 ? [] : at)] };
    if (address) peer.address = address;
    if (iface) peer.interface = iface;
    const peerAsn = num(spec[k.peerASN]);
    const dyn = str(spec['dynamicASN']);
    if (peerAsn !== undefined) peer.remoteAs = { kind: 'explicit', asn: peerAsn };
    else if (dyn === 'internal' || dyn === 'external') peer.remoteAs = { kind: dyn };
    const localAsn = num(spec['localASN']);
    if (localAsn !== undefined) peer.localAs = { asn: localAsn, noPrepend: true, replaceAs: true };
    const port = num(spec[k.peerPort]);
    if (port !== undefined) peer.port = port;
    const src = ipOrReport(spec[k.sourceAddress], ctx.sink, ctx.span(r, [...at, k.sourceAddress]), 'source address');
    if (src) peer.localAddress = src;
    const timers: NonNullable<Peer['timers']> = {};
    for (const [key, field] of [[k.holdTime, 'holdTime'], [k.keepaliveTime, 'keepalive'], ['connectTime', 'connectRetry']] as const) {
      if (spec[key] === undefined) continue;
      const secs = durationSeconds(spec[key]);
      if (secs === undefined) ctx.sink.report('parse/invalid', `${key}: "${String(spec[key])}" is not a duration in whole seconds`, { span: ctx.span(r, [...at, key]) });
      else if (secs > 65535) ctx.sink.report('parse/invalid', `${key}: ${String(spec[key])} is more than 65535 seconds, the largest BGP timer`, { span: ctx.span(r, [...at, key]) });
      else timers[field] = secs;
    }
    checkHoldKeepalive(ctx, timers, () => ctx.span(r, [...at, k.holdTime]), () => ctx.span(r, [...at, k.keepaliveTime]));
    if (Object.keys(timers).length > 0) peer.timers = timers;
    const pw = str(spec['password']);
    if (pw !== undefined) peer.password = { kind: 'literal', value: pw };
    if (isObj(spec['passwordSecret'])) {
      const ps = spec['passwordSecret'];
      peer.password = { kind: 'secretRef', name: String(ps['name'] ?? ''), key: 'password' };
      if (str(ps['namespace'])) peer.password.namespace = ps['namespace'] as string;
    }
    const bfd = str(spec[k.bfdProfile]);
    if (bfd) peer.bfd = { enabled: true, profile: bfd };
    if (bool(spec[k.ebgpMultiHop]) !== undefined) peer.multihop = { enabled: spec[k.ebgpMultiHop] as boolean };
    if (bool(spec['enableGracefulRestart']) !== undefined) peer.gracefulRestart = { enabled: spec['enableGracefulRestart'] as boolean };
    const rid = ipOrReport(spec[k.routerID], ctx.sink, ctx.span(r, [...at, k.routerID]), 'router ID');
    if (rid) {
      if (s.routerId === undefined || s.routerId === rid) s.routerId = rid;
      else ctx.rawField(s, P, r, [...at, k.routerID], rid, 'differs from the router ID of the other peers');
    }
    // MetalLB activates a peer in its own family, in both with dualStackAddressFamily.
    const dual = bool(spec['dualStackAddressFamily']) === true;
    if (address || iface) {
      peer.families = dual || iface ? [{ family: 'ipv4-unicast', activate: true }, { family: 'ipv6-unicast', activate: true }] : [{ family: familyOf(address), activate: true }];
    }
    const sels = arr(spec[k.nodeSelectors]);
    if (sels.length === 1) peer.nodeSelector = this.selector(sels[0], k) ?? {};
    else if (sels.length > 1) ctx.rawField(s, P, r, [...at, k.nodeSelectors], spec[k.nodeSelectors], 'lists several node selectors (OR); the IR keeps one');
    const known = [k.myASN, 'vrf', k.peerAddress, 'interface', k.peerASN, 'dynamicASN', 'localASN', k.peerPort, k.sourceAddress, k.holdTime, k.keepaliveTime,
      'connectTime', 'password', 'passwordSecret', k.bfdProfile, k.ebgpMultiHop, 'enableGracefulRestart', k.routerID, 'dualStackAddressFamily', k.nodeSelectors];
    if (bool(spec['disableMP']) === false) known.push('disableMP');
    ctx.rest(s, P, r, at, spec, known);
    s.peers.push(peer);
  }

  private selector(v: unknown, k: Keys): ReturnType<typeof labelSelector> {
    if (!isObj(v)) return undefined;
    return labelSelector({ matchLabels: v[k.matchLabels], matchExpressions: v[k.matchExpressions] });
  }

  private addresses(r: Resource, list: unknown, at: Path): AddressPool['addresses'] {
    return arr(list).flatMap((a, i) => {
      const span = this.ctx.span(r, [...at, i]);
      const pa = poolAddress(String(a), [span]);
      const ok = 'cidr' in pa ? ipOrReport(pa.cidr.split('/')[0], this.ctx.sink, span, 'pool address') && prefixOrReport(pa.cidr, this.ctx.sink, span, 'pool address') : ipOrReport(pa.range.from, this.ctx.sink, span, 'pool range') && ipOrReport(pa.range.to, this.ctx.sink, span, 'pool range');
      return ok ? [pa] : [];
    });
  }

  private pool(r: Resource, spec: Obj, at: Path, k: Keys): void {
    const s = this.poolSpeaker(r);
    const pool: AddressPool = { name: r.name, addresses: this.addresses(r, spec['addresses'], [...at, 'addresses']), origin: [this.ctx.span(r, [])] };
    if (bool(spec[k.autoAssign]) !== undefined) pool.autoAssign = spec[k.autoAssign] as boolean;
    if (bool(spec[k.avoidBuggyIPs]) !== undefined) pool.avoidBuggyIps = spec[k.avoidBuggyIPs] as boolean;
    const labels = isObj(r.data['metadata']) && isObj((r.data['metadata'] as Obj)['labels']) ? ((r.data['metadata'] as Obj)['labels'] as Obj) : undefined;
    if (labels) pool.labels = Object.fromEntries(Object.entries(labels).map(([a, b]) => [a, String(b)]));
    const sa = spec['serviceAllocation'];
    if (isObj(sa)) {
      if (Array.isArray(sa['namespaces'])) pool.namespaces = sa['namespaces'].map(String);
      const ss = arr(sa['serviceSelectors']);
      if (ss.length === 1) pool.serviceSelector = labelSelector(ss[0]) ?? {};
      else if (ss.length > 1) this.ctx.rawField(s, P, r, [...at, 'serviceAllocation', 'serviceSelectors'], ss, 'lists several service selectors; the IR keeps one');
      this.ctx.rest(s, P, r, [...at, 'serviceAllocation'], sa, ['namespaces', 'serviceSelectors']);
    }
    this.ctx.rest(s, P, r, at, spec, ['addresses', k.autoAssign, k.avoidBuggyIPs, 'serviceAllocation']);
    s.pools.push(pool);
  }

  /** The old AddressPool (CR, or a ConfigMap address-pools entry): a pool plus its BGP advertisements. */
  private oldPool(r: Resource, spec: Obj, at: Path, k: Keys, name: string): void {
    const s = this.poolSpeaker(r);
    const pool: AddressPool = { name, addresses: this.addresses(r, spec['addresses'], [...at, 'addresses']), origin: [this.ctx.span(r, at.length === 1 ? [] : at)] };
    if (bool(spec[k.autoAssign]) !== undefined) pool.autoAssign = spec[k.autoAssign] as boolean;
    if (bool(spec[k.avoidBuggyIPs]) !== undefined) pool.avoidBuggyIps = spec[k.avoidBuggyIPs] as boolean;
    s.pools.push(pool);
    const protocol = str(spec['protocol']);
    const adsKey = k === CM ? 'bgp-advertisements' : 'bgpAdvertisements';
    if (protocol === 'bgp') {
      const ads = arr(spec[adsKey]);
      if (ads.length === 0) this.pendingAds.push({ ad: { name, pools: { kind: 'pools', names: [name] }, origin: pool.origin }, raw: [] });
      ads.forEach((a, i) => {
        if (!isObj(a)) return;
        const ad = this.adFields(r, a, [...at, adsKey, i], k, `${name}-${i + 1}`);
        ad.pools = { kind: 'pools', names: [name] };
      });
    } else {
      this.ctx.sink.report('parse/ignored', `address pool ${name}: protocol ${protocol ?? '(none)'} has no BGP advertisement`, { span: this.ctx.span(r, [...at, 'protocol']) });
    }
    this.ctx.rest(s, P, r, at, spec, ['name', 'addresses', k.autoAssign, k.avoidBuggyIPs, 'protocol', adsKey]);
  }

  private advertisement(r: Resource, spec: Obj, at: Path, name: string): void {
    const ad = this.adFields(r, spec, at, CR, name);
    const names = arr(spec['ipAddressPools']).map(String);
    const sels = arr(spec['ipAddressPoolSelectors']).map((x) => labelSelector(x) ?? {});
    // MetalLB: no pool and no selector = every pool.
    if (names.length > 0 && sels.length > 0) {
      ad.pools = { kind: 'pools', names };
      this.ctx.rawField(this.poolSpeaker(r), P, r, [...at, 'ipAddressPoolSelectors'], spec['ipAddressPoolSelectors'], 'is combined with ipAddressPools; the IR keeps one pool selection');
    } else if (names.length > 0) ad.pools = { kind: 'pools', names };
    else if (sels.length > 0) ad.pools = { kind: 'selector', selectors: sels };
    else ad.pools = { kind: 'all' };
  }

  private adFields(r: Resource, spec: Obj, at: Path, k: Keys, name: string): Advertisement {
    const s = this.poolSpeaker(r);
    const ad: Advertisement = { name, pools: { kind: 'all' }, origin: [this.ctx.span(r, at.length === 1 ? [] : at)] };
    for (const [key, field, max] of [[k.aggregationLength, 'aggregationLength', 32], [k.aggregationLengthV6, 'aggregationLengthV6', 128], [k.localPref, 'localPref', 4294967295]] as const) {
      if (num(spec[key]) === undefined) continue;
      const v = intInRange(this.ctx, spec[key], this.ctx.span(r, [...at, key]), key, 0, max);
      if (v !== undefined) ad[field] = v;
    }
    const comms = arr(spec['communities']).map(String);
    if (Array.isArray(spec['peers'])) ad.peers = spec['peers'].map(String);
    const nsel = arr(spec['nodeSelectors']);
    if (nsel.length > 0) ad.nodeSelectors = nsel.map((x) => labelSelector(x) ?? {});
    const ssel = arr(spec['serviceSelectors']);
    const known = [k.aggregationLength, k.aggregationLengthV6, k.localPref, 'communities', 'peers', 'nodeSelectors', 'ipAddressPools', 'ipAddressPoolSelectors'];
    if (ssel.length === 1) {
      ad.serviceSelector = labelSelector(ssel[0]) ?? {};
      known.push('serviceSelectors');
    }
    this.ctx.rest(s, P, r, at, spec, known);
    this.pendingAds.push({ ad, raw: comms });
    return ad;
  }

  private bfd(r: Resource, spec: Obj, at: Path, name: string, kebab: boolean): void {
    const s = this.poolSpeaker(r);
    const key = (camel: string, keb: string): string => (kebab ? keb : camel);
    const p: BfdProfile = { name, origin: [this.ctx.span(r, at.length === 1 ? [] : at)] };
    const ms = (v: unknown): number | undefined => (num(v) !== undefined ? (v as number) * 1000 : undefined);
    const rx = ms(spec[key('receiveInterval', 'receive-interval')]);
    const tx = ms(spec[key('transmitInterval', 'transmit-interval')]);
    const echo = ms(spec[key('echoInterval', 'echo-interval')]);
    if (rx !== undefined) p.receiveIntervalUs = rx;
    if (tx !== undefined) p.transmitIntervalUs = tx;
    if (echo !== undefined) {
      p.echoReceiveIntervalUs = echo;
      p.echoTransmitIntervalUs = echo;
    }
    const mult = num(spec[key('detectMultiplier', 'detect-multiplier')]);
    if (mult !== undefined) p.detectMultiplier = mult;
    const em = bool(spec[key('echoMode', 'echo-mode')]);
    if (em !== undefined) p.echoMode = em;
    const pm = bool(spec[key('passiveMode', 'passive-mode')]);
    if (pm !== undefined) p.passive = pm;
    const ttl = num(spec[key('minimumTtl', 'minimum-ttl')]);
    if (ttl !== undefined) p.minimumTtl = ttl;
    this.ctx.rest(s, P, r, at, spec, ['name', ...['receiveInterval', 'transmitInterval', 'echoInterval', 'detectMultiplier', 'echoMode', 'passiveMode', 'minimumTtl'].map((c) => (kebab ? c.replace(/[A-Z]/g, (x) => `-${x.toLowerCase()}`) : c))]);
    s.bfdProfiles.push(p);
  }

  /** Expands community aliases, splits large communities, and attaches the advertisements. */
  finish(): void {
    for (const { ad, raw } of this.pendingAds) {
      const std: string[] = [];
      const large: string[] = [];
      for (const c0 of raw) {
        const c = this.aliases.get(c0) ?? c0;
        if (c.startsWith('large:')) large.push(c.slice(6));
        else std.push(c);
      }
      if (std.length > 0) ad.communities = std;
      if (large.length > 0) ad.largeCommunities = large;
      const s = this.ctx.speakers.find((x) => x.dialect?.format === P);
      s?.advertisements.push(ad);
    }
  }
}
