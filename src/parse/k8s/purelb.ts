/**
 * PureLB: ServiceGroup (purelb.io v1 and v2) pools, LBNodeAgent (no BGP
 * meaning), and the k8gobgp BGPConfiguration (bgp.purelb.io/v1, GoBGP-shaped).
 * The legacy BIRD/FRR/GoBGP ConfigMap is read in configmap.ts.
 *
 * A ServiceGroup pool is advertised by the routing daemon, which re-announces
 * what PureLB puts on kube-lb0: each v1 group and each v2 `remote` group is a
 * pool plus an advertisement of that pool with the group's aggregation; v2
 * `local` groups are layer-2 only (pool, no advertisement). The
 * BGPConfiguration's netlinkImport of kube-lb0 is an advertisement of all pools.
 */
import type { AddressPool, Advertisement, Family, Peer, Speaker } from '../../ir/schema.js';
import { arr, bool, isObj, labelSelector, num, poolAddress, ranged, str, timerSeconds, type K8sContext, type Obj } from './context.js';
import { ipOrReport, prefixOrReport } from './ir-values.js';
import type { Path, Resource } from './yaml-docs.js';

const P = 'purelb' as const;
const FAMILY_NAMES = new Set<string>(['ipv4-unicast', 'ipv6-unicast', 'ipv4-multicast', 'ipv6-multicast', 'ipv4-labeled-unicast', 'ipv6-labeled-unicast', 'l2vpn-evpn', 'ipv4-flowspec', 'ipv6-flowspec']);
const GOBGP_FAMILY: Record<string, Family> = { 'l3vpn-ipv4-unicast': 'ipv4-vpn', 'l3vpn-ipv6-unicast': 'ipv6-vpn' };

function fam(s: string): Family | undefined {
  return FAMILY_NAMES.has(s) ? (s as Family) : GOBGP_FAMILY[s];
}

export class PurelbReader {
  constructor(private readonly ctx: K8sContext) {}

  read(r: Resource): void {
    const spec = isObj(r.data['spec']) ? r.data['spec'] : {};
    if (r.kind === 'ServiceGroup') return this.serviceGroup(r, spec);
    if (r.kind === 'BGPConfiguration' && r.apiVersion.startsWith('bgp.purelb.io/')) return this.bgpConfig(r, spec);
    if (r.kind === 'LBNodeAgent') return this.ctx.ignored(r, 'interface settings of the node agent; no BGP meaning');
    return this.ctx.ignored(r, 'not a BGP resource');
  }

  private speaker(r: Resource): Speaker {
    const s = this.ctx.projectSpeaker(P, r.apiVersion);
    s.origin ??= [this.ctx.span(r, [])];
    return s;
  }

