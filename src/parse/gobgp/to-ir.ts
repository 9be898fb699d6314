/**
 * Validated gobgpd config → IR. The zod-checked data is the format model
 * (aesthetics.md §3.2): no grammar, no separate model layer.
 *
 * What the IR cannot express is kept as a RawNode of dialect `gobgp` whose
 * `context` is the key path relative to its owner (speaker, peer, group,
 * family, policy, statement) and whose `text` is the JSON of the value; the
 * GoBGP writer puts it back at the same path (`+` appends to a list).
 */
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { Sink } from '../../diagnostics/diagnostic.js';
import { emptySpeaker } from '../../ir/build.js';
import { scanIpv4 } from '../../ir/ip.js';
import {
  IpAddress,
  Prefix,
  type Action,
  type Condition,
  type Family,
  type FamilySettings,
  type Peer,
  type PeerGroup,
  type Policy,
  type PolicyChain,
  type RawNode,
  type Speaker,
  type Statement,
} from '../../ir/schema.js';
import type { Span } from '../../source.js';
import { z } from 'zod';
import { familiesByAddress, familyFromGobgp } from './families.js';
import type * as G from './schema.js';

export type Path = (string | number)[];

export interface Ctx {
  sink: Sink;
  locate(path: readonly PropertyKey[], atKey?: boolean): Span;
}

/** Keys gobgpd knows that carry no BGP meaning for bgpc: kept raw, reported `parse/ignored`. */
const IGNORED = new Set([
  'state',
  'error-handling',
  'logging-options',
  'peer-type',
  'zebra',
  'bmp-servers',
  'rpki-servers',
  'mrt-dump',
  'collector',
]);

/** Where raw nodes go: the owner with the longest matching path prefix. */
export interface Owner {
  path: string[];
  raw: () => RawNode[];
}

/** Top-level lists whose entries become IR nodes that own their raw parts. */
const ENTRY_LISTS = new Set(['neighbors', 'peer-groups', 'dynamic-neighbors', 'policy-definitions']);

export class Builder {
  /** Owners by their path joined with "/"; lookups walk the path's prefixes (linear in depth). */
  readonly owners = new Map<string, Owner>();
  constructor(readonly ctx: Ctx) {}

  origin(path: Path): Span[] {
    return [this.ctx.locate(path)];
  }

  own(path: Path, raw: () => RawNode[]): void {
    const p = path.map(String);
    this.owners.set(p.join('/'), { path: p, raw });
  }

  /** Keeps `value` (found at absolute `path`) raw on the owner of `path`. */
  keep(path: Path, value: unknown, code: DiagnosticCode, message: string, atKey = true): void {
    const span = this.ctx.locate(path, atKey);
    this.ctx.sink.report(code, message, { span });
    const p = path.map(String);
    let best: Owner | undefined;
    for (let k = p.length; k >= 0 && !best; k--) best = this.owners.get(p.slice(0, k).join('/'));
    if (!best) return;
    let context = p.slice(best.path.length);
    // An entry of a list that could not be mapped at all (e.g. a neighbor without an address): append it.
    if (best.path.length === 0 && ENTRY_LISTS.has(context[0]!) && /^\d+$/.test(context[1] ?? '')) {
      if (context.length > 2) return; // a key inside such an entry: reported; the entry itself is kept
      context = [context[0]!, '+'];
    }
    best.raw().push({ dialect: 'gobgp', text: JSON.stringify(value ?? null), context, origin: [span] });
  }

  /** Keeps the listed keys of `obj` raw. */
  keepKeys(obj: Record<string, unknown> | undefined, path: Path, keys: readonly string[], why = 'has no equivalent in the bgpc IR'): void {
    if (!obj) return;
    for (const k of keys) {
      if (obj[k] === undefined) continue;
      const ignored = IGNORED.has(k);
      this.keep(
        [...path, k],
        obj[k],
        ignored ? 'parse/ignored' : 'parse/unrecognized',
        ignored ? `"${k}" has no BGP meaning for bgpc; kept raw for GoBGP output` : `"${k}" ${why}; kept raw for GoBGP output`,
      );
    }
  }

  ip(value: string | undefined, path: Path): string | undefined {
    if (value === undefined) return undefined;
    if (isAddress(value)) return value;
    this.ctx.sink.report('parse/invalid', `"${value}" is not an IP address`, { span: this.ctx.locate(path) });
    return undefined;
  }
}

/** Well-formed addresses only (the IR's own pattern lets `2001:db8:::1` through). */
const STRICT_IP = z.union([z.ipv4(), z.ipv6()]);
const isAddress = (s: string): boolean => IpAddress.safeParse(s).success && STRICT_IP.safeParse(s).success;
/**
 * Canonical IPv4 prefixes (no leading zeros, length 0-32), checked with the
 * shared char-loop scanner (scanIpv4): a 1M-entry config has a million of them. Anything else goes through the
 * two schema checks, which stay the definition.
 */
