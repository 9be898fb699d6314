/**
 * Cilium writer (cilium.io/v2 by default, v2alpha1 with --api-version):
 * CiliumBGPClusterConfig per cluster config (speakers become bgpInstances),
 * CiliumBGPPeerConfig per peer group (or per peer with its own settings),
 * CiliumBGPAdvertisement per advertisement, CiliumLoadBalancerIPPool per pool,
 * CiliumBGPNodeConfigOverride per node override, and Secrets for literal
 * passwords. Values equal to Cilium's defaults (90/30/120, port 179) are left
 * out; Cilium has no BFD, never installs received routes, and listens only
 * with localPort.
 */
import type { Advertisement, IrDocument, Peer, PeerGroup, RawNode, Speaker } from '../../ir/schema.js';
import type { WriteResult } from '../../pipeline-types.js';
import { CILIUM_FAMILIES } from '../../parse/k8s/cilium.js';
import {
  activeFamilies,
  cleanSelector,
  effective,
  k8sName,
  Out,
  passwordSecret,
  peerName,
  rawFieldsFor,
  reportForeignRaw,
  setPath,
  targetDefaults,
  type K8sObject,
  type K8sWriteOptions,
} from './common.js';
import { checkApiVersion } from './api-versions.js';

const FAMILY_AFI = Object.fromEntries(Object.entries(CILIUM_FAMILIES).map(([k, v]) => [v, k.split('/') as [string, string]]));
const DEFAULT_LABELS = { advertise: 'bgp' };
const WELL_KNOWN = new Set(['internet', 'planned-shut', 'accept-own', 'route-filter-translated-v4', 'route-filter-v4', 'route-filter-translated-v6', 'route-filter-v6', 'llgr-stale', 'no-llgr', 'blackhole', 'no-export', 'no-advertise', 'no-export-subconfed', 'no-peer']);
const SECRETS_NS = 'kube-system';

