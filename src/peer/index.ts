/**
 * `bgpc peer`: the other end of every session the inputs describe, as IR.
 *
 * Input speakers are the "near" side; the generated speaker is the far end at
 * the address their neighbors point to. Cluster → router gets a peer group
 * with a listen range covering the nodes (or one neighbor per node), an inbound
 * policy accepting only the advertised pool prefixes, and BFD, password,
 * multihop and timers mirrored; router → cluster gets a node-group with one
 * neighbor back; daemon → daemon mirrors neighbor by neighbor. The writer of
 * the target format then turns the generated IR into text. docs/peer.md
 * explains each choice.
 */
import { Sink, type Diagnostic } from '../diagnostics/diagnostic.js';
import { emptyDocument, emptySpeaker } from '../ir/build.js';
import { coveringPrefix, formatIp, parseIp, parsePrefix, prefixContainsAddress, rangeToCidrs, sameIp } from '../ir/ip.js';
import { isEbgp, resolve } from '../ir/resolve.js';
import type {
  AddressPool,
  Advertisement,
  BfdProfile,
  Dialect,
  Family,
  FamilySettings,
  IrDocument,
  Peer,
  PeerGroup,
  PrefixSet,
  Speaker,
} from '../ir/schema.js';
import { selectorMatches } from '../ir/selector.js';
import { frrDefaults } from '../ir/defaults/frr.js';
import { announcesPools, selectedPools } from '../lint/pools.js';

export interface PeerOptions {
  /** Target format id (frr, bird, gobgp, metallb, cilium, ...). */
  to: string;
  /** AS number of the generated side, where the inputs do not say. */
  asn?: number;
  /** Router ID of the generated side. */
  routerId?: string;
  /** Address of the generated side: selects the sessions when the inputs peer with several addresses. */
  address?: string;
  /** Address of the input side, where the inputs do not say (e.g. a router config with only listen ranges). */
  peerAddress?: string;
  /** Cluster → router: one neighbor per node instead of a listen range. */
  noListenRange?: boolean;
}

export interface PeerResult {
  doc: IrDocument;
  diagnostics: Diagnostic[];
}

const CLUSTER_TARGETS = new Set(['metallb', 'frr-k8s', 'cilium', 'calico', 'purelb']);

/** FRR's default `bgp listen limit` (defaults table: frr). */
const FRR_LISTEN_LIMIT = frrDefaults(undefined, undefined).listenLimit?.value ?? 100;

interface Near {
  speaker: Speaker;
  peer: Peer;
  /** Addresses the near side connects from (node addresses, source address, router addresses). */
  addresses: string[];
  nodeCount: number;
}

