/**
 * Calico writer (projectcalico.org/v3 by default, crd.projectcalico.org/v1
 * with --api-version): BGPConfiguration `default` (AS, listen port, node mesh,
 * advertised service load-balancer CIDRs), one BGPPeer per peer (node
 * selectors written as Calico expressions), IPPools for load-balancer pools,
 * and Secrets for literal passwords. Calico has no BFD and no hold-time field,
 * and it accepts every received route.
 */
import type { IrDocument, LabelSelector, RawNode } from '../../ir/schema.js';
import type { WriteResult } from '../../pipeline-types.js';
import { HOSTNAME_LABEL } from '../../parse/k8s/calico.js';
import { andSelectors, effective, k8sName, Out, passwordSecret, peerName, rawFieldsFor, reportForeignRaw, setPath, targetDefaults, type K8sObject, type K8sWriteOptions } from './common.js';
import { checkApiVersion } from './api-versions.js';

const SECRETS_NS = 'kube-system';

/** A label selector as a Calico selector expression. */
export function calicoExpression(sel: LabelSelector): string {
  const parts: string[] = [];
  const q = (v: string): string => `'${v.replace(/'/g, '')}'`;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push(`${k} == ${q(v)}`);
  for (const e of sel.matchExpressions ?? []) {
    const vals = `{${(e.values ?? []).map(q).join(', ')}}`;
    if (e.operator === 'In') parts.push((e.values ?? []).length === 1 ? `${e.key} == ${q(e.values![0]!)}` : `${e.key} in ${vals}`);
    else if (e.operator === 'NotIn') parts.push((e.values ?? []).length === 1 ? `${e.key} != ${q(e.values![0]!)}` : `${e.key} not in ${vals}`);
    else if (e.operator === 'Exists') parts.push(`has(${e.key})`);
    else parts.push(`!has(${e.key})`);
  }
  return parts.length === 0 ? 'all()' : parts.join(' && ');
}