export function emitCilium(doc: IrDocument, opts: K8sWriteOptions = {}): WriteResult {
  const out = new Out('cilium');
  const { doc: eff, sink } = effective(doc);
  out.sink.addAll(sink.list);
  checkApiVersion('cilium', opts.apiVersion, out.sink);
  const api = opts.apiVersion === 'cilium.io/v2alpha1' ? 'cilium.io/v2alpha1' : 'cilium.io/v2';
  const def = targetDefaults('cilium');
  const consumed = new Set<RawNode>();
  const clusters = new Map<string, K8sObject>();
  const peerConfigs = new Map<string, K8sObject>();
  const ads: K8sObject[] = [];
  const pools: K8sObject[] = [];
  const overrides = new Map<string, K8sObject>();
  const secrets: K8sObject[] = [];
  const allPools = eff.speakers.flatMap((s) => s.pools.map((p) => p.name));
  const pendingConfigs = new Map<string, { settings: Peer | PeerGroup; speaker: Speaker; peers: Peer[] }>();

  const restore = (o: K8sObject): K8sObject => {
    for (const f of rawFieldsFor(doc.speakers, 'cilium', o.kind, o.metadata.name, o.apiVersion)) {
      setPath(o as unknown as Record<string, unknown>, f.path, f.value);
      consumed.add(f.raw);
    }
    return o;
  };

  eff.speakers.forEach((s, si) => {
    const src = doc.speakers[si]!;
    const m = /^cilium\/([^/]+)\/(.+)$/.exec(s.id);
    const ccName = k8sName(m ? m[1]! : s.name ?? s.id);
    const instName = m ? m[2]! : s.asn !== undefined ? `instance-${s.asn}` : 'instance';
    let asn = s.asn;
    if (asn === undefined && s.dialect?.format === 'calico') {
      asn = 64512;
      out.madeExplicit(`speaker ${s.id}: Calico's default AS 64512 is written as localASN`, s.origin);
    }
    const hasBgp = s.peers.length > 0 || asn !== undefined;
    if (hasBgp) {
      let cc = clusters.get(ccName);
      if (!cc) {
        cc = { apiVersion: api, kind: 'CiliumBGPClusterConfig', metadata: { name: ccName }, spec: {} };
        if (s.nodeSelector) cc.spec!['nodeSelector'] = cleanSelector(s.nodeSelector);
        cc.spec!['bgpInstances'] = [];
        clusters.set(ccName, cc);
      }
      const inst: Record<string, unknown> = { name: instName };
      if (asn !== undefined) inst['localASN'] = asn;
      if (s.listen?.enabled === true) {
        inst['localPort'] = s.listen.port ?? 179;
        if (src.listen?.enabled !== true) out.madeExplicit(`speaker ${s.id} listens for sessions in the source; Cilium listens only with localPort`, s.origin);
      }
      if (s.listen?.addresses?.length) out.notRendered(`speaker ${s.id}: listen addresses`, s.listen.origin ?? s.origin);
      if (s.routerId) out.notRendered(`speaker ${s.id}: a cluster-wide router ID (Cilium takes it per node: CiliumBGPNodeConfigOverride routerID)`, s.origin);
      const peers: Record<string, unknown>[] = [];
      for (const [pi, p] of s.peers.entries()) {
        const srcPeer = src.peers[pi] ?? p;
        const pe: Record<string, unknown> = { name: peerName(p) };
        if (p.address) pe['peerAddress'] = p.address;
        else if (p.interface && api === 'cilium.io/v2') pe['peerInterface'] = p.interface;
        else out.notRendered(`peer ${p.id}: no peer address`, p.origin);
        const ra = p.remoteAs;
        if (ra?.kind === 'explicit') pe['peerASN'] = ra.asn;
        else if (ra?.kind === 'internal' && asn !== undefined) pe['peerASN'] = asn;
        else if (ra?.kind === 'any') pe['peerASN'] = 0;
        else out.notRendered(`peer ${p.id}: remote AS ${ra?.kind ?? 'unset'} (Cilium takes a number, or 0 for any)`, p.origin);
        const own = hasOwnSettings(srcPeer);
        // Peer configs may come from another input file (another speaker of the merged document).
        const group = p.group ? (s.peerGroups.find((g) => g.name === p.group) ?? eff.speakers.flatMap((x) => x.peerGroups).find((g) => g.name === p.group)) : undefined;
        const cfgName = own || !group ? peerName(p) : k8sName(group.name);
        const pending = pendingConfigs.get(cfgName);
        if (pending) pending.peers.push(p);
        else pendingConfigs.set(cfgName, { settings: own || !group ? p : group, speaker: s, peers: [p] });
        pe['peerConfigRef'] = { name: cfgName };
        peers.push(pe);
        checkPeer(p, out);
      }
      if (peers.length > 0) inst['peers'] = peers;
      (cc.spec!['bgpInstances'] as unknown[]).push(inst);
    }
    for (const g of s.peerGroups) if (!s.peers.some((p) => p.group === g.name) && !pendingConfigs.has(k8sName(g.name))) pendingConfigs.set(k8sName(g.name), { settings: g, speaker: s, peers: [] });
    for (const lr of s.listenRanges) out.notRendered(`listen range ${lr.prefix}: Cilium peers are listed one by one`, lr.origin);
    for (const n of s.networks) out.notRendered(`network ${n.prefix}: Cilium announces pod CIDRs and service addresses only`, n.origin);
    for (const r of s.redistribute) out.notRendered(`redistribute ${r.source}`, r.origin);
    for (const a of s.aggregates) out.notRendered(`aggregate ${a.prefix}`, a.origin);
    for (const pol of s.policy.policies) out.notRendered(`policy ${pol.name}: Cilium has no routing policies (only advertisement attributes)`, pol.origin);
    for (const b of s.bfdProfiles) out.notRendered(`BFD profile ${b.name}: Cilium has no BFD`, b.origin);
    for (const o of s.nodeOverrides ?? []) {
      let ov = overrides.get(o.node);
      if (!ov) {
        ov = { apiVersion: api, kind: 'CiliumBGPNodeConfigOverride', metadata: { name: k8sName(o.node) }, spec: { bgpInstances: [] } };
        overrides.set(o.node, ov);
      }
      const bi: Record<string, unknown> = { name: instName };
      if (o.routerId) bi['routerID'] = o.routerId;
      if (o.asn !== undefined) bi['localASN'] = o.asn;
      if (o.listenPort !== undefined) bi['localPort'] = o.listenPort;
      if (o.localAddress) out.notRendered(`node ${o.node}: a node-wide local address (Cilium sets it per peer)`, o.origin);
      if (o.peers?.length) bi['peers'] = o.peers.map((x) => ({ name: k8sName(s.peers.find((p) => p.id === x.peer || p.name === x.peer)?.name ?? x.peer), ...(x.localAddress ? { localAddress: x.localAddress } : {}), ...(x.localPort !== undefined ? { localPort: x.localPort } : {}) }));
      (ov.spec!['bgpInstances'] as unknown[]).push(bi);
    }
    for (const ad of s.advertisements) {
      const o = advertisement(ad, s, out, api, allPools);
      if (o) ads.push(restore(o));
    }
    for (const pool of s.pools) {
      const spec: Record<string, unknown> = {
        blocks: pool.addresses.map((a) => ('cidr' in a ? { cidr: a.cidr } : { start: a.range.from, stop: a.range.to })),
      };
      if (pool.serviceSelector) spec['serviceSelector'] = cleanSelector(pool.serviceSelector);
      if (pool.avoidBuggyIps === true) out.notRendered(`pool ${pool.name}: avoid-buggy-ips (.0/.255 addresses); Cilium's allowFirstLastIPs excludes the first and last address of each block instead`, pool.origin);
      if (pool.autoAssign === false) out.notRendered(`pool ${pool.name}: auto-assign off (Cilium assigns from every matching pool)`, pool.origin);
      if (pool.namespaces?.length) out.notRendered(`pool ${pool.name}: namespaces (use serviceSelector with io.kubernetes.service.namespace)`, pool.origin);
      const o: K8sObject = { apiVersion: api, kind: 'CiliumLoadBalancerIPPool', metadata: { name: k8sName(pool.name) }, spec };
      if (pool.labels && Object.keys(pool.labels).length > 0) o.metadata.labels = { ...pool.labels };
      pools.push(restore(o));
    }
  });
  for (const [name, c] of pendingConfigs) peerConfigs.set(name, peerConfig(name, c.settings, c.speaker, c.peers, out, api, def, secrets));
  // Raw advertisement elements (e.g. Interface advertisements) restored into their object, created if needed.
  for (const s of doc.speakers) {
    for (const raw of s.raw) {
      if (raw.dialect !== 'cilium' || raw.context?.[1] !== 'spec.advertisements.[]') continue;
      const name = raw.context[0]!.slice(raw.context[0]!.indexOf('/') + 1);
      let o = ads.find((a) => a.metadata.name === name);
      if (!o) {
        const labels = raw.context[2]?.startsWith('labels=') ? (JSON.parse(raw.context[2].slice(7)) as Record<string, string>) : {};
        o = { apiVersion: api, kind: 'CiliumBGPAdvertisement', metadata: { name, ...(Object.keys(labels).length ? { labels } : {}) }, spec: { advertisements: [] } };
        ads.push(o);
      }
      (o.spec!['advertisements'] as unknown[]).push(JSON.parse(raw.text));
      consumed.add(raw);
    }
  }
  for (const o of [...clusters.values(), ...peerConfigs.values()]) restore(o);
  for (const o of [...clusters.values(), ...peerConfigs.values(), ...ads, ...pools, ...overrides.values(), ...secrets]) out.add(o);
  reportForeignRaw(out, doc, consumed);
  return { text: out.text(), diagnostics: out.sink.list };
}