export function generatePeer(parsed: IrDocument, opts: PeerOptions): PeerResult {
  const sink = new Sink();
  const { doc } = resolve(parsed);
  const nears: Near[] = [];
  for (const s of doc.speakers) {
    for (const p of s.peers) {
      if (!p.address) continue;
      nears.push({ speaker: s, peer: p, ...nearAddresses(doc, s, p, opts) });
    }
  }
  if (nears.length === 0) nears.push(...rangeNears(doc, opts));
  const farAddresses = [...new Set(nears.map((n) => n.peer.address!))];
  if (nears.length === 0) {
    sink.report('peer/no-sessions', 'the inputs configure no neighbor with an address, so there is no other end to generate', {
      hint: 'a listen range alone does not say where the other side is: give a config with neighbors, or --peer-address with --address',
    });
    return { doc: emptyDocument(), diagnostics: sink.list };
  }
  let far = opts.address;
  if (!far) {
    if (farAddresses.length > 1) {
      sink.report('peer/ambiguous', `the inputs peer with ${farAddresses.length} addresses (${farAddresses.join(', ')}); choose the end to generate with --address`);
      return { doc: emptyDocument(), diagnostics: sink.list };
    }
    far = farAddresses[0]!;
  }
  const selected = nears.filter((n) => sameIp(n.peer.address!, far!));
  if (selected.length === 0) {
    sink.report('peer/no-sessions', `no neighbor in the inputs has the address ${far} (they peer with ${farAddresses.join(', ')})`);
    return { doc: emptyDocument(), diagnostics: sink.list };
  }

  const cluster = CLUSTER_TARGETS.has(opts.to);
  const out = emptyDocument();
  const g = emptySpeaker(cluster ? `${opts.to}-peering` : `peer-${far}`, cluster ? 'node-group' : 'daemon');
  g.dialect = dialectFor(opts.to);
  g.addresses = [far];
  const asn = farAsn(selected, opts, sink);
  if (asn !== undefined) g.asn = asn;
  const rid = opts.routerId ?? (parseIp(far)?.v === 4 ? far : undefined);
  if (rid) g.routerId = rid;
  else if (!cluster) sink.report('peer/missing', `no router ID for the generated side (its address ${far} is IPv6)`, { hint: 'pass --router-id' });
  if (!cluster && !opts.routerId && rid) sink.report('peer/assumed', `router ID ${rid} is the generated side's address`, { hint: 'pass --router-id to choose another' });

  for (const near of selected) {
    if (near.speaker.kind === 'node-group' && !cluster) buildRouterForCluster(g, near, doc, opts, sink);
    else buildMirror(g, near, opts, cluster, sink);
  }
  if (cluster) addClusterAdvertisements(g, selected, sink);
  out.speakers.push(g);
  out.nodes = [];
  return { doc: out, diagnostics: sink.list };
}

/**
 * A speaker that only has listen ranges (a router waiting for its cluster):
 * each range stands for the sessions it accepts, at --address if given (it
 * must lie in the range), else at the range's first address.
 */
function rangeNears(doc: IrDocument, opts: PeerOptions): Near[] {
  const out: Near[] = [];
  for (const s of doc.speakers) {
    for (const r of s.listenRanges) {
      const net = parsePrefix(r.prefix);
      if (!net) continue;
      const at = opts.address && parseIp(opts.address) && prefixContainsAddress(r.prefix, opts.address) ? opts.address : undefined;
      if (opts.address && !at) continue;
      const group = s.peerGroups.find((g) => g.name === r.group);
      const { name: _n, kind: _k, inherits: _i, ...settings } = group ?? { name: '' };
      const peer: Peer = { ...settings, id: `listen-range ${r.prefix}`, address: at ?? formatIp(net.v, net.n + (net.len < (net.v === 4 ? 32 : 128) ? 1n : 0n)) };
      if (r.remoteAs) peer.remoteAs = r.remoteAs;
      if (r.origin) peer.origin = r.origin;
      out.push({ speaker: s, peer, ...nearAddresses(doc, s, peer, opts) });
    }
  }
  return out;
}

function dialectFor(to: string): Dialect {
  const format = (['bird', 'bird1', 'frr', 'metallb', 'frr-k8s', 'cilium', 'calico', 'purelb'] as const).find((f) => f === to) ?? (to.startsWith('gobgp') ? 'gobgp' : 'ir');
  return format === 'frr' ? { format, profile: 'traditional' } : { format };
}

function nearAddresses(doc: IrDocument, s: Speaker, p: Peer, opts: PeerOptions): { addresses: string[]; nodeCount: number } {
  if (s.kind === 'node-group') {
    const nodes = doc.nodes.filter((n) => selectorMatches(s.nodeSelector, n.labels) && selectorMatches(p.nodeSelector, n.labels));
    const v = parseIp(p.address!)?.v;
    const addrs = nodes.map((n) => n.addresses.find((a) => parseIp(a)?.v === v)).filter((a): a is string => a !== undefined);
    return { addresses: addrs, nodeCount: nodes.length };
  }
  const addrs = [p.localAddress, ...(s.addresses ?? []), opts.peerAddress].filter((a): a is string => a !== undefined && parseIp(a)?.v === parseIp(p.address!)?.v);
  if (addrs.length === 0 && s.routerId && parseIp(p.address!)?.v === 4) addrs.push(s.routerId);
  return { addresses: [...new Set(addrs)], nodeCount: 1 };
}

