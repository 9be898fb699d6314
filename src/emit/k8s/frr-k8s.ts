/**
 * frr-k8s writer: one FRRConfiguration (frrk8s.metallb.io/v1beta1) per
 * speaker, with its nodeSelector, one router (asn, id, vrf, prefixes from
 * networks), neighbors with their session settings, toAdvertise/toReceive from
 * the import/export chains (accept-all, or prefix-set policies as frr-k8s
 * writes them), BFD profiles in ms, raw FRR text as spec.raw.rawConfig, and
 * Secrets for literal passwords. Defaults are FRR's under frr-k8s.
 */
import type { IrDocument, PolicyChain, RawNode, Speaker } from '../../ir/schema.js';
import type { WriteResult } from '../../pipeline-types.js';
import { activeFamilies, cleanSelector, effective, k8sName, Out, passwordSecret, rawFieldsFor, reportForeignRaw, seconds, setPath, targetDefaults, type K8sObject, type K8sWriteOptions } from './common.js';
import { checkApiVersion } from './api-versions.js';

const NS = 'frr-k8s-system';

export function emitFrrK8s(doc: IrDocument, opts: K8sWriteOptions = {}): WriteResult {
  const out = new Out('frr-k8s');
  const { doc: eff, sink } = effective(doc);
  out.sink.addAll(sink.list);
  checkApiVersion('frr-k8s', opts.apiVersion, out.sink);
  const ns = opts.namespace ?? NS;
  const def = targetDefaults('frr-k8s');
  const consumed = new Set<RawNode>();
  const configs: K8sObject[] = [];
  const secrets: K8sObject[] = [];
  const byName = new Map<string, K8sObject>();

  eff.speakers.forEach((s, si) => {
    const src = doc.speakers[si]!;
    const m = /^frr-k8s\/([^/]+)(?:\/\d+)?$/.exec(s.id);
    const name = k8sName(m ? m[1]! : s.name ?? s.id);
    let cfg = byName.get(name);
    if (!cfg) {
      cfg = { apiVersion: 'frrk8s.metallb.io/v1beta1', kind: 'FRRConfiguration', metadata: { name, namespace: ns }, spec: {} };
      if (s.nodeSelector) cfg.spec!['nodeSelector'] = cleanSelector(s.nodeSelector);
      cfg.spec!['bgp'] = { routers: [] };
      byName.set(name, cfg);
      configs.push(cfg);
    }
    const bgp = cfg.spec!['bgp'] as Record<string, unknown>;
    if (s.listen?.enabled === true && s.dialect) out.notRendered(`speaker ${s.id} accepts incoming sessions; frr-k8s runs bgpd -p 0 and does not listen`, s.listen.origin ?? s.origin);
    if (s.asn === undefined && s.peers.length > 0) out.notRendered(`speaker ${s.id}: no local AS, which a router requires`, s.origin);
    if (s.asn !== undefined) {
      const router: Record<string, unknown> = { asn: s.asn };
      if (s.routerId) router['id'] = s.routerId;
      if (s.vrf) router['vrf'] = s.vrf;
      const neighbors: Record<string, unknown>[] = [];
      for (const p of s.peers) {
        const n: Record<string, unknown> = {};
        const ra = p.remoteAs;
        if (ra?.kind === 'explicit') n['asn'] = ra.asn;
        else if (ra?.kind === 'internal' || ra?.kind === 'external') n['dynamicASN'] = ra.kind;
        else out.notRendered(`peer ${p.id}: ${ra ? 'a peer of any AS' : 'no remote AS'}`, p.origin);
        if (p.address) n['address'] = p.address;
        else if (p.interface) n['interface'] = p.interface;
        if (p.localAs) n['localASN'] = p.localAs.asn;
        if (p.port !== undefined && p.port !== def.port.value) n['port'] = p.port;
        if (p.localAddress) n['sourceaddress'] = p.localAddress;
        const hold = p.timers?.holdTime;
        const holdOut = hold !== undefined && hold !== def.holdTime.value ? hold : undefined;
        if (holdOut !== undefined) n['holdTime'] = seconds(holdOut);
        const ka = p.timers?.keepalive;
        if (ka !== undefined && ka !== (holdOut !== undefined ? Math.floor(holdOut / 3) : def.keepalive.value)) {
          n['keepaliveTime'] = seconds(ka);
          if (holdOut === undefined && hold !== undefined) n['holdTime'] = seconds(hold);
        }
        if (p.timers?.connectRetry !== undefined && p.timers.connectRetry !== def.connectRetry.value) n['connectTime'] = seconds(p.timers.connectRetry);
        if (p.password?.kind === 'secretRef') n['passwordSecret'] = { name: p.password.name, namespace: p.password.namespace ?? ns };
        else if (p.password?.kind === 'literal') {
          const sname = `${name}-${k8sName(p.address ?? p.interface ?? p.id)}-password`;
          secrets.push(passwordSecret(sname, ns, p.password.value));
          n['passwordSecret'] = { name: sname, namespace: ns };
          out.lowered(`peer ${p.id}: the password is written to Secret ${ns}/${sname}`, p.origin);
        }
        if (p.bfd?.enabled) {
          if (p.bfd.profile) n['bfdProfile'] = p.bfd.profile;
          else out.notRendered(`peer ${p.id}: BFD without a profile (frr-k8s binds BFD through profiles)`, p.bfd.origin ?? p.origin);
        }
        if (p.multihop?.enabled) {
          n['ebgpMultiHop'] = true;
          if (p.multihop.ttl !== undefined && p.multihop.ttl !== def.multihopTtl.value) out.notRendered(`peer ${p.id}: eBGP multihop TTL ${p.multihop.ttl}`, p.multihop.origin ?? p.origin);
        }
        if (p.gracefulRestart?.enabled === true) n['enableGracefulRestart'] = true;
        const fams = activeFamilies(p);
        if (fams.includes('ipv4-unicast') && fams.includes('ipv6-unicast') && !p.interface) n['dualStackAddressFamily'] = true;
        const f0 = p.families?.find((f) => f.activate !== false);
        if (f0) {
          const adv = toFilter(f0.export, s, `peer ${p.id} export`, out, true);
          if (adv) n['toAdvertise'] = adv;
          const rcv = toFilter(f0.import, s, `peer ${p.id} import`, out, false);
          if (rcv) n['toReceive'] = rcv;
        }
        if (p.nodeSelector && !s.nodeSelector) out.notRendered(`peer ${p.id}: a per-peer node selector (frr-k8s selects nodes per FRRConfiguration)`, p.origin);
        for (const k of ['passive', 'shutdown', 'description', 'ttlSecurityHops', 'updateSourceInterface', 'disableConnectedCheck'] as const) if (p[k] !== undefined && p[k] !== false) out.notRendered(`peer ${p.id}: ${k}`, p.origin);
        neighbors.push(n);
      }
      if (neighbors.length > 0) router['neighbors'] = neighbors;
      const prefixes = s.networks.map((x) => x.prefix);
      if (prefixes.length > 0) router['prefixes'] = prefixes;
      (bgp['routers'] as unknown[]).push(router);
    }
    if (s.bfdProfiles.length > 0) {
      bgp['bfdProfiles'] = s.bfdProfiles.map((b) => {
        const o: Record<string, unknown> = { name: b.name };
        const ms = (v: number | undefined, k: string, d: number): void => {
          if (v === undefined) return;
          if (v % 1000 !== 0) out.notRendered(`BFD profile ${b.name}: ${k} is not whole milliseconds`, b.origin);
          if (Math.round(v / 1000) !== d) o[k] = Math.round(v / 1000);
        };
        ms(b.receiveIntervalUs, 'receiveInterval', 300);
        ms(b.transmitIntervalUs, 'transmitInterval', 300);
        if (b.detectMultiplier !== undefined && b.detectMultiplier !== 3) o['detectMultiplier'] = b.detectMultiplier;
        ms(b.echoTransmitIntervalUs ?? b.echoReceiveIntervalUs, 'echoInterval', 50);
        if (b.echoMode === true) o['echoMode'] = true;
        if (b.passive === true) o['passiveMode'] = true;
        if (b.minimumTtl !== undefined && b.minimumTtl !== 254) o['minimumTtl'] = b.minimumTtl;
        return o;
      });
    }
    for (const lr of s.listenRanges) out.notRendered(`listen range ${lr.prefix}: frr-k8s does not accept incoming sessions`, lr.origin);
    for (const a of s.aggregates) out.notRendered(`aggregate ${a.prefix}`, a.origin);
    for (const r of s.redistribute) out.notRendered(`redistribute ${r.source}`, r.origin);
    for (const pool of s.pools) out.notRendered(`pool ${pool.name}: frr-k8s announces prefixes, not load-balancer pools (MetalLB renders the assigned addresses)`, pool.origin);
    for (const ad of s.advertisements) out.notRendered(`advertisement ${ad.name}: frr-k8s has no load-balancer advertisements`, ad.origin);
    for (const o of s.nodeOverrides ?? []) out.notRendered(`node override for ${o.node}`, o.origin);
    // Raw FRR text (from a rawConfig, or an FRR input) goes back into spec.raw.rawConfig.
    const rawTexts = src.raw.filter((r) => r.dialect === 'frr' && (r.context?.[1] === 'spec.raw.rawConfig' || !r.context?.length));
    if (rawTexts.length > 0) {
      cfg.spec!['raw'] = { rawConfig: rawTexts.map((r) => r.text.replace(/\n?$/, '\n')).join('') };
      for (const r of rawTexts) consumed.add(r);
    }
    for (const f of rawFieldsFor([src], 'frr-k8s', 'FRRConfiguration', name, 'frrk8s.metallb.io/v1beta1')) {
      setPath(cfg as unknown as Record<string, unknown>, f.path, f.value);
      consumed.add(f.raw);
    }
  });
  for (const o of [...configs, ...secrets]) out.add(o);
  reportForeignRaw(out, doc, consumed);
  return { text: out.text(), diagnostics: out.sink.list };
}

