/**
 * resolve(): parsed IR → effective IR.
 *
 * Parsers never invent values. This one step applies, per speaker:
 * 1. inheritance: template/peer-group chains, then group → peer (the most
 *    specific explicit value wins; families merge per family);
 * 2. the speaker dialect's defaults table (src/ir/defaults), so every peer
 *    carries its effective timers, passive/port, families, unfiltered
 *    import/export behaviour, graceful restart and BFD intervals.
 *
 * A speaker whose dialect is unknown (e.g. a hand-written IR without
 * `dialect`) gets inheritance only: unset stays unset, meaning "whatever the
 * target does". docs/ir.md explains why.
 */
import { Sink, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defaultsFor, type DefaultsTable } from './defaults/index.js';
import type { Family, FamilySettings, IrDocument, Peer, PeerGroup, PolicyChain, Speaker } from './schema.js';

type Settings = Omit<PeerGroup, 'name' | 'inherits' | 'kind'>;

export interface ResolveResult {
  doc: IrDocument;
  diagnostics: Diagnostic[];
}

export function resolve(doc: IrDocument): ResolveResult {
  const sink = new Sink();
  // No deep copy: resolve builds new speaker, group and peer objects and shares
  // everything it does not change (policies, sets, pools, raw nodes) with the
  // input. Nothing in the pipeline mutates a document it is given (tested in
  // test/unit/core/immutability.test.ts), so sharing is safe and keeps resolve
  // linear in the number of sessions rather than in the size of the policy.
  const out: IrDocument = { ...doc, speakers: doc.speakers.map((s) => resolveSpeaker(s, sink)) };
  return { doc: out, diagnostics: sink.list };
}

/** Merge `over` onto `base`: explicit values in `over` win; nested objects merge field by field. */
export function mergeSettings<T extends Settings>(base: Settings, over: T): T {
  const out: Record<string, unknown> = { ...over };
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined || k === 'origin' || k === 'raw' || k === 'group') continue;
    const mine = (over as Record<string, unknown>)[k];
    if (k === 'families') {
      out[k] = mergeFamilies(v as FamilySettings[], (mine as FamilySettings[] | undefined) ?? []);
    } else if (mine === undefined) {
      // Shared, not copied: nothing downstream mutates a resolved document (see resolve()).
      out[k] = v;
    } else if (isPlainObject(mine) && isPlainObject(v) && !('kind' in mine) && mine['enabled'] !== false) {
      // A feature the peer switches off takes nothing from the group (BFD, multihop, graceful restart).
      out[k] = { ...v, ...stripUndefined(mine) };
    }
  }
  return out as T;
}