export function emitCalico(doc: IrDocument, opts: K8sWriteOptions = {}): WriteResult {
  const out = new Out('calico');
  const { doc: eff, sink } = effective(doc);
  out.sink.addAll(sink.list);
  checkApiVersion('calico', opts.apiVersion, out.sink);
  const api = opts.apiVersion === 'crd.projectcalico.org/v1' ? 'crd.projectcalico.org/v1' : 'projectcalico.org/v3';
  const def = targetDefaults('calico');
  const consumed = new Set<RawNode>();
  const restore = (o: K8sObject): K8sObject => {
    for (const f of rawFieldsFor(doc.speakers, 'calico', o.kind, o.metadata.name)) {
      setPath(o as unknown as Record<string, unknown>, f.path, f.value);
      consumed.add(f.raw);
    }
    return o;
  };
  const objects: K8sObject[] = [];
  const secrets: K8sObject[] = [];
  const peersOut: K8sObject[] = [];
  const poolsOut: K8sObject[] = [];
  const nodesOut: K8sObject[] = [];
  const filtersOut: K8sObject[] = [];
  const cfg: Record<string, unknown> = {};
  const lbCidrs: { cidr: string }[] = [];
  const prefixAds: { cidr: string; communities: string[] }[] = [];
  let cfgOrigin: Parameters<Out['notRendered']>[1];

  eff.speakers.forEach((s, si) => {
    const src = doc.speakers[si]!;
    if (si === 0) {
      cfgOrigin = s.origin;
      if (s.asn !== undefined && s.asn !== 64512) cfg['asNumber'] = s.asn;
      if (s.asn !== undefined && s.asn > 2147483647) out.notRendered(`speaker ${s.id}: AS ${s.asn} does not fit Calico's int32 asNumber`, s.origin);
      if (s.listen?.port !== undefined && s.listen.port !== 179) cfg['listenPort'] = s.listen.port;
      if (s.dialect && s.dialect.format !== 'calico') {
        cfg['nodeToNodeMeshEnabled'] = false;
        out.madeExplicit(`speaker ${s.id}: Calico meshes all nodes by default; the source has no node-to-node sessions, so nodeToNodeMeshEnabled is false`, s.origin);
      }
      if (s.listen?.enabled === false && s.dialect) out.notRendered(`speaker ${s.id} does not accept incoming sessions; Calico's BIRD always listens`, s.listen.origin ?? s.origin);
    } else if (s.asn !== undefined && s.asn !== eff.speakers[0]!.asn) {
      out.notRendered(`speaker ${s.id}: a second local AS ${s.asn} (Calico has one AS per node)`, s.origin);
    }
    if (s.routerId) out.notRendered(`speaker ${s.id}: a cluster-wide router ID (Calico uses each node's address)`, s.origin);
    for (const [pi, p] of s.peers.entries()) {
      const srcPeer = src.peers[pi] ?? p;
      const spec: Record<string, unknown> = {};
      if (p.address) {
        const port = p.port !== undefined && p.port !== def.port.value ? p.port : undefined;
        spec['peerIP'] = port === undefined ? p.address : p.address.includes(':') ? `[${p.address}]:${port}` : `${p.address}:${port}`;
      } else out.notRendered(`peer ${p.id}: no peer address (Calico peers by IP)`, p.origin);
      const ra = p.remoteAs;
      const asn = s.asn ?? 64512;
      if (ra?.kind === 'explicit') spec['asNumber'] = ra.asn;
      else if (ra?.kind === 'internal') spec['asNumber'] = asn;
      else out.notRendered(`peer ${p.id}: remote AS ${ra?.kind ?? 'unset'} (Calico takes a number)`, p.origin);
      if (typeof spec['asNumber'] === 'number' && (spec['asNumber'] as number) > 2147483647) out.notRendered(`peer ${p.id}: AS ${String(spec['asNumber'])} does not fit Calico's int32 asNumber`, p.origin);
      const sel = andSelectors(p.nodeSelector, s.nodeSelector);
      if (sel) {
        const ml = Object.entries(sel.matchLabels ?? {});
        if (ml.length === 1 && ml[0]![0] === HOSTNAME_LABEL && !sel.matchExpressions?.length) spec['node'] = ml[0]![1];
        else spec['nodeSelector'] = calicoExpression(sel);
      }
      if (p.password?.kind === 'secretRef') spec['password'] = { secretKeyRef: { name: p.password.name, key: p.password.key ?? 'password' } };
      else if (p.password?.kind === 'literal') {
        const sname = `${peerName(p)}-bgp-password`;
        secrets.push(passwordSecret(sname, SECRETS_NS, p.password.value));
        spec['password'] = { secretKeyRef: { name: sname, key: 'password' } };
        out.lowered(`peer ${p.id}: the password is written to Secret ${SECRETS_NS}/${sname} (it must be in calico-node's namespace)`, p.origin);
      }
      const hold = p.timers?.holdTime;
      const ka = p.timers?.keepalive;
      if (hold !== undefined && hold !== def.holdTime.value) out.notRendered(`peer ${p.id}: hold time ${hold}s (Calico's BGPPeer has no hold-time field; BIRD uses ${def.holdTime.value}s)`, p.timers?.origin ?? p.origin);
      if (ka !== undefined && ka !== (hold !== undefined ? Math.floor(hold / 3) : def.keepalive.value)) spec['keepaliveTime'] = `${ka}s`;
      if (p.timers?.connectRetry !== undefined && p.timers.connectRetry !== def.connectRetry.value) out.notRendered(`peer ${p.id}: connect retry ${p.timers.connectRetry}s (Calico's template fixes it at ${def.connectRetry.value}s)`, p.timers.origin ?? p.origin);
      if (p.gracefulRestart?.restartTime !== undefined && p.gracefulRestart.restartTime !== def.gracefulRestart.value.restartTime) spec['maxRestartTime'] = `${p.gracefulRestart.restartTime}s`;
      if (p.gracefulRestart?.enabled === false || p.gracefulRestart?.mode === 'disabled') out.notRendered(`peer ${p.id}: graceful restart off (Calico always enables it)`, p.gracefulRestart.origin ?? p.origin);
      if (p.ttlSecurityHops !== undefined) spec['ttlSecurity'] = p.ttlSecurityHops;
      if (p.localAs) spec['localASNumber'] = p.localAs.asn;
      if (p.bfd?.enabled) out.notRendered(`peer ${p.id}: BFD (Calico's BGPPeer has no BFD)`, p.bfd.origin ?? p.origin);
      if (p.passive === true) out.notRendered(`peer ${p.id}: passive`, p.origin);
      if (p.localAddress) out.notRendered(`peer ${p.id}: source address ${p.localAddress} (Calico uses the node IP: sourceAddress UseNodeIP)`, p.origin);
      if (p.description !== undefined) out.notRendered(`peer ${p.id}: description`, p.origin);
      if (p.multihop?.enabled === false && srcPeer.multihop) out.lowered(`peer ${p.id}: Calico always configures BIRD's multihop`, p.origin);
      for (const f of p.families ?? []) {
        if (f.activate === false) continue;
        if (f.nextHopSelf === 'keep') spec['keepOriginalNextHop'] = true;
        else if (f.nextHopSelf === 'force' || f.nextHopSelf === 'self') spec['nextHopMode'] = 'Self';
        if (f.allowAsIn !== undefined && f.allowAsIn !== 'origin') spec['numAllowedLocalASNumbers'] = f.allowAsIn;
        const filters = [...(f.import?.chain ?? []), ...(f.export?.chain ?? [])].map((c) => c.name.replace(/-(import|export)V[46]$/, ''));
        const calicoFilters = [...new Set(filters)].filter((n) => s.policy.policies.some((pol) => pol.name.startsWith(`${n}-`) && /-(import|export)V[46]$/.test(pol.name)));
        if (calicoFilters.length > 0) spec['filters'] = calicoFilters;
        else if (filters.length > 0) out.notRendered(`peer ${p.id}: policies ${filters.join(', ')} (Calico filters are BGPFilter objects)`, f.origin ?? p.origin);
        else if (f.import?.defaultAction === 'reject') out.notRendered(`peer ${p.id}: received routes are rejected in the source; Calico accepts them`, f.import.origin ?? f.origin ?? p.origin);
      }
      peersOut.push(restore({ apiVersion: api, kind: 'BGPPeer', metadata: { name: peerName(p) }, spec }));
    }
    for (const lr of s.listenRanges) out.notRendered(`listen range ${lr.prefix}`, lr.origin);
    for (const n of s.networks) out.notRendered(`network ${n.prefix}: Calico announces IP pools and service addresses only`, n.origin);
    for (const r of s.redistribute) out.notRendered(`redistribute ${r.source}`, r.origin);
    const filters = new Map<string, Record<string, unknown>>();
    for (const pol of s.policy.policies) {
      const m = /^(.+)-((?:import|export)V[46])$/.exec(pol.name);
      if (!m) {
        out.notRendered(`policy ${pol.name}: Calico filters are BGPFilter rule lists (importV4, exportV6, ...)`, pol.origin);
        continue;
      }
      const rules: Record<string, unknown>[] = [];
      for (const st of pol.statements) {
        const rule: Record<string, unknown> = { action: st.result === 'reject' ? 'Reject' : 'Accept' };
        if (st.result !== 'accept' && st.result !== 'reject') out.notRendered(`policy ${pol.name}: a rule that ${st.result}s (Calico rules accept or reject)`, st.origin ?? pol.origin);
        for (const c of st.conditions) {
          if (c.kind === 'prefix-set') {
            const set = s.policy.prefixSets.find((x) => x.name === c.name);
            const e = set?.entries[0];
            if (!e || set!.entries.length > 1) {
              out.notRendered(`policy ${pol.name}: prefix set ${c.name} with ${set?.entries.length ?? 0} entries (a Calico rule matches one CIDR)`, c.origin ?? st.origin);
              continue;
            }
            const plen = Number(e.prefix.split('/')[1]);
            const max = e.prefix.includes(':') ? 128 : 32;
            const range = e.ge !== undefined || e.le !== undefined;
            rule['cidr'] = e.prefix;
            rule['matchOperator'] = c.options === 'invert' ? (range ? 'NotIn' : 'NotEqual') : range ? 'In' : 'Equal';
            const pl: Record<string, number> = {};
            if (e.ge !== undefined && e.ge !== plen) pl['min'] = e.ge;
            if (e.le !== undefined && e.le !== max) pl['max'] = e.le;
            if (Object.keys(pl).length > 0) rule['prefixLength'] = pl;
          } else if (c.kind === 'source-protocol' && c.protocol === 'bgp') rule['source'] = 'RemotePeers';
          else if (c.kind === 'raw' && c.raw.dialect === 'calico') Object.assign(rule, JSON.parse(c.raw.text) as object);
          else out.notRendered(`policy ${pol.name}: a ${c.kind} match`, c.origin ?? st.origin);
        }
        const ops: unknown[] = [];
        for (const a of st.actions) {
          if (a.kind === 'community' && a.op === 'add' && a.values?.length === 1) ops.push({ addCommunity: { value: a.values[0] } });
          else if (a.kind === 'as-path-prepend' && typeof a.asn === 'number') ops.push({ prependASPath: { prefix: Array.from({ length: a.repeat ?? 1 }, () => a.asn) } });
          else if (a.kind === 'raw' && a.raw.dialect === 'calico') ops.push(JSON.parse(a.raw.text));
          else out.notRendered(`policy ${pol.name}: a ${a.kind} action`, a.origin ?? st.origin);
        }
        if (ops.length > 0) rule['operations'] = ops;
        rules.push(rule);
      }
      const f = filters.get(m[1]!) ?? {};
      f[m[2]!] = rules;
      filters.set(m[1]!, f);
    }
    for (const [name, spec] of filters) filtersOut.push(restore({ apiVersion: api, kind: 'BGPFilter', metadata: { name: k8sName(name) }, spec }));
    for (const b of s.bfdProfiles) out.notRendered(`BFD profile ${b.name}: Calico has no BFD`, b.origin);
    for (const pool of s.pools) {
      pool.addresses.forEach((a, i) => {
        if (!('cidr' in a)) {
          out.notRendered(`pool ${pool.name}: range ${a.range.from}-${a.range.to} (Calico IP pools are CIDRs)`, a.origin ?? pool.origin);
          return;
        }
        const spec: Record<string, unknown> = { cidr: a.cidr, allowedUses: ['LoadBalancer'] };
        if (pool.autoAssign === false) spec['assignmentMode'] = 'Manual';
        const name = k8sName(pool.addresses.length > 1 ? `${pool.name}-${i + 1}` : pool.name);
        poolsOut.push(restore({ apiVersion: api, kind: 'IPPool', metadata: { name }, spec }));
      });
      if (pool.avoidBuggyIps === true) out.notRendered(`pool ${pool.name}: avoid-buggy-ips`, pool.origin);
      if (pool.serviceSelector || pool.namespaces?.length) out.notRendered(`pool ${pool.name}: service or namespace selection`, pool.origin);
    }
    for (const ad of s.advertisements) {
      const what = ad.what ?? 'lb-pools';
      if (what === 'pod-cidr' || what === 'pod-ip-pool') {
        out.lowered(`advertisement ${ad.name}: Calico announces its pod IP pools without configuration`, ad.origin);
        continue;
      }
      if (what !== 'lb-pools' && what !== 'service-lb-ip') {
        out.notRendered(`advertisement ${ad.name}: ${what} needs the service CIDRs, which the source does not give`, ad.origin);
        continue;
      }
      if (ad.pools.kind === 'none') continue;
      const chosen = s.pools.filter((p) => ad.pools.kind === 'all' || (ad.pools.kind === 'pools' && ad.pools.names.includes(p.name)) || (ad.pools.kind === 'selector'));
      if (ad.pools.kind === 'selector') out.lowered(`advertisement ${ad.name}: a pool selector becomes every pool's CIDR`, ad.origin);
      for (const p of chosen) for (const a of p.addresses) if ('cidr' in a && !lbCidrs.some((x) => x.cidr === a.cidr)) {
        lbCidrs.push({ cidr: a.cidr });
        if (ad.communities?.length || ad.largeCommunities?.length) prefixAds.push({ cidr: a.cidr, communities: [...(ad.communities ?? []), ...(ad.largeCommunities ?? [])] });
      }
      if (ad.serviceSelector) out.notRendered(`advertisement ${ad.name}: a service selector (Calico announces every load-balancer address)`, ad.origin);
      if (ad.localPref !== undefined) out.notRendered(`advertisement ${ad.name}: local preference`, ad.origin);
      if (ad.aggregationLength !== undefined || ad.aggregationLengthV6 !== undefined) out.lowered(`advertisement ${ad.name}: Calico announces the pool CIDR (and /32 or /128 routes for services with local traffic policy)`, ad.origin);
      if (ad.peers) out.notRendered(`advertisement ${ad.name}: announced to some peers only`, ad.origin);
      if (ad.nodeSelectors?.length) out.notRendered(`advertisement ${ad.name}: node selectors`, ad.origin);
    }
    for (const o of s.nodeOverrides ?? []) {
      const bgp: Record<string, unknown> = {};
      if (o.asn !== undefined) bgp['asNumber'] = o.asn;
      if (o.localAddress) bgp[o.localAddress.includes(':') ? 'ipv6Address' : 'ipv4Address'] = `${o.localAddress}/${o.localAddress.includes(':') ? 128 : 32}`;
      if (o.routerId) out.notRendered(`node ${o.node}: router ID`, o.origin);
      if (o.listenPort !== undefined) out.notRendered(`node ${o.node}: listen port`, o.origin);
      if (Object.keys(bgp).length > 0) {
        const labels = doc.nodes?.find((n) => n.name === o.node)?.labels;
        nodesOut.push(restore({ apiVersion: 'projectcalico.org/v3', kind: 'Node', metadata: { name: o.node, ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}) }, spec: { bgp } }));
      }
    }
  });
  if (lbCidrs.length > 0) cfg['serviceLoadBalancerIPs'] = lbCidrs;
  if (prefixAds.length > 0) cfg['prefixAdvertisements'] = prefixAds;
  if (eff.speakers.length > 0) {
    const o: K8sObject = restore({ apiVersion: api, kind: 'BGPConfiguration', metadata: { name: 'default' }, spec: cfg });
    o.spec = orderKeys(o.spec!, CONFIG_ORDER);
    if (Object.keys(o.spec).length > 0) objects.push(o);
  }
  void cfgOrigin;
  for (const o of [...objects, ...peersOut, ...filtersOut, ...poolsOut, ...nodesOut, ...secrets]) out.add(o);
  reportForeignRaw(out, doc, consumed);
  return { text: out.text(), diagnostics: out.sink.list };
}

const CONFIG_ORDER = ['asNumber', 'nodeToNodeMeshEnabled', 'listenPort', 'bindMode', 'logSeverityScreen', 'serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs', 'serviceLoadBalancerAggregation', 'prefixAdvertisements', 'communities'];

/** Keys in a fixed order (the rest alphabetically after), so restored raw fields land where a first write put them. */
function orderKeys(o: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const keys = Object.keys(o).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
