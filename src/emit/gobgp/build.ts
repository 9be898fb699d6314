/**
 * IR → gobgpd config object (the same object is then written as TOML, YAML
 * or JSON). Values are written where gobgpd's own default
 * (internal/pkg/config/default.go, the `gobgp` defaults table) would give a
 * different behaviour than the source's effective value (resolve()).
 *
 * gobgpd peer-group quirks this respects (default.go, 3.10):
 * - a member's peer-as is always taken from its peer group
 *   (forcedOverwrittenConfig), so members whose AS differs from the group's
 *   are written without the group;
 * - a member's graceful-restart config is always replaced by the group's
 *   (the key checked is misspelt "gradeful-restart"), so members whose
 *   graceful restart differs from the group's are written without the group.
 */
import type { Sink } from '../../diagnostics/diagnostic.js';
import { defaultsFor } from '../../ir/defaults/index.js';
import { mergeSettings, resolve } from '../../ir/resolve.js';
import type { Family, FamilySettings, IrDocument, Peer, PeerGroup, Policy, Speaker } from '../../ir/schema.js';
import type { Span } from '../../source.js';
import { familiesByAddress, familyToGobgp } from '../../parse/gobgp/families.js';
import { definedSets, policyDefinition, type PolicyCtx } from './policy.js';
import { applyRaw, type Obj } from './raw.js';
import { rehome } from './rehome.js';

type Settings = Omit<PeerGroup, 'name' | 'inherits' | 'kind'> & { address?: string | undefined; interface?: string | undefined };

/** What gobgpd ends up with for one peer or group (only the parts bgpc writes). */
interface Eff {
  peerAs: number | undefined;
  localAs: number | undefined;
  password: string | undefined;
  description: string | undefined;
  adminDown: boolean;
  hold: number;
  keepalive: number;
  connectRetry: number;
  passive: boolean;
  localAddress: string | undefined;
  localPort: number | undefined;
  remotePort: number;
  multihop: boolean;
  multihopTtl: number;
  ttlMin: number | undefined;
  rrClient: boolean;
  rrClusterId: string | undefined;
  allowOwnAs: number;
  removePrivateAs: string | undefined;
  addReceive: boolean;
  addSendMax: number;
  gr: string;
}

const DEFAULT: Eff = {
  peerAs: undefined,
  localAs: undefined,
  password: undefined,
  description: undefined,
  adminDown: false,
  hold: 90,
  keepalive: 30,
  connectRetry: 120,
  passive: false,
  localAddress: undefined,
  localPort: undefined,
  remotePort: 179,
  multihop: false,
  multihopTtl: 255,
  ttlMin: undefined,
  rrClient: false,
  rrClusterId: undefined,
  allowOwnAs: 0,
  removePrivateAs: undefined,
  addReceive: false,
  addSendMax: 0,
  gr: 'off',
};

interface GrEff {
  enabled: boolean;
  full: boolean;
  restartTime?: number | undefined;
  stale?: number | undefined;
  longLived?: { enabled: boolean; staleTime?: number | undefined } | undefined;
}

interface PeerOut {
  obj: Obj;
  eff: Eff;
  gr: GrEff;
  /** Families gobgpd gives members that list none (a group's afi-safis). */
  families: Family[] | undefined;
}

export function buildGobgp(doc: IrDocument, sink: Sink): Obj {
  const out: Obj = {};
  if (doc.speakers.length === 0) {
    for (const r of doc.raw) applyRaw(out, r, sink, 'the document');
    return out;
  }
  for (const s of doc.speakers.slice(1)) {
    sink.report('emit/not-rendered', `speaker "${s.id}" is left out: a gobgpd config holds one speaker`, { span: s.origin?.[0] });
  }
  const parsed = doc.speakers[0]!;
  const r = resolve({ ...doc, speakers: [parsed] });
  sink.addAll(r.diagnostics);
  const rs = r.doc.speakers[0]!;
  const b = new SpeakerWriter(parsed, rs, sink);
  b.write(out);
  for (const raw of doc.raw) applyRaw(out, raw, sink, 'the document');
  return prune(out) as Obj;
}