function isPlainIpv4Prefix(s: string): boolean {
  const p = scanIpv4(s);
  return p !== undefined && p.len >= 0 && !p.leadingZeros;
}
export const isPrefix = (s: string): boolean => isPlainIpv4Prefix(s) || (Prefix.safeParse(s).success && STRICT_IP.safeParse(s.slice(0, s.indexOf('/'))).success);

// ---------------------------------------------------------------- speaker

export function toSpeaker(cfg: G.GobgpConfig, b: Builder): Speaker {
  const s = emptySpeaker('gobgpd');
  s.dialect = { format: 'gobgp' };
  s.origin = [b.ctx.locate([])];
  b.own([], () => s.raw);

  const g = cfg.global;
  if (g) globalToIr(g, s, b);

  (cfg['peer-groups'] ?? []).forEach((pg, i) => {
    const path: Path = ['peer-groups', i];
    const name = pg.config?.['peer-group-name'];
    if (!name) {
      b.keep(path, pg, 'parse/invalid', 'a peer group needs config.peer-group-name; kept raw', false);
      return;
    }
    const group: PeerGroup = { name, kind: 'peer-group', origin: b.origin(path) };
    b.own(path, () => (group.raw ??= []));
    peerSettings(pg, path, group, b, undefined);
    s.peerGroups.push(group);
  });

  (cfg.neighbors ?? []).forEach((n, i) => {
    const path: Path = ['neighbors', i];
    const c = n.config ?? {};
    const address = b.ip(c['neighbor-address'], [...path, 'config', 'neighbor-address']);
    const iface = c['neighbor-interface'];
    const id = address ?? iface;
    if (!id) {
      b.keep(path, n, 'parse/invalid', 'a neighbor needs config.neighbor-address or config.neighbor-interface; kept raw', false);
      return;
    }
    const peer: Peer = { id, origin: b.origin(path) };
    if (address) peer.address = address;
    if (iface) peer.interface = iface;
    if (c['peer-group']) peer.group = c['peer-group'];
    if (c['admin-down'] !== undefined) peer.shutdown = c['admin-down'];
    b.own(path, () => (peer.raw ??= []));
    b.keepKeys(c, [...path, 'config'], ['vrf']);
    const group = peer.group ? s.peerGroups.find((g) => g.name === peer.group) : undefined;
    const groupFamilies = (group?.families ?? []).filter((f) => f.activate !== false).map((f) => f.family);
    peerSettings(n, path, peer, b, { address, isInterface: !!iface && !address, groupFamilies });
    s.peers.push(peer);
  });

  (cfg['dynamic-neighbors'] ?? []).forEach((d, i) => {
    const path: Path = ['dynamic-neighbors', i];
    const prefix = d.config?.prefix;
    if (!prefix || !isPrefix(prefix)) {
      b.keep(path, d, 'parse/invalid', `dynamic neighbor prefix ${JSON.stringify(prefix ?? '')} is not an IP prefix; kept raw`, false);
      return;
    }
    s.listenRanges.push({ prefix, ...(d.config?.['peer-group'] ? { group: d.config['peer-group'] } : {}), origin: b.origin(path) });
    b.keepKeys(d as Record<string, unknown>, path, ['state']);
  });

  if (cfg['defined-sets']) definedSetsToIr(cfg['defined-sets'], s, b);
  (cfg['policy-definitions'] ?? []).forEach((p, i) => {
    const policy = policyToIr(p, ['policy-definitions', i], b);
    if (policy) s.policy.policies.push(policy);
  });

  b.keepKeys(cfg as Record<string, unknown>, [], ['zebra', 'bmp-servers', 'rpki-servers', 'mrt-dump', 'collector']);
  b.keepKeys(cfg as Record<string, unknown>, [], ['vrfs']);
  return s;
}