  private serviceGroup(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.speaker(r);
    const v2 = r.apiVersion === 'purelb.io/v2';
    const kind = ['local', 'remote', 'netbox', 'external'].find((k) => isObj(spec[k]));
    if (!kind) {
      ctx.rest(s, P, r, ['spec'], spec, []);
      return;
    }
    const body = spec[kind] as Obj;
    if (kind === 'netbox' || kind === 'external') {
      ctx.rawField(s, P, r, ['spec', kind], body, 'takes addresses from an external IPAM, which the IR does not model');
      ctx.rest(s, P, r, ['spec'], spec, [kind]);
      return;
    }
    const pool: AddressPool = { name: r.name, addresses: [], origin: [ctx.span(r, [])] };
    const ad: Advertisement = { name: r.name, pools: { kind: 'pools', names: [r.name] }, origin: [ctx.span(r, ['spec', kind])] };
    const entries: { at: Path; o: Obj }[] = [];
    if (str(body['pool'])) entries.push({ at: ['spec', kind], o: body });
    for (const k of ['v4pool', 'v6pool', 'v4Pool', 'v6Pool']) if (isObj(body[k])) entries.push({ at: ['spec', kind, k], o: body[k] as Obj });
    for (const k of ['v4pools', 'v6pools', 'v4Pools', 'v6Pools']) arr(body[k]).forEach((x, i) => isObj(x) && entries.push({ at: ['spec', kind, k, i], o: x }));
    for (const { at, o } of entries) {
      const span = ctx.span(r, [...at, 'pool']);
      const pa = poolAddress(String(o['pool']), [span]);
      const ok = 'cidr' in pa ? ipOrReport(pa.cidr.split('/')[0], ctx.sink, span, 'pool') && prefixOrReport(pa.cidr, ctx.sink, span, 'pool') : ipOrReport(pa.range.from, ctx.sink, span, 'pool') && ipOrReport(pa.range.to, ctx.sink, span, 'pool');
      if (ok) pool.addresses.push(pa);
      const agg = str(o['aggregation']);
      const m = agg ? /^\/(\d+)$/.exec(agg) : null;
      const six = String(o['pool']).includes(':');
      if (m && Number(m[1]) > (six ? 128 : 32)) {
        ctx.sink.report('parse/invalid', `aggregation ${agg}: a prefix length is at most ${six ? 128 : 32}`, { span: ctx.span(r, [...at, 'aggregation']) });
      } else if (m) {
        if (six) ad.aggregationLengthV6 = Number(m[1]);
        else ad.aggregationLength = Number(m[1]);
      } else if (agg && agg !== 'default') ctx.rawField(s, P, r, [...at, 'aggregation'], agg);
      // The subnet tells PureLB where the addresses live (which interface); kept for PureLB only.
      const known = ['pool', 'aggregation'];
      if (o['subnet'] !== undefined) ctx.rawField(s, P, r, [...at, 'subnet'], o['subnet'], 'places the addresses (interface selection), which the IR does not model');
      known.push('subnet');
      ctx.rest(s, P, r, at, o, known);
    }
    if (Array.isArray(spec['namespaces'])) pool.namespaces = spec['namespaces'].map(String);
    ctx.rest(s, P, r, ['spec', kind], body, ['pool', 'aggregation', 'subnet', 'v4pool', 'v6pool', 'v4Pool', 'v6Pool', 'v4pools', 'v6pools', 'v4Pools', 'v6Pools']);
    ctx.rest(s, P, r, ['spec'], spec, [kind, 'namespaces']);
    s.pools.push(pool);
    if (!(v2 && kind === 'local')) s.advertisements.push(ad);
  }

