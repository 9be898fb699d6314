/**
 * Calico (projectcalico.org/v3 and crd.projectcalico.org/v1): BGPConfiguration
 * (speaker ASN, listen port; `node.<name>` objects are per-node overrides),
 * BGPPeer (peers; `node` / `nodeSelector` choose the local nodes, written as
 * label selectors when the Calico expression allows it), BGPFilter (policies),
 * IPPool (LoadBalancer pools), and Node objects (projectcalico.org/v3 Node
 * spec.bgp, or core v1 Node annotations) as node overrides.
 *
 * Calico selectors are Calico expressions, not label selectors: only `all()`,
 * `k == 'v'`, `k != 'v'`, `has(k)`, `!has(k)`, `k in {..}`, `k not in {..}`
 * joined by `&&` are translated; anything else is kept raw.
 */
import type { AddressPool, Condition, LabelSelector, Action, Peer, Policy, PolicyRef, PrefixSet, Speaker, Statement } from '../../ir/schema.js';
import { arr, bool, clusterNode, durationSeconds, familyOf, isObj, num, ranged, str, timerSeconds, type K8sContext, type Obj } from './context.js';
import { isIp } from './ir-values.js';
import { ipOrReport, prefixOrReport } from './ir-values.js';
import type { Path, Resource } from './yaml-docs.js';

