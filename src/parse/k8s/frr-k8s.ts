/**
 * frr-k8s FRRConfiguration (frrk8s.metallb.io/v1beta1): one speaker per
 * configuration router, chosen by spec.nodeSelector. Neighbors become peers
 * (activated in their own family, both with dualStackAddressFamily);
 * toAdvertise/toReceive become export/import chains (mode all = accept
 * everything, filtered = a prefix set, nothing = reject, as frr-k8s renders
 * `route-map ... deny`); router prefixes become networks; bfdProfiles keep ms
 * converted to µs; spec.raw.rawConfig is kept as a raw FRR node.
 */
import type { BfdProfile, Family, Peer, PolicyChain, PrefixSet, Speaker, Statement } from '../../ir/schema.js';
import { arr, bool, checkHoldKeepalive, durationSeconds, familyOf, isObj, labelSelector, num, ranged, str, type K8sContext, type Obj } from './context.js';
import { ipOrReport, prefixOrReport } from './ir-values.js';
import type { Path, Resource } from './yaml-docs.js';

const P = 'frr-k8s' as const;

export class FrrK8sReader {
  constructor(private readonly ctx: K8sContext) {}

  read(r: Resource): void {
    if (r.kind !== 'FRRConfiguration') return this.ctx.ignored(r, 'not a BGP configuration resource');
    const ctx = this.ctx;
    const spec = isObj(r.data['spec']) ? r.data['spec'] : {};
    const bgp = isObj(spec['bgp']) ? spec['bgp'] : {};
    const nodeSelector = labelSelector(spec['nodeSelector']);
    const speakers: Speaker[] = [];
    arr(bgp['routers']).forEach((rt, i) => {
      if (!isObj(rt)) return;
      const at: Path = ['spec', 'bgp', 'routers', i];
      const vrf = str(rt['vrf']);
      const s = ctx.speaker(`frr-k8s/${r.name}/${i}`, P, { apiVersion: r.apiVersion, backend: 'frr' }, (sp) => {
        sp.name = r.name;
        sp.origin = [ctx.span(r, at)];
      });
      speakers.push(s);
      if (nodeSelector) s.nodeSelector = nodeSelector;
      const asn = ranged(ctx, r, [...at, 'asn'], rt['asn'], 0, 4294967295);
      if (asn !== undefined) s.asn = asn;
      const rid = ipOrReport(rt['id'], ctx.sink, ctx.span(r, [...at, 'id']), 'router ID');
      if (rid) s.routerId = rid;
      if (vrf) s.vrf = vrf;
      arr(rt['prefixes']).forEach((p, j) => {
        const pfx = prefixOrReport(p, ctx.sink, ctx.span(r, [...at, 'prefixes', j]), 'router prefix');
        if (pfx) s.networks.push({ prefix: pfx, origin: [ctx.span(r, [...at, 'prefixes', j])] });
      });
      arr(rt['neighbors']).forEach((n, j) => isObj(n) && this.neighbor(r, s, [...at, 'neighbors', j], n));
      ctx.rest(s, P, r, at, rt, ['asn', 'id', 'vrf', 'prefixes', 'neighbors']);
    });
    const s0 = speakers[0] ?? ctx.speaker(`frr-k8s/${r.name}`, P, { apiVersion: r.apiVersion, backend: 'frr' }, (sp) => {
      sp.name = r.name;
      if (nodeSelector) sp.nodeSelector = nodeSelector;
    });
    arr(bgp['bfdProfiles']).forEach((b, j) => {
      if (!isObj(b)) return;
      const p: BfdProfile = { name: String(b['name'] ?? `bfd${j}`), origin: [ctx.span(r, ['spec', 'bgp', 'bfdProfiles', j])] };
      const ms = (k: string): number | undefined => (num(b[k]) !== undefined ? (b[k] as number) * 1000 : undefined);
      if (ms('receiveInterval') !== undefined) p.receiveIntervalUs = ms('receiveInterval')!;
      if (ms('transmitInterval') !== undefined) p.transmitIntervalUs = ms('transmitInterval')!;
      if (ms('echoInterval') !== undefined) p.echoReceiveIntervalUs = p.echoTransmitIntervalUs = ms('echoInterval')!;
      if (num(b['detectMultiplier']) !== undefined) p.detectMultiplier = b['detectMultiplier'] as number;
      if (bool(b['echoMode']) !== undefined) p.echoMode = b['echoMode'] as boolean;
      if (bool(b['passiveMode']) !== undefined) p.passive = b['passiveMode'] as boolean;
      if (num(b['minimumTtl']) !== undefined) p.minimumTtl = b['minimumTtl'] as number;
      ctx.rest(s0, P, r, ['spec', 'bgp', 'bfdProfiles', j], b, ['name', 'receiveInterval', 'transmitInterval', 'echoInterval', 'detectMultiplier', 'echoMode', 'passiveMode', 'minimumTtl']);
      for (const s of speakers.length > 0 ? speakers : [s0]) s.bfdProfiles.push(structuredClone(p));
    });
    ctx.rest(s0, P, r, ['spec', 'bgp'], bgp, ['routers', 'bfdProfiles']);
    const raw = isObj(spec['raw']) ? spec['raw'] : undefined;
    if (raw && str(raw['rawConfig'])) {
      s0.raw.push({ dialect: 'frr', text: raw['rawConfig'] as string, context: [`${r.apiVersion} FRRConfiguration/${r.name}`, 'spec.raw.rawConfig'], origin: [ctx.span(r, ['spec', 'raw', 'rawConfig'])] });
      ctx.sink.report('parse/unrecognized', `FRRConfiguration ${r.name}: rawConfig is verbatim FRR text; kept raw for frr`, { span: ctx.span(r, ['spec', 'raw', 'rawConfig'], true) });
      ctx.rest(s0, P, r, ['spec', 'raw'], raw, ['rawConfig']);
    }
    ctx.rest(s0, P, r, ['spec'], spec, ['bgp', 'nodeSelector', 'raw']);
  }