  private bgpConfig(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = ctx.speaker(`purelb/${r.name}`, P, { apiVersion: r.apiVersion, backend: 'gobgp' }, (sp) => {
      sp.name = r.name;
      sp.origin = [ctx.span(r, [])];
    });
    // Move pools read before this configuration (from the generic purelb speaker) here.
    const generic = ctx.speakers.find((x) => x.id === 'purelb');
    if (generic && generic !== s) {
      s.pools.push(...generic.pools.splice(0));
      s.advertisements.push(...generic.advertisements.splice(0));
      s.raw.push(...generic.raw.splice(0));
      ctx.speakers.splice(ctx.speakers.indexOf(generic), 1);
    }
    const g = isObj(spec['global']) ? spec['global'] : {};
    const asn = ranged(ctx, r, ['spec', 'global', 'asn'], g['asn'], 0, 4294967295);
    if (asn !== undefined) s.asn = asn;
    const rid = str(g['routerID']);
    if (rid && !rid.includes('$')) {
      const ip = ipOrReport(rid, ctx.sink, ctx.span(r, ['spec', 'global', 'routerID']), 'router ID');
      if (ip) s.routerId = ip;
    } else if (rid) ctx.rawField(s, P, r, ['spec', 'global', 'routerID'], rid, 'is a per-node variable');
    const lp = num(g['listenPort']);
    // GoBGP: a negative port means do not listen.
    if (lp !== undefined && lp > 65535) ranged(ctx, r, ['spec', 'global', 'listenPort'], lp, -1, 65535);
    else if (lp !== undefined) s.listen = lp < 0 ? { enabled: false } : lp === 0 ? {} : { port: lp };
    if (Array.isArray(g['listenAddresses'])) {
      const addrs = g['listenAddresses'].map((a, i) => ipOrReport(a, ctx.sink, ctx.span(r, ['spec', 'global', 'listenAddresses', i]), 'listen address')).filter((x): x is string => Boolean(x));
      s.listen = { ...s.listen, addresses: addrs };
    }
    if (Array.isArray(g['families'])) s.families = g['families'].map(String).map(fam).filter((x): x is Family => Boolean(x));
    if (isObj(g['gracefulRestart'])) {
      const gr = g['gracefulRestart'];
      s.gracefulRestart = {};
      if (bool(gr['enabled']) !== undefined) s.gracefulRestart.enabled = gr['enabled'] as boolean;
      if (gr['helperOnly'] === true) s.gracefulRestart.mode = 'helper-only';
      if (num(gr['restartTime']) !== undefined) s.gracefulRestart.restartTime = gr['restartTime'] as number;
    }
    ctx.rest(s, P, r, ['spec', 'global'], g, ['asn', 'routerID', 'listenPort', 'listenAddresses', 'families', 'gracefulRestart']);
    arr(spec['neighbors']).forEach((n, i) => isObj(n) && this.neighbor(r, s, ['spec', 'neighbors', i], n));
    const nl = isObj(spec['netlinkImport']) ? spec['netlinkImport'] : undefined;
    if (nl && nl['enabled'] === true) {
      const ifs = arr(nl['interfaceList']).map(String);
      if (ifs.length === 1 && ifs[0] === 'kube-lb0') {
        s.advertisements.push({ name: `${r.name}-kube-lb0`, pools: { kind: 'all' }, origin: [ctx.span(r, ['spec', 'netlinkImport'])] });
      } else ctx.rawField(s, P, r, ['spec', 'netlinkImport'], nl, 'imports routes from interfaces other than kube-lb0');
      ctx.rest(s, P, r, ['spec', 'netlinkImport'], nl, ['enabled', 'interfaceList']);
    } else if (nl) ctx.rest(s, P, r, ['spec', 'netlinkImport'], nl, ['enabled']);
    ctx.rest(s, P, r, ['spec'], spec, ['global', 'neighbors', 'netlinkImport']);
  }

