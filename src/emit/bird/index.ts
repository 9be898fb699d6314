/**
 * IR → BIRD 2 (`bird`) and BIRD 1.6 (`bird1`) config.
 *
 * Layout: router id, sets, raw globals (defines, functions, tables, log…),
 * filters, raw protocols, protocol bfd, static and direct protocols for
 * originated networks and connected redistribution, BGP templates (peer
 * groups), BGP protocols (peers; listen ranges as `neighbor range`).
 *
 * What is written: every value the parsed IR states, plus, on each session
 * (the leaves: protocols), every effective value of the source dialect that
 * BIRD's own default would change (hold time, keepalive, connect retry,
 * graceful restart, channels and their import/export). Deterministic.
 */
import { Sink } from '../../diagnostics/diagnostic.js';
import { defaultsFor } from '../../ir/defaults/index.js';
import { isEbgp, mergeSettings, resolve } from '../../ir/resolve.js';
import type { BfdProfile, Family, FamilySettings, IrDocument, Peer, PeerGroup, PolicyChain, RawNode, Speaker } from '../../ir/schema.js';
import type { WriteOptions, WriteResult, Writer } from '../../pipeline-types.js';
import { symbolName } from '../../parse/bird/util.js';
import { policyLines, prefixFilterLines, prefixFilterName, prefixSetMatch, rejectVariant, setLines, type PolicyCtx } from './policy.js';
import { pushAll } from '../../arrays.js';

export const emitBird: Writer = (doc, opts) => emitCommon(doc, opts, 'bird');
export const emitBird1: Writer = (doc, opts) => emitCommon(doc, opts, 'bird1');

type Target = 'bird' | 'bird1';
type Settings = Omit<PeerGroup, 'name' | 'inherits' | 'kind'>;

const FAMILY_CHANNEL: Partial<Record<Family, string>> = {
  'ipv4-unicast': 'ipv4',
  'ipv6-unicast': 'ipv6',
  'ipv4-multicast': 'ipv4 multicast',
  'ipv6-multicast': 'ipv6 multicast',
  'ipv4-labeled-unicast': 'ipv4 mpls',
  'ipv6-labeled-unicast': 'ipv6 mpls',
  'ipv4-vpn': 'vpn4 mpls',
  'ipv6-vpn': 'vpn6 mpls',
  'ipv4-flowspec': 'flow4',
  'ipv6-flowspec': 'flow6',
};

/** BIRD strings have no escapes (cf-lex.l): a `"` or a line break cannot be written and becomes `'` / a space. */
function quote(s: string): string {
  return `"${s.replace(/"/g, "'").replace(/[\r\n]/g, ' ')}"`;
}

function usText(us: number): string {
  if (us % 1_000_000 === 0) return `${us / 1_000_000} s`;
  if (us % 1000 === 0) return `${us / 1000} ms`;
  return `${us} us`;
}

function emitCommon(doc: IrDocument, _opts: WriteOptions, target: Target): WriteResult {
  const sink = new Sink();
  if (doc.speakers.length === 0) return { text: '', diagnostics: [] };
  for (const extra of doc.speakers.slice(1)) {
    sink.report('emit/not-rendered', `speaker ${extra.id}: one BIRD config holds one speaker; only ${doc.speakers[0]!.id} is written`, { span: extra.origin?.[0] });
  }
  for (const r of doc.raw) rawForeignOrKeep(sink, r, target);
  const lines = new Writer1(sink, target, doc).speaker();
  return { text: `${lines.join('\n')}\n`, diagnostics: sink.list };
}

function rawForeignOrKeep(sink: Sink, r: RawNode, target: Target): boolean {
  if (r.dialect === target) return true;
  sink.report('emit/raw-foreign', `a ${r.dialect} construct cannot be written to ${target}: ${r.text.split('\n')[0]}`, { span: r.origin?.[0] });
  return false;
}

class Writer1 {
  private readonly s: Speaker;
  private readonly eff: Speaker;
  private readonly ctx: PolicyCtx;
  private readonly family1: Family;
  private readonly defaults;
  private readonly bfdBlockProfiles = new Set<string>();
  private readonly policyNames: Set<string>;

  constructor(
    private readonly sink: Sink,
    private readonly target: Target,
    private readonly doc: IrDocument,
  ) {
    this.s = doc.speakers[0]!;
    const r = resolve({ ...doc, speakers: [this.s] });
    this.eff = r.doc.speakers[0]!;
    this.ctx = { sink, target, speaker: this.s };
    this.policyNames = new Set(this.s.policy.policies.map((p) => p.name));
    this.defaults = defaultsFor({ format: target })!;
    // BIRD 1: one family per daemon; the one most sessions use.
    let v6 = 0;
    let v4 = 0;
    for (const p of this.eff.peers) for (const f of p.families ?? []) if (f.activate) f.family === 'ipv6-unicast' ? v6++ : f.family === 'ipv4-unicast' ? v4++ : 0;
    this.family1 = v6 > v4 ? 'ipv6-unicast' : 'ipv4-unicast';
  }