class SpeakerWriter {
  readonly byAddressSource: boolean;
  readonly parsedPeers: Map<string, Peer>;
  constructor(
    readonly parsed: Speaker,
    readonly rs: Speaker,
    readonly sink: Sink,
  ) {
    this.parsedPeers = new Map(parsed.peers.map((p) => [p.id, p]));
    this.byAddressSource = defaultsFor(parsed.dialect)?.familyActivation.value === 'by-address' || parsed.dialect?.format === 'gobgp';
  }

  private lost(message: string, span: Span | undefined): void {
    this.sink.report('emit/not-rendered', message, { span });
  }

  write(out: Obj): void {
    const { parsed, rs } = this;
    const global: Obj = {};
    const gc: Obj = {};
    if (rs.asn !== undefined) gc['as'] = rs.asn;
    if (rs.routerId) gc['router-id'] = rs.routerId;
    if (rs.listen?.enabled === false) gc['port'] = -1;
    else if (rs.listen?.port !== undefined && rs.listen.port !== 179) gc['port'] = rs.listen.port;
    if (rs.listen?.addresses) gc['local-address-list'] = rs.listen.addresses;
    global['config'] = gc;
    this.speakerOptions(global);

    const policyCtx: PolicyCtx = {
      sink: this.sink,
      extraSets: [],
      takenSetNames: new Set(parsed.policy.neighborSets.map((n) => n.name)),
    };
    const re = rehome(parsed, rs, this.sink);
    const ap: Obj = {};
    for (const dir of ['import', 'export'] as const) {
      const g = re.global[dir];
      if (!g) continue;
      if (g.list.length > 0) ap[`${dir}-policy-list`] = g.list;
      if (g.defaultAction !== 'accept' || parsed.globalPolicy?.[dir]?.defaultAction !== undefined)
        ap[`default-${dir}-policy`] = `${g.defaultAction}-route`;
    }
    if (Object.keys(ap).length > 0) global['apply-policy'] = { config: ap };
    if (parsed.families) global['afi-safis'] = parsed.families.map((f) => ({ config: { 'afi-safi-name': familyToGobgp(f) } }));
    out['global'] = global;

    // Peer groups first (members are written against them), but neighbors come first in the file.
    const groups = new Map<string, PeerOut>();
    const groupObjs: Obj[] = [];
    for (const g of rs.peerGroups) {
      const members = rs.peers.filter((p) => p.group === g.name);
      const listen = rs.listenRanges.filter((l) => l.group === g.name);
      const o = this.group(g, members, listen.length > 0);
      groups.set(g.name, o);
      groupObjs.push(o.obj);
    }
    const neighbors = rs.peers
      .filter((p) => {
        if (p.address || p.interface) return true;
        this.lost(`peer "${p.id}" has no address or interface; gobgpd needs one, so it is left out`, p.origin?.[0]);
        return false;
      })
      .map((p) => this.peer(p, p.group ? groups.get(p.group) : undefined));
    if (neighbors.length > 0) out['neighbors'] = neighbors;
    if (groupObjs.length > 0) out['peer-groups'] = groupObjs;
    const dyn = rs.listenRanges.map((l) => {
      if (!l.group) this.lost(`listen range ${l.prefix} has no peer group; gobgpd needs one`, l.origin?.[0]);
      if (l.limit !== undefined) this.lost(`listen range ${l.prefix}: GoBGP has no limit on dynamic neighbors`, l.origin?.[0]);
      if (l.remoteAs) {
        const g = l.group ? groups.get(l.group) : undefined;
        const asn = l.remoteAs.kind === 'explicit' ? l.remoteAs.asn : l.remoteAs.kind === 'internal' ? rs.asn : undefined;
        if (!g || g.eff.peerAs !== asn)
          this.lost(`listen range ${l.prefix}: its remote AS must come from the peer group in GoBGP`, l.origin?.[0]);
      }
      return { config: { prefix: l.prefix, ...(l.group ? { 'peer-group': l.group } : {}) } };
    });
    if (dyn.length > 0) out['dynamic-neighbors'] = dyn;

    // Policies: the IR's own (minus those only used through re-homed chains; a re-homed copy that
    // keeps its policy's name takes its place, so reading the output back keeps the order), then
    // the other re-homed copies.
    const defs: Obj[] = [];
    const rehomed = new Map(re.policies.map((p) => [p.name, p]));
    for (const p of parsed.policy.policies) {
      const copy = re.skip.has(p.name) ? rehomed.get(p.name) : undefined;
      if (!re.skip.has(p.name)) defs.push(policyDefinition(p, policyCtx));
      else if (copy) {
        defs.push(policyDefinition(copy as Policy, policyCtx));
        rehomed.delete(p.name);
      }
    }
    for (const p of rehomed.values()) defs.push(policyDefinition(p as Policy, policyCtx));
    const ds = definedSets(parsed.policy, [...re.neighborSets, ...policyCtx.extraSets], this.sink);
    if (ds) out['defined-sets'] = ds;
    if (defs.length > 0) out['policy-definitions'] = defs;

    this.speakerLosses();
    for (const raw of parsed.raw) applyRaw(out, raw, this.sink, `speaker "${parsed.id}"`);
  }