const P = 'calico' as const;
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** A Calico selector expression → label selector, or undefined when it cannot be expressed. */
export function calicoSelector(expr: string): LabelSelector | undefined {
  const e = expr.trim();
  if (e === '' || e === 'all()') return {};
  if (/\|\||\(\s*[^)]*\s*&&|^\(|!\(/.test(e)) return undefined;
  const out: { matchLabels?: Record<string, string>; matchExpressions?: NonNullable<LabelSelector['matchExpressions']> } = {};
  const q = `(?:'([^']*)'|"([^"]*)")`;
  const key = '([A-Za-z0-9_./-]+)';
  for (const part0 of e.split('&&')) {
    const part = part0.trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^${key}\\s*==\\s*${q}$`).exec(part))) (out.matchLabels ??= {})[m[1]!] = m[2] ?? m[3]!;
    else if ((m = new RegExp(`^${key}\\s*!=\\s*${q}$`).exec(part))) (out.matchExpressions ??= []).push({ key: m[1]!, operator: 'NotIn', values: [m[2] ?? m[3]!] });
    else if ((m = new RegExp(`^has\\(\\s*${key}\\s*\\)$`).exec(part))) (out.matchExpressions ??= []).push({ key: m[1]!, operator: 'Exists' });
    else if ((m = new RegExp(`^!\\s*has\\(\\s*${key}\\s*\\)$`).exec(part))) (out.matchExpressions ??= []).push({ key: m[1]!, operator: 'DoesNotExist' });
    else if ((m = new RegExp(`^${key}\\s+(in|not in)\\s*\\{([^}]*)\\}$`).exec(part))) {
      const values = [...m[3]!.matchAll(new RegExp(q, 'g'))].map((x) => x[1] ?? x[2]!);
      (out.matchExpressions ??= []).push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if (part === 'all()') continue;
    else return undefined;
  }
  return out;
}

export class CalicoReader {
  private readonly filters = new Map<string, Resource>();
  private readonly lbIps: { r: Resource; cidr: string; at: Path }[] = [];
  constructor(private readonly ctx: K8sContext) {}

  private speaker(r: Resource): Speaker {
    const s = this.ctx.projectSpeaker(P, r.apiVersion);
    s.origin ??= [this.ctx.span(r, [])];
    return s;
  }

  read(r: Resource): void {
    const spec = isObj(r.data['spec']) ? r.data['spec'] : {};
    switch (r.kind) {
      case 'BGPConfiguration':
        return this.config(r, spec);
      case 'BGPPeer':
        return this.peer(r, spec);
      case 'BGPFilter':
        return this.filter(r, spec);
      case 'IPPool':
        return this.ipPool(r, spec);
      case 'Node':
        return this.node(r, spec);
      default:
        return this.ctx.ignored(r, 'not a BGP resource');
    }
  }

  private config(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.speaker(r);
    if (r.name === 'default') {
      const asn = ranged(ctx, r, ['spec', 'asNumber'], spec['asNumber'], 0, 4294967295);
      if (asn !== undefined) s.asn = asn;
      const port = ranged(ctx, r, ['spec', 'listenPort'], spec['listenPort'], 0, 65535);
      if (port !== undefined) s.listen = { ...s.listen, port, origin: [ctx.span(r, ['spec', 'listenPort'])] };
      arr(spec['serviceLoadBalancerIPs']).forEach((x, i) => {
        if (isObj(x) && str(x['cidr'])) this.lbIps.push({ r, cidr: x['cidr'] as string, at: ['spec', 'serviceLoadBalancerIPs', i] });
      });
      ctx.rest(s, P, r, ['spec'], spec, ['asNumber', 'listenPort', 'logSeverityScreen', 'serviceLoadBalancerIPs']);
    } else if (r.name.startsWith('node.')) {
      const o: NonNullable<Speaker['nodeOverrides']>[number] = { node: r.name.slice(5), origin: [ctx.span(r, [])] };
      const asn = ranged(ctx, r, ['spec', 'asNumber'], spec['asNumber'], 0, 4294967295);
      if (asn !== undefined) o.asn = asn;
      const port = ranged(ctx, r, ['spec', 'listenPort'], spec['listenPort'], 0, 65535);
      if (port !== undefined) o.listenPort = port;
      (s.nodeOverrides ??= []).push(o);
      ctx.rest(s, P, r, ['spec'], spec, ['asNumber', 'listenPort', 'logSeverityScreen']);
    } else {
      ctx.rest(s, P, r, ['spec'], spec, ['logSeverityScreen']);
    }
    if (str(spec['logSeverityScreen'])) ctx.sink.report('parse/ignored', `BGPConfiguration ${r.name}: logSeverityScreen is logging, no BGP meaning`, { span: ctx.span(r, ['spec', 'logSeverityScreen'], true) });
  }

  private peer(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.speaker(r);
    const peer: Peer = { id: r.name, name: r.name, origin: [ctx.span(r, [])] };
    const ipPort = str(spec['peerIP']);
    if (ipPort) {
      const m = /^\[([^\]]+)\]:(\d+)$/.exec(ipPort) ?? /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(ipPort);
      const ip = m ? m[1]! : ipPort;
      const addr = ipOrReport(ip, ctx.sink, ctx.span(r, ['spec', 'peerIP']), 'peer IP');
      if (addr) peer.address = addr;
      if (m) peer.port = Number(m[2]);
    }
    const peerAsn = ranged(ctx, r, ['spec', 'asNumber'], spec['asNumber'], 0, 4294967295);
    if (peerAsn !== undefined) peer.remoteAs = { kind: 'explicit', asn: peerAsn };
    const node = str(spec['node']);
    const nsel = str(spec['nodeSelector']);
    if (node) peer.nodeSelector = { matchLabels: { [HOSTNAME_LABEL]: node } };
    else if (nsel !== undefined) {
      const sel = calicoSelector(nsel);
      if (sel) peer.nodeSelector = sel;
      else ctx.rawField(s, P, r, ['spec', 'nodeSelector'], nsel, 'is a Calico selector expression with no label-selector equivalent');
    }
    const pw = isObj(spec['password']) && isObj(spec['password']['secretKeyRef']) ? spec['password']['secretKeyRef'] : undefined;
    if (pw) peer.password = { kind: 'secretRef', name: String(pw['name'] ?? ''), ...(str(pw['key']) ? { key: pw['key'] as string } : {}) };
    if (str(spec['keepaliveTime'])) {
      const k = timerSeconds(ctx, spec['keepaliveTime'], ctx.span(r, ['spec', 'keepaliveTime']), 'keepaliveTime');
      if (k !== undefined) peer.timers = { keepalive: k };
    }
    if (str(spec['maxRestartTime'])) {
      const t = timerSeconds(ctx, spec['maxRestartTime'], ctx.span(r, ['spec', 'maxRestartTime']), 'maxRestartTime');
      if (t !== undefined) peer.gracefulRestart = { restartTime: t };
    }
    if (num(spec['ttlSecurity']) !== undefined && (spec['ttlSecurity'] as number) > 0) peer.ttlSecurityHops = spec['ttlSecurity'] as number;
    const localAsn = ranged(ctx, r, ['spec', 'localASNumber'], spec['localASNumber'], 0, 4294967295);
    if (localAsn !== undefined) peer.localAs = { asn: localAsn };
    const fam: NonNullable<Peer['families']>[number] = { family: familyOf(peer.address), activate: true };
    const nhm = str(spec['nextHopMode']);
    if (bool(spec['keepOriginalNextHop']) === true || nhm === 'Keep') fam.nextHopSelf = 'keep';
    else if (nhm === 'Self') fam.nextHopSelf = 'force';
    if (num(spec['numAllowedLocalASNumbers']) !== undefined && (spec['numAllowedLocalASNumbers'] as number) > 0) fam.allowAsIn = Math.min(10, spec['numAllowedLocalASNumbers'] as number);
    const filters = arr(spec['filters']).map(String);
    if (filters.length > 0) {
      const v = fam.family === 'ipv6-unicast' ? 'V6' : 'V4';
      const imp: PolicyRef[] = [];
      const exp: PolicyRef[] = [];
      for (const f of filters) {
        const fr = this.filters.get(f);
        const fs = fr && isObj(fr.data['spec']) ? fr.data['spec'] : undefined;
        if (!fr) ctx.sink.report('ref/undefined', `BGPPeer ${r.name}: BGPFilter ${f} is not among the inputs`, { span: ctx.span(r, ['spec', 'filters']), severity: 'warning' });
        if (!fs || arr(fs[`import${v}`]).length > 0) imp.push({ kind: 'policy', name: `${f}-import${v}` });
        if (!fs || arr(fs[`export${v}`]).length > 0) exp.push({ kind: 'policy', name: `${f}-export${v}` });
      }
      if (imp.length > 0) fam.import = { chain: imp };
      if (exp.length > 0) fam.export = { chain: exp };
    }
    if (peer.address) peer.families = [fam];
    const known = ['peerIP', 'asNumber', 'node', 'nodeSelector', 'password', 'keepaliveTime', 'maxRestartTime', 'ttlSecurity', 'localASNumber', 'nextHopMode', 'keepOriginalNextHop', 'numAllowedLocalASNumbers', 'filters'];
    if (spec['nextHopMode'] === 'Auto') known.push('nextHopMode');
    ctx.rest(s, P, r, ['spec'], spec, known);
    s.peers.push(peer);
  }

  /** BGPFilter: one policy per non-empty rule list (`<name>-importV4` ...), read when the peers refer to it. */
  private filter(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.speaker(r);
    this.filters.set(r.name, r);
    for (const dir of ['importV4', 'importV6', 'exportV4', 'exportV6'] as const) {
      const rules = arr(spec[dir]);
      if (rules.length === 0) continue;
      const v6 = dir.endsWith('V6');
      const policy: Policy = { name: `${r.name}-${dir}`, statements: [], defaultResult: 'next-policy', origin: [ctx.span(r, ['spec', dir])] };
      rules.forEach((rule, i) => {
        if (!isObj(rule)) return;
        const at: Path = ['spec', dir, i];
        const st: Statement = { seq: i + 1, conditions: [], actions: [], result: rule['action'] === 'Reject' ? 'reject' : 'accept', origin: [ctx.span(r, at)] };
        const cidr = prefixOrReport(rule['cidr'], ctx.sink, ctx.span(r, [...at, 'cidr']), 'filter CIDR');
        const op = str(rule['matchOperator']);
        const len = isObj(rule['prefixLength']) ? rule['prefixLength'] : undefined;
        if (cidr) {
          const plen = Number(cidr.split('/')[1]);
          const entry: PrefixSet['entries'][number] = { prefix: cidr };
          if (op === 'In' || op === 'NotIn' || len) {
            entry.ge = num(len?.['min']) ?? plen;
            entry.le = num(len?.['max']) ?? (v6 ? 128 : 32);
          }
          const set: PrefixSet = { name: `${r.name}-${dir}-${i + 1}`, family: v6 ? 'ipv6' : 'ipv4', entries: [entry], origin: [ctx.span(r, [...at, 'cidr'])] };
          s.policy.prefixSets.push(set);
          const cond: Condition = { kind: 'prefix-set', name: set.name };
          if (op === 'NotEqual' || op === 'NotIn') cond.options = 'invert';
          st.conditions.push(cond);
        }
        if (rule['source'] === 'RemotePeers') st.conditions.push({ kind: 'source-protocol', protocol: 'bgp' });
        for (const f of ['interface', 'peerType', 'asPathPrefix', 'communities', 'priority'] as const) {
          if (rule[f] === undefined) continue;
          st.conditions.push({ kind: 'raw', raw: { dialect: P, text: JSON.stringify({ [f]: rule[f] }), context: [`BGPFilter/${r.name}`, dir] } });
          ctx.sink.report('parse/unrecognized', `BGPFilter ${r.name}: ${f} match has no IR equivalent; kept raw for calico`, { span: ctx.span(r, [...at, f], true) });
        }
        arr(rule['operations']).forEach((o, j) => {
          if (!isObj(o)) return;
          const a = this.operation(o);
          if (a) st.actions.push(a);
          else {
            st.actions.push({ kind: 'raw', raw: { dialect: P, text: JSON.stringify(o), context: [`BGPFilter/${r.name}`, dir] } });
            ctx.sink.report('parse/unrecognized', `BGPFilter ${r.name}: operation has no IR equivalent; kept raw for calico`, { span: ctx.span(r, [...at, 'operations', j]) });
          }
        });
        policy.statements.push(st);
      });
      s.policy.policies.push(policy);
    }
  }

  /** serviceLoadBalancerIPs: an advertisement of the load-balancer IP pools with those CIDRs; other CIDRs are kept raw. */
  finish(): void {
    if (this.lbIps.length === 0) return;
    const s = this.ctx.speakers.find((x) => x.dialect?.format === P)!;
    const names: string[] = [];
    for (const x of this.lbIps) {
      const pool = s.pools.find((p) => p.addresses.some((a) => 'cidr' in a && a.cidr === x.cidr));
      if (pool) {
        if (!names.includes(pool.name)) names.push(pool.name);
      } else this.ctx.rawField(s, P, x.r, ['spec', 'serviceLoadBalancerIPs'], [{ cidr: x.cidr }], `has ${x.cidr}, which no load-balancer IPPool among the inputs has`);
    }
    if (names.length > 0) {
      const r = this.lbIps[0]!.r;
      s.advertisements.push({ name: 'service-load-balancer-ips', pools: { kind: 'pools', names }, origin: [this.ctx.span(r, ['spec', 'serviceLoadBalancerIPs'])] });
    }
  }

  private operation(o: Obj): Action | undefined {
    const ac = isObj(o['addCommunity']) ? str(o['addCommunity']['value']) : undefined;
    if (ac) return { kind: 'community', communityKind: ac.split(':').length === 3 ? 'large' : 'standard', op: 'add', values: [ac] };
    const pp = isObj(o['prependASPath']) ? o['prependASPath'] : undefined;
    const prefix = pp && Array.isArray(pp['prefix']) ? (pp['prefix'] as unknown[]) : [];
    const asn = Number(prefix[0]);
    // An AS outside 0-4294967295 (or more than 255 of them) stays raw, reported by the caller.
    if (prefix.length > 0 && prefix.length <= 255 && prefix.every((x) => x === prefix[0]) && Number.isInteger(asn) && asn >= 0 && asn <= 4294967295) {
      return { kind: 'as-path-prepend', asn, repeat: prefix.length };
    }
    return undefined;
  }

  private ipPool(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.speaker(r);
    const uses = arr(spec['allowedUses']).map(String);
    if (!uses.includes('LoadBalancer')) {
      ctx.rawField(s, P, r, ['spec'], spec, 'is a workload/tunnel IP pool (Calico advertises it as pod routes), which the IR does not model');
      return;
    }
    const pool: AddressPool = { name: r.name, addresses: [], origin: [ctx.span(r, [])] };
    const cidr = prefixOrReport(spec['cidr'], ctx.sink, ctx.span(r, ['spec', 'cidr']), 'pool CIDR');
    if (cidr) pool.addresses.push({ cidr, origin: [ctx.span(r, ['spec', 'cidr'])] });
    if (spec['assignmentMode'] === 'Manual') pool.autoAssign = false;
    if (spec['assignmentMode'] === 'Automatic') pool.autoAssign = true;
    const known = ['cidr', 'allowedUses', 'assignmentMode'];
    if (spec['disabled'] === false) known.push('disabled');
    ctx.rest(s, P, r, ['spec'], spec, known);
    s.pools.push(pool);
  }

  /** projectcalico.org/v3 Node spec.bgp, or a core Node's projectcalico.org/* annotations. */
  private node(r: Resource, spec: Obj): void {
    const ctx = this.ctx;
    const s = this.speaker(r);
    const o: NonNullable<Speaker['nodeOverrides']>[number] = { node: r.name, origin: [ctx.span(r, [])] };
    if (r.apiVersion === 'v1') {
      const meta = isObj(r.data['metadata']) ? r.data['metadata'] : {};
      const status = isObj(r.data['status']) ? r.data['status'] : {};
      const addrs = arr(status['addresses']).filter(isObj);
      const ordered = [...addrs.filter((a) => a['type'] === 'InternalIP'), ...addrs.filter((a) => a['type'] === 'ExternalIP')].map((a) => String(a['address'])).filter(isIp);
      clusterNode(ctx, r, ordered, [ctx.span(r, [])]);
      const ann = isObj(meta['annotations']) ? meta['annotations'] : {};
      const asn = str(ann['projectcalico.org/ASNumber']);
      if (asn && /^\d+$/.test(asn)) o.asn = Number(asn);
      const v4 = str(ann['projectcalico.org/IPv4Address'])?.split('/')[0];
      const la = ipOrReport(v4, ctx.sink, ctx.span(r, ['metadata', 'annotations', 'projectcalico.org/IPv4Address']), 'node address');
      if (la) o.localAddress = la;
      if (o.asn === undefined && o.localAddress === undefined) return ctx.ignored(r, 'a Node without Calico BGP annotations (its name, addresses and labels are kept for node selectors)');
    } else {
      const bgp = isObj(spec['bgp']) ? spec['bgp'] : undefined;
      if (!bgp) {
        ctx.rest(s, P, r, ['spec'], spec, []);
        return ctx.ignored(r, 'a Calico Node without BGP settings');
      }
      const asn = ranged(ctx, r, ['spec', 'bgp', 'asNumber'], bgp['asNumber'], 0, 4294967295);
      if (asn !== undefined) o.asn = asn;
      const v4 = str(bgp['ipv4Address'])?.split('/')[0];
      const v6 = str(bgp['ipv6Address'])?.split('/')[0];
      clusterNode(ctx, r, [v4, v6].filter((x): x is string => Boolean(x && isIp(x))), [ctx.span(r, [])]);
      const la = ipOrReport(v4, ctx.sink, ctx.span(r, ['spec', 'bgp', 'ipv4Address']), 'node address');
      if (la) o.localAddress = la;
      ctx.rest(s, P, r, ['spec', 'bgp'], bgp, ['asNumber', 'ipv4Address']);
      ctx.rest(s, P, r, ['spec'], spec, ['bgp']);
    }
    (s.nodeOverrides ??= []).push(o);
  }
}
