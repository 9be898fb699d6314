/**
 * The BGP topology of a document: speaker instances (a daemon, or one per
 * Kubernetes node a node-group selects) and the sessions between them.
 *
 * Pairing follows Batfish's session compatibility: a configured peer on A with
 * address X is matched with the instance B that owns X; B's end is the peer B
 * configured for one of A's addresses, else a listen range of B covering one.
 * Addresses an instance owns: its speaker's `addresses`, router ID, listen and
 * local addresses, and its node's addresses. When nobody owns X, the one
 * instance with unknown addresses that configures a session towards A is
 * taken as the remote (inferred), since router configs rarely list their
 * interface addresses; failing that, the only daemon among the inputs.
 */
import { resolve } from '../ir/resolve.js';
import { parseIp, prefixContainsAddress, sameIp } from '../ir/ip.js';
import { selectorMatches } from '../ir/selector.js';
import type { ClusterNode, IrDocument, ListenRange, Peer, Speaker } from '../ir/schema.js';
import type { Span } from '../source.js';
import { peerById } from './peers.js';

export interface Instance {
  /** `speaker` or `speaker@node`. */
  key: string;
  /** Effective speaker. */
  speaker: Speaker;
  /** The speaker as parsed (what the source said). */
  parsed: Speaker;
  node?: ClusterNode;
  asn?: number;
  routerId?: string;
  addresses: string[];
  /**
   * Whether an address other than the router ID is known (interface, source,
   * listen or node address). A router ID is used to pair sessions, but is too
   * weak to conclude that a remote has no neighbor for this speaker.
   */
  addressKnown: boolean;
  /** Effective peers this instance runs (node selectors applied). */
  peers: Peer[];
}

/** One end of a session, as configured on its instance. */
export interface End {
  instance: Instance;
  /**
   * The effective neighbor: a configured one, or for a listen range the
   * session the range would create (its group's settings, resolved).
   */
  peer: Peer;
  /** Set when the end is a listen range (dynamic neighbors). */
  range?: ListenRange;
  /** The neighbor as parsed (for a range: just its group and remote AS), for "was this written" questions. */
  parsedPeer: Peer;
}

export type SessionStatus = 'unique-match' | 'listen-range-match' | 'half-open' | 'several-remotes' | 'unknown-remote' | 'local-address-unknown';

export interface Session {
  /** The side whose configured peer started the pairing. */
  a: End;
  /** The matched remote end (absent for half-open, several-remotes, unknown-remote). */
  b?: End;
  /** The instance owning the peer address (also for half-open). */
  remote?: Instance;
  status: SessionStatus;
  inferred: boolean;
}

export interface Topology {
  instances: Instance[];
  sessions: Session[];
}


/**
 * The session a listen range creates, resolved like a configured neighbor: a
 * neighbor in the range's group, at the range's network address.
 */
function rangeSessions(parsed: IrDocument): Map<ListenRange, { effective: Peer; parsed: Peer }> {
  const out = new Map<ListenRange, { effective: Peer; parsed: Peer }>();
  const virtual = parsed.speakers.map((s) => ({
    ...s,
    peers: s.listenRanges.map((r, i) => rangePeer(r, i)),
  }));
  const resolved = resolve({ ...parsed, speakers: virtual }).doc;
  parsed.speakers.forEach((s, i) => {
    s.listenRanges.forEach((r, j) => out.set(r, { effective: resolved.speakers[i]!.peers[j]!, parsed: virtual[i]!.peers[j]! }));
  });
  return out;
}

function rangePeer(r: ListenRange, i: number): Peer {
  const p: Peer = { id: `listen-range-${i}`, address: r.prefix.split('/')[0]! };
  if (r.group) p.group = r.group;
  if (r.remoteAs) p.remoteAs = r.remoteAs;
  if (r.origin) p.origin = r.origin;
  return p;
}