  private speakerOptions(global: Obj): void {
    const o = this.parsed.options;
    if (!o) return;
    const span = o.origin?.[0] ?? this.parsed.origin?.[0];
    if (o.multipath) {
      const ump: Obj = { config: { enabled: true } };
      const eb: Obj = {};
      if (o.multipath.ebgp !== undefined) eb['maximum-paths'] = o.multipath.ebgp;
      if (o.multipath.asPathRelax !== undefined) eb['allow-multiple-as'] = o.multipath.asPathRelax;
      if (Object.keys(eb).length > 0) ump['ebgp'] = { config: eb };
      if (o.multipath.ibgp !== undefined) ump['ibgp'] = { config: { 'maximum-paths': o.multipath.ibgp } };
      global['use-multiple-paths'] = ump;
    }
    const bp = o.bestpath;
    if (bp) {
      const c: Obj = {};
      if (bp.alwaysCompareMed !== undefined) c['always-compare-med'] = bp.alwaysCompareMed;
      if (bp.asPathIgnore !== undefined) c['ignore-as-path-length'] = bp.asPathIgnore;
      if (bp.compareRouterId !== undefined) c['external-compare-router-id'] = bp.compareRouterId;
      if (Object.keys(c).length > 0) global['route-selection-options'] = { config: c };
      if (bp.deterministicMed) this.lost('bestpath deterministic-med has no GoBGP equivalent', span);
      if (bp.missingAsWorst) this.lost('bestpath med missing-as-worst has no GoBGP equivalent', span);
      if (bp.asPathMultipathRelax && !o.multipath?.asPathRelax)
        this.lost('bestpath as-path multipath-relax without multipath has no GoBGP equivalent', span);
    }
    if (o.defaultLocalPref !== undefined && o.defaultLocalPref !== 100)
      this.lost(`default local-preference ${o.defaultLocalPref} has no GoBGP equivalent (GoBGP uses 100)`, span);
    if (o.clusterId !== undefined)
      this.lost('a speaker-wide cluster id has no GoBGP equivalent; set route-reflector-cluster-id per neighbor', span);
    if (o.listenLimit !== undefined) this.lost('the dynamic neighbor limit has no GoBGP equivalent', span);
    if (o.networkImportCheck === false) this.lost('network import-check off has no GoBGP equivalent', span);
    if (this.parsed.dialect?.format === 'gobgp' && this.parsed.gracefulRestart) {
      const g = this.parsed.gracefulRestart;
      const c: Obj = {};
      if (g.enabled !== undefined) c['enabled'] = g.enabled;
      if (g.restartTime !== undefined) c['restart-time'] = g.restartTime;
      if (g.stalePathTime !== undefined) c['stale-routes-time'] = g.stalePathTime;
      if (g.longLived) c['long-lived-enabled'] = g.longLived.enabled;
      if (Object.keys(c).length > 0) global['graceful-restart'] = { config: c };
    }
  }