  private notRendered(what: string, origin: unknown): void {
    const o = (origin as { origin?: { file: string }[] } | undefined)?.origin?.[0];
    this.sink.report('emit/not-rendered', what, { span: o as never });
  }

  speaker(): string[] {
    const s = this.s;
    const out: string[] = [];
    if (s.routerId) out.push(`router id ${s.routerId};`);
    if (s.listen) {
      const l = s.listen;
      if (this.target === 'bird1' && (l.addresses?.length || (l.port && l.port !== 179))) {
        out.push(`listen bgp${l.addresses?.[0] ? ` address ${l.addresses[0]}` : ''}${l.port && l.port !== 179 ? ` port ${l.port}` : ''};`);
      } else if (l.addresses?.length || (l.port !== undefined && l.port !== 179)) {
        this.notRendered('BIRD 2 has no global listen address/port; the listen settings are left out', l);
      }
      if (l.enabled === false) this.notRendered('BIRD always accepts incoming BGP connections; "does not listen" is left out', l);
    }
    const sets = setLines(this.ctx);
    if (sets.length) out.push('', ...sets);
    const rawTop = s.raw.filter((r) => !r.context && !/^(protocol|template)\b/.test(r.text));
    const rawProto = s.raw.filter((r) => !r.context && /^(protocol|template)\b/.test(r.text));
    const rawBfd = s.raw.filter((r) => r.context?.[0]?.startsWith('protocol bfd'));
    for (const r of s.raw.filter((x) => x.context && !x.context[0]?.startsWith('protocol bfd'))) rawForeignOrKeep(this.sink, r, this.target) && this.notRendered(`a raw ${r.dialect} construct inside ${r.context!.join(' / ')} has no place in the output`, r);
    const topKeep = rawTop.filter((r) => rawForeignOrKeep(this.sink, r, this.target));
    if (topKeep.length) out.push('', ...topKeep.map((r) => r.text));
    const variants = this.rejectVariants();
    for (const p of s.policy.policies) {
      out.push('', ...policyLines(this.ctx, p));
      if (variants.has(p.name)) out.push('', ...policyLines(this.ctx, p, 'reject'));
    }
    for (const name of this.prefixFilters()) out.push('', ...prefixFilterLines(this.ctx, name));
    const protoKeep = rawProto.filter((r) => rawForeignOrKeep(this.sink, r, this.target));
    // BIRD learns interfaces only through a device protocol; without one a directly connected
    // neighbor is never reachable. Other daemons need nothing similar, so add it when missing.
    if (!protoKeep.some((r) => /^protocol\s+device\b/.test(r.text))) out.push('', 'protocol device {}');
    for (const r of protoKeep) out.push('', r.text);
    pushAll(out, this.bfd(rawBfd));
    pushAll(out, this.statics());
    pushAll(out, this.direct());
    for (const a of s.aggregates) this.notRendered(`aggregate ${a.prefix}: BIRD 2.0 has no BGP aggregation; left out`, a);
    pushAll(out, this.bgp());
    while (out[0] === '') out.shift();
    return out;
  }

  // ---------------------------------------------------------------- BFD, static, direct

  private bfd(raw: RawNode[]): string[] {
    const s = this.s;
    const anyBfd = [...s.peers, ...s.peerGroups].some((p) => p.bfd?.enabled);
    const blocks: string[] = [];
    for (const p of s.bfdProfiles) {
      if (p.interfaces?.length) {
        blocks.push(`  interface ${p.interfaces.map(quote).join(', ')} {`, ...this.bfdOptions(p).map((l) => `    ${l}`), '  };');
        this.bfdBlockProfiles.add(p.name);
      } else if (p.multihop) {
        blocks.push('  multihop {', ...this.bfdOptions(p).map((l) => `    ${l}`), '  };');
        this.bfdBlockProfiles.add(p.name);
      }
    }
    for (const r of raw) if (rawForeignOrKeep(this.sink, r, this.target)) pushAll(blocks, r.text.split('\n').map((l) => `  ${l}`));
    if (!anyBfd && blocks.length === 0) return [];
    return ['', 'protocol bfd {', ...blocks, '}'];
  }

