/**
 * PureLB writer: a ServiceGroup per pool (purelb.io/v1 by default, whose CRD
 * is stored; purelb.io/v2 with --api-version) and a k8gobgp BGPConfiguration
 * (bgp.purelb.io/v1) per speaker with sessions, whose netlinkImport of
 * kube-lb0 announces the pools. Defaults are GoBGP's (90/30/120).
 */
import type { AddressPool, IrDocument, RawNode } from '../../ir/schema.js';
import type { WriteResult } from '../../pipeline-types.js';
import { activeFamilies, cleanSelector, effective, k8sName, Out, passwordSecret, rawFieldsFor, reportForeignRaw, setPath, targetDefaults, type K8sObject, type K8sWriteOptions } from './common.js';
import { checkApiVersion } from './api-versions.js';

const NS = 'purelb-system';

/** The smallest prefix covering an address range. */
export function coveringPrefix(from: string, to: string): string | undefined {
  const v6 = from.includes(':');
  const a = toBig(from, v6);
  const b = toBig(to, v6);
  if (a === undefined || b === undefined) return undefined;
  const bits = v6 ? 128 : 32;
  let len = bits;
  while (len > 0 && a >> BigInt(bits - len) !== b >> BigInt(bits - len)) len--;
  const net = len === 0 ? 0n : (a >> BigInt(bits - len)) << BigInt(bits - len);
  return `${fromBig(net, v6)}/${len}`;
}