  private speakerLosses(): void {
    const s = this.parsed;
    const list = <T extends { origin?: Span[] | undefined }>(xs: T[], what: (x: T) => string) => {
      for (const x of xs) this.lost(what(x), x.origin?.[0] ?? s.origin?.[0]);
    };
    list(s.networks, (n) => `network ${n.prefix} cannot be originated from a gobgpd config (use \`gobgp global rib add\`)`);
    list(s.aggregates, (a) => `aggregate ${a.prefix} has no GoBGP equivalent`);
    list(s.redistribute, (r) => `redistribution of ${r.source} routes has no GoBGP equivalent without zebra`);
    list(s.bfdProfiles, (p) => `BFD profile "${p.name}" cannot be written: GoBGP 3.x has no BFD`);
    list(s.pools, (p) => `address pool "${p.name}" has no GoBGP equivalent`);
    list(s.advertisements, (a) => `advertisement "${a.name}" has no GoBGP equivalent`);
    if (s.vrf) this.lost(`VRF "${s.vrf}" is not written: bgpc writes GoBGP's default VRF only`, s.origin?.[0]);
    if (s.nodeSelector || s.nodeOverrides?.length)
      this.lost('node selection is a Kubernetes concept with no GoBGP equivalent', s.origin?.[0]);
    if (s.hostname)
      this.sink.report('emit/not-rendered', `hostname "${s.hostname}" is not part of a gobgpd config`, {
        span: s.origin?.[0],
        severity: 'info',
      });
    if (s.gracefulRestart && s.dialect?.format !== 'gobgp' && s.gracefulRestart.preserveForwardingState !== undefined) {
      this.lost('preserve-forwarding-state has no GoBGP equivalent', s.gracefulRestart.origin?.[0]);
    }
  }

  // ---------------------------------------------------------------- peers

  private grOf(s: Settings, parsedSettings: Settings | undefined): GrEff {
    const g = this.parsed.dialect?.format === 'gobgp' ? parsedSettings?.gracefulRestart : s.gracefulRestart;
    if (!g) return { enabled: false, full: false };
    const enabled = g.enabled !== false && g.mode !== 'disabled' && (g.enabled === true || g.mode !== undefined);
    if (!enabled) return { enabled: false, full: false };
    return { enabled, full: g.mode === 'full', restartTime: g.restartTime, stale: g.stalePathTime, longLived: g.longLived };
  }

  private effOf(s: Settings, gr: GrEff, where: string, span: Span | undefined, parsedSettings?: Settings): Eff {
    const fams = (s.families ?? []).filter((f) => f.activate);
    const uniform = <T>(get: (f: FamilySettings) => T | undefined, what: string): T | undefined => {
      const vals = fams.map(get);
      const first = vals[0];
      if (vals.some((v) => JSON.stringify(v) !== JSON.stringify(first))) {
        this.lost(`${where}: ${what} differs between families; GoBGP sets it per neighbor, the first family's value is written`, span);
      }
      return first;
    };
    const rr = uniform((f) => f.routeReflectorClient, 'route-reflector-client');
    const allow = uniform((f) => f.allowAsIn, 'allowas-in');
    const rpa = uniform((f) => f.removePrivateAs, 'remove-private-AS');
    let removePrivateAs: string | undefined;
    if (rpa === 'all') removePrivateAs = 'all';
    else if (rpa === 'all-replace') removePrivateAs = 'replace';
    else if (rpa) this.lost(`${where}: remove-private-AS "${rpa}" has no GoBGP equivalent (GoBGP has all and replace)`, span);
    if (allow === 'origin') this.lost(`${where}: allowas-in origin has no GoBGP equivalent`, span);
    const ra = s.remoteAs;
    let peerAs: number | undefined;
    if (ra?.kind === 'explicit') peerAs = ra.asn;
    else if (ra?.kind === 'internal') {
      peerAs = s.localAs?.asn ?? this.rs.asn;
      if (peerAs !== undefined) this.sink.report('emit/lowered', `${where}: remote-as internal written as peer-as ${peerAs}`, { span });
    } else if (ra) this.lost(`${where}: remote-as ${ra.kind} has no GoBGP 3.10 equivalent; a peer-as is needed`, span);
    const hold = s.timers?.holdTime ?? DEFAULT.hold;
    return {
      peerAs,
      localAs: s.localAs?.asn,
      password: s.password?.kind === 'literal' ? s.password.value : undefined,
      description: s.description,
      adminDown: s.shutdown ?? false,
      hold,
      // A GoBGP source that leaves keepalive out means gobgpd's hold/3 (a float), not resolve()'s whole-second floor.
      keepalive:
        this.parsed.dialect?.format === 'gobgp' && parsedSettings?.timers?.keepalive === undefined
          ? hold / 3
          : (s.timers?.keepalive ?? hold / 3),
      connectRetry: s.timers?.connectRetry ?? DEFAULT.connectRetry,
      passive: s.passive ?? false,
      localAddress: s.localAddress,
      localPort: s.localPort,
      remotePort: s.port ?? 179,
      multihop: s.multihop?.enabled ?? false,
      multihopTtl: s.multihop?.enabled ? (s.multihop.ttl ?? 255) : 255,
      ttlMin: s.ttlSecurityHops !== undefined && !s.multihop?.enabled ? 256 - s.ttlSecurityHops : undefined,
      rrClient: rr ?? false,
      rrClusterId: s.routeReflectorClusterId,
      allowOwnAs: typeof allow === 'number' ? allow : 0,
      removePrivateAs,
      addReceive: false,
      addSendMax: 0,
      gr: JSON.stringify(gr),
    };
  }