  private neighbor(r: Resource, s: Speaker, at: Path, n: Obj): void {
    const ctx = this.ctx;
    const address = ipOrReport(n['address'], ctx.sink, ctx.span(r, [...at, 'address']), 'neighbor address');
    const iface = str(n['interface']);
    const id = address ?? iface ?? `neighbor${String(at[at.length - 1])}`;
    const peer: Peer = { id, origin: [ctx.span(r, at)] };
    if (address) peer.address = address;
    if (iface) peer.interface = iface;
    const peerAsn = ranged(ctx, r, [...at, 'asn'], n['asn'], 0, 4294967295);
    if (peerAsn !== undefined) peer.remoteAs = { kind: 'explicit', asn: peerAsn };
    else if (n['dynamicASN'] === 'internal' || n['dynamicASN'] === 'external') peer.remoteAs = { kind: n['dynamicASN'] };
    const localAsn = ranged(ctx, r, [...at, 'localASN'], n['localASN'], 0, 4294967295);
    if (localAsn !== undefined) peer.localAs = { asn: localAsn, noPrepend: true, replaceAs: true };
    const port = ranged(ctx, r, [...at, 'port'], n['port'], 1, 65535);
    if (port !== undefined) peer.port = port;
    const src = ipOrReport(n['sourceaddress'], ctx.sink, ctx.span(r, [...at, 'sourceaddress']), 'source address');
    if (src) peer.localAddress = src;
    const timers: NonNullable<Peer['timers']> = {};
    for (const [k, f] of [['holdTime', 'holdTime'], ['keepaliveTime', 'keepalive'], ['connectTime', 'connectRetry']] as const) {
      if (n[k] === undefined) continue;
      const v = durationSeconds(n[k]);
      if (v === undefined) ctx.sink.report('parse/invalid', `${k}: "${String(n[k])}" is not a duration in whole seconds`, { span: ctx.span(r, [...at, k]) });
      else if (v > 65535) ctx.sink.report('parse/invalid', `${k}: ${String(n[k])} is more than 65535 seconds, the largest BGP timer`, { span: ctx.span(r, [...at, k]) });
      else timers[f] = v;
    }
    checkHoldKeepalive(ctx, timers, () => ctx.span(r, [...at, 'holdTime']), () => ctx.span(r, [...at, 'keepaliveTime']));
    if (Object.keys(timers).length > 0) peer.timers = timers;
    if (str(n['password']) !== undefined) peer.password = { kind: 'literal', value: n['password'] as string };
    if (isObj(n['passwordSecret'])) {
      const ps = n['passwordSecret'];
      peer.password = { kind: 'secretRef', name: String(ps['name'] ?? ''), key: 'password', ...(str(ps['namespace']) ? { namespace: ps['namespace'] as string } : {}) };
    }
    if (str(n['bfdProfile'])) peer.bfd = { enabled: true, profile: n['bfdProfile'] as string };
    if (bool(n['ebgpMultiHop']) !== undefined) peer.multihop = { enabled: n['ebgpMultiHop'] as boolean };
    if (bool(n['enableGracefulRestart']) !== undefined) peer.gracefulRestart = { enabled: n['enableGracefulRestart'] as boolean };
    const fams: Family[] = bool(n['dualStackAddressFamily']) === true || iface ? ['ipv4-unicast', 'ipv6-unicast'] : [familyOf(address)];
    const exp = this.chain(r, s, id, 'out', isObj(n['toAdvertise']) ? n['toAdvertise'] : undefined, [...at, 'toAdvertise']);
    const imp = this.chain(r, s, id, 'in', isObj(n['toReceive']) ? n['toReceive'] : undefined, [...at, 'toReceive']);
    peer.families = fams.map((family) => ({ family, activate: true, import: structuredClone(imp), export: structuredClone(exp) }));
    const known = ['address', 'interface', 'asn', 'dynamicASN', 'localASN', 'port', 'sourceaddress', 'holdTime', 'keepaliveTime', 'connectTime', 'password', 'passwordSecret', 'bfdProfile', 'ebgpMultiHop', 'enableGracefulRestart', 'dualStackAddressFamily', 'toAdvertise', 'toReceive'];
    if (n['disableMP'] === false) known.push('disableMP');
    ctx.rest(s, P, r, at, n, known);
    s.peers.push(peer);
  }