  private bfdOptions(p: BfdProfile | NonNullable<Settings['bfd']>, inline = false): string[] {
    const out: string[] = [];
    const e = p as BfdProfile;
    if (e.receiveIntervalUs !== undefined && e.receiveIntervalUs === e.transmitIntervalUs) out.push(`interval ${usText(e.receiveIntervalUs)};`);
    else {
      if (e.receiveIntervalUs !== undefined) out.push(`min rx interval ${usText(e.receiveIntervalUs)};`);
      if (e.transmitIntervalUs !== undefined) out.push(`min tx interval ${usText(e.transmitIntervalUs)};`);
    }
    if (e.idleTransmitIntervalUs !== undefined) out.push(`idle tx interval ${usText(e.idleTransmitIntervalUs)};`);
    if (e.detectMultiplier !== undefined) out.push(`multiplier ${e.detectMultiplier};`);
    if (!inline) {
      if (e.passive !== undefined) out.push(`passive ${e.passive ? 'on' : 'off'};`);
      if (e.echoMode) this.notRendered(`BFD profile ${e.name}: BIRD does not implement echo mode; left out`, e);
      if (e.minimumTtl !== undefined) this.notRendered(`BFD profile ${e.name}: BIRD has no minimum TTL setting; left out`, e);
    }
    return out;
  }

  private familyOk(f: Family, what: string, node: unknown): boolean {
    if (!FAMILY_CHANNEL[f] || (this.target === 'bird1' && f !== this.family1)) {
      this.notRendered(`${what}: family ${f} is not written (${this.target === 'bird1' ? `this BIRD 1 config is for ${this.family1}` : 'no BIRD channel'})`, node);
      return false;
    }
    return true;
  }

  private statics(): string[] {
    const byFam = new Map<Family, string[]>();
    for (const n of this.s.networks) {
      const fam: Family = n.prefix.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast';
      if (!this.familyOk(fam, `network ${n.prefix}`, n)) continue;
      if (n.policy || n.backdoor) this.notRendered(`network ${n.prefix}: route-map/backdoor options are left out`, n);
      const list = byFam.get(fam) ?? [];
      list.push(n.prefix);
      byFam.set(fam, list);
    }
    const out: string[] = [];
    for (const [fam, prefixes] of [...byFam.entries()].sort()) {
      out.push('', 'protocol static {');
      if (this.target === 'bird') out.push(`  ${FAMILY_CHANNEL[fam]};`);
      for (const p of prefixes) out.push(`  route ${p} blackhole;`);
      out.push('}');
    }
    return out;
  }

  private direct(): string[] {
    const groups = new Map<string, Family[]>();
    for (const r of this.s.redistribute) {
      if (r.source !== 'connected' && r.source !== 'direct') {
        this.notRendered(`redistribute ${r.source}: only connected routes (protocol direct) are written for BIRD`, r);
        continue;
      }
      if (!this.familyOk(r.family, `redistribute ${r.source}`, r)) continue;
      if (r.policy || r.metric !== undefined) this.notRendered(`redistribute ${r.source}: route-map/metric are left out`, r);
      const key = JSON.stringify(r.interfaces ?? []);
      const list = groups.get(key) ?? [];
      if (!list.includes(r.family)) list.push(r.family);
      groups.set(key, list);
    }
    const out: string[] = [];
    for (const [key, fams] of groups) {
      const ifaces = JSON.parse(key) as string[];
      out.push('', 'protocol direct {');
      if (this.target === 'bird') for (const f of fams) out.push(`  ${FAMILY_CHANNEL[f]};`);
      if (ifaces.length) out.push(`  interface ${ifaces.map(quote).join(', ')};`);
      out.push('}');
    }
    return out;
  }

  // ---------------------------------------------------------------- BGP