  private settingLosses(s: Settings, where: string, span: Span | undefined): void {
    const l = (m: string, sp?: Span) => this.lost(`${where}: ${m}`, sp ?? span);
    if (s.bfd?.enabled) l('BFD cannot be written: GoBGP 3.x has no BFD', s.bfd.origin?.[0]);
    if (s.password?.kind === 'secretRef') l('a password in a Kubernetes Secret cannot be written into a gobgpd config');
    if (s.updateSourceInterface) l(`update-source interface ${s.updateSourceInterface} has no GoBGP equivalent (use a local address)`);
    if (s.localAs && (s.localAs.noPrepend || s.localAs.replaceAs || s.localAs.dualAs))
      l('local-as no-prepend / replace-as / dual-as have no GoBGP equivalent', s.localAs.origin?.[0]);
    if (s.enforceFirstAs !== undefined) l('enforce-first-as has no GoBGP setting');
    if (s.timers?.startupHoldTime !== undefined) l('startup hold time has no GoBGP equivalent', s.timers.origin?.[0]);
    if (s.multihop?.enabled && s.ttlSecurityHops !== undefined)
      l('eBGP multihop and TTL security are mutually exclusive in GoBGP; TTL security is left out');
    const caps = s.capabilities;
    if (caps && (caps.dynamic || caps.extendedNextHop || caps.routeRefresh === false || caps.fourOctetAs === false))
      l('capability settings have no GoBGP equivalent', caps.origin?.[0]);
    if (s.nodeSelector) l('a node selector has no GoBGP equivalent');
    if (s.disableConnectedCheck)
      this.sink.report('emit/lowered', `${where}: GoBGP does no connected check, so disable-connected-check needs nothing`, { span });
    const g = s.gracefulRestart;
    if (g?.preserveForwardingState !== undefined) l('graceful restart preserve-forwarding-state has no GoBGP equivalent', g.origin?.[0]);
    for (const f of s.families ?? []) {
      if (!f.activate) continue;
      const fl = (m: string) => this.lost(`${where} ${f.family}: ${m}`, f.origin?.[0] ?? span);
      if (f.softReconfigurationInbound)
        this.sink.report(
          'emit/lowered',
          `${where} ${f.family}: GoBGP always keeps Adj-RIB-In, so soft-reconfiguration inbound needs nothing`,
          { span: f.origin?.[0] ?? span },
        );
      if (f.defaultOriginate) fl('default-originate has no GoBGP neighbor setting');
      if (f.extendedNextHop) fl('extended next hop has no GoBGP 3.10 neighbor setting');
      if (f.exportLimit) fl('an export limit has no GoBGP equivalent');
      if (f.gateway) fl(`gateway ${f.gateway} has no GoBGP equivalent`);
      if (f.addPath?.send === 'all') fl('add-path send all has no GoBGP equivalent; send-max 255 is written');
      if (f.prefixLimit?.warningOnly) fl('a warning-only prefix limit has no GoBGP equivalent; the limit is enforced');
    }
  }