  private neighbor(r: Resource, s: Speaker, at: Path, n: Obj): void {
    const ctx = this.ctx;
    const c = isObj(n['config']) ? n['config'] : {};
    const address = ipOrReport(c['neighborAddress'], ctx.sink, ctx.span(r, [...at, 'config', 'neighborAddress']), 'neighbor address');
    const iface = str(c['neighborInterface']);
    const peer: Peer = { id: address ?? iface ?? `neighbor${String(at[at.length - 1])}`, origin: [ctx.span(r, at)] };
    if (address) peer.address = address;
    if (iface) peer.interface = iface;
    const peerAsn = ranged(ctx, r, [...at, 'config', 'peerAsn'], c['peerAsn'], 0, 4294967295);
    if (peerAsn !== undefined) peer.remoteAs = { kind: 'explicit', asn: peerAsn };
    const localAsn = ranged(ctx, r, [...at, 'config', 'localAsn'], c['localAsn'], 0, 4294967295);
    if (localAsn !== undefined) peer.localAs = { asn: localAsn };
    if (str(c['description'])) peer.description = c['description'] as string;
    if (str(c['authPassword'])) peer.password = { kind: 'literal', value: c['authPassword'] as string };
    if (isObj(c['authPasswordSecretRef'])) {
      const ref = c['authPasswordSecretRef'];
      peer.password = { kind: 'secretRef', name: String(ref['name'] ?? ''), ...(str(ref['key']) ? { key: ref['key'] as string } : {}) };
    }
    if (str(c['peerGroup'])) peer.group = c['peerGroup'] as string;
    if (bool(c['adminDown']) !== undefined) peer.shutdown = c['adminDown'] as boolean;
    ctx.rest(s, P, r, [...at, 'config'], c, ['neighborAddress', 'neighborInterface', 'peerAsn', 'localAsn', 'description', 'authPassword', 'authPasswordSecretRef', 'peerGroup', 'adminDown']);
    const tc = isObj(n['timers']) && isObj(n['timers']['config']) ? n['timers']['config'] : undefined;
    if (tc) {
      const t: NonNullable<Peer['timers']> = {};
      for (const [key, field] of [['holdTime', 'holdTime'], ['keepaliveInterval', 'keepalive'], ['connectRetry', 'connectRetry']] as const) {
        if (num(tc[key]) === undefined) continue;
        const v = timerSeconds(ctx, tc[key], ctx.span(r, [...at, 'timers', 'config', key]), key);
        if (v !== undefined) t[field] = v;
      }
      if (Object.keys(t).length > 0) peer.timers = t;
      ctx.rest(s, P, r, [...at, 'timers', 'config'], tc, ['holdTime', 'keepaliveInterval', 'connectRetry']);
    }
    const tr = isObj(n['transport']) ? n['transport'] : undefined;
    if (tr) {
      const la = ipOrReport(tr['localAddress'], ctx.sink, ctx.span(r, [...at, 'transport', 'localAddress']), 'local address');
      if (la) peer.localAddress = la;
      if (bool(tr['passiveMode']) !== undefined) peer.passive = tr['passiveMode'] as boolean;
      ctx.rest(s, P, r, [...at, 'transport'], tr, ['localAddress', 'passiveMode']);
    }
    const mh = isObj(n['ebgpMultihop']) ? n['ebgpMultihop'] : undefined;
    if (mh && bool(mh['enabled']) !== undefined) {
      peer.multihop = { enabled: mh['enabled'] as boolean };
      if (num(mh['multihopTtl']) !== undefined) peer.multihop.ttl = mh['multihopTtl'] as number;
    }
    if (isObj(n['gracefulRestart'])) {
      const gr = n['gracefulRestart'];
      peer.gracefulRestart = {};
      if (bool(gr['enabled']) !== undefined) peer.gracefulRestart.enabled = gr['enabled'] as boolean;
      if (gr['helperOnly'] === true) peer.gracefulRestart.mode = 'helper-only';
      if (num(gr['restartTime']) !== undefined) peer.gracefulRestart.restartTime = gr['restartTime'] as number;
    }
    const rr = isObj(n['routeReflector']) ? n['routeReflector'] : undefined;
    if (rr && str(rr['routeReflectorClusterId'])) peer.routeReflectorClusterId = rr['routeReflectorClusterId'] as string;
    const afs = arr(n['afiSafis']).filter(isObj);
    if (afs.length > 0) {
      peer.families = [];
      afs.forEach((a, i) => {
        const f = fam(String(a['family']));
        if (!f) return ctx.rawField(s, P, r, [...at, 'afiSafis', i], a, 'is a family the IR does not name');
        peer.families!.push({ family: f, activate: a['enabled'] !== false, ...(rr?.['routeReflectorClient'] === true ? { routeReflectorClient: true } : {}) });
        ctx.rest(s, P, r, [...at, 'afiSafis', i], a, ['family', 'enabled']);
      });
    }
    const ns = labelSelector(n['nodeSelector']);
    if (ns) peer.nodeSelector = ns;
    ctx.rest(s, P, r, at, n, ['config', 'timers', 'transport', 'ebgpMultihop', 'gracefulRestart', 'routeReflector', 'afiSafis', 'nodeSelector']);
    s.peers.push(peer);
  }
}