  private bgp(): string[] {
    const s = this.s;
    const out: string[] = [];
    const groups = new Map(s.peerGroups.map((g) => [g.name, g]));
    const used = new Set<string>([...s.peers.map((p) => p.group), ...s.peerGroups.map((g) => g.inherits)].filter((x): x is string => x !== undefined));
    const usedBy = (name: string): boolean => used.has(name);
    const rangeProtocols = new Set<string>();
    const rangeCount = new Map<string, number>();
    for (const r of s.listenRanges) if (r.group) rangeCount.set(r.group, (rangeCount.get(r.group) ?? 0) + 1);
    for (const g of s.peerGroups) if (rangeCount.get(g.name) === 1 && !usedBy(g.name)) rangeProtocols.add(g.name);
    const effGroups = new Map(this.eff.peerGroups.map((g) => [g.name, g]));
    // Templates, parents first.
    const done = new Set<string>();
    const emitGroup = (g: PeerGroup, depth = 0): void => {
      if (done.has(g.name) || depth > 32) return;
      done.add(g.name);
      if (g.inherits && groups.has(g.inherits)) emitGroup(groups.get(g.inherits)!, depth + 1);
      if (rangeProtocols.has(g.name)) return;
      const eg = effGroups.get(g.name)!;
      out.push('', `template bgp ${symbolName(g.name)}${g.inherits ? ` from ${symbolName(g.inherits)}` : ''} {`, ...this.settings(g, eg, g, false).map((l) => `  ${l}`), '}');
    };
    for (const g of s.peerGroups) emitGroup(g);
    if (this.target === 'bird1') {
      for (const r of s.listenRanges) this.notRendered(`listen range ${r.prefix}: BIRD 1 has no dynamic BGP (neighbor range); left out`, r);
    }
    for (const g of s.peerGroups) {
      if (!rangeProtocols.has(g.name) || this.target === 'bird1') continue;
      const r = s.listenRanges.find((x) => x.group === g.name)!;
      const eg = this.sessionOf(g.name);
      const lines = this.settings(g, eg, g, true, { range: r.prefix, remoteAs: r.remoteAs });
      if (r.limit !== undefined) this.notRendered(`listen range ${r.prefix}: BIRD has no limit on dynamic sessions; left out`, r);
      out.push('', `protocol bgp ${symbolName(g.name)}${g.inherits ? ` from ${symbolName(g.inherits)}` : ''} {`, ...lines.map((l) => `  ${l}`), '}');
    }
    const effPeers = new Map(this.eff.peers.map((p) => [p.id, p]));
    let n = 0;
    for (const r of s.listenRanges) {
      const g = r.group ? groups.get(r.group) : undefined;
      if ((g && rangeProtocols.has(g.name)) || this.target === 'bird1') continue;
      n++;
      const name = `${symbolName(r.group ?? 'dynamic')}_range${n}`;
      if (g) this.sink.report('emit/lowered', `listen range ${r.prefix}: written as protocol ${name} from template ${g.name} with \`neighbor range\``, { span: r.origin?.[0] });
      const base: Settings = g ? mergeSettings(this.mergedParsed(g), {}) : {};
      const eg = g ? this.sessionOf(g.name) : base;
      if (r.limit !== undefined) this.notRendered(`listen range ${r.prefix}: BIRD has no limit on dynamic sessions; left out`, r);
      const lines = this.settings(g ? ({ group: g.name } as Settings) : {}, eg, base, true, { range: r.prefix, remoteAs: r.remoteAs });
      out.push('', `protocol bgp ${name}${g ? ` from ${symbolName(g.name)}` : ''} {`, ...lines.map((l) => `  ${l}`), '}');
    }
    for (const p of s.peers) {
      if (!p.address) {
        this.notRendered(`peer ${p.id}: BIRD needs a neighbor address (unnumbered peering on ${p.interface ?? 'an interface'} is not available in BIRD 2.0); the session is left out`, p);
        continue;
      }
      const fam: Family = p.address.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast';
      if (this.target === 'bird1' && fam !== this.family1) {
        this.notRendered(`peer ${p.id}: a ${fam} session belongs in the other BIRD 1 daemon's config; left out`, p);
        continue;
      }
      const ep = effPeers.get(p.id)!;
      const g = p.group ? groups.get(p.group) : undefined;
      const merged = g ? mergeSettings(this.mergedParsed(g), p) : p;
      const name = symbolName(p.name ?? p.id);
      const unnamed = !p.name && /^bgp\d+$/.test(p.id);
      out.push('', `protocol bgp${unnamed ? '' : ` ${name}`}${g ? ` from ${symbolName(g.name)}` : ''} {`, ...this.settings(p, ep, merged, true).map((l) => `  ${l}`), '}');
    }
    return out;
  }

  /** The effective settings of a session made from a group alone (listen ranges): resolve it as a peer. */
  private sessions: Map<string, Settings> | undefined;

  private sessionOf(group: string): Settings {
    if (!this.sessions) {
      // One resolve for every group a listen range uses: each as a probe peer.
      const groups = [...new Set(this.s.listenRanges.map((r) => r.group).filter((g): g is string => g !== undefined))];
      const probes: Peer[] = groups.map((g) => ({ id: `\u0000range ${g}`, group: g }));
      const r = resolve({ ...this.doc, speakers: [{ ...this.s, peers: probes }] });
      this.sessions = new Map(r.doc.speakers[0]!.peers.map((p) => [p.group!, p]));
    }
    return this.sessions.get(group) ?? {};
  }

  /** A group with its ancestors' explicit settings merged in (no defaults). */
  private mergedParsed(g: PeerGroup, depth = 0): Settings {
    const parent = g.inherits ? this.s.peerGroups.find((x) => x.name === g.inherits) : undefined;
    if (!parent || depth > 32) return g;
    return mergeSettings(this.mergedParsed(parent, depth + 1), g);
  }