  /** Effective active families (resolved), and the families gobgpd would give without afi-safis. */
  private familyPart(
    s: Settings,
    implied: Family[],
    gr: GrEff,
    forceList: boolean,
    where: string,
    span: Span | undefined,
  ): { afiSafis: Obj[] | undefined; add: { receive: boolean; sendMax: number } } {
    const fams = (s.families ?? []).filter((f) => f.activate);
    const sendOf = (f: FamilySettings) => (f.addPath?.send === 'all' ? 255 : (f.addPath?.send ?? 0));
    const addVals = fams.map((f) => JSON.stringify([f.addPath?.receive ?? false, sendOf(f)]));
    const addUniform = addVals.every((v) => v === addVals[0]);
    const names = fams.map((f) => f.family);
    const sameSet = names.length === implied.length && names.every((n) => implied.includes(n));
    const perFamily =
      fams.some((f) => f.prefixLimit || (f.raw?.length ?? 0) > 0) ||
      (!addUniform && fams.length > 1) ||
      gr.full ||
      (gr.longLived?.enabled && gr.longLived.staleTime !== undefined);
    const add =
      addUniform && fams[0] ? { receive: fams[0].addPath?.receive ?? false, sendMax: sendOf(fams[0]) } : { receive: false, sendMax: 0 };
    if (!forceList && sameSet && !perFamily) return { afiSafis: undefined, add };
    if (fams.length === 0) {
      if (implied.length === 0) return { afiSafis: undefined, add };
      this.sink.report('emit/lowered', `${where}: no family is active; written as ${implied[0]} disabled`, { span });
      return { afiSafis: [{ config: { 'afi-safi-name': familyToGobgp(implied[0]!), enabled: false } }], add };
    }
    const afiSafis = fams.map((f) => {
      const a: Obj = { config: { 'afi-safi-name': familyToGobgp(f.family) } };
      if (gr.full) a['mp-graceful-restart'] = { config: { enabled: true } };
      if (gr.longLived?.enabled && gr.longLived.staleTime !== undefined)
        a['long-lived-graceful-restart'] = { config: { enabled: true, 'restart-time': gr.longLived.staleTime } };
      if (f.prefixLimit) {
        const pl: Obj = { 'max-prefixes': f.prefixLimit.max };
        if (f.prefixLimit.thresholdPercent !== undefined) pl['shutdown-threshold-pct'] = f.prefixLimit.thresholdPercent;
        if (f.prefixLimit.restartSeconds !== undefined) pl['restart-timer'] = f.prefixLimit.restartSeconds;
        a['prefix-limit'] = { config: pl };
      }
      if (!addUniform) {
        const c: Obj = {};
        if (f.addPath?.receive !== undefined) c['receive'] = f.addPath.receive;
        if (sendOf(f)) c['send-max'] = sendOf(f);
        if (Object.keys(c).length > 0) a['add-paths'] = { config: c };
      }
      for (const r of f.raw ?? []) applyRaw(a, r, this.sink, `${where} ${f.family}`);
      return a;
    });
    return { afiSafis, add: addUniform ? add : { receive: false, sendMax: 0 } };
  }