/** An import/export chain as frr-k8s toAdvertise / toReceive. */
function toFilter(chain: PolicyChain | undefined, s: Speaker, what: string, out: Out, advertise: boolean): Record<string, unknown> | undefined {
  if (!chain) return undefined;
  if (chain.chain.length === 0) return chain.defaultAction === 'accept' ? { allowed: { mode: 'all' } } : undefined;
  if (chain.chain.length > 1 || chain.chain[0]!.kind !== 'policy') {
    out.notRendered(`${what}: a chain of ${chain.chain.length} policies`, chain.origin);
    return undefined;
  }
  const pol = s.policy.policies.find((p) => p.name === chain.chain[0]!.name);
  if (!pol) return undefined;
  const res: Record<string, unknown> = {};
  const withLocalPref: Record<string, unknown>[] = [];
  const withCommunity: Record<string, unknown>[] = [];
  let allowed: Record<string, unknown> | undefined;
  const prefixesOf = (name: string): Record<string, unknown>[] =>
    (s.policy.prefixSets.find((x) => x.name === name)?.entries ?? []).map((e) => ({ prefix: e.prefix, ...(e.ge !== undefined ? { ge: e.ge } : {}), ...(e.le !== undefined ? { le: e.le } : {}) }));
  for (const st of pol.statements) {
    const c = st.conditions[0];
    if (st.result === 'accept' && st.actions.length === 0 && st.conditions.length === 0) allowed = { mode: 'all' };
    else if (st.result === 'accept' && st.actions.length === 0 && st.conditions.length === 1 && c?.kind === 'prefix-set') {
      const ps = prefixesOf(c.name);
      if (advertise && ps.some((x) => x['ge'] !== undefined || x['le'] !== undefined)) out.notRendered(`${what}: ge/le on advertised prefixes (frr-k8s advertises exact prefixes)`, st.origin ?? pol.origin);
      allowed = { mode: 'filtered', prefixes: advertise ? ps.map((x) => x['prefix']) : ps };
    }
    else if (advertise && st.result === 'continue' && st.conditions.length === 1 && c?.kind === 'prefix-set' && st.actions.length === 1) {
      const a = st.actions[0]!;
      const plain = prefixesOf(c.name).map((x) => x['prefix'] as string);
      if (a.kind === 'set-local-pref') withLocalPref.push({ localPref: a.value, prefixes: plain });
      else if (a.kind === 'community' && a.op === 'add' && a.values?.length === 1) withCommunity.push({ community: a.communityKind === 'large' ? `large:${a.values[0]}` : a.values[0], prefixes: plain });
      else out.notRendered(`${what}: policy ${pol.name} action ${a.kind}`, st.origin ?? pol.origin);
    } else out.notRendered(`${what}: policy ${pol.name} has a statement frr-k8s cannot express`, st.origin ?? pol.origin);
  }
  if (advertise && (s.networks.length === 0 && allowed)) out.lowered(`${what}: frr-k8s advertises only the router's prefixes`, pol.origin);
  if (allowed) res['allowed'] = allowed;
  if (withLocalPref.length > 0) res['withLocalPref'] = withLocalPref;
  if (withCommunity.length > 0) res['withCommunity'] = withCommunity;
  return Object.keys(res).length > 0 ? res : undefined;
}