  /** toAdvertise / toReceive → a policy chain: all = accept, filtered = prefix set, absent = reject. */
  private chain(r: Resource, s: Speaker, peer: string, dir: 'in' | 'out', obj: Obj | undefined, at: Path): PolicyChain {
    const ctx = this.ctx;
    const allowed = obj && isObj(obj['allowed']) ? obj['allowed'] : undefined;
    if (!allowed || (allowed['mode'] !== 'all' && arr(allowed['prefixes']).length === 0)) {
      if (obj) ctx.rest(s, P, r, at, obj, ['allowed']);
      return { chain: [], defaultAction: 'reject' };
    }
    const statements: Statement[] = [];
    const name = `${peer}-${dir}`;
    if (obj) {
      for (const [key, make] of [
        ['withLocalPref', (e: Obj) => ({ kind: 'set-local-pref' as const, value: Number(e['localPref']) })],
        ['withCommunity', (e: Obj) => {
          const c = String(e['community']);
          return c.startsWith('large:') ? { kind: 'community' as const, communityKind: 'large' as const, op: 'add' as const, values: [c.slice(6)] } : { kind: 'community' as const, communityKind: 'standard' as const, op: 'add' as const, values: [c] };
        }],
      ] as const) {
        arr(obj[key]).forEach((e, i) => {
          if (!isObj(e)) return;
          const set = this.prefixSet(r, `${name}-${key}-${i + 1}`, arr(e['prefixes']), [...at, key, i, 'prefixes']);
          s.policy.prefixSets.push(set);
          statements.push({ conditions: [{ kind: 'prefix-set', name: set.name }], actions: [make(e)], result: 'continue', origin: [ctx.span(r, [...at, key, i])] });
        });
      }
      if (isObj(obj['nextHop'])) ctx.rawField(s, P, r, [...at, 'nextHop'], obj['nextHop']);
      ctx.rest(s, P, r, at, obj, ['allowed', 'withLocalPref', 'withCommunity', 'nextHop']);
    }
    if (allowed['mode'] === 'all') {
      if (statements.length === 0) return { chain: [], defaultAction: 'accept' };
      s.policy.policies.push({ name, statements: [...statements, { conditions: [], actions: [], result: 'accept' }], origin: [ctx.span(r, at)] });
      return { chain: [{ kind: 'policy', name }], defaultAction: 'reject' };
    }
    const set = this.prefixSet(r, `${name}-allowed`, arr(allowed['prefixes']), [...at, 'allowed', 'prefixes']);
    s.policy.prefixSets.push(set);
    s.policy.policies.push({
      name,
      statements: [...statements, { conditions: [{ kind: 'prefix-set', name: set.name }], actions: [], result: 'accept' }],
      defaultResult: 'reject',
      origin: [ctx.span(r, at)],
    });
    return { chain: [{ kind: 'policy', name }], defaultAction: 'reject' };
  }

  private prefixSet(r: Resource, name: string, list: unknown[], at: Path): PrefixSet {
    const set: PrefixSet = { name, entries: [], origin: [this.ctx.span(r, at)] };
    list.forEach((p, i) => {
      const o = isObj(p) ? p : { prefix: p };
      const pfx = prefixOrReport(o['prefix'], this.ctx.sink, this.ctx.span(r, [...at, i]), 'prefix');
      if (!pfx) return;
      const e: PrefixSet['entries'][number] = { prefix: pfx, origin: [this.ctx.span(r, [...at, i])] };
      if (num(o['ge']) !== undefined) e.ge = o['ge'] as number;
      if (num(o['le']) !== undefined) e.le = o['le'] as number;
      set.entries.push(e);
    });
    return set;
  }
}