  private writeFields(eff: Eff, base: Eff, gr: GrEff, keepaliveBase: number, o: Obj, config: Obj): void {
    const put = (obj: Obj, key: string, v: unknown) => {
      if (v !== undefined) obj[key] = v;
    };
    const diff = <K extends keyof Eff>(k: K) => eff[k] !== base[k];
    if (diff('peerAs')) put(config, 'peer-as', eff.peerAs);
    if (diff('localAs')) put(config, 'local-as', eff.localAs);
    if (diff('description')) put(config, 'description', eff.description);
    if (diff('password')) put(config, 'auth-password', eff.password);
    if (diff('removePrivateAs')) put(config, 'remove-private-as', eff.removePrivateAs);
    if (diff('adminDown')) config['admin-down'] = eff.adminDown;
    const timers: Obj = {};
    if (diff('connectRetry')) timers['connect-retry'] = eff.connectRetry;
    if (diff('hold')) timers['hold-time'] = eff.hold;
    if (eff.keepalive !== keepaliveBase) timers['keepalive-interval'] = eff.keepalive;
    if (Object.keys(timers).length > 0) o['timers'] = { config: timers };
    const tr: Obj = {};
    if (diff('passive')) tr['passive-mode'] = eff.passive;
    if (diff('localAddress')) put(tr, 'local-address', eff.localAddress);
    if (diff('localPort')) put(tr, 'local-port', eff.localPort);
    if (diff('remotePort')) tr['remote-port'] = eff.remotePort;
    if (Object.keys(tr).length > 0) o['transport'] = { config: tr };
    if (diff('multihop') || (eff.multihop && diff('multihopTtl'))) {
      const mh: Obj = { enabled: eff.multihop };
      if (eff.multihop && eff.multihopTtl !== 255) mh['multihop-ttl'] = eff.multihopTtl;
      o['ebgp-multihop'] = { config: mh };
    }
    const rr: Obj = {};
    if (diff('rrClient')) rr['route-reflector-client'] = eff.rrClient;
    if (diff('rrClusterId')) put(rr, 'route-reflector-cluster-id', eff.rrClusterId);
    if (Object.keys(rr).length > 0) o['route-reflector'] = { config: rr };
    if (diff('allowOwnAs')) o['as-path-options'] = { config: { 'allow-own-as': eff.allowOwnAs } };
    const ap: Obj = {};
    if (diff('addReceive')) ap['receive'] = eff.addReceive;
    if (diff('addSendMax')) ap['send-max'] = eff.addSendMax;
    if (Object.keys(ap).length > 0) o['add-paths'] = { config: ap };
    if (diff('gr') && gr.enabled) {
      const c: Obj = { enabled: true };
      if (gr.restartTime !== undefined && gr.restartTime !== eff.hold) c['restart-time'] = gr.restartTime;
      if (gr.stale !== undefined) c['stale-routes-time'] = gr.stale;
      if (gr.longLived) c['long-lived-enabled'] = gr.longLived.enabled;
      o['graceful-restart'] = { config: c };
    }
    if (diff('ttlMin') && eff.ttlMin !== undefined) {
      const c: Obj = { enabled: true };
      if (eff.ttlMin !== 255) c['ttl-min'] = eff.ttlMin;
      o['ttl-security'] = { config: c };
    }
  }

  private ordered(o: Obj, config: Obj, afiSafis: Obj[] | undefined): Obj {
    const out: Obj = { config };
    for (const k of ['timers', 'transport', 'ebgp-multihop', 'route-reflector', 'as-path-options', 'add-paths']) if (o[k]) out[k] = o[k];
    if (afiSafis) out['afi-safis'] = afiSafis;
    for (const k of ['graceful-restart', 'ttl-security']) if (o[k]) out[k] = o[k];
    return out;
  }

  private flatGroup(name: string): PeerGroup | undefined {
    const byName = new Map(this.parsed.peerGroups.map((g) => [g.name, g]));
    const walk = (g: PeerGroup, seen: string[]): PeerGroup => {
      const parent = g.inherits && !seen.includes(g.inherits) ? byName.get(g.inherits) : undefined;
      return parent ? mergeSettings(walk(parent, [...seen, g.name]), g) : g;
    };
    const g = byName.get(name);
    return g ? walk(g, [name]) : undefined;
  }