const SESSION_KEYS = ['password', 'multihop', 'timers', 'gracefulRestart', 'port', 'updateSourceInterface', 'families', 'bfd', 'passive', 'localAs', 'localAddress', 'ttlSecurityHops', 'description', 'shutdown'] as const;

function hasOwnSettings(p: Peer): boolean {
  return SESSION_KEYS.some((k) => p[k] !== undefined && !(k === 'families' && (p.families ?? []).every((f) => Object.keys(f).every((x) => ['family', 'activate', 'origin'].includes(x)))));
}

function checkPeer(p: Peer, out: Out): void {
  if (p.bfd?.enabled) out.notRendered(`peer ${p.id}: BFD (Cilium has no BFD)`, p.bfd.origin ?? p.origin);
  if (p.passive === true) out.notRendered(`peer ${p.id}: passive (Cilium always opens the session)`, p.origin);
  if (p.localAs) out.notRendered(`peer ${p.id}: local-as ${p.localAs.asn}`, p.localAs.origin ?? p.origin);
  if (p.localAddress) out.notRendered(`peer ${p.id}: source address ${p.localAddress} (Cilium sets it per node in CiliumBGPNodeConfigOverride)`, p.origin);
  if (p.ttlSecurityHops !== undefined) out.notRendered(`peer ${p.id}: TTL security`, p.origin);
  if (p.shutdown === true) out.notRendered(`peer ${p.id}: administratively down`, p.origin);
  if (p.description !== undefined) out.notRendered(`peer ${p.id}: description`, p.origin);
  if (p.nodeSelector) out.notRendered(`peer ${p.id}: a per-peer node selector (Cilium selects nodes per cluster config)`, p.origin);
  for (const f of p.families ?? []) {
    if (f.activate === false) continue;
    if (f.import && (f.import.chain.length > 0 || f.import.defaultAction === 'accept')) out.notRendered(`peer ${p.id}: received routes are ${f.import.chain.length > 0 ? 'filtered by a policy' : 'accepted'} in the source; Cilium rejects every received route`, f.import.origin ?? f.origin ?? p.origin);
    if (f.export && f.export.chain.length > 0) out.notRendered(`peer ${p.id}: export policy ${f.export.chain.map((c) => c.name).join(', ')}; Cilium announces only its advertisements`, f.export.origin ?? f.origin ?? p.origin);
    for (const k of ['prefixLimit', 'nextHopSelf', 'routeReflectorClient', 'allowAsIn', 'removePrivateAs', 'addPath', 'defaultOriginate'] as const) if (f[k] !== undefined) out.notRendered(`peer ${p.id}: ${k} (${f.family})`, f.origin ?? p.origin);
  }
}