function toBig(ip: string, v6: boolean): bigint | undefined {
  if (!v6) {
    const p = ip.split('.').map(Number);
    if (p.length !== 4 || p.some((x) => !(x >= 0 && x <= 255))) return undefined;
    return p.reduce((acc, x) => (acc << 8n) | BigInt(x), 0n);
  }
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

function fromBig(n: bigint, v6: boolean): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - i * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

export function emitPurelb(doc: IrDocument, opts: K8sWriteOptions = {}): WriteResult {
  const out = new Out('purelb');
  const { doc: eff, sink } = effective(doc);
  out.sink.addAll(sink.list);
  checkApiVersion('purelb', opts.apiVersion, out.sink);
  const sgVersion = opts.apiVersion === 'purelb.io/v2' ? 'purelb.io/v2' : 'purelb.io/v1';
  const ns = opts.namespace ?? NS;
  const def = targetDefaults('purelb');
  const consumed = new Set<RawNode>();
  const groups: K8sObject[] = [];
  const configs: K8sObject[] = [];
  const secrets: K8sObject[] = [];
  const restore = (o: K8sObject): K8sObject => {
    for (const f of rawFieldsFor(doc.speakers, 'purelb', o.kind, o.metadata.name, o.apiVersion)) {
      setPath(o as unknown as Record<string, unknown>, f.path, f.value);
      consumed.add(f.raw);
    }
    return o;
  };
  let cfgCount = 0;
  eff.speakers.forEach((s, si) => {
    const src = doc.speakers[si]!;
    const announced = new Map<string, { v4?: number; v6?: number }>();
    for (const ad of s.advertisements) {
      const what = ad.what ?? 'lb-pools';
      if (what !== 'lb-pools' && what !== 'service-lb-ip') {
        out.notRendered(`advertisement ${ad.name}: PureLB announces load-balancer addresses only, not ${what}`, ad.origin);
        continue;
      }
      for (const p of s.pools) {
        const sel = ad.pools;
        if (sel.kind === 'all' || (sel.kind === 'pools' && sel.names.includes(p.name))) announced.set(p.name, { ...(ad.aggregationLength !== undefined ? { v4: ad.aggregationLength } : {}), ...(ad.aggregationLengthV6 !== undefined ? { v6: ad.aggregationLengthV6 } : {}) });
      }
      if (ad.serviceSelector) out.notRendered(`advertisement ${ad.name}: a service selector`, ad.origin);
      if (ad.communities?.length || ad.largeCommunities?.length || ad.localPref !== undefined) out.notRendered(`advertisement ${ad.name}: communities / local preference (k8gobgp needs policy definitions for them)`, ad.origin);
      if (ad.peers) out.notRendered(`advertisement ${ad.name}: announced to some peers only`, ad.origin);
      if (ad.nodeSelectors?.length) out.notRendered(`advertisement ${ad.name}: node selectors`, ad.origin);
    }
    for (const pool of s.pools) groups.push(...serviceGroups(pool, announced.get(pool.name), sgVersion, ns, out).map(restore));
    if (s.peers.length === 0) return;
    if (s.asn === undefined) {
      out.notRendered(`speaker ${s.id}: no local AS, which BGPConfiguration requires (global.asn)`, s.origin);
      return;
    }
    const m = /^purelb\/(.+)$/.exec(s.id);
    const name = k8sName(m ? m[1]! : cfgCount === 0 ? 'default' : s.name ?? s.id);
    cfgCount++;
    const global: Record<string, unknown> = { asn: s.asn };
    if (s.routerId) global['routerID'] = s.routerId;
    if (s.listen?.enabled === false) global['listenPort'] = -1;
    else if (s.listen?.port !== undefined && s.listen.port !== def.listen.value.port) global['listenPort'] = s.listen.port;
    if (s.listen?.addresses?.length) global['listenAddresses'] = [...s.listen.addresses];
    if (src.families?.length) global['families'] = [...src.families];
    const neighbors: Record<string, unknown>[] = [];
    for (const [pi, p] of s.peers.entries()) {
      const srcPeer0 = src.peers[pi] ?? p;
      const config: Record<string, unknown> = {};
      if (p.address) config['neighborAddress'] = p.address;
      else if (p.interface) config['neighborInterface'] = p.interface;
      const ra = p.remoteAs;
      if (ra?.kind === 'explicit') config['peerAsn'] = ra.asn;
      else if (ra?.kind === 'internal') config['peerAsn'] = s.asn;
      else {
        out.notRendered(`peer ${p.id}: remote AS ${ra?.kind ?? 'unset'} (k8gobgp needs peerAsn)`, p.origin);
        continue;
      }
      if (p.localAs) config['localAsn'] = p.localAs.asn;
      if (p.description) config['description'] = p.description;
      if (p.password?.kind === 'secretRef') config['authPasswordSecretRef'] = { name: p.password.name, key: p.password.key ?? 'password' };
      else if (p.password?.kind === 'literal') {
        const sname = `${name}-${k8sName(p.id)}-password`;
        secrets.push(passwordSecret(sname, ns, p.password.value));
        config['authPasswordSecretRef'] = { name: sname, key: 'password' };
        out.lowered(`peer ${p.id}: the password is written to Secret ${ns}/${sname}`, p.origin);
      }
      if (p.shutdown === true) config['adminDown'] = true;
      const n: Record<string, unknown> = { config };
      const t: Record<string, number> = {};
      if (p.timers?.holdTime !== undefined && p.timers.holdTime !== def.holdTime.value) t['holdTime'] = p.timers.holdTime;
      const kaDef = t['holdTime'] !== undefined ? Math.floor(t['holdTime'] / 3) : def.keepalive.value;
      if (p.timers?.keepalive !== undefined && p.timers.keepalive !== kaDef) t['keepaliveInterval'] = p.timers.keepalive;
      if (p.timers?.connectRetry !== undefined && p.timers.connectRetry !== def.connectRetry.value) t['connectRetry'] = p.timers.connectRetry;
      if (Object.keys(t).length > 0) n['timers'] = { config: t };
      const tr: Record<string, unknown> = {};
      if (p.localAddress) tr['localAddress'] = p.localAddress;
      if (p.passive === true) tr['passiveMode'] = true;
      if (Object.keys(tr).length > 0) n['transport'] = tr;
      if (p.multihop?.enabled) n['ebgpMultihop'] = { enabled: true, ...(p.multihop.ttl !== undefined && p.multihop.ttl !== def.multihopTtl.value ? { multihopTtl: p.multihop.ttl } : {}) };
      if (p.gracefulRestart?.enabled === true || (p.gracefulRestart?.mode !== undefined && p.gracefulRestart.mode !== 'disabled' && srcPeer0.gracefulRestart)) {
        n['gracefulRestart'] = { enabled: true, ...(p.gracefulRestart?.mode === 'helper-only' ? { helperOnly: true } : {}), ...(p.gracefulRestart?.restartTime !== undefined && p.gracefulRestart.restartTime !== def.gracefulRestart.value.restartTime ? { restartTime: p.gracefulRestart.restartTime } : {}) };
      }
      const fams = activeFamilies(p);
      // Without afiSafis gobgpd gives the neighbor its address's family (both when unnumbered); the
      // global families are the RIB's only (pkg/config/oc/default.go; k8gobgp passes neither through).
      const implied: string[] = !p.address ? ['ipv4-unicast', 'ipv6-unicast'] : [p.address.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast'];
      if (fams.length > 0 && !(fams.length === implied.length && fams.every((f) => implied.includes(f)))) n['afiSafis'] = fams.map((f) => ({ family: f, enabled: true }));
      if (p.nodeSelector) n['nodeSelector'] = cleanSelector(p.nodeSelector);
      if (p.bfd?.enabled) out.notRendered(`peer ${p.id}: BFD (k8gobgp's GoBGP has no BFD before GoBGP 4.6)`, p.bfd.origin ?? p.origin);
      if (p.ttlSecurityHops !== undefined) out.notRendered(`peer ${p.id}: TTL security`, p.origin);
      for (const f of p.families ?? []) {
        if (f.activate === false) continue;
        if (f.import && f.import.chain.length > 0) out.notRendered(`peer ${p.id}: import policy (k8gobgp policies are global definitions)`, f.import.origin ?? f.origin ?? p.origin);
        else if (f.import?.defaultAction === 'reject') out.notRendered(`peer ${p.id}: received routes are rejected in the source; GoBGP accepts them`, f.import.origin ?? f.origin ?? p.origin);
        if (f.export && f.export.chain.length > 0) out.lowered(`peer ${p.id}: the export policy becomes the netlink import of kube-lb0 (PureLB's announced addresses)`, f.export.origin ?? f.origin ?? p.origin);
      }
      neighbors.push(n);
    }
    const spec: Record<string, unknown> = { global };
    if (neighbors.length > 0) spec['neighbors'] = neighbors;
    const hasExport = s.peers.some((p) => p.families?.some((f) => f.export && (f.export.chain.length > 0 || f.export.defaultAction === 'accept'))) || s.redistribute.some((r) => r.interfaces?.includes('kube-lb0') || r.source === 'direct' || r.source === 'connected');
    if (s.advertisements.length > 0 || s.pools.length > 0 || hasExport || eff.speakers.some((x) => x.advertisements.length > 0)) spec['netlinkImport'] = { enabled: true, interfaceList: ['kube-lb0'] };
    for (const lr of s.listenRanges) out.notRendered(`listen range ${lr.prefix}`, lr.origin);
    for (const x of s.networks) out.notRendered(`network ${x.prefix}`, x.origin);
    for (const b of s.bfdProfiles) out.notRendered(`BFD profile ${b.name}: k8gobgp has no BFD`, b.origin);
    configs.push(restore({ apiVersion: 'bgp.purelb.io/v1', kind: 'BGPConfiguration', metadata: { name, namespace: ns }, spec }));
  });
  for (const o of [...groups, ...configs, ...secrets]) out.add(o);
  reportForeignRaw(out, doc, consumed);
  return { text: out.text(), diagnostics: out.sink.list };
}

function serviceGroups(pool: AddressPool, agg: { v4?: number; v6?: number } | undefined, api: string, ns: string, out: Out): K8sObject[] {
  const aggregation = (six: boolean): string => {
    const n = six ? agg?.v6 : agg?.v4;
    return n === undefined ? 'default' : `/${n}`;
  };
  const entry = (a: AddressPool['addresses'][number]): Record<string, unknown> => {
    const six = ('cidr' in a ? a.cidr : a.range.from).includes(':');
    const pool = 'cidr' in a ? a.cidr : `${a.range.from}-${a.range.to}`;
    const subnet = 'cidr' in a ? a.cidr : coveringPrefix(a.range.from, a.range.to);
    return { ...(subnet ? { subnet } : {}), pool, aggregation: aggregation(six) };
  };
  if (!agg) out.notRendered(`pool ${pool.name}: no advertisement announces it; PureLB's routing daemon announces every address on kube-lb0`, pool.origin);
  if (pool.autoAssign === false || pool.avoidBuggyIps || pool.serviceSelector) out.notRendered(`pool ${pool.name}: auto-assign, avoid-buggy-ips and service selectors`, pool.origin);
  if (api === 'purelb.io/v2') {
    const v4 = pool.addresses.filter((a) => !('cidr' in a ? a.cidr : a.range.from).includes(':')).map(entry);
    const v6 = pool.addresses.filter((a) => ('cidr' in a ? a.cidr : a.range.from).includes(':')).map(entry);
    const remote: Record<string, unknown> = {};
    if (v4.length > 0) remote['v4pools'] = v4;
    if (v6.length > 0) remote['v6pools'] = v6;
    const spec: Record<string, unknown> = { remote };
    if (pool.namespaces?.length) spec['namespaces'] = [...pool.namespaces];
    return [{ apiVersion: api, kind: 'ServiceGroup', metadata: { name: k8sName(pool.name), namespace: ns }, spec }];
  }
  if (pool.namespaces?.length) out.notRendered(`pool ${pool.name}: namespaces (purelb.io/v2 only)`, pool.origin);
  return pool.addresses.map((a, i) => ({
    apiVersion: api,
    kind: 'ServiceGroup',
    metadata: { name: k8sName(pool.addresses.length > 1 ? `${pool.name}-${i + 1}` : pool.name), namespace: ns },
    spec: { local: entry(a) },
  }));
}