function globalToIr(g: G.Global, s: Speaker, b: Builder): void {
  const c = g.config ?? {};
  const base: Path = ['global'];
  if (c.as !== undefined) s.asn = c.as;
  const rid = b.ip(c['router-id'], [...base, 'config', 'router-id']);
  if (rid) s.routerId = rid;
  if (c.port !== undefined || c['local-address-list'] !== undefined) {
    s.listen = { origin: b.origin([...base, 'config']) };
    if (c.port !== undefined && c.port < 0) s.listen.enabled = false;
    else if (c.port) s.listen.port = c.port;
    const addrs = (c['local-address-list'] ?? [])
      .map((a, k) => b.ip(a, [...base, 'config', 'local-address-list', k]))
      .filter((a): a is string => !!a);
    if (c['local-address-list'] !== undefined) s.listen.addresses = addrs;
  }
  b.keepKeys(g as Record<string, unknown>, base, ['state', 'confederation', 'default-route-distance']);

  const rso = g['route-selection-options']?.config;
  if (rso) {
    const bp: NonNullable<NonNullable<Speaker['options']>['bestpath']> = {};
    if (rso['always-compare-med'] !== undefined) bp.alwaysCompareMed = rso['always-compare-med'];
    if (rso['ignore-as-path-length'] !== undefined) bp.asPathIgnore = rso['ignore-as-path-length'];
    if (rso['external-compare-router-id'] !== undefined) bp.compareRouterId = rso['external-compare-router-id'];
    if (Object.keys(bp).length > 0) (s.options ??= {}).bestpath = bp;
    b.keepKeys(
      rso,
      [...base, 'route-selection-options', 'config'],
      ['advertise-inactive-routes', 'enable-aigp', 'ignore-next-hop-igp-metric', 'disable-best-path-selection'],
    );
  }
  b.keepKeys(g['route-selection-options'] as Record<string, unknown> | undefined, [...base, 'route-selection-options'], ['state']);

  const ump = g['use-multiple-paths'];
  if (ump?.config?.enabled) {
    const mp: NonNullable<NonNullable<Speaker['options']>['multipath']> = {};
    const eb = ump.ebgp?.config;
    if (eb?.['maximum-paths']) mp.ebgp = eb['maximum-paths'];
    if (eb?.['allow-multiple-as'] !== undefined) mp.asPathRelax = eb['allow-multiple-as'];
    if (ump.ibgp?.config?.['maximum-paths']) mp.ibgp = ump.ibgp.config['maximum-paths'];
    (s.options ??= {}).multipath = mp;
  } else if (ump) {
    b.keep(
      [...base, 'use-multiple-paths'],
      ump,
      'parse/unrecognized',
      'use-multiple-paths without enabled = true has no equivalent in the bgpc IR; kept raw',
    );
  }
  if (s.options) s.options.origin = b.origin(base);

  const gr = grToIr(g['graceful-restart'], [...base, 'graceful-restart'], b, false, undefined);
  if (gr) s.gracefulRestart = gr;

  if (g['afi-safis']) {
    s.families = [];
    g['afi-safis'].forEach((a, j) => {
      const path: Path = [...base, 'afi-safis', j];
      const name = a.config?.['afi-safi-name'];
      const fam = name ? familyFromGobgp(name) : undefined;
      if (!fam) {
        b.keep(path, a, 'parse/unrecognized', `global afi-safi ${JSON.stringify(name ?? '')} has no IR family; kept raw`, false);
        return;
      }
      if (a.config?.enabled !== false) s.families!.push(fam);
      const extra = Object.keys(a).filter((k) => k !== 'config');
      b.keepKeys(a as Record<string, unknown>, path, extra, 'on a global afi-safi has no equivalent in the bgpc IR');
    });
  }

  const ap = g['apply-policy'];
  if (ap) {
    const gp: NonNullable<Speaker['globalPolicy']> = { origin: b.origin([...base, 'apply-policy']) };
    const cfg = ap.config ?? {};
    const imp = chainFrom(cfg['import-policy-list'], cfg['default-import-policy'], [...base, 'apply-policy', 'config'], b);
    const exp = chainFrom(cfg['export-policy-list'], cfg['default-export-policy'], [...base, 'apply-policy', 'config'], b);
    if (imp) gp.import = imp;
    if (exp) gp.export = exp;
    s.globalPolicy = gp;
    b.keepKeys(cfg, [...base, 'apply-policy', 'config'], ['in-policy-list', 'default-in-policy']);
    b.keepKeys(ap as Record<string, unknown>, [...base, 'apply-policy'], ['state']);
  }
}

function chainFrom(
  list: string[] | undefined,
  def: 'accept-route' | 'reject-route' | undefined,
  path: Path,
  b: Builder,
): PolicyChain | undefined {
  if (list === undefined && def === undefined) return undefined;
  const chain: PolicyChain = { chain: (list ?? []).map((name) => ({ kind: 'policy' as const, name })), origin: b.origin(path) };
  if (def) chain.defaultAction = def === 'accept-route' ? 'accept' : 'reject';
  return chain;
}

// ---------------------------------------------------------------- peers and groups

type Settings = Peer | PeerGroup;