/** Does the speaker use Cilium's label selection (advertisement selectors in families)? */
function usesSelectors(s: Speaker): boolean {
  return s.peers.some((p) => p.families?.some((f) => f.advertisementSelector)) || s.peerGroups.some((g) => g.families?.some((f) => f.advertisementSelector));
}

/** Advertisements restricted to some peers or families: each gets its own label and peer configs select them by name. */
function restricted(s: Speaker): boolean {
  return !usesSelectors(s) && s.advertisements.some((ad) => ad.peers !== undefined || ad.families !== undefined);
}

const AD_LABEL = 'bgpc.io/advertisement';

/** The advertisements peers `users` (sharing one peer config) announce in `family`; undefined when they differ between the peers. */
function adsFor(s: Speaker, users: Peer[], family: string): string[] | undefined {
  const names: string[] = [];
  for (const ad of s.advertisements) {
    if (ad.families && !ad.families.includes(family as never)) continue;
    const to = ad.peers ? users.filter((p) => ad.peers!.includes(p.id) || (p.name !== undefined && ad.peers!.includes(p.name))) : users;
    if (users.length > 0 && to.length > 0 && to.length < users.length) return undefined;
    if (users.length === 0 || to.length > 0) names.push(k8sName(ad.name));
  }
  return names;
}

function peerConfig(name: string, p: Peer | PeerGroup, s: Speaker, users: Peer[], out: Out, api: string, def: ReturnType<typeof targetDefaults>, secrets: K8sObject[]): K8sObject {
  const spec: Record<string, unknown> = {};
  const t: Record<string, number> = {};
  if (p.timers?.connectRetry !== undefined && p.timers.connectRetry !== def.connectRetry.value) t['connectRetryTimeSeconds'] = p.timers.connectRetry;
  if (p.timers?.holdTime !== undefined && p.timers.holdTime !== def.holdTime.value) t['holdTimeSeconds'] = p.timers.holdTime;
  if (p.timers?.keepalive !== undefined && p.timers.keepalive !== def.keepalive.value) t['keepAliveTimeSeconds'] = p.timers.keepalive;
  if (Object.keys(t).length > 0) spec['timers'] = t;
  if (p.password?.kind === 'secretRef') {
    spec['authSecretRef'] = p.password.name;
    if (p.password.key && p.password.key !== 'password') out.lowered(`${name}: Cilium reads key "password" of Secret ${p.password.name}`, p.origin);
  } else if (p.password?.kind === 'literal') {
    const sname = `${name}-bgp-password`;
    secrets.push(passwordSecret(sname, SECRETS_NS, p.password.value));
    spec['authSecretRef'] = sname;
    out.lowered(`${name}: the password is written to Secret ${SECRETS_NS}/${sname} (Cilium's BGP secrets namespace)`, p.origin);
  }
  if (p.multihop?.enabled) spec['ebgpMultihop'] = p.multihop.ttl ?? def.multihopTtl.value;
  if (p.gracefulRestart && (p.gracefulRestart.enabled === true || (p.gracefulRestart.enabled === undefined && p.gracefulRestart.mode === 'full'))) {
    const gr: Record<string, unknown> = { enabled: true };
    if (p.gracefulRestart.restartTime !== undefined && p.gracefulRestart.restartTime !== def.gracefulRestart.value.restartTime) gr['restartTimeSeconds'] = p.gracefulRestart.restartTime;
    spec['gracefulRestart'] = gr;
  }
  const tr: Record<string, unknown> = {};
  if (p.port !== undefined && p.port !== 179) tr['peerPort'] = p.port;
  if (p.updateSourceInterface && api === 'cilium.io/v2') tr['sourceInterface'] = p.updateSourceInterface;
  if (Object.keys(tr).length > 0) spec['transport'] = tr;
  const fams = activeFamilies(p);
  const families = (fams.length > 0 ? fams : ['ipv4-unicast', 'ipv6-unicast'])
    .map((f) => {
      const afi = FAMILY_AFI[f];
      if (!afi) {
        out.notRendered(`${name}: family ${f}`, p.origin);
        return undefined;
      }
      const fs = p.families?.find((x) => x.family === f);
      let sel = fs?.advertisementSelector ?? (s.advertisements.length > 0 ? { matchLabels: DEFAULT_LABELS } : undefined);
      if (!fs?.advertisementSelector && restricted(s)) {
        const names = adsFor(s, users, f);
        if (names === undefined) out.notRendered(`${name}: its peers announce different advertisements; they share one peer config`, p.origin);
        sel = names && names.length > 0 ? { matchExpressions: [{ key: AD_LABEL, operator: 'In' as const, values: names }] } : undefined;
      }
      return { afi: afi[0], safi: afi[1], ...(sel ? { advertisements: cleanSelector(sel) } : {}) };
    })
    .filter(Boolean);
  spec['families'] = families;
  return { apiVersion: api, kind: 'CiliumBGPPeerConfig', metadata: { name }, spec };
}

