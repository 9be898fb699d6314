/**
 * MetalLB writer: BGPPeer (metallb.io/v1beta2 by default, v1beta1 with
 * --api-version metallb.io/v1beta1), IPAddressPool, BGPAdvertisement,
 * BFDProfile (metallb.io/v1beta1), Secrets referenced by passwords. Every
 * speaker of the document contributes; values equal to MetalLB's own
 * defaults (FRR traditional under MetalLB) are left out.
 */
import type { IrDocument, RawNode, Speaker } from '../../ir/schema.js';
import type { WriteResult } from '../../pipeline-types.js';
import {
  activeFamilies,
  advertisementPeers,
  andSelectors,
  cleanSelector,
  effective,
  k8sName,
  Out,
  passwordSecret,
  peerName,
  rawFieldsFor,
  reportForeignRaw,
  seconds,
  setPath,
  targetDefaults,
  type K8sObject,
  type K8sWriteOptions,
} from './common.js';
import { checkApiVersion } from './api-versions.js';

const NS = 'metallb-system';

export function emitMetallb(doc: IrDocument, opts: K8sWriteOptions = {}): WriteResult {
  const out = new Out('metallb');
  const { doc: eff, sink } = effective(doc);
  out.sink.addAll(sink.list);
  checkApiVersion('metallb', opts.apiVersion, out.sink);
  const peerVersion = opts.apiVersion === 'metallb.io/v1beta1' ? 'metallb.io/v1beta1' : 'metallb.io/v1beta2';
  const ns = opts.namespace ?? NS;
  const def = targetDefaults('metallb');
  const consumed = new Set<RawNode>();
  const peers: K8sObject[] = [];
  const pools: K8sObject[] = [];
  const ads: K8sObject[] = [];
  const bfds: K8sObject[] = [];
  const secrets: K8sObject[] = [];
  const restore = (o: K8sObject, speakers: Speaker[]): K8sObject => {
    for (const f of rawFieldsFor(speakers, 'metallb', o.kind, o.metadata.name, o.apiVersion)) {
      setPath(o as unknown as Record<string, unknown>, f.path, f.value);
      consumed.add(f.raw);
    }
    return o;
  };

  eff.speakers.forEach((s, si) => {
    const src = doc.speakers[si]!;
    let asn = s.asn;
    if (asn === undefined && s.dialect?.format === 'calico' && s.peers.length > 0) {
      asn = 64512;
      out.madeExplicit(`speaker ${s.id}: Calico's default AS 64512 is written as myASN`, s.origin);
    }
    if (s.listen?.enabled === true && s.dialect) out.notRendered(`speaker ${s.id} accepts incoming sessions; MetalLB's FRR (bgpd -p 0) does not listen, sessions are always opened by the node`, s.listen.origin ?? s.origin);
    out.unsupported(src, ['id', 'name', 'kind', 'dialect', 'nodeSelector', 'asn', 'routerId', 'vrf', 'listen', 'peerGroups', 'peers', 'bfdProfiles', 'pools', 'advertisements', 'raw', 'hostname', 'options', 'timers', 'families', 'policy', 'networks', 'aggregates', 'redistribute', 'listenRanges', 'nodeOverrides', 'gracefulRestart'], `speaker ${s.id}`, s.origin);
    if (src.timers) out.lowered(`speaker ${s.id}: speaker-wide timers are written on each peer`, src.timers.origin ?? s.origin);
    for (const [pi, p] of s.peers.entries()) {
      const srcPeer0 = src.peers[pi] ?? p;
      const name = peerName(p);
      if (asn === undefined) {
        out.notRendered(`peer ${p.id}: the speaker has no local AS, which BGPPeer requires (myASN)`, p.origin);
        continue;
      }
      const spec: Record<string, unknown> = { myASN: asn };
      const ra = p.remoteAs;
      if (ra?.kind === 'explicit') spec['peerASN'] = ra.asn;
      else if (ra?.kind === 'internal' || ra?.kind === 'external') {
        if (peerVersion === 'metallb.io/v1beta2') spec['dynamicASN'] = ra.kind;
        else if (ra.kind === 'internal') spec['peerASN'] = asn;
        else {
          out.notRendered(`peer ${p.id}: remote AS "external" needs BGPPeer v1beta2 (dynamicASN); the peer is left out`, p.origin);
          continue;
        }
      } else out.notRendered(`peer ${p.id}: ${ra ? 'a peer of any AS' : 'a peer without remote AS'} cannot be expressed (peerASN or dynamicASN)`, p.origin);
      if (p.address) spec['peerAddress'] = p.address;
      else if (p.interface && peerVersion === 'metallb.io/v1beta2') spec['interface'] = p.interface;
      else out.notRendered(`peer ${p.id}: no peer address`, p.origin);
      if (p.localAs) {
        if (peerVersion === 'metallb.io/v1beta2') spec['localASN'] = p.localAs.asn;
        else out.notRendered(`peer ${p.id}: local-as needs BGPPeer v1beta2`, p.localAs.origin ?? p.origin);
        if (p.localAs.noPrepend !== true || p.localAs.replaceAs !== true) out.lowered(`peer ${p.id}: MetalLB renders localASN as local-as ${p.localAs.asn} no-prepend replace-as`, p.localAs.origin ?? p.origin);
      }
      if (p.port !== undefined && p.port !== def.port.value) spec['peerPort'] = p.port;
      if (p.localAddress) spec['sourceAddress'] = p.localAddress;
      if (s.routerId) spec['routerID'] = s.routerId;
      const hold = p.timers?.holdTime;
      const ka = p.timers?.keepalive;
      const holdOut = hold !== undefined && hold !== def.holdTime.value ? hold : undefined;
      if (holdOut !== undefined) spec['holdTime'] = seconds(holdOut);
      const kaDefault = holdOut !== undefined ? Math.floor(holdOut / 3) : def.keepalive.value;
      if (ka !== undefined && ka !== kaDefault) {
        spec['keepaliveTime'] = seconds(ka);
        if (holdOut === undefined && hold !== undefined) spec['holdTime'] = seconds(hold);
      }
      const cr = p.timers?.connectRetry;
      if (cr !== undefined && cr !== def.connectRetry.value) {
        if (peerVersion === 'metallb.io/v1beta2') spec['connectTime'] = seconds(cr);
        else out.notRendered(`peer ${p.id}: connect retry needs BGPPeer v1beta2`, p.timers?.origin ?? p.origin);
      }
      if (p.password?.kind === 'literal') {
        if (peerVersion === 'metallb.io/v1beta2') {
          const sname = `${name}-bgp-password`;
          secrets.push(passwordSecret(sname, ns, p.password.value));
          spec['passwordSecret'] = { name: sname, namespace: ns };
          out.lowered(`peer ${p.id}: the password is written to Secret ${ns}/${sname}`, p.origin);
        } else spec['password'] = p.password.value;
      } else if (p.password?.kind === 'secretRef') {
        if (peerVersion === 'metallb.io/v1beta2') {
          spec['passwordSecret'] = { name: p.password.name, namespace: p.password.namespace ?? ns };
          if (p.password.key && p.password.key !== 'password') out.lowered(`peer ${p.id}: MetalLB reads key "password" of a basic-auth Secret, not "${p.password.key}"`, p.origin);
        } else out.notRendered(`peer ${p.id}: a password Secret needs BGPPeer v1beta2`, p.origin);
      }
      if (p.bfd?.enabled) {
        if (p.bfd.profile) spec['bfdProfile'] = k8sName(p.bfd.profile);
        else {
          const pname = `${name}-bfd`;
          spec['bfdProfile'] = pname;
          bfds.push(bfdObject(pname, { receiveIntervalUs: p.bfd.receiveIntervalUs, transmitIntervalUs: p.bfd.transmitIntervalUs, detectMultiplier: p.bfd.detectMultiplier }, ns, out, p.bfd.origin ?? p.origin));
          out.lowered(`peer ${p.id}: inline BFD settings become BFDProfile ${pname}`, p.bfd.origin ?? p.origin);
        }
      }
      if (p.multihop?.enabled) {
        spec['ebgpMultiHop'] = true;
        if (p.multihop.ttl !== undefined && p.multihop.ttl !== def.multihopTtl.value) out.notRendered(`peer ${p.id}: eBGP multihop TTL ${p.multihop.ttl} (MetalLB always uses FRR's default ${def.multihopTtl.value})`, p.multihop.origin ?? p.origin);
      }
      if (p.gracefulRestart?.enabled === true || (p.gracefulRestart?.mode && p.gracefulRestart.mode !== 'disabled' && srcPeer0.gracefulRestart)) {
        if (peerVersion === 'metallb.io/v1beta2') spec['enableGracefulRestart'] = true;
        if (p.gracefulRestart.restartTime !== undefined && p.gracefulRestart.restartTime !== def.gracefulRestart.value.restartTime) out.notRendered(`peer ${p.id}: graceful-restart time ${p.gracefulRestart.restartTime}s`, p.gracefulRestart.origin ?? p.origin);
      }
      if (s.vrf && peerVersion === 'metallb.io/v1beta2') spec['vrf'] = s.vrf;
      const fams = activeFamilies(p);
      if (fams.includes('ipv4-unicast') && fams.includes('ipv6-unicast') && !p.interface && peerVersion === 'metallb.io/v1beta2') spec['dualStackAddressFamily'] = true;
      for (const f of p.families ?? []) {
        if (f.activate === false) continue;
        if (f.family !== 'ipv4-unicast' && f.family !== 'ipv6-unicast') out.notRendered(`peer ${p.id}: family ${f.family}`, f.origin ?? p.origin);
        if (f.import && (f.import.chain.length > 0 || f.import.defaultAction === 'accept')) out.notRendered(`peer ${p.id}: received routes are ${f.import.chain.length > 0 ? 'filtered by a policy' : 'accepted'} in the source; MetalLB rejects every received route`, f.import.origin ?? f.origin ?? p.origin);
        if (f.export && f.export.chain.length > 0) out.notRendered(`peer ${p.id}: export policy ${f.export.chain.map((c) => c.name).join(', ')}; MetalLB announces only its advertisements`, f.export.origin ?? f.origin ?? p.origin);
        for (const k of ['prefixLimit', 'nextHopSelf', 'routeReflectorClient', 'allowAsIn', 'removePrivateAs', 'addPath', 'defaultOriginate'] as const) if (f[k] !== undefined) out.notRendered(`peer ${p.id}: ${k} (${f.family}) cannot be expressed in metallb`, f.origin ?? p.origin);
      }
      const sel = andSelectors(p.nodeSelector, s.nodeSelector);
      if (sel) spec['nodeSelectors'] = [cleanSelector(sel)];
      out.unsupported(srcPeer0, ['id', 'name', 'address', 'interface', 'group', 'remoteAs', 'localAs', 'port', 'localAddress', 'timers', 'password', 'bfd', 'multihop', 'gracefulRestart', 'families', 'nodeSelector', 'raw', 'passive', 'shutdown'], `peer ${p.id}`, p.origin);
      if (p.passive === true) out.notRendered(`peer ${p.id}: passive (MetalLB always opens the session)`, p.origin);
      if (p.shutdown === true) out.notRendered(`peer ${p.id}: administratively down`, p.origin);
      peers.push(restore({ apiVersion: peerVersion, kind: 'BGPPeer', metadata: { name, namespace: ns }, spec }, [src]));
    }
    for (const g of s.peerGroups) if (!s.peers.some((p) => p.group === g.name)) out.notRendered(`peer group ${g.name} has no peers; MetalLB has no peer templates`, g.origin);
    if (s.peerGroups.length > 0 && s.peers.some((p) => p.group)) out.lowered(`speaker ${s.id}: peer group settings are written on each BGPPeer`, s.peerGroups[0]!.origin);
    for (const lr of s.listenRanges) out.notRendered(`listen range ${lr.prefix}: MetalLB does not accept incoming sessions`, lr.origin);
    for (const n of s.networks) out.notRendered(`network ${n.prefix}: MetalLB announces only load-balancer addresses`, n.origin);
    for (const a of s.aggregates) out.notRendered(`aggregate ${a.prefix}`, a.origin);
    for (const r of s.redistribute) out.notRendered(`redistribute ${r.source}: MetalLB announces only load-balancer addresses`, r.origin);
    for (const pol of s.policy.policies) out.notRendered(`policy ${pol.name}: MetalLB has no routing policies`, pol.origin);
    for (const o of s.nodeOverrides ?? []) out.notRendered(`node override for ${o.node}: MetalLB has no per-node settings (write a BGPPeer with a node selector)`, o.origin);
    for (const b of s.bfdProfiles) bfds.push(restore(bfdObject(k8sName(b.name), b, ns, out, b.origin), [src]));
    for (const pool of s.pools) {
      const spec: Record<string, unknown> = {
        addresses: pool.addresses.map((a) => ('cidr' in a ? a.cidr : `${a.range.from}-${a.range.to}`)),
      };
      if (pool.autoAssign === false) spec['autoAssign'] = false;
      if (pool.avoidBuggyIps === true) spec['avoidBuggyIPs'] = true;
      const sa: Record<string, unknown> = {};
      if (pool.namespaces?.length) sa['namespaces'] = [...pool.namespaces];
      if (pool.serviceSelector) sa['serviceSelectors'] = [cleanSelector(pool.serviceSelector)];
      if (Object.keys(sa).length > 0) spec['serviceAllocation'] = sa;
      const o: K8sObject = { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: k8sName(pool.name), namespace: ns }, spec };
      if (pool.labels && Object.keys(pool.labels).length > 0) o.metadata.labels = { ...pool.labels };
      pools.push(restore(o, [src]));
    }
    for (const ad of s.advertisements) {
      const what = ad.what ?? 'lb-pools';
      if (what !== 'lb-pools' && what !== 'service-lb-ip') {
        out.notRendered(`advertisement ${ad.name}: MetalLB announces load-balancer addresses only, not ${what}`, ad.origin);
        continue;
      }
      if (ad.pools.kind === 'none') {
        out.lowered(`advertisement ${ad.name} announces nothing (no selector); it is left out`, ad.origin);
        continue;
      }
      const spec: Record<string, unknown> = {};
      if (ad.pools.kind === 'pools') spec['ipAddressPools'] = ad.pools.names.map(k8sName);
      else if (ad.pools.kind === 'selector') spec['ipAddressPoolSelectors'] = ad.pools.selectors.map(cleanSelector);
      if (ad.serviceSelector) spec['serviceSelectors'] = [cleanSelector(ad.serviceSelector)];
      if (ad.aggregationLength !== undefined && ad.aggregationLength !== 32) spec['aggregationLength'] = ad.aggregationLength;
      if (ad.aggregationLengthV6 !== undefined && ad.aggregationLengthV6 !== 128) spec['aggregationLengthV6'] = ad.aggregationLengthV6;
      if (ad.localPref !== undefined) spec['localPref'] = ad.localPref;
      const comms = [...(ad.communities ?? []), ...(ad.largeCommunities ?? []).map((c) => `large:${c}`)];
      if (comms.length > 0) spec['communities'] = comms;
      const to = advertisementPeers(s, ad);
      if (to) spec['peers'] = to.map(peerName);
      if (ad.nodeSelectors?.length) spec['nodeSelectors'] = ad.nodeSelectors.map(cleanSelector);
      if (ad.families && ad.families.some((f) => f !== 'ipv4-unicast' && f !== 'ipv6-unicast')) out.notRendered(`advertisement ${ad.name}: families ${ad.families.join(', ')}`, ad.origin);
      ads.push(restore({ apiVersion: 'metallb.io/v1beta1', kind: 'BGPAdvertisement', metadata: { name: k8sName(ad.name), namespace: ns }, spec }, [src]));
    }
  });
  for (const o of [...peers, ...pools, ...ads, ...bfds, ...secrets]) out.add(o);
  reportForeignRaw(out, doc, consumed);
  return { text: out.text(), diagnostics: out.sink.list };
}