export function buildTopology(effective: IrDocument, parsed: IrDocument): Topology {
  const ranges = rangeSessions(parsed);
  const instances: Instance[] = [];
  effective.speakers.forEach((speaker, i) => {
    const parsedSpeaker = parsed.speakers[i] ?? speaker;
    const own = [...(speaker.addresses ?? []), ...(speaker.listen?.addresses ?? [])];
    for (const p of speaker.peers) if (p.localAddress) own.push(p.localAddress);
    const ownKnown = own.length > 0;
    if (speaker.routerId) own.push(speaker.routerId);
    if (speaker.kind === 'node-group' && effective.nodes.length > 0) {
      for (const node of effective.nodes.filter((n) => selectorMatches(speaker.nodeSelector, n.labels))) {
        const o = speaker.nodeOverrides?.find((x) => x.node === node.name);
        const addresses = [...own, ...node.addresses];
        if (o?.localAddress) addresses.push(o.localAddress);
        if (o?.routerId) addresses.push(o.routerId);
        instances.push({
          key: `${speaker.id}@${node.name}`,
          speaker,
          parsed: parsedSpeaker,
          node,
          asn: o?.asn ?? speaker.asn,
          routerId: o?.routerId ?? speaker.routerId,
          addresses: unique(addresses),
          addressKnown: true,
          peers: speaker.peers.filter((p) => selectorMatches(p.nodeSelector, node.labels)),
        });
      }
    } else {
      instances.push({
        key: speaker.id,
        speaker,
        parsed: parsedSpeaker,
        asn: speaker.asn,
        routerId: speaker.routerId,
        addresses: unique(own),
        addressKnown: ownKnown,
        peers: speaker.peers,
      });
    }
  });

  const owns = (inst: Instance, addr: string) => inst.addresses.some((a) => sameIp(a, addr));
  /** B's end of a session with A; `family` (4 or 6) restricts A's addresses to the session's IP version. */
  const endTowards = (b: Instance, a: Instance, family?: 4 | 6): End | undefined => {
    const mine = family === undefined ? a.addresses : a.addresses.filter((x) => parseIp(x)?.v === family);
    for (const addr of mine) {
      const peer = b.peers.find((p) => p.address !== undefined && sameIp(p.address, addr));
      if (peer) return { instance: b, peer, parsedPeer: peerById(b.parsed.peers, peer.id) ?? peer };
    }
    for (const addr of mine) {
      const i = b.speaker.listenRanges.findIndex((r) => prefixContainsAddress(r.prefix, addr));
      const v = i >= 0 ? ranges.get(b.parsed.listenRanges[i]!) : undefined;
      if (v) return { instance: b, range: b.speaker.listenRanges[i]!, peer: { ...v.effective, address: addr }, parsedPeer: v.parsed };
    }
    return undefined;
  };

  const sessions: Session[] = [];
  for (const a of instances) {
    for (const peer of a.peers) {
      if (!peer.address) continue;
      const aEnd: End = { instance: a, peer, parsedPeer: peerById(a.parsed.peers, peer.id) ?? peer };
      let owners = instances.filter((b) => b !== a && b.speaker !== a.speaker && owns(b, peer.address!));
      let inferred = false;
      if (owners.length === 0) {
        // Only an instance whose own addresses are unknown can be guessed to be at X.
        const unknown = instances.filter((b) => b.speaker !== a.speaker && !b.addressKnown);
        owners = unknown.filter((b) => endTowards(b, a) !== undefined);
        // Nobody configures a session back either: with a single router among the inputs, it is the remote.
        if (owners.length === 0) {
          const daemons = unknown.filter((b) => b.speaker.kind === 'daemon');
          if (daemons.length === 1 && instances.filter((b) => b.speaker !== a.speaker && b.speaker.kind === 'daemon').length === 1) owners = daemons;
        }
        inferred = owners.length === 1;
        if (owners.length !== 1) {
          sessions.push({ a: aEnd, status: owners.length === 0 ? 'unknown-remote' : 'several-remotes', inferred: false });
          continue;
        }
      }
      if (owners.length > 1) {
        sessions.push({ a: aEnd, status: 'several-remotes', inferred });
        continue;
      }
      const remote = owners[0]!;
      const family = parseIp(peer.address)?.v;
      const b = endTowards(remote, a, family);
      // Without this side's address of the session's IP version, the remote's end cannot be found.
      const known = a.addressKnown && a.addresses.some((x) => parseIp(x)?.v === family);
      if (!b) sessions.push({ a: aEnd, remote, status: known ? 'half-open' : 'local-address-unknown', inferred });
      else sessions.push({ a: aEnd, b, remote, status: b.range ? 'listen-range-match' : 'unique-match', inferred });
    }
  }
  return { instances, sessions };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

// ---------------------------------------------------------------- helpers for rules

/** The local ASN an end presents (local-as overrides the speaker's). */
export function localAsnOf(end: End): number | undefined {
  return end.peer.localAs?.asn ?? end.instance.asn;
}

/** Where an end is written: its listen range, its peer, or the speaker. */
export function spanOf(end: End): Span | undefined {
  return end.range?.origin?.[0] ?? end.peer.origin?.[0] ?? end.instance.speaker.origin?.[0];
}

export function endName(end: End): string {
  return `${end.instance.key} ${end.range ? `listen range ${end.range.prefix}` : `neighbor ${end.peer.address ?? end.peer.id}`}`;
}

/** Active families of an end (effective). */
export function activeFamilies(end: End): string[] {
  return (end.peer.families ?? []).filter((f) => f.activate).map((f) => f.family);
}

/** Both ends, for checks that look at a pair once (a session matched from both sides is visited once). */
export function pairs(topology: Topology): { a: End; b: End; session: Session }[] {
  const seen = new Set<string>();
  const out: { a: End; b: End; session: Session }[] = [];
  for (const s of topology.sessions) {
    if (!s.b) continue;
    const ka = `${s.a.instance.key}|${s.a.range?.prefix ?? s.a.peer.id}`;
    const kb = `${s.b.instance.key}|${s.b.range?.prefix ?? s.b.peer.id}`;
    const key = ka < kb ? `${ka}<>${kb}` : `${kb}<>${ka}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ a: s.a, b: s.b, session: s });
  }
  return out;
}