function mergeFamilies(base: FamilySettings[], over: FamilySettings[]): FamilySettings[] {
  const result = base.map((f) => ({ ...f }));
  for (const f of over) {
    const i = result.findIndex((r) => r.family === f.family);
    if (i < 0) result.push({ ...f });
    else result[i] = { ...result[i]!, ...stripUndefined(f) };
  }
  return result;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function resolveSpeaker(speaker: Speaker, sink: Sink): Speaker {
  const table = defaultsFor(speaker.dialect);
  const byName = new Map(speaker.peerGroups.map((g) => [g.name, g]));

  // 1. Template / peer-group inheritance chains.
  const flatGroups = new Map<string, PeerGroup>();
  const flatten = (g: PeerGroup, seen: string[]): PeerGroup => {
    const done = flatGroups.get(g.name);
    if (done) return done;
    let result = g;
    if (g.inherits) {
      const parent = byName.get(g.inherits);
      if (seen.includes(g.inherits)) {
        sink.report('resolve/inheritance-cycle', `${[...seen, g.inherits].join(' → ')} inherit from each other in a cycle`, {
          span: g.origin?.[0],
        });
      } else if (parent) {
        result = mergeSettings(flatten(parent, [...seen, g.name]), g);
      }
    }
    flatGroups.set(g.name, result);
    return result;
  };
  const groups = speaker.peerGroups.map((g) => flatten(g, [g.name]));

  // 2. Group → peer.
  const peers = speaker.peers.map((p) => {
    const g = p.group ? flatGroups.get(p.group) : undefined;
    return g ? mergeSettings(g, p) : { ...p };
  });

  const resolved: Speaker = { ...speaker, peerGroups: groups, peers };
  if (!table) return resolved;

  // 3. Dialect defaults.
  if (resolved.asn === undefined && table.asn) resolved.asn = table.asn.value;
  resolved.listen = {
    ...speaker.listen,
    enabled: speaker.listen?.enabled ?? table.listen.value.enabled,
    port: speaker.listen?.port ?? table.listen.value.port,
  };
  resolved.options = {
    ...speaker.options,
    ebgpRequiresPolicy: speaker.options?.ebgpRequiresPolicy ?? table.ebgpRequiresPolicy.value,
    defaultLocalPref: speaker.options?.defaultLocalPref ?? table.localPref.value,
  };
  if (table.familyActivation.value === 'ipv4-unicast-always') {
    resolved.options.defaultIpv4Unicast = speaker.options?.defaultIpv4Unicast ?? true;
    resolved.options.defaultIpv6Unicast = speaker.options?.defaultIpv6Unicast ?? false;
  }
  resolved.gracefulRestart = {
    ...speaker.gracefulRestart,
    // An explicit switch wins over the dialect's default mode: on = full (what every dialect does when
    // GR is switched on), off = disabled.
    mode: speaker.gracefulRestart?.mode ?? grSwitch(speaker.gracefulRestart) ?? table.gracefulRestart.value.mode,
    restartTime: speaker.gracefulRestart?.restartTime ?? table.gracefulRestart.value.restartTime,
  };
  resolved.bfdProfiles = speaker.bfdProfiles.map((p) => ({
    ...p,
    receiveIntervalUs: p.receiveIntervalUs ?? table.bfd.value.receiveIntervalUs,
    transmitIntervalUs: p.transmitIntervalUs ?? table.bfd.value.transmitIntervalUs,
    detectMultiplier: p.detectMultiplier ?? table.bfd.value.detectMultiplier,
  }));
  resolved.peerGroups = groups.map((g) => applyDefaults(g, resolved, table, undefined));
  resolved.peers = peers.map((p) => applyDefaults(p, resolved, table, p));
  return resolved;
}

/** Is the session eBGP? `undefined` when it cannot be known (remote AS "any", no local AS). */
export function isEbgp(settings: Settings, speaker: Speaker): boolean | undefined {
  const ra = settings.remoteAs;
  if (!ra) return undefined;
  if (ra.kind === 'internal') return false;
  if (ra.kind === 'external') return true;
  if (ra.kind === 'any') return undefined;
  const local = settings.localAs?.asn ?? speaker.asn;
  return local === undefined ? undefined : ra.asn !== local;
}

export function familyOfAddress(address: string | undefined): Family[] {
  if (!address) return ['ipv4-unicast', 'ipv6-unicast'];
  return address.includes(':') ? ['ipv6-unicast'] : ['ipv4-unicast'];
}

/** The GR mode an explicit `enabled` switch implies (no mode written): on = full, off = disabled. */
function grSwitch(g: Settings['gracefulRestart']): 'full' | 'disabled' | undefined {
  return g?.enabled === true ? 'full' : g?.enabled === false ? 'disabled' : undefined;
}

function applyDefaults<T extends Settings>(s: T, speaker: Speaker, table: DefaultsTable, peer: Peer | undefined): T {
  const out: T = { ...s };
  const hold = s.timers?.holdTime ?? speaker.timers?.holdTime ?? table.holdTime.value;
  const holdExplicit = s.timers?.holdTime !== undefined || speaker.timers?.holdTime !== undefined;
  const keepalive =
    s.timers?.keepalive ??
    speaker.timers?.keepalive ??
    (holdExplicit && table.keepaliveFromHold.value ? Math.floor(hold / 3) : table.keepalive.value);
  out.timers = {
    ...s.timers,
    holdTime: hold,
    keepalive,
    connectRetry: s.timers?.connectRetry ?? speaker.timers?.connectRetry ?? table.connectRetry.value,
  };
  out.passive = s.passive ?? table.passive.value;
  out.port = s.port ?? table.port.value;
  if (s.multihop?.enabled && s.multihop.ttl === undefined) out.multihop = { ...s.multihop, ttl: table.multihopTtl.value };
  if (s.gracefulRestart || speaker.gracefulRestart) {
    out.gracefulRestart = {
      ...speaker.gracefulRestart,
      ...s.gracefulRestart,
      mode: s.gracefulRestart?.mode ?? grSwitch(s.gracefulRestart) ?? speaker.gracefulRestart?.mode ?? grSwitch(speaker.gracefulRestart) ?? table.gracefulRestart.value.mode,
      restartTime: s.gracefulRestart?.restartTime ?? speaker.gracefulRestart?.restartTime ?? table.gracefulRestart.value.restartTime,
    };
  }
  if (s.bfd?.enabled) {
    const profile = s.bfd.profile ? speaker.bfdProfiles.find((p) => p.name === s.bfd!.profile) : undefined;
    out.bfd = {
      ...s.bfd,
      receiveIntervalUs: s.bfd.receiveIntervalUs ?? profile?.receiveIntervalUs ?? table.bfd.value.receiveIntervalUs,
      transmitIntervalUs: s.bfd.transmitIntervalUs ?? profile?.transmitIntervalUs ?? table.bfd.value.transmitIntervalUs,
      detectMultiplier: s.bfd.detectMultiplier ?? profile?.detectMultiplier ?? table.bfd.value.detectMultiplier,
    };
  }
  // Families are defaulted per session only: a group's families stay as written, so a
  // group's defaults never leak into peers that set their own (and resolve is idempotent).
  if (peer) out.families = effectiveFamilies(s, speaker, table, peer);
  return out;
}

function effectiveFamilies(s: Settings, speaker: Speaker, table: DefaultsTable, peer: Peer): FamilySettings[] {
  const listed = (s.families ?? []).map((f) => ({ ...f }));
  const mode = table.familyActivation.value;
  const ensure = (family: Family): FamilySettings => {
    let f = listed.find((x) => x.family === family);
    if (!f) {
      f = { family };
      listed.push(f);
    }
    return f;
  };
  if (mode === 'ipv4-unicast-always') {
    if (speaker.options?.defaultIpv4Unicast !== false) {
      const f = ensure('ipv4-unicast');
      f.activate ??= true;
    }
    if (speaker.options?.defaultIpv6Unicast === true) {
      const f = ensure('ipv6-unicast');
      f.activate ??= true;
    }
  } else if (mode === 'by-address' && listed.length === 0) {
    // The speaker's own families (GoBGP global afi-safis) are its RIB families, not a session
    // default: gobgpd gives a neighbor without afi-safis the family of its address (default.go).
    const fams = table.families?.value ?? familyOfAddress(peer.address);
    for (const fam of fams) ensure(fam).activate = true;
  }
  const ebgp = isEbgp(s, speaker) ?? true;
  // An explicit `[no] bgp ebgp-requires-policy` overrides the dialect's eBGP behaviour.
  const requires = speaker.options?.ebgpRequiresPolicy;
  const unfiltered = !ebgp
    ? table.unfilteredIbgp.value
    : requires === undefined || requires === table.ebgpRequiresPolicy.value
      ? table.unfilteredEbgp.value
      : requires
        ? { import: 'reject' as const, export: 'reject' as const }
        : table.unfilteredIbgp.value;
  const hasGlobal = (dir: 'import' | 'export') => speaker.globalPolicy?.[dir] !== undefined;
  for (const f of listed) {
    f.activate ??= false;
    if (!f.activate) continue;
    if (!f.import && !hasGlobal('import')) f.import = noPolicy(unfiltered.import);
    if (!f.export && !hasGlobal('export')) f.export = noPolicy(unfiltered.export);
  }
  return listed;
}

function noPolicy(action: 'accept' | 'reject'): PolicyChain {
  return { chain: [], defaultAction: action };
}