function advertisement(ad: Advertisement, s: Speaker, out: Out, api: string, allPools: string[]): K8sObject | undefined {
  const what = ad.what ?? 'lb-pools';
  const bySelector = usesSelectors(s);
  const labels = ad.labels ?? (bySelector ? undefined : restricted(s) ? { [AD_LABEL]: k8sName(ad.name) } : DEFAULT_LABELS);
  const el: Record<string, unknown> = {};
  if (what === 'pod-cidr') el['advertisementType'] = 'PodCIDR';
  else if (what === 'pod-ip-pool') {
    el['advertisementType'] = 'CiliumPodIPPool';
    if (ad.pools.kind === 'selector' && ad.pools.selectors[0]) el['selector'] = cleanSelector(ad.pools.selectors[0]);
  } else {
    el['advertisementType'] = 'Service';
    el['service'] = { addresses: [what === 'service-cluster-ip' ? 'ClusterIP' : what === 'service-external-ip' ? 'ExternalIP' : 'LoadBalancerIP'] };
    if (ad.serviceSelector) el['selector'] = cleanSelector(ad.serviceSelector);
    else if (ad.pools.kind === 'all' || (ad.pools.kind === 'pools' && allPools.every((n) => ad.pools.kind === 'pools' && ad.pools.names.includes(n)))) {
      el['selector'] = { matchExpressions: [{ key: 'bgpc.io/no-such-label', operator: 'DoesNotExist' }] };
      out.lowered(`advertisement ${ad.name}: all pools become a selector that matches every service`, ad.origin);
    } else if (ad.pools.kind !== 'none') {
      el['selector'] = { matchExpressions: [{ key: 'bgpc.io/no-such-label', operator: 'DoesNotExist' }] };
      out.notRendered(`advertisement ${ad.name}: selected pools only (Cilium selects services, not pools); every service's address is announced`, ad.origin);
    }
    const svc = el['service'] as Record<string, unknown>;
    if (ad.aggregationLength !== undefined && ad.aggregationLength !== 32) svc['aggregationLengthIPv4'] = ad.aggregationLength;
    if (ad.aggregationLengthV6 !== undefined && ad.aggregationLengthV6 !== 128) svc['aggregationLengthIPv6'] = ad.aggregationLengthV6;
  }
  const attrs: Record<string, unknown> = {};
  const comm: Record<string, string[]> = {};
  const std = (ad.communities ?? []).filter((c) => !WELL_KNOWN.has(c));
  const wk = (ad.communities ?? []).filter((c) => WELL_KNOWN.has(c));
  if (std.length > 0) comm['standard'] = std;
  if (wk.length > 0) comm['wellKnown'] = wk;
  if (ad.largeCommunities?.length) comm['large'] = [...ad.largeCommunities];
  if (Object.keys(comm).length > 0) attrs['communities'] = comm;
  if (ad.localPref !== undefined) attrs['localPreference'] = ad.localPref;
  if (Object.keys(attrs).length > 0) el['attributes'] = attrs;
  if (ad.nodeSelectors?.length) out.notRendered(`advertisement ${ad.name}: node selectors (Cilium advertises from the nodes of the cluster config)`, ad.origin);

  const o: K8sObject = { apiVersion: api, kind: 'CiliumBGPAdvertisement', metadata: { name: k8sName(ad.name) }, spec: { advertisements: [el] } };
  if (labels) o.metadata.labels = { ...labels };
  return o;
}