function peerSettings(
  n: G.Neighbor | G.PeerGroup,
  path: Path,
  out: Settings,
  b: Builder,
  addr: { address: string | undefined; isInterface: boolean; groupFamilies: Family[] } | undefined,
): void {
  const c = n.config ?? {};
  if (c['peer-as']) out.remoteAs = { kind: 'explicit', asn: c['peer-as'] };
  if (c['local-as']) out.localAs = { asn: c['local-as'] };
  if (c['auth-password'] !== undefined && c['auth-password'] !== '') out.password = { kind: 'literal', value: c['auth-password'] };
  if (c.description !== undefined) out.description = c.description;
  b.keepKeys(c, [...path, 'config'], ['peer-type', 'route-flap-damping', 'send-community']);
  // remove-private-as: per neighbor in GoBGP ("all" | "replace"), per family in the IR.
  const rpaRaw = c['remove-private-as'];
  const rpa = rpaRaw === 'all' ? ('all' as const) : rpaRaw === 'replace' ? ('all-replace' as const) : undefined;
  if (rpaRaw !== undefined && rpaRaw !== '' && !rpa) b.keepKeys(c, [...path, 'config'], ['remove-private-as']);
  b.keepKeys(n as Record<string, unknown>, path, ['state', 'error-handling', 'logging-options', 'use-multiple-paths', 'route-server']);

  const t = n.timers?.config;
  if (t) {
    const timers: NonNullable<Settings['timers']> = { origin: b.origin([...path, 'timers']) };
    const sec = (v: number | undefined, key: string): number | undefined => {
      if (v === undefined) return undefined;
      if (Number.isInteger(v)) return v;
      b.keep([...path, 'timers', 'config', key], v, 'parse/unrecognized', `fractional ${key} ${v} cannot be held in whole seconds`);
      return undefined;
    };
    const hold = sec(t['hold-time'], 'hold-time');
    const ka = sec(t['keepalive-interval'], 'keepalive-interval');
    const cr = sec(t['connect-retry'], 'connect-retry');
    if (hold !== undefined) timers.holdTime = hold;
    if (ka !== undefined) timers.keepalive = ka;
    if (cr !== undefined) timers.connectRetry = cr;
    out.timers = timers;
    b.keepKeys(t, [...path, 'timers', 'config'], ['minimum-advertisement-interval', 'idle-hold-time-after-reset']);
  }

  const tr = n.transport?.config;
  if (tr) {
    if (tr['passive-mode'] !== undefined) out.passive = tr['passive-mode'];
    const la = b.ip(tr['local-address'], [...path, 'transport', 'config', 'local-address']);
    if (la) out.localAddress = la;
    if (tr['local-port']) out.localPort = tr['local-port'];
    if (tr['remote-port']) out.port = tr['remote-port'];
    b.keepKeys(tr, [...path, 'transport', 'config'], ['tcp-mss', 'mtu-discovery', 'ttl', 'bind-interface']);
  }

  const mh = n['ebgp-multihop']?.config;
  if (mh && (mh.enabled !== undefined || mh['multihop-ttl'])) {
    out.multihop = { enabled: mh.enabled ?? false, origin: b.origin([...path, 'ebgp-multihop']) };
    if (mh['multihop-ttl']) out.multihop.ttl = mh['multihop-ttl'];
  }

  const ts = n['ttl-security']?.config;
  if (ts?.enabled) out.ttlSecurityHops = Math.max(1, 256 - (ts['ttl-min'] || 255));

  const rr = n['route-reflector']?.config;
  if (rr?.['route-reflector-cluster-id']) out.routeReflectorClusterId = rr['route-reflector-cluster-id'];

  // Per-family settings GoBGP writes per neighbor.
  const rrClient = rr?.['route-reflector-client'];
  let allowOwn = n['as-path-options']?.config?.['allow-own-as'];
  if (allowOwn !== undefined && allowOwn > 10) {
    b.keep([...path, 'as-path-options', 'config', 'allow-own-as'], allowOwn, 'parse/unrecognized', `allow-own-as ${allowOwn} is more than the IR's allowas-in 10`);
    allowOwn = undefined;
  }
  b.keepKeys(n['as-path-options']?.config, [...path, 'as-path-options', 'config'], ['replace-peer-as']);
  const ap = n['add-paths']?.config;

  // Families.
  let mpGr = false;
  let llgrTime: number | undefined;
  const perFam: { f: FamilySettings; fpath: Path; mp: G.AfiSafi['mp-graceful-restart']; ll: G.AfiSafi['long-lived-graceful-restart'] }[] =
    [];
  if (n['afi-safis']) {
    const fams: FamilySettings[] = [];
    n['afi-safis'].forEach((a, j) => {
      const fpath: Path = [...path, 'afi-safis', j];
      const name = a.config?.['afi-safi-name'];
      const family = name ? familyFromGobgp(name) : undefined;
      if (!family) {
        const span = b.ctx.locate(fpath);
        b.ctx.sink.report('parse/unrecognized', `afi-safi ${JSON.stringify(name ?? '')} has no IR family; kept raw`, { span });
        (out.raw ??= []).push({ dialect: 'gobgp', text: JSON.stringify(a), context: ['afi-safis', '+'], origin: [span] });
        return;
      }
      const f: FamilySettings = { family, activate: a.config?.enabled ?? true, origin: b.origin(fpath) };
      b.own(fpath, () => (f.raw ??= []));
      const pl = a['prefix-limit']?.config;
      if (pl?.['max-prefixes']) {
        f.prefixLimit = { max: pl['max-prefixes'] };
        if (pl['shutdown-threshold-pct']) f.prefixLimit.thresholdPercent = pl['shutdown-threshold-pct'];
        if (pl['restart-timer'] !== undefined && Number.isInteger(pl['restart-timer'])) f.prefixLimit.restartSeconds = pl['restart-timer'];
      }
      const fap = a['add-paths']?.config;
      if (fap && (fap.receive !== undefined || fap['send-max'] !== undefined)) f.addPath = addPathOf(fap.receive, fap['send-max']);
      perFam.push({ f, fpath, mp: a['mp-graceful-restart'], ll: a['long-lived-graceful-restart'] });
      const extra = [
        'state',
        'apply-policy',
        'ipv4-unicast',
        'ipv6-unicast',
        'ipv4-labelled-unicast',
        'ipv6-labelled-unicast',
        'l3vpn-ipv4-unicast',
        'l3vpn-ipv6-unicast',
        'l3vpn-ipv4-multicast',
        'l3vpn-ipv6-multicast',
        'l2vpn-vpls',
        'l2vpn-evpn',
        'route-selection-options',
        'use-multiple-paths',
        'route-target-membership',
      ];
      b.keepKeys(a as Record<string, unknown>, fpath, extra, 'on an afi-safi has no equivalent in the bgpc IR');
      fams.push(f);
    });
    out.families = fams;
    // Graceful restart per family: the IR holds it per peer, so it maps only when every family agrees.
    const mpAll = perFam.length > 0 && perFam.every((x) => x.mp?.config?.enabled === true);
    const mpNone = perFam.every((x) => !x.mp);
    if (mpAll) mpGr = true;
    const llKey = (x: (typeof perFam)[number]) => JSON.stringify([x.ll?.config?.enabled ?? false, x.ll?.config?.['restart-time'] ?? 0]);
    const llSame = perFam.every((x) => llKey(x) === llKey(perFam[0]!));
    const llAll = llSame && perFam.length > 0 && perFam[0]!.ll?.config?.enabled === true && !!perFam[0]!.ll.config['restart-time'];
    if (llAll) llgrTime = perFam[0]!.ll!.config!['restart-time'];
    for (const x of perFam) {
      if (x.mp && !mpAll && !mpNone) {
        b.keep(
          [...x.fpath, 'mp-graceful-restart'],
          x.mp,
          'parse/unrecognized',
          'graceful restart on some families only has no equivalent in the bgpc IR',
        );
      }
      if (x.ll && !llAll)
        b.keep(
          [...x.fpath, 'long-lived-graceful-restart'],
          x.ll,
          'parse/unrecognized',
          'long-lived graceful restart that differs between families has no equivalent in the bgpc IR',
        );
    }
  }

  const needFamilies = rrClient !== undefined || allowOwn || rpa || (ap && (ap.receive !== undefined || ap['send-max'] !== undefined));
  if (needFamilies && !out.families) {
    if (addr) {
      // gobgpd fills afi-safis from the peer group, else from the neighbor address (default.go), and copies these into them.
      const names = addr.groupFamilies.length > 0 ? addr.groupFamilies : familiesByAddress(addr.address, addr.isInterface);
      out.families = names.map((family) => ({ family, activate: true }));
    } else {
      if (rrClient !== undefined)
        b.keep(
          [...path, 'route-reflector', 'config', 'route-reflector-client'],
          rrClient,
          'parse/unrecognized',
          'route-reflector-client on a peer group without afi-safis cannot be placed on IR families',
        );
      if (allowOwn)
        b.keep(
          [...path, 'as-path-options', 'config', 'allow-own-as'],
          allowOwn,
          'parse/unrecognized',
          'allow-own-as on a peer group without afi-safis cannot be placed on IR families',
        );
      if (rpa)
        b.keep(
          [...path, 'config', 'remove-private-as'],
          rpaRaw,
          'parse/unrecognized',
          'remove-private-as on a peer group without afi-safis cannot be placed on IR families',
        );
      if (ap)
        b.keep(
          [...path, 'add-paths'],
          n['add-paths'],
          'parse/unrecognized',
          'add-paths on a peer group without afi-safis cannot be placed on IR families',
        );
    }
  }
  for (const f of out.families ?? []) {
    if (rrClient !== undefined) f.routeReflectorClient = rrClient;
    if (allowOwn) f.allowAsIn = allowOwn;
    if (rpa) f.removePrivateAs = rpa;
    if (ap && !f.addPath && (ap.receive !== undefined || ap['send-max'] !== undefined)) f.addPath = addPathOf(ap.receive, ap['send-max']);
  }

  const gr = grToIr(n['graceful-restart'], [...path, 'graceful-restart'], b, mpGr, llgrTime);
  if (gr) out.gracefulRestart = gr;

  const apol = n['apply-policy'];
  if (apol) {
    b.keep(
      [...path, 'apply-policy'],
      apol,
      n['route-server'] ? 'parse/unrecognized' : 'parse/ignored',
      n['route-server']
        ? 'per-neighbor apply-policy of a route-server client has no equivalent in the bgpc IR; kept raw'
        : 'gobgpd ignores a neighbor apply-policy outside route-server mode; kept raw',
    );
  }
}