  /**
   * Lines for one template or protocol. `own`: what this node states;
   * `eff`: its effective settings (source defaults applied); `merged`: what
   * it and its ancestors state. On leaves (`leaf`), effective values BIRD
   * would not produce by itself are written too.
   */
  private settings(own: Settings & { address?: string; interface?: string; id?: string }, eff: Settings, merged: Settings, leaf: boolean, range?: { range: string; remoteAs: Peer['remoteAs'] | undefined }): string[] {
    const out: string[] = [];
    const s = this.s;
    const isRoot = merged === own || (!('group' in own && own.group) && !('inherits' in own && (own as PeerGroup).inherits));
    if (own.description !== undefined) {
      if (/["\r\n]/.test(own.description)) this.notRendered('a description with `"` or a line break cannot be written as a BIRD string; those characters are replaced', own);
      out.push(`description ${quote(own.description)};`);
    }
    // local [port P] as N
    // The speaker AS is written where no ancestor states another one.
    const asn = own.localAs?.asn ?? (isRoot || merged.localAs !== undefined ? s.asn : undefined);
    if (own.localAs && (own.localAs.noPrepend || own.localAs.replaceAs || own.localAs.dualAs)) this.notRendered('local-as no-prepend/replace-as/dual-as have no BIRD form; left out', own.localAs);
    if (asn !== undefined || own.localPort !== undefined) out.push(`local${own.localPort !== undefined ? ` port ${own.localPort}` : ''}${asn !== undefined ? ` as ${asn}` : ''};`);
    else if (leaf && isRoot && s.asn === undefined) this.notRendered(`${own.id ?? 'session'}: no local AS is known; BIRD needs one`, own);
    if (own.localAddress) out.push(`source address ${own.localAddress};`);
    // neighbor
    const ra = range?.remoteAs ?? own.remoteAs;
    const asText = ra?.kind === 'explicit' ? ` as ${ra.asn}` : ra?.kind === 'internal' ? ' internal' : ra?.kind === 'external' ? ' external' : '';
    if (ra?.kind === 'any') this.notRendered('remote AS "any" has no BIRD 2.0 form; left out', own);
    let asWritten = asText;
    if (this.target === 'bird1' && (ra?.kind === 'internal' || ra?.kind === 'external')) {
      // BIRD 1.6 has no `internal` / `external`: internal is our own AS; external cannot be said.
      if (ra.kind === 'internal' && s.asn !== undefined) {
        asWritten = ` as ${own.localAs?.asn ?? merged.localAs?.asn ?? s.asn}`;
        this.sink.report('emit/lowered', 'remote AS "internal" is written as the local AS number (BIRD 1.6 has no `internal`)', { span: own.origin?.[0] });
      } else {
        asWritten = '';
        this.notRendered(`remote AS "${ra.kind}" has no BIRD 1.6 form; left out`, own);
      }
    }
    if (range) out.push(`neighbor range ${range.range}${asWritten};`);
    else if (own.address) {
      const iface = own.interface && /^fe80:/i.test(own.address) ? ` % ${quote(own.interface)}` : '';
      out.push(`neighbor ${own.address}${iface}${own.port !== undefined ? ` port ${own.port}` : ''}${asWritten};`);
    } else if (asWritten) out.push(`neighbor${asWritten};`);
    if (own.interface && own.address && !/^fe80:/i.test(own.address)) out.push(`interface ${quote(own.interface)};`);
    if (leaf && !merged.remoteAs && !range) this.notRendered(`${own.id ?? 'session'}: no remote AS is known; BIRD needs one`, own);
    // multihop
    if (own.multihop) out.push(own.multihop.enabled ? (own.multihop.ttl !== undefined ? `multihop ${own.multihop.ttl};` : 'multihop;') : 'direct;');
    if (own.ttlSecurityHops !== undefined) {
      out.push('ttl security on;');
      const mh = merged.multihop;
      const hops = mh?.enabled ? (mh.ttl ?? 64) : 1;
      if (hops !== own.ttlSecurityHops) this.notRendered(`TTL security of ${own.ttlSecurityHops} hops: BIRD takes the hop count from multihop (${hops}); written as \`ttl security on\``, own);
    }
    if (own.passive !== undefined) out.push(`passive ${own.passive ? 'on' : 'off'};`);
    if (own.shutdown !== undefined) out.push(`disabled ${own.shutdown ? 'on' : 'off'};`);
    if (own.password) {
      if (own.password.kind === 'literal' && /["\r\n]/.test(own.password.value)) this.notRendered('a password with `"` or a line break cannot be written as a BIRD string; left out', own);
      else if (own.password.kind === 'literal') out.push(`password ${quote(own.password.value)};`);
      else this.notRendered('a password in a Kubernetes Secret cannot be written into bird.conf; left out', own);
    }
    // timers
    const t = own.timers;
    const mt = merged.timers;
    const et = eff.timers;
    let hold = t?.holdTime;
    if (hold === undefined && leaf && mt?.holdTime === undefined && et?.holdTime !== undefined && et.holdTime !== this.defaults.holdTime.value) hold = et.holdTime;
    if (hold !== undefined) out.push(`hold time ${hold};`);
    let keep = t?.keepalive;
    const holdNow = hold ?? mt?.holdTime ?? this.defaults.holdTime.value;
    if (keep === undefined && leaf && mt?.keepalive === undefined && et?.keepalive !== undefined && et.keepalive !== Math.floor(holdNow / 3)) keep = et.keepalive;
    // Keepalive 0 (no keepalives): BIRD's keepalive time is 1-65535, but with hold time 0 it derives
    // keepalive 0 from the hold time itself; with a running hold timer BIRD cannot say it.
    if (keep === 0 && holdNow === 0) keep = undefined;
    else if (keep === 0) {
      this.notRendered(`keepalive 0 (no keepalives) with hold time ${holdNow}: BIRD's keepalive time is 1-65535 and follows the hold time; left out`, own);
      keep = undefined;
    }
    if (keep !== undefined) out.push(`keepalive time ${keep};`);
    let cr = t?.connectRetry;
    if (cr === undefined && leaf && mt?.connectRetry === undefined && et?.connectRetry !== undefined && et.connectRetry !== this.defaults.connectRetry.value) cr = et.connectRetry;
    if (cr !== undefined) out.push(`connect retry time ${cr};`);
    if (t?.startupHoldTime !== undefined) out.push(`startup hold time ${t.startupHoldTime};`);
    // graceful restart
    const gr = own.gracefulRestart;
    let mode = gr?.mode ?? (gr?.enabled === true ? 'full' : gr?.enabled === false ? 'disabled' : undefined);
    if (mode === undefined && leaf && merged.gracefulRestart?.mode === undefined && merged.gracefulRestart?.enabled === undefined && eff.gracefulRestart?.mode && eff.gracefulRestart.mode !== this.defaults.gracefulRestart.value.mode) mode = eff.gracefulRestart.mode;
    if (mode) out.push(`graceful restart ${mode === 'full' ? 'on' : mode === 'helper-only' ? 'aware' : 'off'};`);
    let grt = gr?.restartTime;
    if (grt === undefined && leaf && merged.gracefulRestart?.restartTime === undefined && eff.gracefulRestart?.restartTime !== undefined && eff.gracefulRestart.restartTime !== this.defaults.gracefulRestart.value.restartTime) grt = eff.gracefulRestart.restartTime;
    if (grt !== undefined) out.push(`graceful restart time ${grt};`);
    if (gr?.longLived) {
      if (this.target === 'bird1') this.notRendered('long-lived graceful restart needs BIRD 2; left out', own);
      else {
        out.push(`long lived graceful restart ${gr.longLived.enabled ? 'on' : 'off'};`);
        if (gr.longLived.staleTime !== undefined) out.push(`long lived stale time ${gr.longLived.staleTime};`);
      }
    }
    if (gr?.stalePathTime !== undefined || gr?.preserveForwardingState !== undefined) this.notRendered('stale-path time / preserve forwarding state have no BIRD form; left out', own);
    // BFD
    if (own.bfd) {
      const b = own.bfd;
      if (!b.enabled) out.push('bfd off;');
      else {
        const prof = b.profile ? s.bfdProfiles.find((p) => p.name === b.profile) : undefined;
        const inline = { ...(prof && !this.bfdBlockProfiles.has(prof.name) ? prof : {}), ...stripUndef(b) } as BfdProfile;
        const opts = this.target === 'bird' ? this.bfdOptions({ ...inline, name: '' } as BfdProfile, true) : [];
        if (prof && !this.bfdBlockProfiles.has(prof.name) && opts.length) this.sink.report('emit/lowered', `BFD profile ${prof.name} is written as per-session BFD options`, { span: b.origin?.[0] ?? prof.origin?.[0] });
        if (b.profile && !prof) this.notRendered(`BFD profile ${b.profile} is not defined; plain \`bfd on\` is written`, b);
        if (b.mode === 'strict') this.notRendered('strict BFD mode has no BIRD form; written as `bfd on`', b);
        if (opts.length && b.mode !== 'graceful') out.push('bfd {', ...opts.map((l) => `  ${l}`), '};');
        else out.push(b.mode === 'graceful' ? 'bfd graceful;' : 'bfd on;');
      }
    }
    // route reflection, capabilities
    const fams = own.families ?? [];
    if (fams.some((f) => f.routeReflectorClient)) out.push('rr client;');
    if (own.routeReflectorClusterId) out.push(`rr cluster id ${own.routeReflectorClusterId};`);
    const allow = fams.find((f) => f.allowAsIn !== undefined)?.allowAsIn;
    if (allow !== undefined) out.push(allow === 'origin' ? 'allow local as;' : `allow local as ${allow};`);
    if (own.capabilities?.routeRefresh !== undefined) out.push(`enable route refresh ${own.capabilities.routeRefresh ? 'on' : 'off'};`);
    if (own.capabilities?.fourOctetAs !== undefined) out.push(`enable as4 ${own.capabilities.fourOctetAs ? 'on' : 'off'};`);
    if (own.capabilities?.dynamic) this.notRendered('the dynamic capability has no BIRD form; left out', own.capabilities);
    if (own.capabilities?.extendedNextHop !== undefined && !fams.some((f) => f.extendedNextHop !== undefined)) this.notRendered('extended next hop is set per channel in BIRD; the session-wide capability is left out', own.capabilities);
    for (const k of ['updateSourceInterface', 'disableConnectedCheck', 'enforceFirstAs', 'nodeSelector'] as const) {
      if (own[k] !== undefined) this.notRendered(`${k} has no BIRD form; left out`, own);
    }
    // families
    pushAll(out, this.families(own, eff, merged, leaf));
    for (const r of own.raw ?? []) if (rawForeignOrKeep(this.sink, r, this.target)) pushAll(out, r.text.split('\n'));
    return out;
  }

  private families(own: Settings, eff: Settings, merged: Settings, leaf: boolean): string[] {
    const out: string[] = [];
    const ebgp = isEbgp(eff, this.s);
    const listed = new Map<Family, FamilySettings>();
    for (const f of own.families ?? []) listed.set(f.family, f);
    if (leaf) {
      for (const f of eff.families ?? []) {
        if (!f.activate) continue;
        const m = merged.families?.find((x) => x.family === f.family);
        const fill: FamilySettings = { family: f.family };
        for (const dir of ['import', 'export'] as const) {
          if (m?.[dir] || !f[dir]) continue;
          const dflt = this.target === 'bird' && ebgp !== false ? undefined : ebgp === false ? this.defaults.unfilteredIbgp.value[dir] : this.defaults.unfilteredEbgp.value[dir];
          const chain = f[dir]!;
          if (!(chain.chain.length === 0 && chain.defaultAction === dflt)) fill[dir] = chain;
        }
        const prev = listed.get(f.family);
        if (prev) listed.set(f.family, { ...fill, ...prev });
        else if (!m || fill.import || fill.export) listed.set(f.family, { ...fill, activate: true });
      }
    }
    const entries = [...listed.values()];
    if (this.target === 'bird1') {
      for (const f of entries) {
        if (f.family !== this.family1) {
          if (f.activate) this.notRendered(`family ${f.family} belongs in the other BIRD 1 daemon's config; left out`, f);
          continue;
        }
        pushAll(out, this.familyBody(f));
      }
      return out;
    }
    for (const f of entries) {
      if (f.activate === false) continue;
      const ch = FAMILY_CHANNEL[f.family];
      if (!ch) {
        this.notRendered(`family ${f.family} has no BIRD channel; left out`, f);
        continue;
      }
      const body = this.familyBody(f);
      out.push(body.length ? `${ch} {` : `${ch};`, ...body.map((l) => `  ${l}`), ...(body.length ? ['};'] : []));
    }
    return out;
  }

  /** Does this chain end in a "next policy" policy followed by reject? Then it needs the reject variant. */
  private needsRejectVariant(c: PolicyChain): boolean {
    const ref = c.chain[0];
    if (c.chain.length !== 1 || ref?.kind !== 'policy' || c.defaultAction !== 'reject') return false;
    const p = this.s.policy.policies.find((x) => x.name === ref.name);
    return p?.defaultResult === 'next-policy' && !(p.raw && p.raw.length > 0);
  }

  /** Prefix lists with deny entries used directly as a session filter: each gets a filter (see chainText). */
  private prefixFilters(): string[] {
    const used = new Set<string>();
    const chains = [this.s.globalPolicy?.import, this.s.globalPolicy?.export];
    for (const x of [...this.s.peers, ...this.s.peerGroups]) for (const f of x.families ?? []) chains.push(f.import, f.export);
    for (const c of chains) if (c?.chain[0]?.kind === 'prefix-set') used.add(c.chain[0].name);
    return this.s.policy.prefixSets
      .filter((p) => used.has(p.name))
      .map((p) => p.name)
      .filter((n) => !['false', `net ~ ${symbolName(n)}`].includes(prefixSetMatch(this.ctx, n, false)));
  }

  private rejectVariants(): Set<string> {
    const out = new Set<string>();
    for (const x of [...this.s.peers, ...this.s.peerGroups]) {
      for (const f of x.families ?? []) for (const c of [f.import, f.export]) if (c && this.needsRejectVariant(c)) out.add(c.chain[0]!.name);
    }
    return out;
  }

  private chainText(c: PolicyChain, dir: 'import' | 'export'): string | undefined {
    if (c.chain.length === 0) return c.defaultAction === 'accept' ? `${dir} all;` : `${dir} none;`;
    if (c.chain.length > 1) this.notRendered(`${dir}: a BIRD channel has one filter; only ${c.chain[0]!.name} is written`, c);
    const ref = c.chain[0]!;
    if (ref.kind === 'policy') {
      if (!this.policyNames.has(ref.name)) {
        this.notRendered(`${dir} policy ${ref.name} is not defined; written as ${dir} none`, ref);
        return `${dir} none;`;
      }
      return `${dir} filter ${symbolName(this.needsRejectVariant(c) ? rejectVariant(ref.name) : ref.name)};`;
    }
    if (ref.kind === 'prefix-set') {
      // A list with deny entries is a compound test: an all-deny list matches nothing, others get a filter of their own.
      const m = prefixSetMatch(this.ctx, ref.name, false);
      if (m === 'false') return `${dir} none;`;
      return m === `net ~ ${symbolName(ref.name)}` ? `${dir} where ${m};` : `${dir} filter ${prefixFilterName(this.ctx, ref.name)};`;
    }
    this.notRendered(`${dir}: an AS-path set used as a filter is written as ${dir} none`, ref);
    return `${dir} none;`;
  }

  private familyBody(f: FamilySettings): string[] {
    const out: string[] = [];
    // BIRD has no speaker-wide policy: a global one (GoBGP's apply-policy) goes on every channel without its own.
    const imp = f.import ?? this.s.globalPolicy?.import;
    const exp = f.export ?? this.s.globalPolicy?.export;
    if (imp) out.push(this.chainText(imp, 'import')!);
    if (exp) out.push(this.chainText(exp, 'export')!);
    if (f.softReconfigurationInbound !== undefined) {
      if (this.target === 'bird') out.push(`import table ${f.softReconfigurationInbound ? 'on' : 'off'};`);
      else this.notRendered('soft reconfiguration (import table) needs BIRD 2; left out', f);
    }
    const limit = (l: FamilySettings['prefixLimit'], what: string): void => {
      if (!l) return;
      out.push(`${what} limit ${l.max}${l.warningOnly ? ' action warn' : ''};`);
      if (l.thresholdPercent !== undefined || l.restartSeconds !== undefined) this.notRendered(`${what} limit: threshold / restart time have no BIRD form; left out`, l);
    };
    limit(f.prefixLimit, 'import');
    limit(f.exportLimit, 'export');
    if (f.nextHopSelf) {
      if (f.nextHopSelf === 'keep') out.push('next hop keep;');
      else if (f.nextHopSelf === 'force') out.push('next hop self;');
      else if (this.target === 'bird') out.push('next hop self ebgp;');
      else {
        this.sink.report('emit/lowered', 'next-hop-self (eBGP-learned routes) is written as BIRD 1 `next hop self` (all routes)', { span: f.origin?.[0] });
        out.push('next hop self;');
      }
    }
    if (f.gateway) out.push(`gateway ${f.gateway};`);
    if (f.addPath) {
      const a = f.addPath;
      if (typeof a.send === 'number') this.notRendered('add-path with a path count has no BIRD form; written as add paths tx', f);
      const send = a.send !== undefined;
      out.push(`add paths ${send && a.receive ? 'on' : send ? 'tx' : a.receive ? 'rx' : 'off'};`);
    }
    if (f.extendedNextHop !== undefined) {
      if (this.target === 'bird') out.push(`extended next hop ${f.extendedNextHop ? 'on' : 'off'};`);
      else this.notRendered('extended next hop needs BIRD 2; left out', f);
    }
    if (f.defaultOriginate) this.notRendered('default-originate has no BIRD form (use a static default route and an export filter); left out', f);
    if (f.removePrivateAs) this.notRendered('remove-private-AS has no BIRD channel option; left out', f);
    for (const r of f.raw ?? []) if (rawForeignOrKeep(this.sink, r, this.target)) pushAll(out, r.text.split('\n'));
    return out;
  }
}

function stripUndef<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'origin' && k !== 'profile' && k !== 'enabled' && k !== 'mode')) as Partial<T>;
}