  private group(g: PeerGroup, members: Peer[], hasListen: boolean): PeerOut {
    const where = `peer group "${g.name}"`;
    const span = g.origin?.[0];
    this.settingLosses(g, where, span);
    const flat = this.flatGroup(g.name);
    const gr = this.grOf(g, flat);
    const s: Settings = { ...g };
    // A group with no AS of its own takes its members' common AS: gobgpd forces the group's peer-as onto members.
    if (!s.remoteAs && members.length > 0 && !hasListen) {
      const asns = members.map((m) => (m.remoteAs?.kind === 'explicit' ? m.remoteAs.asn : undefined));
      if (asns[0] !== undefined && asns.every((a) => a === asns[0])) {
        s.remoteAs = { kind: 'explicit', asn: asns[0] };
        this.sink.report(
          'emit/lowered',
          `${where}: its members' remote AS ${asns[0]} is written on the group (gobgpd takes a member's peer-as from its group)`,
          { span },
        );
      }
    }
    const eff = this.effOf(s, gr, where, span, flat);
    const listed = (flat?.families ?? []).some((f) => f.activate !== false);
    const groupFams = this.byAddressSource && !listed ? undefined : (g.families ?? []).filter((f) => f.activate).map((f) => f.family);
    const part =
      groupFams && groupFams.length > 0
        ? this.familyPart(g, [], gr, true, where, span)
        : { afiSafis: undefined, add: this.familyPart(g, [], gr, false, where, span).add };
    eff.addReceive = part.add.receive;
    eff.addSendMax = part.add.sendMax;
    const o: Obj = {};
    const config: Obj = { 'peer-group-name': g.name };
    this.writeFields(eff, DEFAULT, gr, eff.hold / 3, o, config);
    const obj = this.ordered(o, config, part.afiSafis);
    for (const r of g.raw ?? []) applyRaw(obj, r, this.sink, where);
    return { obj, eff, gr, families: groupFams && groupFams.length > 0 ? groupFams : undefined };
  }

  private peer(p: Peer, group: PeerOut | undefined): Obj {
    const where = `neighbor ${p.address ?? p.interface ?? p.id}`;
    const span = p.origin?.[0];
    this.settingLosses(p, where, span);
    const parsedPeer = this.parsedPeers.get(p.id);
    const flatG = p.group ? this.flatGroup(p.group) : undefined;
    const parsedMerged = parsedPeer && flatG ? mergeSettings(flatG, parsedPeer) : parsedPeer;
    const gr = this.grOf(p, parsedMerged);
    const eff = this.effOf(p, gr, where, span, parsedMerged);
    let g = group;
    if (g && (eff.peerAs !== g.eff.peerAs || eff.gr !== g.eff.gr)) {
      this.sink.report(
        'emit/lowered',
        `${where} is written without peer group "${p.group}": gobgpd would take its ${eff.peerAs !== g.eff.peerAs ? 'peer-as' : 'graceful-restart'} from the group`,
        { span },
      );
      g = undefined;
    }
    if (p.group && !group) this.lost(`${where}: peer group "${p.group}" is not defined`, span);
    const implied = g?.families ?? familiesByAddress(p.address, !!p.interface && !p.address);
    const part = this.familyPart(p, implied, gr, false, where, span);
    eff.addReceive = part.add.receive;
    eff.addSendMax = part.add.sendMax;
    const base: Eff = g ? g.eff : DEFAULT;
    const groupWroteKeepalive = g ? g.eff.keepalive !== g.eff.hold / 3 : false;
    const keepaliveBase = groupWroteKeepalive ? g!.eff.keepalive : eff.hold / 3;
    const o: Obj = {};
    const config: Obj = {};
    if (p.address) config['neighbor-address'] = p.address;
    if (p.interface && !p.address) config['neighbor-interface'] = p.interface;
    if (p.interface && p.address) this.lost(`${where}: both an address and interface ${p.interface}; the address is written`, span);
    if (g) config['peer-group'] = p.group;
    this.writeFields(eff, base, gr, keepaliveBase, o, config);
    const obj = this.ordered(o, config, part.afiSafis);
    for (const r of p.raw ?? []) applyRaw(obj, r, this.sink, where);
    return obj;
  }
}

/** Drops undefined values and empty objects/lists (keeps empty neighbor-info-list etc. out of the output). */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (v !== null && typeof v === 'object') {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      const p = prune(x);
      if (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return v;
}