/** The far side's AS: what the near side expects of it. */
function farAsn(selected: Near[], opts: PeerOptions, sink: Sink): number | undefined {
  if (opts.asn !== undefined) return opts.asn;
  for (const n of selected) {
    const ra = n.peer.remoteAs;
    if (ra?.kind === 'explicit') return ra.asn;
    const mine = n.peer.localAs?.asn ?? n.speaker.asn;
    if (ra?.kind === 'internal' && mine !== undefined) return mine;
  }
  sink.report('peer/missing', 'the inputs do not say which AS the other end is in (remote AS external/any)', { hint: 'pass --asn' });
  return undefined;
}

/** The near side's AS as the far side must configure it. */
function nearRemoteAs(near: Near, farAsn: number | undefined): Peer['remoteAs'] {
  const asn = near.peer.localAs?.asn ?? near.speaker.asn;
  if (asn !== undefined) return { kind: 'explicit', asn };
  if (near.peer.remoteAs?.kind === 'internal') return { kind: 'internal' };
  return farAsn === undefined ? undefined : { kind: 'external' };
}

/** Settings every generated end mirrors from the near end. */
function mirrored(near: Near, g: Speaker, sink: Sink): Partial<PeerGroup> {
  const p = near.peer;
  const out: Partial<PeerGroup> = {};
  if (p.timers?.holdTime !== undefined) out.timers = { holdTime: p.timers.holdTime, ...(p.timers.keepalive !== undefined ? { keepalive: p.timers.keepalive } : {}) };
  if (p.multihop?.enabled) out.multihop = { enabled: true, ...(p.multihop.ttl !== undefined ? { ttl: p.multihop.ttl } : {}) };
  if (p.password) {
    out.password = p.password;
    if (p.password.kind === 'secretRef') {
      sink.report('peer/stub', `the password is in Secret ${p.password.namespace ? `${p.password.namespace}/` : ''}${p.password.name}: put the same value in the generated config`, {
        span: p.origin?.[0],
      });
    }
  }
  if (p.bfd?.enabled) {
    const name = p.bfd.profile ?? `${near.speaker.id}-bfd`;
    if (!g.bfdProfiles.some((b) => b.name === name)) {
      const profile: BfdProfile = { name };
      const src = near.speaker.bfdProfiles.find((b) => b.name === p.bfd!.profile);
      const rx = p.bfd.receiveIntervalUs ?? src?.receiveIntervalUs;
      const tx = p.bfd.transmitIntervalUs ?? src?.transmitIntervalUs;
      const mult = p.bfd.detectMultiplier ?? src?.detectMultiplier;
      if (rx !== undefined) profile.receiveIntervalUs = rx;
      if (tx !== undefined) profile.transmitIntervalUs = tx;
      if (mult !== undefined) profile.detectMultiplier = mult;
      g.bfdProfiles.push(profile);
    }
    out.bfd = { enabled: true, profile: name };
  }
  if (p.gracefulRestart?.mode === 'full') out.gracefulRestart = { mode: 'helper-only' };
  return out;
}

function activeFamilies(p: Peer): Family[] {
  const listed = (p.families ?? []).filter((f) => f.activate).map((f) => f.family);
  return listed.length > 0 ? listed : p.address?.includes(':') ? ['ipv6-unicast'] : ['ipv4-unicast'];
}