function bfdObject(
  name: string,
  b: { receiveIntervalUs?: number | undefined; transmitIntervalUs?: number | undefined; detectMultiplier?: number | undefined; echoMode?: boolean; echoReceiveIntervalUs?: number; echoTransmitIntervalUs?: number; passive?: boolean; minimumTtl?: number; idleTransmitIntervalUs?: number; multihop?: boolean; interfaces?: string[] },
  ns: string,
  out: Out,
  origin: Parameters<Out['notRendered']>[1],
): K8sObject {
  const spec: Record<string, unknown> = {};
  const ms = (us: number | undefined, field: string): void => {
    if (us === undefined) return;
    if (us % 1000 !== 0) out.notRendered(`BFD profile ${name}: ${field} ${us}µs is not a whole number of milliseconds`, origin);
    const v = Math.round(us / 1000);
    if (v !== 300) spec[field] = v;
  };
  ms(b.receiveIntervalUs, 'receiveInterval');
  ms(b.transmitIntervalUs, 'transmitInterval');
  if (b.detectMultiplier !== undefined && b.detectMultiplier !== 3) spec['detectMultiplier'] = b.detectMultiplier;
  if (b.echoReceiveIntervalUs !== undefined || b.echoTransmitIntervalUs !== undefined) {
    const e = b.echoTransmitIntervalUs ?? b.echoReceiveIntervalUs!;
    if (b.echoReceiveIntervalUs !== undefined && b.echoTransmitIntervalUs !== undefined && b.echoReceiveIntervalUs !== b.echoTransmitIntervalUs) {
      out.notRendered(`BFD profile ${name}: different echo receive and transmit intervals (MetalLB has one echoInterval)`, origin);
    }
    if (Math.round(e / 1000) !== 50) spec['echoInterval'] = Math.round(e / 1000);
  }
  if (b.echoMode === true) spec['echoMode'] = true;
  if (b.passive === true) spec['passiveMode'] = true;
  if (b.minimumTtl !== undefined && b.minimumTtl !== 254) spec['minimumTtl'] = b.minimumTtl;
  if (b.idleTransmitIntervalUs !== undefined) out.notRendered(`BFD profile ${name}: idle transmit interval`, origin);
  if (b.interfaces?.length) out.lowered(`BFD profile ${name}: interface patterns do not apply; MetalLB binds profiles to peers`, origin);
  return { apiVersion: 'metallb.io/v1beta1', kind: 'BFDProfile', metadata: { name, namespace: ns }, spec };
}
