/**
 * Writer for FRR (frr.conf), in the order and style of FRR's running-config:
 * `frr version`/`frr defaults`, hostname, other top-level lines, each
 * `router bgp` (session settings, neighbors, then one block per address
 * family), `bfd`, prefix-lists, community and as-path lists, route-maps.
 *
 * The writer gets the parsed document. For an FRR source of the same
 * dialect it writes exactly what the source stated; for any other source it
 * first makes explicit every value FRR's defaults would change
 * (explicit.ts). Deterministic: the same IR gives the same bytes.
 */
import { Sink } from '../../diagnostics/diagnostic.js';
import type {
  Action,
  BfdProfile,
  Condition,
  Dialect,
  Family,
  FamilySettings,
  IrDocument,
  Peer,
  PeerGroup,
  Policy,
  PolicyChain,
  RawNode,
  RemoteAs,
  Speaker,
} from '../../ir/schema.js';
import type { WriteOptions, WriteResult } from '../../pipeline-types.js';
import type { Span } from '../../source.js';
import { FAMILY_ORDER, familyHeader, familyOfHeader, isIpv4 } from '../../parse/frr/values.js';
import { DENY_ALL, explicitSpeaker, PERMIT_ALL } from './explicit.js';
import { resolve } from '../../ir/resolve.js';

type Settings = Peer | PeerGroup;


class Out {
  readonly lines: string[] = [];
  constructor(private readonly sink: Sink) {}
  add(indent: number, text: string): void {
    this.lines.push(`${' '.repeat(indent)}${text}`);
  }
  /** A raw node: its text, each line indented by `indent`. */
  raw(indent: number, r: RawNode): void {
    if (r.dialect !== 'frr') {
      this.sink.report('emit/raw-foreign', `a raw ${r.dialect} construct cannot be written to FRR: ${firstLine(r.text)}`, { span: r.origin?.[0] });
      return;
    }
    // Blank lines (a block scalar's trailing newline, e.g. frr-k8s rawConfig) mean nothing to FRR:
    // written indented they would not survive a read + write.
    for (const l of r.text.split('\n')) if (l.trim() !== '') this.add(indent, l);
  }
  lost(what: string, origin: Span[] | undefined): void {
    this.sink.report('emit/not-rendered', `FRR cannot express ${what}; left out`, { span: origin?.[0] });
  }
  lowered(what: string, origin: Span[] | undefined): void {
    this.sink.report('emit/lowered', what, { span: origin?.[0] });
  }
}

function firstLine(t: string): string {
  const l = t.split('\n')[0] ?? '';
  return l.length > 60 ? `${l.slice(0, 57)}...` : l;
}

export function emitFrr(doc: IrDocument, _opts: WriteOptions = {}): WriteResult {
  const sink = new Sink();
  const out = new Out(sink);
  const frrSource = doc.speakers.find((s) => s.dialect?.format === 'frr')?.dialect;
  const target: Dialect = frrSource ? { ...frrSource } : { format: 'frr' };
  const needs = { deny: false, permit: false };
  const speakers = doc.speakers.map((s) => {
    if (s.kind !== 'daemon') out.lowered(`speaker ${s.id} is a group of Kubernetes nodes; written as one FRR daemon config`, s.origin);
    return explicitSpeaker(s, s.dialect?.format === 'frr' ? { ...s.dialect } : target, sink, needs);
  });

  // Header.
  if (target.version) out.add(0, `frr version ${target.version}`);
  if (target.profile) out.add(0, `frr defaults ${target.profile}`);
  const hostname = speakers.find((s) => s.hostname)?.hostname;
  if (hostname) out.add(0, `hostname ${hostname}`);
  // Raw `router bgp` blocks (ones FRR refuses) stay after the instances FRR takes.
  const late = (r: RawNode) => r.text.startsWith('router bgp');
  for (const r of doc.raw) if (!late(r)) out.raw(0, r);
  if (out.lines.length > 0) out.add(0, '!');

  // One frr.conf holds one default BGP instance (plus VRF instances): a document that has several
  // daemons (a router and its Kubernetes peers) is written for the first one.
  const defaults = speakers.filter((s) => !s.vrf && s.asn !== undefined);
  const extra = new Set(defaults.slice(1).map((s) => s.id));
  for (const s of speakers) {
    if (extra.has(s.id)) out.lost(`a second default BGP instance (speaker ${s.id}, AS ${s.asn}) in one config; convert it on its own`, s.origin);
  }
  for (const sp of speakers) if (!extra.has(sp.id)) writeRouter(out, sp);
  for (const r of doc.raw) {
    if (!late(r)) continue;
    out.raw(0, r);
    out.add(0, '!');
  }
  const tails = chainTails(doc);
  for (const sp of speakers) if (!extra.has(sp.id)) writeGlobals(out, sp, needs, tails);
  if (needs.deny) {
    out.add(0, `route-map ${DENY_ALL} deny 10`);
    out.add(0, 'exit');
    out.add(0, '!');
  }
  if (needs.permit) {
    out.add(0, `route-map ${PERMIT_ALL} permit 10`);
    out.add(0, 'exit');
    out.add(0, '!');
  }
  out.add(0, 'end');
  return { text: `${out.lines.join('\n')}\n`, diagnostics: sink.list };
}