function groupName(s: Speaker): string {
  return s.id.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Cluster → router: a peer group, a listen range (or neighbors), and an import policy for the pools. */
function buildRouterForCluster(g: Speaker, near: Near, doc: IrDocument, opts: PeerOptions, sink: Sink): void {
  const name = groupName(near.speaker);
  if (g.peerGroups.some((x) => x.name === name)) return;
  const families = activeFamilies(near.peer);
  const policy = importPolicyForPools(g, near, doc, name, sink);
  const group: PeerGroup = {
    name,
    kind: g.dialect?.format === 'bird' || g.dialect?.format === 'bird1' ? 'template' : 'peer-group',
    description: `${near.speaker.dialect?.format ?? 'cluster'} ${near.speaker.id}, generated by bgpc peer`,
    ...mirrored(near, g, sink),
    families: families.map<FamilySettings>((family) => ({
      family,
      activate: true,
      import: policy ? { chain: [{ kind: 'policy', name: policy }], defaultAction: 'reject' } : { chain: [], defaultAction: 'reject' },
      export: { chain: [], defaultAction: 'reject' },
    })),
  };
  const ra = nearRemoteAs(near, g.asn);
  if (ra) group.remoteAs = ra;
  // The cluster peers with this address: it is the router's end of every session (BIRD needs it
  // for multihop sessions with BFD, and iBGP is multihop there).
  if (near.peer.address) group.localAddress = near.peer.address;
  // The cluster side does not listen (MetalLB, Cilium): the router only accepts.
  if (near.speaker.listen?.enabled === false) group.passive = true;
  if (near.peer.port !== undefined && near.peer.port !== 179) g.listen = { port: near.peer.port };
  g.peerGroups.push(group);

  if (near.addresses.length === 0) {
    sink.report('peer/missing', `the addresses of the ${near.speaker.id} nodes are unknown, so no listen range or neighbors can be written`, {
      hint: 'give Node objects or --nodes FILE',
    });
    return;
  }
  if (opts.noListenRange) {
    for (const a of near.addresses) g.peers.push({ id: a, address: a, group: name });
    return;
  }
  const prefix = coveringPrefix(near.addresses);
  if (!prefix) return;
  g.listenRanges.push({ prefix, group: name });
  // Only FRR limits dynamic neighbors (100 by default); BIRD and GoBGP accept any number.
  // Raise the limit only when the nodes need it: a lower one would refuse nodes still to come.
  const needed = Math.max(g.options?.listenLimit ?? 0, near.nodeCount, near.addresses.length);
  if (g.dialect?.format === 'frr' && needed > FRR_LISTEN_LIMIT) g.options = { ...g.options, listenLimit: needed };
  sink.report('peer/assumed', `listen range ${prefix} is the smallest prefix covering the ${near.addresses.length} node addresses; widen it for nodes to come`);
}

/**
 * A prefix set of the advertised pools at their aggregation lengths, and a policy accepting only it.
 * PureLB's routing daemon (a BIRD/FRR/GoBGP ConfigMap) has no pools of its own: it announces what
 * PureLB puts on kube-lb0, i.e. the pools of the ServiceGroups given alongside it; without them, what
 * the daemon config itself exports (static routes, export filter prefixes) stands in.
 */
function importPolicyForPools(g: Speaker, near: Near, doc: IrDocument, name: string, sink: Sink): string | undefined {
  const s = near.speaker;
  const entries: PrefixSet['entries'] = [];
  const add = (prefix: string, ge?: number, le?: number): void => {
    if (!entries.some((e) => e.prefix === prefix && e.ge === ge && e.le === le)) entries.push({ action: 'permit', prefix, ...(ge !== undefined ? { ge } : {}), ...(le !== undefined ? { le } : {}) });
  };
  const addPools = (from: Speaker): void => {
    for (const ad of from.advertisements.filter(announcesPools)) {
      if (ad.peers && !ad.peers.some((x) => x === near.peer.id || x === near.peer.name || x === near.peer.address)) continue;
      for (const pool of selectedPools(ad, from.pools)) {
        for (const a of pool.addresses) {
          const cidrs = 'cidr' in a ? [a.cidr] : rangeToCidrs(a.range.from, a.range.to);
          for (const c of cidrs) {
            const net = parsePrefix(c);
            if (!net) continue;
            const agg = net.v === 4 ? ad.aggregationLength ?? 32 : ad.aggregationLengthV6 ?? 128;
            const len = Math.max(agg, net.len);
            if (len > net.len) add(c, len, len);
            else add(c);
          }
        }
      }
    }
  };
  addPools(s);
  if (entries.length === 0 && announcesKubeLb0(s)) {
    const groups = doc.speakers.filter((x) => x !== s && x.dialect?.format === 'purelb' && x.peers.length === 0 && x.advertisements.length > 0);
    for (const x of groups) addPools(x);
    if (entries.length > 0) {
      const names = groups.flatMap((x) => x.advertisements.filter(announcesPools).map((a) => a.name));
      sink.report('peer/assumed', `${s.id} announces the addresses on kube-lb0, where PureLB puts those of ServiceGroup${names.length > 1 ? 's' : ''} ${names.join(', ')}: the import policy accepts their pools`, {
        span: s.origin?.[0],
      });
    }
  }
  if (entries.length === 0) {
    for (const p of exportedPrefixes(s, near.peer)) add(p.prefix, p.ge, p.le);
    if (entries.length > 0) {
      sink.report('peer/assumed', `${s.id} names no load-balancer pool: the import policy accepts what its config exports (static routes, export filter prefixes)`, { span: s.origin?.[0] });
    }
  }
  if (entries.length === 0) {
    sink.report('peer/stub', `${s.id} advertises no load-balancer pool bgpc can see (pod CIDRs, service selectors): the generated import policy accepts nothing until you add the prefixes`, {
      span: s.origin?.[0],
    });
    return undefined;
  }
  // One prefix set per IP version: daemons keep IPv4 and IPv6 lists apart (BIRD refuses mixed sets).
  const v4 = entries.filter((e) => !e.prefix.includes(':'));
  const v6 = entries.filter((e) => e.prefix.includes(':'));
  const sets = [
    ...(v4.length ? [{ name: `${name}-pools`, family: 'ipv4' as const, entries: v4 }] : []),
    ...(v6.length ? [{ name: `${name}-pools6`, family: 'ipv6' as const, entries: v6 }] : []),
  ];
  g.policy.prefixSets.push(...sets);
  g.policy.policies.push({
    name: `${name}-in`,
    statements: sets.map((set) => ({ conditions: [{ kind: 'prefix-set' as const, name: set.name }], actions: [], result: 'accept' as const })),
    defaultResult: 'reject',
  });
  return `${name}-in`;
}

/** The speaker announces what is on kube-lb0 (PureLB's interface): a direct/connected redistribution of it, or of every interface. */
function announcesKubeLb0(s: Speaker): boolean {
  return s.redistribute.some((r) => (r.source === 'connected' || r.source === 'direct') && (!r.interfaces || r.interfaces.includes('kube-lb0')));
}

/** Prefixes a daemon config exports by itself: its networks (BIRD static routes) and the prefix sets its export policies accept. */
function exportedPrefixes(s: Speaker, p: Peer): { prefix: string; ge?: number; le?: number }[] {
  const out: { prefix: string; ge?: number; le?: number }[] = s.networks.map((n) => ({ prefix: n.prefix }));
  for (const f of p.families ?? []) {
    for (const ref of f.export?.chain ?? []) {
      const sets =
        ref.kind === 'prefix-set'
          ? [ref.name]
          : ref.kind === 'policy'
            ? (s.policy.policies.find((x) => x.name === ref.name)?.statements ?? [])
                .filter((st) => st.result === 'accept')
                .flatMap((st) => st.conditions.flatMap((c) => (c.kind === 'prefix-set' && c.options !== 'invert' ? [c.name] : [])))
            : [];
      for (const name of sets) {
        for (const e of s.policy.prefixSets.find((x) => x.name === name)?.entries ?? []) {
          if (e.action !== 'deny') out.push({ prefix: e.prefix, ...(e.ge !== undefined ? { ge: e.ge } : {}), ...(e.le !== undefined ? { le: e.le } : {}) });
        }
      }
    }
  }
  return out;
}

/** Router → cluster and daemon → daemon: one neighbor back towards the near side. */
function buildMirror(g: Speaker, near: Near, opts: PeerOptions, cluster: boolean, sink: Sink): void {
  const back = near.addresses[0];
  if (!back) {
    sink.report('peer/missing', `the address of ${near.speaker.id} is not in the inputs (no router ID, source address or interface address)`, {
      span: near.peer.origin?.[0],
      hint: 'pass --peer-address',
    });
    return;
  }
  if (g.peers.some((p) => sameIp(p.address ?? '', back))) return;
  const m = mirrored(near, g, sink);
  const peer: Peer = { id: cluster ? `${groupName(near.speaker)}` : back, address: back, ...m };
  const ra = nearRemoteAs(near, g.asn);
  if (ra) peer.remoteAs = ra;
  if (near.peer.passive) peer.passive = false;
  if (near.peer.port !== undefined && near.peer.port !== 179) peer.port = near.peer.port;
  if (!near.peer.passive && near.speaker.listen?.enabled === false) g.listen = { enabled: true };
  const families = activeFamilies(near.peer);
  const ebgp = isEbgp(near.peer, near.speaker) !== false;
  peer.families = families.map((family) => ({
    family,
    activate: true,
    ...(cluster ? {} : ebgp ? { import: { chain: [], defaultAction: 'accept' as const }, export: { chain: [], defaultAction: 'reject' as const } } : {}),
  }));
  if (!cluster && ebgp) {
    sink.report('peer/stub', `the generated neighbor ${back} imports everything and exports nothing: replace with the policies you need`);
  }
  g.peers.push(peer);
}

/** Router → cluster: pools and advertisements from what the router accepts, or a marked stub. */
function addClusterAdvertisements(g: Speaker, selected: Near[], sink: Sink): void {
  const prefixes: { prefix: string; agg?: number }[] = [];
  for (const near of selected) {
    for (const f of near.peer.families ?? []) {
      for (const ref of f.import?.chain ?? []) {
        const set = ref.kind === 'prefix-set' ? near.speaker.policy.prefixSets.find((p) => p.name === ref.name) : policySet(near.speaker, ref.name);
        for (const e of set?.entries ?? []) {
          if (e.action === 'deny') continue;
          if (!prefixes.some((x) => x.prefix === e.prefix)) prefixes.push({ prefix: e.prefix, ...(e.ge !== undefined ? { agg: e.ge } : {}) });
        }
      }
    }
  }
  const stub = prefixes.length === 0;
  const pool: AddressPool = stub
    ? { name: 'stub-replace-me', addresses: [{ cidr: '192.0.2.0/24' }], autoAssign: false }
    : { name: `${g.id}-pool`, addresses: prefixes.map((p) => ({ cidr: p.prefix })) };
  g.pools.push(pool);
  const ad: Advertisement = { name: `${g.id}-advertisement`, pools: { kind: 'pools', names: [pool.name] } };
  const v4agg = prefixes.find((p) => !p.prefix.includes(':') && p.agg !== undefined)?.agg;
  const v6agg = prefixes.find((p) => p.prefix.includes(':') && p.agg !== undefined)?.agg;
  if (v4agg !== undefined) ad.aggregationLength = v4agg;
  if (v6agg !== undefined) ad.aggregationLengthV6 = v6agg;
  g.advertisements.push(ad);
  if (stub) {
    sink.report('peer/stub', 'the router config does not say which prefixes it accepts: the pool "stub-replace-me" (192.0.2.0/24, documentation space, not auto-assigned) is a placeholder to replace');
  }
}

function policySet(s: Speaker, policyName: string): PrefixSet | undefined {
  const pol = s.policy.policies.find((p) => p.name === policyName);
  const cond = pol?.statements.find((st) => st.result === 'accept')?.conditions.find((c) => c.kind === 'prefix-set');
  return cond && cond.kind === 'prefix-set' ? s.policy.prefixSets.find((p) => p.name === cond.name) : undefined;
}