function addPathOf(receive: boolean | undefined, sendMax: number | undefined): NonNullable<FamilySettings['addPath']> {
  const a: NonNullable<FamilySettings['addPath']> = {};
  if (receive !== undefined) a.receive = receive;
  if (sendMax) a.send = sendMax;
  return a;
}

function grToIr(
  gr: { config?: Record<string, unknown> | undefined; state?: unknown } | undefined,
  path: Path,
  b: Builder,
  mpGr: boolean,
  llgrTime: number | undefined,
): NonNullable<Speaker['gracefulRestart']> | undefined {
  const c = gr?.config as
    | { enabled?: boolean; 'restart-time'?: number; 'stale-routes-time'?: number; 'helper-only'?: boolean; 'long-lived-enabled'?: boolean }
    | undefined;
  if (!c || Object.keys(c).length === 0) return undefined;
  const out: NonNullable<Speaker['gracefulRestart']> = { origin: b.origin(path) };
  if (c.enabled !== undefined) {
    out.enabled = c.enabled;
    out.mode = !c.enabled ? 'disabled' : c['helper-only'] || !mpGr ? 'helper-only' : 'full';
  }
  if (c['restart-time']) out.restartTime = c['restart-time'];
  if (c['stale-routes-time'] !== undefined && Number.isInteger(c['stale-routes-time'])) out.stalePathTime = c['stale-routes-time'];
  if (c['long-lived-enabled'] !== undefined) {
    out.longLived = { enabled: c['long-lived-enabled'] };
    if (llgrTime !== undefined) out.longLived.staleTime = llgrTime;
  }
  b.keepKeys(c as Record<string, unknown>, [...path, 'config'], ['deferral-time', 'notification-enabled']);
  return out;
}