// ------------------------------------------------------------ router bgp

function asText(ra: RemoteAs): string | undefined {
  switch (ra.kind) {
    case 'explicit':
      return String(ra.asn);
    case 'internal':
    case 'external':
      return ra.kind;
    default:
      return undefined;
  }
}

function writeRouter(out: Out, sp: Speaker): void {
  if (sp.asn === undefined) {
    const hasBgp = sp.peers.length + sp.peerGroups.length + sp.networks.length + sp.listenRanges.length > 0;
    if (hasBgp) out.lost(`speaker ${sp.id} without a local AS number (router bgp needs one)`, sp.origin);
    return;
  }
  const header = `router bgp ${sp.asn}${sp.vrf ? ` vrf ${sp.vrf}` : ''}`;
  out.add(0, header);
  if (sp.routerId) out.add(1, `bgp router-id ${sp.routerId}`);
  const o = sp.options ?? {};
  const flag = (v: boolean | undefined, text: string) => {
    if (v === true) out.add(1, text);
    else if (v === false) out.add(1, `no ${text}`);
  };
  flag(o.ebgpRequiresPolicy, 'bgp ebgp-requires-policy');
  flag(o.defaultIpv4Unicast, 'bgp default ipv4-unicast');
  flag(o.defaultIpv6Unicast, 'bgp default ipv6-unicast');
  flag(o.networkImportCheck, 'bgp network import-check');
  if (o.defaultLocalPref !== undefined) out.add(1, `bgp default local-preference ${o.defaultLocalPref}`);
  if (o.clusterId !== undefined) out.add(1, `bgp cluster-id ${o.clusterId}`);
  const bp = o.bestpath ?? {};
  flag(bp.alwaysCompareMed, 'bgp always-compare-med');
  flag(bp.deterministicMed, 'bgp deterministic-med');
  flag(bp.asPathMultipathRelax ?? (o.multipath?.asPathRelax || undefined), 'bgp bestpath as-path multipath-relax');
  flag(bp.asPathIgnore, 'bgp bestpath as-path ignore');
  flag(bp.compareRouterId, 'bgp bestpath compare-routerid');
  flag(bp.missingAsWorst, 'bgp bestpath med missing-as-worst');
  if (sp.timers) {
    const t = sp.timers;
    if (t.holdTime !== undefined || t.keepalive !== undefined) {
      const hold = t.holdTime ?? (t.keepalive !== undefined ? t.keepalive * 3 : 180);
      out.add(1, `timers bgp ${t.keepalive ?? Math.floor(hold / 3)} ${hold}`);
    }
    if (t.connectRetry !== undefined) out.lost('a speaker-wide connect-retry timer (FRR sets it per neighbor)', t.origin ?? sp.origin);
  }
  const gr = sp.gracefulRestart;
  if (gr) {
    if (gr.mode === 'full' || (gr.enabled === true && gr.mode === undefined)) out.add(1, 'bgp graceful-restart');
    else if (gr.mode === 'disabled' || gr.enabled === false) out.add(1, 'bgp graceful-restart-disable');
    if (gr.restartTime !== undefined) out.add(1, `bgp graceful-restart restart-time ${gr.restartTime}`);
    if (gr.stalePathTime !== undefined) out.add(1, `bgp graceful-restart stalepath-time ${gr.stalePathTime}`);
    if (gr.preserveForwardingState) out.add(1, 'bgp graceful-restart preserve-fw-state');
    if (gr.longLived?.enabled && gr.longLived.staleTime !== undefined) out.add(1, `bgp long-lived-graceful-restart stale-time ${gr.longLived.staleTime}`);
  }
  if (o.listenLimit !== undefined) out.add(1, `bgp listen limit ${o.listenLimit}`);
  if (sp.listen && (sp.listen.enabled === false || (sp.listen.port ?? 179) !== 179 || sp.listen.addresses?.length)) {
    out.lost('listen settings (they are bgpd command-line options: -p PORT, -l ADDRESS)', sp.listen.origin ?? sp.origin);
  }
  // Only what the GoBGP reader could not re-home per neighbor, nor explicitSpeaker write per session, is left here.
  const gp = sp.globalPolicy;
  const gdirs = (['import', 'export'] as const).filter((d) => gp?.[d]);
  if (gp && gdirs.length > 0) {
    const what = gdirs.map((d) => `${d} [${gp[d]!.chain.map((r) => r.name).join(', ')}]`).join(' and ');
    out.lost(`the global ${what} policies (FRR applies policies per neighbor)`, gp.origin ?? sp.origin);
  }
  if (sp.pools.length > 0) out.lost('load-balancer address pools', sp.pools[0]!.origin);
  if (sp.advertisements.length > 0) out.lost('load-balancer advertisements', sp.advertisements[0]!.origin);

  for (const g of sp.peerGroups) {
    out.add(1, `neighbor ${g.name} peer-group`);
    if (g.inherits) out.lost(`peer group ${g.name} inheriting from ${g.inherits}`, g.origin);
    if (g.remoteAs) {
      const ra = asText(g.remoteAs);
      if (ra) out.add(1, `neighbor ${g.name} remote-as ${ra}`);
      else out.lost(`remote AS "any" for ${g.name}`, g.origin);
    }
    writeSession(out, g.name, g);
  }
  for (const p of sp.peers) {
    const id = p.address ?? p.interface ?? p.id;
    const ra = p.remoteAs ? asText(p.remoteAs) : undefined;
    if (p.remoteAs && !ra) out.lost(`remote AS "any" for ${p.id}`, p.origin);
    if (!p.address && p.interface) {
      if (p.group) {
        out.add(1, `neighbor ${id} interface peer-group ${p.group}`);
        if (ra) out.add(1, `neighbor ${id} remote-as ${ra}`);
      } else if (ra) out.add(1, `neighbor ${id} interface remote-as ${ra}`);
      else out.add(1, `neighbor ${id} interface`);
    } else {
      if (!p.address) out.lost(`peer ${p.id} without an address or interface`, p.origin);
      if (ra) out.add(1, `neighbor ${id} remote-as ${ra}`);
      if (p.group) out.add(1, `neighbor ${id} peer-group ${p.group}`);
      if (!ra && !p.group) out.lost(`peer ${p.id} without a remote AS or peer group (FRR needs one to create it)`, p.origin);
      if (p.address && p.interface) out.add(1, `neighbor ${id} interface ${p.interface}`);
    }
    writeSession(out, id, p);
  }
  for (const r of sp.listenRanges) {
    if (!r.group) {
      out.lost(`listen range ${r.prefix} without a peer group`, r.origin);
      continue;
    }
    out.add(1, `bgp listen range ${r.prefix} peer-group ${r.group}`);
    if (r.remoteAs) out.lost(`a remote AS on listen range ${r.prefix} (set it on peer group ${r.group})`, r.origin);
    if (r.limit !== undefined) out.lost(`a per-range limit on ${r.prefix} (FRR has one speaker-wide bgp listen limit)`, r.origin);
  }
  for (const r of sp.raw) if ((r.context?.length ?? 0) <= 1 && r.context?.[0] !== 'bfd') out.raw(1, r);

  // Address families.
  const fams = new Set<Family>();
  const all: Settings[] = [...sp.peerGroups, ...sp.peers];
  for (const s of all) for (const f of s.families ?? []) if (hasAfContent(f)) fams.add(f.family);
  for (const n of sp.networks) fams.add(n.prefix.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast');
  for (const a of sp.aggregates) fams.add(a.prefix.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast');
  for (const r of sp.redistribute) fams.add(r.family);
  if (o.multipath?.ebgp !== undefined || o.multipath?.ibgp !== undefined) fams.add('ipv4-unicast');
  const afRaw = new Map<Family, RawNode[]>();
  for (const r of sp.raw) {
    if ((r.context?.length ?? 0) < 2 || r.context![0] === 'bfd') continue;
    const f = familyOfHeader(r.context![1]!);
    if (!f) {
      out.raw(1, r);
      continue;
    }
    fams.add(f);
    afRaw.set(f, [...(afRaw.get(f) ?? []), r]);
  }
  for (const fam of FAMILY_ORDER) {
    if (!fams.has(fam)) continue;
    out.add(1, '!');
    out.add(1, familyHeader(fam));
    for (const n of sp.networks) {
      if ((n.prefix.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast') !== fam) continue;
      out.add(2, `network ${n.prefix}${n.policy ? ` route-map ${n.policy}` : ''}${n.backdoor ? ' backdoor' : ''}`);
    }
    for (const a of sp.aggregates) {
      if ((a.prefix.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast') !== fam) continue;
      out.add(2, `aggregate-address ${a.prefix}${a.asSet ? ' as-set' : ''}${a.summaryOnly ? ' summary-only' : ''}${a.policy ? ` route-map ${a.policy}` : ''}`);
    }
    for (const r of sp.redistribute) {
      if (r.family !== fam) continue;
      let source: string = r.source;
      if (source === 'direct') {
        source = 'connected';
        out.lowered('BIRD direct routes are redistributed as FRR connected routes', r.origin);
      }
      if (source === 'table') {
        out.lost('redistribution of a kernel table without its number', r.origin);
        continue;
      }
      if (r.interfaces?.length) out.lost(`the interface filter of redistribute ${source}`, r.origin);
      out.add(2, `redistribute ${source}${r.metric !== undefined ? ` metric ${r.metric}` : ''}${r.policy ? ` route-map ${r.policy}` : ''}`);
    }
    if (fam === 'ipv4-unicast') {
      if (o.multipath?.ebgp !== undefined) out.add(2, `maximum-paths ${o.multipath.ebgp}`);
      if (o.multipath?.ibgp !== undefined) out.add(2, `maximum-paths ibgp ${o.multipath.ibgp}`);
    }
    for (const g of sp.peerGroups) writeFamily(out, g.name, g, fam);
    for (const p of sp.peers) writeFamily(out, p.address ?? p.interface ?? p.id, p, fam);
    for (const r of afRaw.get(fam) ?? []) out.raw(2, r);
    out.add(1, 'exit-address-family');
  }
  out.add(0, 'exit');
  out.add(0, '!');
}

function hasAfContent(f: FamilySettings): boolean {
  const { family: _f, origin: _o, ...rest } = f;
  return Object.values(rest).some((v) => v !== undefined);
}

function writeSession(out: Out, id: string, s: Settings): void {
  const n = (text: string) => out.add(1, `neighbor ${id} ${text}`);
  if (s.localAs) n(`local-as ${s.localAs.asn}${s.localAs.noPrepend ? ` no-prepend${s.localAs.replaceAs ? ' replace-as' : ''}` : ''}`);
  if (s.localAs?.replaceAs && !s.localAs.noPrepend) out.lost(`local-as replace-as without no-prepend for ${id}`, s.localAs.origin ?? s.origin);
  if (s.localAs?.dualAs) out.lost(`local-as dual-as for ${id} (not in FRR 8.4)`, s.localAs.origin ?? s.origin);
  if (s.description !== undefined) n(`description ${s.description}`);
  if (s.shutdown) n('shutdown');
  if (s.port !== undefined) n(`port ${s.port}`);
  if (s.passive) n('passive');
  if (s.password) {
    if (s.password.kind === 'literal') n(`password ${s.password.value}`);
    else out.lost(`the password of ${id} held in Kubernetes Secret ${s.password.name} (write it into the config)`, s.origin);
  }
  if (s.multihop?.enabled) n(`ebgp-multihop${s.multihop.ttl !== undefined ? ` ${s.multihop.ttl}` : ''}`);
  if (s.ttlSecurityHops !== undefined) n(`ttl-security hops ${s.ttlSecurityHops}`);
  if (s.disableConnectedCheck) n('disable-connected-check');
  if (s.localAddress) n(`update-source ${s.localAddress}`);
  else if (s.updateSourceInterface) n(`update-source ${s.updateSourceInterface}`);
  const t = s.timers;
  if (t && (t.holdTime !== undefined || t.keepalive !== undefined)) {
    const hold = t.holdTime ?? (t.keepalive ?? 60) * 3;
    n(`timers ${t.keepalive ?? Math.floor(hold / 3)} ${hold}`);
  }
  if (t?.connectRetry !== undefined) n(`timers connect ${t.connectRetry}`);
  if (t?.startupHoldTime !== undefined) out.lost(`the startup hold time of ${id}`, t.origin ?? s.origin);
  if (s.capabilities?.extendedNextHop === true) n('capability extended-nexthop');
  if (s.capabilities?.extendedNextHop === false) out.add(1, `no neighbor ${id} capability extended-nexthop`);
  if (s.capabilities?.dynamic) n('capability dynamic');
  if (s.enforceFirstAs === true) n('enforce-first-as');
  if (s.enforceFirstAs === false) out.add(1, `no neighbor ${id} enforce-first-as`);
  const gr = s.gracefulRestart;
  if (gr) {
    if (gr.mode === 'full' || (gr.enabled === true && gr.mode === undefined)) n('graceful-restart');
    else if (gr.mode === 'helper-only') n('graceful-restart-helper');
    else if (gr.mode === 'disabled' || gr.enabled === false) n('graceful-restart-disable');
    if (gr.restartTime !== undefined || gr.stalePathTime !== undefined) out.lost(`per-neighbor graceful-restart timers of ${id}`, gr.origin ?? s.origin);
  }
  if (s.bfd?.enabled) {
    const b = s.bfd;
    const ms = (us: number | undefined, d: number) => (us === undefined ? d : Math.round(us / 1000));
    if (b.detectMultiplier !== undefined || b.receiveIntervalUs !== undefined || b.transmitIntervalUs !== undefined) {
      const m = b.detectMultiplier ?? 3;
      const rx = ms(b.receiveIntervalUs, 300);
      const tx = ms(b.transmitIntervalUs, 300);
      if (m < 2 || rx < 50 || tx < 50 || rx > 60000 || tx > 60000) out.lost(`BFD timers of ${id} outside FRR's ranges (multiplier 2-255, 50-60000 ms)`, b.origin ?? s.origin);
      else n(`bfd ${m} ${rx} ${tx}`);
    } else n('bfd');
    if (b.profile) n(`bfd profile ${b.profile}`);
    if (b.mode) out.lost(`BFD mode ${b.mode} for ${id}`, b.origin ?? s.origin);
  }
  if (s.routeReflectorClusterId) out.lost(`a per-neighbor cluster id for ${id}`, s.origin);
  if (s.localPort !== undefined) out.lost(`the local port of ${id}`, s.origin);
  if (s.nodeSelector) out.lowered(`the node selector of ${id} is dropped: the config is for one router`, s.origin);
  if (s.capabilities?.routeRefresh === false || s.capabilities?.fourOctetAs === false) out.lost(`disabled capabilities of ${id}`, s.capabilities.origin ?? s.origin);
  for (const r of s.raw ?? []) out.raw(1, r);
}

function writeFamily(out: Out, id: string, s: Settings, fam: Family): void {
  const f = (s.families ?? []).find((x) => x.family === fam);
  if (!f) return;
  const n = (text: string) => out.add(2, `neighbor ${id} ${text}`);
  if (f.activate === true) n('activate');
  if (f.activate === false) out.add(2, `no neighbor ${id} activate`);
  const chain = (c: PolicyChain | undefined, dir: 'in' | 'out') => {
    if (!c) return;
    const seen = new Set<string>();
    for (const r of c.chain) {
      if (seen.has(r.kind)) {
        out.lost(`more than one ${r.kind} on ${id} ${dir} (${r.name})`, r.origin ?? c.origin);
        continue;
      }
      seen.add(r.kind);
      const kw = r.kind === 'policy' ? 'route-map' : r.kind === 'prefix-set' ? 'prefix-list' : 'filter-list';
      n(`${kw} ${r.name} ${dir}`);
    }
  };
  chain(f.import, 'in');
  chain(f.export, 'out');
  if (f.softReconfigurationInbound) n('soft-reconfiguration inbound');
  if (f.nextHopSelf === 'self') n('next-hop-self');
  if (f.nextHopSelf === 'force') n('next-hop-self force');
  if (f.nextHopSelf === 'keep') out.lost(`next-hop keep for ${id}`, f.origin ?? s.origin);
  if (f.routeReflectorClient) n('route-reflector-client');
  if (f.allowAsIn !== undefined) n(`allowas-in ${f.allowAsIn}`);
  if (f.prefixLimit) {
    const l = f.prefixLimit;
    n(
      `maximum-prefix ${l.max}${l.thresholdPercent !== undefined ? ` ${l.thresholdPercent}` : ''}${l.warningOnly ? ' warning-only' : ''}${
        l.restartSeconds !== undefined ? ` restart ${Math.max(1, Math.ceil(l.restartSeconds / 60))}` : ''
      }`,
    );
    if (l.restartSeconds !== undefined && l.restartSeconds % 60 !== 0) out.lowered(`restart after ${l.restartSeconds} s is written in whole minutes`, l.origin);
  }
  if (f.exportLimit) n(`maximum-prefix-out ${f.exportLimit.max}`);
  if (f.defaultOriginate) n(`default-originate${f.defaultOriginate.policy ? ` route-map ${f.defaultOriginate.policy}` : ''}`);
  if (f.removePrivateAs) {
    n(`remove-private-AS${({ remove: '', all: ' all', replace: ' replace-AS', 'all-replace': ' all replace-AS' } as const)[f.removePrivateAs]}`);
  }
  if (f.addPath?.send === 'all') n('addpath-tx-all-paths');
  else if (f.addPath?.send !== undefined) out.lost(`add-path send of ${f.addPath.send} paths for ${id}`, f.origin ?? s.origin);
  if (f.addPath?.receive === false) n('disable-addpath-rx');
  if (f.extendedNextHop) out.lost(`per-family extended next hop for ${id}`, f.origin ?? s.origin);
  if (f.gateway) out.lost(`gateway ${f.gateway} for ${id}`, f.origin ?? s.origin);
  for (const r of f.raw ?? []) out.raw(2, r);
}

// ------------------------------------------------------------ global: bfd, lists, route-maps

/**
 * For each policy, the default actions of the effective chains it ends (as the source
 * resolves them): what a "next policy" at its end falls through to.
 */
function chainTails(doc: IrDocument): Map<string, Set<string>> {
  const tails = new Map<string, Set<string>>();
  for (const sp of resolve(doc).doc.speakers) {
    for (const p of sp.peers) {
      for (const f of p.families ?? []) {
        for (const c of [f.import, f.export]) {
          const last = c?.chain.at(-1);
          if (!c || last?.kind !== 'policy') continue;
          if (!tails.has(last.name)) tails.set(last.name, new Set());
          tails.get(last.name)!.add(c.defaultAction ?? 'unknown');
        }
      }
    }
  }
  return tails;
}

function writeGlobals(out: Out, sp: Speaker, needs: { deny: boolean; permit: boolean }, tails: Map<string, Set<string>>): void {
  const bfdRaw = sp.raw.filter((r) => r.context?.[0] === 'bfd');
  if (sp.bfdProfiles.length > 0 || bfdRaw.length > 0) {
    out.add(0, 'bfd');
    for (const p of sp.bfdProfiles) writeBfdProfile(out, p, bfdRaw.filter((r) => r.context?.length === 2 && r.context[1] === `profile ${p.name}`));
    for (const r of bfdRaw) {
      if (r.context?.length === 2 && sp.bfdProfiles.some((p) => r.context![1] === `profile ${p.name}`)) continue;
      out.raw(1, r);
    }
    out.add(0, 'exit');
    out.add(0, '!');
  }
  const pol = sp.policy;
  for (const s of pol.prefixSets) {
    if (s.entries.length === 0) {
      out.lost(`the empty prefix set ${s.name}`, s.origin);
      continue;
    }
    for (const e of s.entries) {
      const v6 = s.family === 'ipv6' || (s.family === undefined && e.prefix.includes(':'));
      const max = v6 ? 128 : 32;
      const isAny = (e.prefix === '0.0.0.0/0' || e.prefix === '::/0') && e.le === max && e.ge === undefined;
      const body = isAny ? 'any' : `${e.prefix}${e.ge !== undefined ? ` ge ${e.ge}` : ''}${e.le !== undefined ? ` le ${e.le}` : ''}`;
      out.add(0, `${v6 ? 'ipv6' : 'ip'} prefix-list ${s.name}${e.seq !== undefined ? ` seq ${e.seq}` : ''} ${e.action ?? 'permit'} ${body}`);
    }
    out.add(0, '!');
  }
  for (const s of pol.communitySets) {
    const list = s.kind === 'standard' ? 'community-list' : s.kind === 'large' ? 'large-community-list' : 'extcommunity-list';
    const regex = s.entries.some((e) => e.regex);
    const numbered = /^\d+$/.test(s.name) && Number(s.name) >= 1 && Number(s.name) <= 500 && (Number(s.name) >= 100) === regex;
    const type = numbered ? '' : regex ? 'expanded ' : 'standard ';
    for (const e of s.entries) out.add(0, `bgp ${list} ${type}${s.name} ${e.action ?? 'permit'} ${e.value}`);
    if (s.entries.length > 0) out.add(0, '!');
  }
  for (const s of pol.asPathSets) {
    for (const e of s.entries) out.add(0, `bgp as-path access-list ${s.name} ${e.action ?? 'permit'} ${e.regex}`);
    if (s.entries.length > 0) out.add(0, '!');
  }
  // A set no condition matches (e.g. the GoBGP reader re-homed its policies per neighbor) changes nothing.
  const matched = new Set(pol.policies.flatMap((p) => p.statements.flatMap((st) => st.conditions.flatMap((c) => (c.kind === 'neighbor-set' ? [c.name] : [])))));
  const usedSets = pol.neighborSets.filter((n) => matched.has(n.name));
  const unusedSets = pol.neighborSets.filter((n) => !matched.has(n.name));
  if (usedSets.length > 0) out.lost('neighbor sets (FRR matches one peer per route-map entry)', usedSets[0]!.origin);
  if (unusedSets.length > 0) out.lowered(`neighbor set${unusedSets.length > 1 ? 's' : ''} ${unusedSets.map((n) => n.name).join(', ')}: no policy matches on ${unusedSets.length > 1 ? 'them' : 'it'}, so ${unusedSets.length > 1 ? 'they are' : 'it is'} not written`, unusedSets[0]!.origin);
  for (const p of pol.policies) writePolicy(out, p, sp, tails);
  void needs;
}

function writeBfdProfile(out: Out, p: BfdProfile, raw: RawNode[]): void {
  out.add(1, `profile ${p.name}`);
  const ms = (us: number, what: string): string | undefined => {
    const v = us / 1000;
    if (!Number.isInteger(v) || v < 10 || v > 60000) {
      out.lost(`a BFD ${what} of ${us} µs in profile ${p.name} (FRR takes 10-60000 ms)`, p.origin);
      return undefined;
    }
    return String(v);
  };
  const num = (us: number | undefined, kw: string, what: string) => {
    if (us === undefined) return;
    const v = ms(us, what);
    if (v !== undefined) out.add(2, `${kw} ${v}`);
  };
  if (p.detectMultiplier !== undefined) {
    if (p.detectMultiplier < 2) out.lost(`detect multiplier ${p.detectMultiplier} in profile ${p.name} (FRR takes 2-255)`, p.origin);
    else out.add(2, `detect-multiplier ${p.detectMultiplier}`);
  }
  num(p.transmitIntervalUs, 'transmit-interval', 'transmit interval');
  num(p.receiveIntervalUs, 'receive-interval', 'receive interval');
  if (p.echoMode === true) out.add(2, 'echo-mode');
  if (p.echoMode === false) out.add(2, 'no echo-mode');
  num(p.echoTransmitIntervalUs, 'echo transmit-interval', 'echo transmit interval');
  num(p.echoReceiveIntervalUs, 'echo receive-interval', 'echo receive interval');
  if (p.passive === true) out.add(2, 'passive-mode');
  if (p.passive === false) out.add(2, 'no passive-mode');
  if (p.minimumTtl !== undefined) out.add(2, `minimum-ttl ${p.minimumTtl}`);
  if (p.idleTransmitIntervalUs !== undefined) out.lost(`an idle transmit interval in profile ${p.name}`, p.origin);
  if (p.interfaces?.length) out.lost(`interface patterns of BFD profile ${p.name}`, p.origin);
  if (p.multihop) out.lowered(`BFD profile ${p.name} is for multihop sessions; FRR profiles apply to any session`, p.origin);
  for (const r of raw) out.raw(2, r);
  out.add(1, 'exit');
  out.add(1, '!');
}

function writePolicy(out: Out, p: Policy, sp: Speaker, tails: Map<string, Set<string>>): void {
  if (p.raw?.length) for (const r of p.raw) out.raw(0, r);
  let last = 0;
  p.statements.forEach((st, i) => {
    const seq = st.seq ?? (i + 1) * 10;
    last = seq;
    if (st.result === 'next-policy') out.lost(`"next policy" in ${p.name} entry ${seq} (FRR applies one route-map per direction)`, st.origin);
    out.add(0, `route-map ${p.name} ${st.result === 'reject' ? 'deny' : 'permit'} ${seq}`);
    for (const c of st.conditions) writeCondition(out, c, sp);
    writeActions(out, st.actions);
    if (st.result === 'continue') out.add(1, 'on-match next');
    out.add(0, 'exit');
    out.add(0, '!');
  });
  // "next policy" at the end falls through to the chain's default: one FRR route-map per
  // direction ends the chain, so that default can be written when every chain agrees on it.
  let end = p.defaultResult;
  const tail = [...(tails.get(p.name) ?? [])];
  if (end === 'next-policy' && tail.length === 1 && (tail[0] === 'accept' || tail[0] === 'reject')) {
    end = tail[0];
    out.lowered(`policy ${p.name}: "next policy" at the end is written as ${end === 'accept' ? 'a last permit entry' : "FRR's implicit deny"} (the default of the chains it ends)`, p.origin);
  }
  if (end === 'accept') {
    out.add(0, `route-map ${p.name} permit ${last + 10}`);
    out.add(0, 'exit');
    out.add(0, '!');
    if (p.defaultResult === 'accept') out.lowered(`policy ${p.name} accepts what no statement decides: written as a last permit entry`, p.origin);
  } else if (end === 'next-policy') {
    out.lost(`"next policy" as the default of ${p.name}`, p.origin);
  }
  if (p.statements.length === 0 && end !== 'accept') {
    out.add(0, `route-map ${p.name} deny 10`);
    out.add(0, 'exit');
    out.add(0, '!');
  }
}

function writeCondition(out: Out, c: Condition, sp: Speaker): void {
  const opt = 'options' in c ? c.options : undefined;
  if (opt === 'invert' || opt === 'all') {
    out.lost(`a "${opt}" set match`, c.origin);
    return;
  }
  switch (c.kind) {
    case 'prefix-set': {
      const sets = sp.policy.prefixSets.filter((s) => s.name === c.name);
      const v6 = sets.length > 0 && sets.every((s) => s.family === 'ipv6' || (s.family === undefined && s.entries.every((e) => e.prefix.includes(':'))));
      out.add(1, `match ${v6 ? 'ipv6' : 'ip'} address prefix-list ${c.name}`);
      return;
    }
    case 'community-set':
      out.add(1, `match community ${c.name}${c.exact ? ' exact-match' : ''}`);
      return;
    case 'large-community-set':
      out.add(1, `match large-community ${c.name}`);
      return;
    case 'ext-community-set':
      out.add(1, `match extcommunity ${c.name}`);
      return;
    case 'as-path-set':
      out.add(1, `match as-path ${c.name}`);
      return;
    case 'neighbor':
      if (c.addresses.length === 1) out.add(1, `match peer ${c.addresses[0]}`);
      else out.lost(`a match on ${c.addresses.length} peers in one entry`, c.origin);
      return;
    case 'next-hop':
      if (c.addresses.length === 1) out.add(1, `match ${isIpv4(c.addresses[0]!) ? 'ip' : 'ipv6'} next-hop address ${c.addresses[0]}`);
      else out.lost(`a match on ${c.addresses.length} next hops in one entry`, c.origin);
      return;
    case 'source-protocol':
      if (c.protocol === 'aggregate') out.lost('a match on aggregate routes', c.origin);
      else out.add(1, `match source-protocol ${c.protocol}`);
      return;
    case 'local-pref':
      out.add(1, `match local-preference ${c.value}`);
      return;
    case 'med':
      out.add(1, `match metric ${c.value}`);
      return;
    case 'tag':
      out.add(1, `match tag ${c.value}`);
      return;
    case 'raw':
      out.raw(1, c.raw);
      return;
    default:
      out.lost(`a ${c.kind} match`, c.origin);
  }
}

function writeActions(out: Out, actions: Action[]): void {
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]!;
    switch (a.kind) {
      case 'set-local-pref':
        out.add(1, `set local-preference ${a.value}`);
        break;
      case 'set-med':
        out.add(1, `set metric ${a.op === 'add' ? '+' : a.op === 'subtract' ? '-' : ''}${a.value}`);
        break;
      case 'set-weight':
        out.add(1, `set weight ${a.value}`);
        break;
      case 'set-tag':
        out.add(1, `set tag ${a.value}`);
        break;
      case 'set-origin':
        out.add(1, `set origin ${a.value}`);
        break;
      case 'community': {
        if (a.communityKind === 'extended') {
          out.lost('setting extended communities', a.origin);
          break;
        }
        const kw = a.communityKind === 'standard' ? 'community' : 'large-community';
        if (a.op === 'remove') {
          if (a.set) out.add(1, `set ${a.communityKind === 'standard' ? 'comm-list' : 'large-comm-list'} ${a.set} delete`);
          else out.lost('removing listed communities without a community list', a.origin);
        } else if (a.set) out.lost(`${a.op === 'add' ? 'adding' : 'setting'} the communities of a set`, a.origin);
        else if (!a.values || a.values.length === 0) {
          if (a.op === 'replace') out.add(1, `set ${kw} none`);
        } else out.add(1, `set ${kw} ${a.values.join(' ')}${a.op === 'add' ? ' additive' : ''}`);
        break;
      }
      case 'as-path-prepend': {
        if (a.asn === 'last-as') {
          out.add(1, `set as-path prepend last-as ${a.repeat ?? 1}`);
          break;
        }
        // Consecutive prepends become one line (FRR keeps one `set as-path prepend` per entry); the last prepended goes first.
        const asns: number[] = [];
        let j = i;
        while (j < actions.length) {
          const b = actions[j]!;
          if (b.kind !== 'as-path-prepend' || b.asn === 'last-as') break;
          asns.unshift(...Array<number>(b.repeat ?? 1).fill(b.asn));
          j++;
        }
        i = j - 1;
        out.add(1, `set as-path prepend ${asns.join(' ')}`);
        break;
      }
      case 'set-next-hop':
        if (a.value === 'self') out.lost('next hop "self" in a route-map (use neighbor next-hop-self)', a.origin);
        else if (a.value === 'peer-address' || a.value === 'unchanged') out.add(1, `set ip next-hop ${a.value}`);
        else if (isIpv4(a.value)) out.add(1, `set ip next-hop ${a.value}`);
        else out.add(1, `set ipv6 next-hop global ${a.value}`);
        break;
      case 'raw':
        out.raw(1, a.raw);
        break;
      default:
        out.lost(`the action ${(a as Action).kind}`, (a as Action).origin);
    }
  }
}