// ---------------------------------------------------------------- defined sets

function definedSetsToIr(d: G.DefinedSets, s: Speaker, b: Builder): void {
  const base: Path = ['defined-sets'];
  (d['prefix-sets'] ?? []).forEach((ps, i) => {
    const path: Path = [...base, 'prefix-sets', i];
    const entries: Speaker['policy']['prefixSets'][number]['entries'] = [];
    (ps['prefix-list'] ?? []).forEach((p, k) => {
      const epath: Path = [...path, 'prefix-list', k];
      const prefix = p['ip-prefix'] ?? '';
      if (!isPrefix(prefix)) {
        b.ctx.sink.report('parse/invalid', `"${prefix}" is not an IP prefix`, { span: b.ctx.locate([...epath, 'ip-prefix']) });
        return;
      }
      const e: (typeof entries)[number] = { prefix, origin: b.origin(epath) };
      const range = p['masklength-range'];
      if (range !== undefined && range !== '') {
        const m = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(range);
        if (!m)
          b.ctx.sink.report('parse/invalid', `masklength-range "${range}" is not MIN..MAX`, {
            span: b.ctx.locate([...epath, 'masklength-range']),
          });
        else {
          e.ge = Number(m[1]);
          e.le = Number(m[2]);
        }
      }
      entries.push(e);
    });
    s.policy.prefixSets.push({ name: ps['prefix-set-name'] ?? '', entries, origin: b.origin(path) });
  });
  (d['neighbor-sets'] ?? []).forEach((ns, i) => {
    s.policy.neighborSets.push({
      name: ns['neighbor-set-name'] ?? '',
      addresses: ns['neighbor-info-list'] ?? [],
      origin: b.origin([...base, 'neighbor-sets', i]),
    });
  });
  b.keepKeys(d as Record<string, unknown>, base, ['tag-sets']);
  const bgp = d['bgp-defined-sets'];
  if (!bgp) return;
  const bpath: Path = [...base, 'bgp-defined-sets'];
  const comm = (kind: 'standard' | 'extended' | 'large', key: string, sets: { name?: string | undefined; list?: string[] | undefined }[]) =>
    sets.forEach((cs, i) => {
      const path: Path = [...bpath, key, i];
      s.policy.communitySets.push({
        name: cs.name ?? '',
        kind,
        entries: (cs.list ?? []).map((value) => (isPlainCommunity(value, kind) ? { value } : { value, regex: true })),
        origin: b.origin(path),
      });
    });
  comm(
    'standard',
    'community-sets',
    (bgp['community-sets'] ?? []).map((x) => ({ name: x['community-set-name'], list: x['community-list'] })),
  );
  comm(
    'extended',
    'ext-community-sets',
    (bgp['ext-community-sets'] ?? []).map((x) => ({ name: x['ext-community-set-name'], list: x['ext-community-list'] })),
  );
  comm(
    'large',
    'large-community-sets',
    (bgp['large-community-sets'] ?? []).map((x) => ({ name: x['large-community-set-name'], list: x['large-community-list'] })),
  );
  (bgp['as-path-sets'] ?? []).forEach((a, i) => {
    s.policy.asPathSets.push({
      name: a['as-path-set-name'] ?? '',
      entries: (a['as-path-list'] ?? []).map((regex) => ({ regex })),
      origin: b.origin([...bpath, 'as-path-sets', i]),
    });
  });
}

const WELL_KNOWN =
  /^(no-export|no-advertise|no-export-subconfed|no-peer|internet|graceful-shutdown|accept-own|blackhole|llgr-stale|no-llgr)$/i;

export function isPlainCommunity(value: string, kind: 'standard' | 'extended' | 'large'): boolean {
  if (kind === 'standard') return /^\d+:\d+$/.test(value) || WELL_KNOWN.test(value);
  if (kind === 'large') return /^\d+:\d+:\d+$/.test(value);
  return /^(rt|soo|origin|target):[\d.]+:\d+$/i.test(value);
}

// ---------------------------------------------------------------- policies

function policyToIr(p: G.PolicyDefinition, path: Path, b: Builder): Policy | undefined {
  if (!p.name) {
    b.keep(path, p, 'parse/invalid', 'a policy definition needs a name; kept raw', false);
    return undefined;
  }
  const policy: Policy = { name: p.name, statements: [], defaultResult: 'next-policy', origin: b.origin(path) };
  b.own(path, () => (policy.raw ??= []));
  (p.statements ?? []).forEach((st, k) => policy.statements.push(statementToIr(st, [...path, 'statements', k], b)));
  return policy;
}

function rawCond(value: unknown, context: string[], path: Path, b: Builder, why: string): Condition {
  const span = b.ctx.locate(path, true);
  b.ctx.sink.report('parse/unrecognized', why, { span });
  return { kind: 'raw', raw: { dialect: 'gobgp', text: JSON.stringify(value), context, origin: [span] } };
}

function rawAction(value: unknown, context: string[], path: Path, b: Builder, why: string): Action {
  const span = b.ctx.locate(path, true);
  b.ctx.sink.report('parse/unrecognized', why, { span });
  return { kind: 'raw', raw: { dialect: 'gobgp', text: JSON.stringify(value), context, origin: [span] } };
}

function statementToIr(st: G.Statement, path: Path, b: Builder): Statement {
  const conditions: Condition[] = [];
  const actions: Action[] = [];
  const c = st.conditions ?? {};
  const cpath: Path = [...path, 'conditions'];
  const o = (p: Path) => b.origin(p);
  const opt = <T extends string>(v: T | undefined) => (v && v !== 'any' ? { options: v } : {});

  if (c['match-prefix-set']?.['prefix-set']) {
    const m = c['match-prefix-set'];
    conditions.push({
      kind: 'prefix-set',
      name: m['prefix-set']!,
      ...opt(m['match-set-options']),
      origin: o([...cpath, 'match-prefix-set']),
    });
  }
  if (c['match-neighbor-set']?.['neighbor-set']) {
    const m = c['match-neighbor-set'];
    conditions.push({
      kind: 'neighbor-set',
      name: m['neighbor-set']!,
      ...opt(m['match-set-options']),
      origin: o([...cpath, 'match-neighbor-set']),
    });
  }
  for (const key of ['call-policy', 'match-tag-set', 'install-protocol-eq'] as const) {
    if (c[key] !== undefined)
      conditions.push(
        rawCond(c[key], ['conditions', key], [...cpath, key], b, `condition "${key}" has no equivalent in the bgpc IR; kept raw`),
      );
  }
  const bc = c['bgp-conditions'];
  if (bc) {
    const bpath: Path = [...cpath, 'bgp-conditions'];
    const sets = [
      ['match-community-set', 'community-set', 'community-set'],
      ['match-ext-community-set', 'ext-community-set', 'ext-community-set'],
      ['match-large-community-set', 'large-community-set', 'large-community-set'],
      ['match-as-path-set', 'as-path-set', 'as-path-set'],
    ] as const;
    for (const [key, field, kind] of sets) {
      const m = bc[key] as { [k: string]: string | undefined } | undefined;
      if (m?.[field])
        conditions.push({
          kind,
          name: m[field]!,
          ...opt(m['match-set-options'] as 'any' | 'all' | 'invert' | undefined),
          origin: o([...bpath, key]),
        });
    }
    if (bc['med-eq'] !== undefined) conditions.push({ kind: 'med', value: bc['med-eq'], origin: o([...bpath, 'med-eq']) });
    if (bc['local-pref-eq'] !== undefined)
      conditions.push({ kind: 'local-pref', value: bc['local-pref-eq'], origin: o([...bpath, 'local-pref-eq']) });
    if (bc['next-hop-in-list'])
      conditions.push({ kind: 'next-hop', addresses: bc['next-hop-in-list'], origin: o([...bpath, 'next-hop-in-list']) });
    if (bc['as-path-length']?.operator && bc['as-path-length'].value !== undefined) {
      conditions.push({
        kind: 'as-path-length',
        op: bc['as-path-length'].operator,
        value: bc['as-path-length'].value,
        origin: o([...bpath, 'as-path-length']),
      });
    }
    const afis = bc['afi-safi-in-list'];
    const fam = afis?.length === 1 ? familyFromGobgp(afis[0]!) : undefined;
    if (fam) conditions.push({ kind: 'family', family: fam, origin: o([...bpath, 'afi-safi-in-list']) });
    else if (afis)
      conditions.push(
        rawCond(
          afis,
          ['conditions', 'bgp-conditions', 'afi-safi-in-list'],
          [...bpath, 'afi-safi-in-list'],
          b,
          'afi-safi-in-list with several or unknown families has no equivalent in the bgpc IR; kept raw',
        ),
      );
    for (const key of ['origin-eq', 'community-count', 'route-type', 'rpki-validation-result'] as const) {
      if (bc[key] !== undefined)
        conditions.push(
          rawCond(
            bc[key],
            ['conditions', 'bgp-conditions', key],
            [...bpath, key],
            b,
            `condition "${key}" has no equivalent in the bgpc IR; kept raw`,
          ),
        );
    }
  }

  const a = st.actions ?? {};
  const apath: Path = [...path, 'actions'];
  const ba = a['bgp-actions'];
  if (ba) {
    const bpath: Path = [...apath, 'bgp-actions'];
    const comm = (
      key: 'set-community' | 'set-ext-community' | 'set-large-community',
      communityKind: 'standard' | 'extended' | 'large',
      ref: string | undefined,
    ) => {
      const sc = ba[key] as (Record<string, unknown> & { options?: 'add' | 'remove' | 'replace' }) | undefined;
      if (!sc) return;
      const m = (sc[`${key}-method`] ?? {}) as Record<string, unknown>;
      const values = m['communities-list'] as string[] | undefined;
      const set = ref ? (m[ref] as string | undefined) : undefined;
      if (!sc.options || (!values && !set)) {
        actions.push(rawAction(sc, ['actions', 'bgp-actions', key], [...bpath, key], b, `"${key}" without options and values; kept raw`));
        return;
      }
      actions.push({
        kind: 'community',
        communityKind,
        op: sc.options,
        ...(values ? { values } : {}),
        ...(set ? { set } : {}),
        origin: o([...bpath, key]),
      });
    };
    comm('set-community', 'standard', 'community-set-ref');
    comm('set-ext-community', 'extended', 'ext-community-set-ref');
    comm('set-large-community', 'large', undefined);
    if (ba['set-med'] !== undefined) {
      const m = /^\s*([+-]?)(\d+)\s*$/.exec(ba['set-med']);
      if (!m)
        actions.push(
          rawAction(
            ba['set-med'],
            ['actions', 'bgp-actions', 'set-med'],
            [...bpath, 'set-med'],
            b,
            `set-med "${ba['set-med']}" is not [+|-]NUMBER; kept raw`,
          ),
        );
      else
        actions.push({
          kind: 'set-med',
          value: Number(m[2]),
          ...(m[1] === '+' ? { op: 'add' as const } : m[1] === '-' ? { op: 'subtract' as const } : {}),
          origin: o([...bpath, 'set-med']),
        });
    }
    if (ba['set-local-pref'] !== undefined)
      actions.push({ kind: 'set-local-pref', value: ba['set-local-pref'], origin: o([...bpath, 'set-local-pref']) });
    if (ba['set-next-hop'] !== undefined) {
      const v = ba['set-next-hop'].trim();
      const lower = v.toLowerCase();
      if (lower === 'self' || lower === 'unchanged')
        actions.push({ kind: 'set-next-hop', value: lower, origin: o([...bpath, 'set-next-hop']) });
      else if (isAddress(v)) actions.push({ kind: 'set-next-hop', value: v, origin: o([...bpath, 'set-next-hop']) });
      else
        actions.push(
          rawAction(
            v,
            ['actions', 'bgp-actions', 'set-next-hop'],
            [...bpath, 'set-next-hop'],
            b,
            `set-next-hop "${v}" is not self, unchanged or an address; kept raw`,
          ),
        );
    }
    const pp = ba['set-as-path-prepend'];
    if (pp?.as !== undefined) {
      const asn = pp.as.toLowerCase() === 'last-as' ? 'last-as' : /^\d+$/.test(pp.as) ? Number(pp.as) : undefined;
      if (asn === undefined || (typeof asn === 'number' && asn > 4294967295)) {
        actions.push(
          rawAction(
            pp,
            ['actions', 'bgp-actions', 'set-as-path-prepend'],
            [...bpath, 'set-as-path-prepend'],
            b,
            `set-as-path-prepend as "${pp.as}" is not a number or last-as; kept raw`,
          ),
        );
      } else
        actions.push({
          kind: 'as-path-prepend',
          asn,
          ...(pp['repeat-n'] ? { repeat: pp['repeat-n'] } : {}),
          origin: o([...bpath, 'set-as-path-prepend']),
        });
    }
    if (ba['set-route-origin'] !== undefined)
      actions.push({ kind: 'set-origin', value: ba['set-route-origin'], origin: o([...bpath, 'set-route-origin']) });
  }
  const tag = a['igp-actions']?.['set-tag'];
  if (tag !== undefined) {
    if (/^\d+$/.test(tag)) actions.push({ kind: 'set-tag', value: Number(tag), origin: o([...apath, 'igp-actions', 'set-tag']) });
    else
      actions.push(
        rawAction(
          tag,
          ['actions', 'igp-actions', 'set-tag'],
          [...apath, 'igp-actions', 'set-tag'],
          b,
          `set-tag "${tag}" is not a number; kept raw`,
        ),
      );
  }
  const rd = a['route-disposition'];
  const result: Statement['result'] = rd === 'accept-route' ? 'accept' : rd === 'reject-route' ? 'reject' : 'continue';
  const out: Statement = { conditions, actions, result, origin: b.origin(path) };
  if (st.name) out.name = st.name;
  return out;
}
