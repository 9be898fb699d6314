/**
 * FRR commands → IR (Batfish's ConfigurationBuilder + FrrConversions in one
 * step: FRR's structure is close enough to the IR that no FRR model layer is
 * needed).
 *
 * Choices (docs/formats/frr.md):
 * - Each `router bgp ASN [vrf NAME]` is one speaker; ids are the hostname
 *   (or `frr` without one), `<id>/vrf-NAME` for VRF instances.
 * - Route-maps, prefix-lists, community and as-path lists and the `bfd` node
 *   are global in FRR; they belong to the default-VRF speaker (created
 *   without an ASN when the file has no default `router bgp`).
 * - Peer ids are the neighbor address or interface name.
 * - Values are taken as written; FRR's repair of `timers KA HOLD` with
 *   KA > HOLD/3 (keepalive = HOLD/3, bgpd peer_timers_set) is applied and
 *   reported, because it is what FRR runs.
 */
import type { IToken } from 'chevrotain';
import type { Cmd, NodeRule } from '../../../grammar/frr/parser.js';
import type { ScannedLine } from '../../../grammar/frr/scanner.js';
import { Sink } from '../../diagnostics/diagnostic.js';
import { emptyDocument, emptySpeaker } from '../../ir/build.js';
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
  PolicyRef,
  RawNode,
  RemoteAs,
  Speaker,
  Statement,
} from '../../ir/schema.js';
import type { SourceFile, Span } from '../../source.js';
import type { IgnoredKind } from './ignored.js';
import { FAMILY_ORDER, familyOf, isIp, isIpv4, isIpv6, isPrefix, maskToPrefix, parseAsn, rawRank, uint } from './values.js';
import { pushAll } from '../../arrays.js';

export interface Frame {
  node: 'config' | 'bgp' | 'af' | 'rmap' | 'bfd' | 'bfdProfile' | 'ignored';
  /** Indentation of the line that opened the frame (-1 for the root). */
  indent: number;
  /** Has a line inside the frame been indented more than its header? */
  childIndented?: boolean;
  /** The header lines of this frame and its parents, outermost first. */
  context: string[];
  speaker?: Speaker;
  family?: Family;
  statement?: Statement;
  profile?: BfdProfile;
  /** ignored frames: the raw node collecting the block's lines. */
  raw?: RawNode;
  rawLines?: string[];
  /** Where an ignored block's raw node lives. */
  parent?: Frame;
  /** ignored frames: lines this rule takes belong to the block whatever their indentation (bfd peer settings). */
  memberRule?: NodeRule;
}

type Settings = Peer | PeerGroup;

const SOURCE_PROTOCOLS = new Set(['bgp', 'static', 'connected', 'kernel', 'ospf', 'isis', 'rip']);
const REDIST_SOURCES = new Set(['connected', 'static', 'kernel', 'ospf', 'isis', 'rip', 'babel']);
const CHAIN_ORDER: Record<PolicyRef['kind'], number> = { 'prefix-set': 0, 'as-path-set': 1, policy: 2 };

/** A reason a command is not mapped: the line is kept raw and reported. */
class Unmapped {
  constructor(
    readonly message: string,
    readonly code: 'parse/unrecognized' | 'parse/invalid' | 'parse/ignored' = 'parse/unrecognized',
  ) {}
}

export class FrrBuilder {
  readonly root: Frame = { node: 'config', indent: -1, context: [] };
  private readonly doc: IrDocument = emptyDocument();
  private readonly speakers = new Map<string, Speaker>();
  private readonly global = emptySpeaker('frr');
  /** Lists by kind and name: a list is looked up once per entry line, and big configs have hundreds of lists. */
  private readonly setByKey = new Map<string, object>();
  private lastPrefixSet: IrDocument['speakers'][number]['policy']['prefixSets'][number] | undefined;
  private version: string | undefined;
  private profile: string | undefined;
  private hostname: string | undefined;
  private line!: ScannedLine;

  constructor(
    private readonly file: SourceFile,
    private readonly sink: Sink,
  ) {}

  private span(l: ScannedLine = this.line): Span {
    return this.file.span(l.start + l.indent, l.end);
  }

  private origin(l: ScannedLine = this.line): Span[] {
    return [this.span(l)];
  }

  private textOf(tokens: IToken[] | undefined): string {
    if (!tokens || tokens.length === 0) return '';
    return this.file.text.slice(tokens[0]!.startOffset, tokens[tokens.length - 1]!.startOffset + tokens[tokens.length - 1]!.image.length);
  }

  // ------------------------------------------------------------ raw and diagnostics

  private rawNode(text: string, context: string[]): RawNode {
    const r: RawNode = { dialect: 'frr', text, origin: this.origin() };
    if (context.length > 0) r.context = [...context];
    return r;
  }

  /** Stores a raw line (or block) where a frame keeps them. */
  private placeRaw(frame: Frame, raw: RawNode, kind: 'match' | 'other' = 'other'): void {
    switch (frame.node) {
      case 'config':
        this.doc.raw.push(raw);
        return;
      case 'bgp':
      case 'af':
        frame.speaker!.raw.push(raw);
        return;
      case 'rmap':
        if (kind === 'match') frame.statement!.conditions.push({ kind: 'raw', raw });
        else frame.statement!.actions.push({ kind: 'raw', raw });
        return;
      case 'bfd':
      case 'bfdProfile':
        this.global.raw.push(raw);
        return;
      case 'ignored':
        return;
    }
  }

  /** A line no node takes: kept raw in its block. */
  unrecognized(frame: Frame, line: ScannedLine, text: string): Frame | undefined {
    this.line = line;
    if (frame.node === 'ignored') return undefined;
    const where = frame.context.length > 0 ? ` in \`${frame.context[frame.context.length - 1]}\`` : '';
    this.sink.report('parse/unrecognized', `\`${text}\` is not an FRR command bgpc knows${where}; kept as raw FRR text`, { span: this.span() });
    this.placeRaw(frame, this.rawNode(text, frame.context), text.startsWith('match ') ? 'match' : 'other');
    return undefined;
  }

  /** A known top-level command without BGP meaning. */
  ignored(kind: IgnoredKind, line: ScannedLine, text: string): Frame | undefined {
    this.line = line;
    this.sink.report('parse/ignored', `\`${text}\` has no BGP meaning; kept as raw FRR text`, { span: this.span() });
    const raw = this.rawNode(text, []);
    this.doc.raw.push(raw);
    if (kind === 'line') return undefined;
    return { node: 'ignored', indent: line.indent, context: [text], raw, rawLines: [text], parent: this.root };
  }

  /** A line inside an ignored block: added to the block's raw text, indented as in the source relative to the header. */
  appendToBlock(frame: Frame, line: ScannedLine): void {
    const rel = Math.max(0, line.indent - frame.indent);
    const t = `${' '.repeat(rel)}${this.file.text.slice(line.start + line.indent, line.end)}`;
    frame.rawLines!.push(t);
    frame.raw!.text = frame.rawLines!.join('\n');
    const o = frame.raw!.origin?.[0];
    if (o) frame.raw!.origin = [{ ...o, end: this.file.position(line.end) }];
  }

  private openRawBlock(frame: Frame, text: string, message: string): Frame {
    this.sink.report('parse/unrecognized', message, { span: this.span() });
    const raw = this.rawNode(text, frame.context);
    this.placeRaw(frame, raw);
    return { node: 'ignored', indent: this.line.indent, context: [...frame.context, text], raw, rawLines: [text], parent: frame };
  }

  // ------------------------------------------------------------ dispatch

  /** Maps one command; returns the frame it opens, if any. */
  apply(c: Cmd, frame: Frame, line: ScannedLine, text: string): Frame | undefined {
    this.line = line;
    try {
      const r = this.dispatch(c, frame, text);
      if (r instanceof Unmapped) {
        const severity = r.code === 'parse/invalid' ? 'warning' : undefined;
        this.sink.report(r.code, `\`${text}\`: ${r.message}; kept as raw FRR text`, { span: this.span(), ...(severity ? { severity } : {}) });
        this.placeRaw(frame, this.rawNode(text, frame.context), c.k.startsWith('match-') ? 'match' : 'other');
        return undefined;
      }
      return r;
    } catch (e) {
      // A builder bug must not take the whole parse down.
      this.sink.report('parse/unrecognized', `\`${text}\`: internal error (${(e as Error).message}); kept as raw FRR text`, { span: this.span() });
      this.placeRaw(frame, this.rawNode(text, frame.context));
      return undefined;
    }
  }

  private dispatch(c: Cmd, frame: Frame, text: string): Frame | undefined | Unmapped {
    const a = c.a;
    const v = a['v']?.image;
    switch (c.k) {
      // -------- config node
      case 'frr-version':
        this.version = v;
        return;
      case 'frr-defaults':
        if (v !== 'traditional' && v !== 'datacenter') return new Unmapped(`unknown defaults profile "${v}"`, 'parse/invalid');
        this.profile = v;
        return;
      case 'hostname':
        this.hostname = v;
        return;
      case 'router-bgp':
        return this.routerBgp(a, text);
      case 'prefix-list':
        return this.prefixList(a);
      case 'prefix-list-description':
        this.sink.report('parse/ignored', `\`${text}\` has no BGP meaning; kept as raw FRR text`, { span: this.span() });
        this.doc.raw.push(this.rawNode(text, []));
        return;
      case 'community-list':
        return this.communityList(a, c.rest);
      case 'as-path-list':
        return this.asPathList(a, c.rest);
      case 'route-map':
        return this.routeMap(a, text);
      case 'bfd':
        return { node: 'bfd', indent: this.line.indent, context: ['bfd'] };
      // -------- router bgp / address-family
      case 'address-family': {
        const fam = familyOf(a['afi']!.image, a['safi']?.image);
        if (!fam) return this.openRawBlock(frame, text, `\`${text}\`: address family not modelled; the block is kept as raw FRR text`);
        return { node: 'af', indent: this.line.indent, context: [...frame.context, text], speaker: frame.speaker!, family: fam };
      }
      case 'timers-bgp':
        return this.timers(frame.speaker!, a['ka']!.image, a['hold']!.image, 'timers bgp');
      case 'network':
      case 'aggregate-address':
      case 'redistribute':
      case 'maximum-paths':
        return this.afCommand(c, frame);
      case 'bfd-profile': {
        const name = v!;
        let p = this.global.bfdProfiles.find((x) => x.name === name);
        if (!p) {
          p = { name, origin: this.origin() };
          this.global.bfdProfiles.push(p);
        }
        return { node: 'bfdProfile', indent: this.line.indent, context: ['bfd', text], profile: p };
      }
      case 'bfd-peer':
        return { ...this.openRawBlock(frame, text, `\`${text}\`: BFD peer sessions are not in the IR; the block is kept as raw FRR text`), memberRule: 'bfdProfileLine' };
      default:
        if (c.k.startsWith('nbr-') || c.k.startsWith('no nbr-')) return this.neighbor(c, frame, text);
        if (c.k.startsWith('bgp-') || c.k.startsWith('no bgp-')) return this.bgpOption(c, frame.speaker!, text);
        if (c.k.startsWith('match-')) return this.match(c, frame.statement!);
        if (c.k.startsWith('set-') || c.k.startsWith('rm-')) return this.set(c, frame.statement!, text);
        if (c.k.startsWith('bfdp-')) return this.bfdProfile(c, frame.profile!);
        return new Unmapped('not mapped');
    }
  }

  // ------------------------------------------------------------ router bgp

  private routerBgp(a: Cmd['a'], text: string): Frame | Unmapped {
    const kind = a['kind']?.image;
    if (kind === 'view') return this.openRawBlock(this.root, text, `\`${text}\`: BGP views are not in the IR; the block is kept as raw FRR text`);
    const vrf = a['name']?.image;
    const key = vrf ?? '';
    const asnTok = a['asn']?.image;
    const asn = parseAsn(asnTok);
    if (asnTok !== undefined && asn === undefined) return new Unmapped(`"${asnTok}" is not an AS number`, 'parse/invalid');
    let sp = this.speakers.get(key);
    if (!sp) {
      if (asn === undefined) return new Unmapped('`router bgp` without an AS number names no existing instance', 'parse/invalid');
      sp = emptySpeaker(key);
      sp.asn = asn;
      if (vrf) sp.vrf = vrf;
      sp.origin = this.origin();
      this.speakers.set(key, sp);
    } else if (asn !== undefined && sp.asn !== undefined && sp.asn !== asn) {
      return this.openRawBlock(this.root, text, `\`${text}\`: BGP is already running with AS ${sp.asn} (FRR refuses the block); kept as raw FRR text`);
    }
    const header = `router bgp ${sp.asn}${vrf ? ` vrf ${vrf}` : ''}`;
    return { node: 'bgp', indent: this.line.indent, context: [header], speaker: sp, family: 'ipv4-unicast' };
  }

  private timers(target: { timers?: Speaker['timers'] }, kaS: string, holdS: string, what: string): undefined | Unmapped {
    const ka = uint(kaS, 0, 65535);
    const hold = uint(holdS, 0, 65535);
    if (ka === undefined || hold === undefined) return new Unmapped('timers are 0-65535 seconds', 'parse/invalid');
    if (hold > 0 && hold < 3) return new Unmapped(`FRR refuses a hold time of ${hold} s (0 or 3-65535)`, 'parse/invalid');
    let keepalive = ka;
    if (hold > 0 && ka > Math.floor(hold / 3)) {
      keepalive = Math.floor(hold / 3);
      this.sink.report('parse/invalid', `\`${what} ${ka} ${hold}\`: FRR uses keepalive ${keepalive} (hold ${hold} / 3), not ${ka}`, {
        span: this.span(),
        severity: 'warning',
        hint: `write \`${what} ${keepalive} ${hold}\` to say what FRR does`,
      });
    }
    target.timers = { ...target.timers, keepalive, holdTime: hold };
    return undefined;
  }

  private bgpOption(c: Cmd, sp: Speaker, text: string): undefined | Unmapped {
    const a = c.a;
    const no = c.k.startsWith('no ');
    const k = no ? c.k.slice(3) : c.k;
    const v = a['v']?.image;
    const opts = (sp.options ??= {});
    switch (k) {
      case 'bgp-router-id':
        if (no) break;
        if (!isIpv4(v!)) return new Unmapped('a router-id is an IPv4 address', 'parse/invalid');
        sp.routerId = v;
        return;
      case 'bgp-listen-range': {
        if (no) break;
        const prefix = a['prefix']!.image;
        if (!isPrefix(prefix)) return new Unmapped(`"${prefix}" is not a prefix`, 'parse/invalid');
        sp.listenRanges.push({ prefix, group: a['group']!.image, origin: this.origin() });
        return;
      }
      case 'bgp-listen-limit': {
        if (no) break;
        const n = uint(v, 1, 65535);
        if (n === undefined) return new Unmapped('the listen limit is 1-65535', 'parse/invalid');
        opts.listenLimit = n;
        return;
      }
      case 'bgp-ebgp-requires-policy':
        opts.ebgpRequiresPolicy = !no;
        return;
      case 'bgp-default-afi':
        if (v === 'ipv4-unicast') opts.defaultIpv4Unicast = !no;
        else opts.defaultIpv6Unicast = !no;
        return;
      case 'bgp-default-local-preference': {
        if (no) break;
        const n = uint(v, 0, 4294967295);
        if (n === undefined) return new Unmapped('local preference is 0-4294967295', 'parse/invalid');
        opts.defaultLocalPref = n;
        return;
      }
      case 'bgp-bestpath': {
        const bp = (opts.bestpath ??= {});
        const set = !no;
        if (v === 'multipath-relax') bp.asPathMultipathRelax = set;
        else if (v === 'ignore') bp.asPathIgnore = set;
        else if (v === 'compare-routerid') bp.compareRouterId = set;
        else if (v === 'missing-as-worst') bp.missingAsWorst = set;
        else if (v === 'always-compare-med') bp.alwaysCompareMed = set;
        else if (v === 'deterministic-med') bp.deterministicMed = set;
        return;
      }
      case 'bgp-graceful-restart': {
        if (no) break;
        const gr = (sp.gracefulRestart ??= {});
        if (a['restartTime']) {
          const n = uint(a['restartTime'].image, 0, 4095);
          if (n === undefined) return new Unmapped('restart-time is 0-4095', 'parse/invalid');
          gr.restartTime = n;
        } else if (a['staleTime']) {
          const n = uint(a['staleTime'].image, 1, 4095);
          if (n === undefined) return new Unmapped('stalepath-time is 1-4095', 'parse/invalid');
          gr.stalePathTime = n;
        } else if (a['preserve']) {
          gr.preserveForwardingState = true;
        } else {
          gr.enabled = true;
          gr.mode = 'full';
        }
        return;
      }
      case 'bgp-graceful-restart-disable':
        if (no) break;
        sp.gracefulRestart = { ...sp.gracefulRestart, enabled: false, mode: 'disabled' };
        return;
      case 'bgp-llgr': {
        if (no) break;
        const n = uint(v, 1, 4294967295);
        if (n === undefined) return new Unmapped('stale-time is 1-4294967295', 'parse/invalid');
        sp.gracefulRestart = { ...sp.gracefulRestart, longLived: { enabled: true, staleTime: n } };
        return;
      }
      case 'bgp-network-import-check':
        opts.networkImportCheck = !no;
        return;
      case 'bgp-cluster-id':
        if (no) break;
        opts.clusterId = v;
        return;
      case 'bgp-ignored':
        return new Unmapped('no routing meaning', 'parse/ignored');
    }
    return new Unmapped(`\`${text.split(' ').slice(0, 3).join(' ')}\` is not mapped`);
  }

  // ------------------------------------------------------------ neighbors

  /** Neighbors and peer groups of each speaker by name (a linear parse needs O(1) look-ups). */
  private readonly neighbors = new WeakMap<Speaker, Map<string, Settings>>();

  private byName(sp: Speaker): Map<string, Settings> {
    let m = this.neighbors.get(sp);
    if (!m) {
      m = new Map();
      this.neighbors.set(sp, m);
    }
    return m;
  }

  private findSettings(sp: Speaker, id: string): Settings | undefined {
    return this.byName(sp).get(id);
  }

  private newPeer(sp: Speaker, id: string, iface?: boolean): Peer {
    const p: Peer = iface ? { id, interface: id, origin: this.origin() } : { id, address: id, origin: this.origin() };
    sp.peers.push(p);
    this.byName(sp).set(id, p);
    return p;
  }

  private newGroup(sp: Speaker, name: string): void {
    const g: PeerGroup = { name, kind: 'peer-group', origin: this.origin() };
    sp.peerGroups.push(g);
    this.byName(sp).set(name, g);
  }

  private family(s: Settings, family: Family): FamilySettings {
    const list = (s.families ??= []);
    let f = list.find((x) => x.family === family);
    if (!f) {
      f = { family, origin: this.origin() };
      list.push(f);
    }
    return f;
  }

  private neighbor(c: Cmd, frame: Frame, text: string): undefined | Unmapped {
    const sp = frame.speaker!;
    const a = c.a;
    const id = a['id']!.image;
    const no = c.k.startsWith('no ');
    const k = no ? c.k.slice(3) : c.k;
    const v = a['v']?.image;

    // Commands that create neighbors.
    if (k === 'nbr-peer-group-declare') {
      if (!this.findSettings(sp, id)) this.newGroup(sp, id);
      else if (!sp.peerGroups.some((g) => g.name === id)) return new Unmapped(`${id} is already a neighbor`, 'parse/invalid');
      return;
    }
    if (k === 'nbr-interface') {
      if (isIp(id)) {
        const p = (this.findSettings(sp, id) as Peer | undefined) ?? this.newPeer(sp, id);
        if (!a['ifname']) return new Unmapped('an address neighbor takes `interface IFNAME`', 'parse/invalid');
        p.interface = a['ifname'].image;
        return;
      }
      if (a['v6only']) return new Unmapped('`v6only` interface neighbors are not in the IR');
      if (a['ifname']) return new Unmapped('an interface neighbor takes `peer-group` or `remote-as` here', 'parse/invalid');
      if (sp.peerGroups.some((g) => g.name === id)) return new Unmapped(`${id} is a peer group`, 'parse/invalid');
      const found = this.findSettings(sp, id);
      const p = found && 'id' in found ? found : this.newPeer(sp, id, true);
      if (a['group']) p.group = a['group'].image;
      if (a['remoteAs']) {
        const ra = remoteAs(a['remoteAs'].image);
        if (!ra) return new Unmapped(`"${a['remoteAs'].image}" is not an AS`, 'parse/invalid');
        p.remoteAs = ra;
      }
      return;
    }
    let s = this.findSettings(sp, id);
    if (!s) {
      if (!isIp(id)) return new Unmapped(`${id} is neither an address, a peer group nor an interface neighbor declared before`, 'parse/invalid');
      s = this.newPeer(sp, id);
    }
    const isGroup = !('id' in s);

    switch (k) {
      case 'nbr-remote-as': {
        const ra = remoteAs(v!);
        if (!ra) return new Unmapped(`"${v}" is not an AS`, 'parse/invalid');
        s.remoteAs = ra;
        return;
      }
      case 'nbr-peer-group': {
        if (isGroup) return new Unmapped(`${id} is a peer group itself`, 'parse/invalid');
        (s as Peer).group = v;
        return;
      }
      case 'nbr-description':
        s.description = this.textOf(c.rest);
        return;
      case 'nbr-update-source':
        if (isIp(v!)) s.localAddress = v;
        else s.updateSourceInterface = v;
        return;
      case 'nbr-ebgp-multihop': {
        if (v === undefined) {
          s.multihop = { enabled: true };
          return;
        }
        const n = uint(v, 1, 255);
        if (n === undefined) return new Unmapped('ebgp-multihop is 1-255', 'parse/invalid');
        s.multihop = { enabled: true, ttl: n };
        return;
      }
      case 'nbr-ttl-security': {
        const n = uint(v, 1, 254);
        if (n === undefined) return new Unmapped('ttl-security hops is 1-254', 'parse/invalid');
        s.ttlSecurityHops = n;
        return;
      }
      case 'nbr-disable-connected-check':
        s.disableConnectedCheck = true;
        return;
      case 'nbr-password':
        s.password = { kind: 'literal', value: this.textOf(c.rest) };
        return;
      case 'nbr-timers':
        return this.timers(s, a['ka']!.image, a['hold']!.image, `neighbor ${id} timers`);
      case 'nbr-timers-connect': {
        const n = uint(v, 1, 65535);
        if (n === undefined) return new Unmapped('connect timer is 1-65535', 'parse/invalid');
        s.timers = { ...s.timers, connectRetry: n };
        return;
      }
      case 'nbr-passive':
        s.passive = true;
        return;
      case 'nbr-shutdown':
        if (c.rest && c.rest.length > 0) return new Unmapped('shutdown messages and RTT shutdown are not in the IR');
        s.shutdown = true;
        return;
      case 'nbr-port': {
        const n = uint(a['v']?.image, 1, 65535);
        if (n === undefined) return new Unmapped('port is 1-65535', 'parse/invalid');
        s.port = n;
        return;
      }
      case 'nbr-bfd': {
        const bfd = { ...s.bfd, enabled: true };
        if (a['profile']) bfd.profile = a['profile'].image;
        if (a['mult']) {
          const m = uint(a['mult'].image, 2, 255);
          const rx = uint(a['rx']!.image, 50, 60000);
          const tx = uint(a['tx']!.image, 50, 60000);
          if (m === undefined || rx === undefined || tx === undefined) return new Unmapped('bfd takes (2-255) (50-60000) (50-60000)', 'parse/invalid');
          bfd.detectMultiplier = m;
          bfd.receiveIntervalUs = rx * 1000;
          bfd.transmitIntervalUs = tx * 1000;
        }
        s.bfd = bfd;
        return;
      }
      case 'nbr-local-as': {
        const asn = parseAsn(a['asn']!.image);
        if (asn === undefined) return new Unmapped('local-as is an AS number', 'parse/invalid');
        s.localAs = { asn, ...(a['noPrepend'] ? { noPrepend: true } : {}), ...(a['replaceAs'] ? { replaceAs: true } : {}) };
        return;
      }
      case 'nbr-capability': {
        const caps = (s.capabilities ??= {});
        if (v === 'extended-nexthop') caps.extendedNextHop = !no;
        else caps.dynamic = !no;
        return;
      }
      case 'nbr-graceful-restart':
        if (v === 'graceful-restart') s.gracefulRestart = { ...s.gracefulRestart, enabled: true, mode: 'full' };
        else if (v === 'graceful-restart-helper') s.gracefulRestart = { ...s.gracefulRestart, enabled: true, mode: 'helper-only' };
        else s.gracefulRestart = { ...s.gracefulRestart, enabled: false, mode: 'disabled' };
        return;
      case 'nbr-enforce-first-as':
        s.enforceFirstAs = !no;
        return;
    }
    // Address-family options: the frame's family (ipv4 unicast at the router level).
    const f = this.family(s, frame.family ?? 'ipv4-unicast');
    switch (k) {
      case 'nbr-activate':
        f.activate = !no;
        return;
      case 'nbr-filter': {
        const kind = a['kind']!.image === 'route-map' ? 'policy' : a['kind']!.image === 'prefix-list' ? 'prefix-set' : 'as-path-set';
        const dir = a['dir']!.image === 'in' ? 'import' : 'export';
        const chain = (f[dir] ??= { chain: [] });
        const ref: PolicyRef = { kind, name: a['name']!.image, origin: this.origin() };
        chain.chain = [...chain.chain.filter((r) => r.kind !== kind), ref].sort((x, y) => CHAIN_ORDER[x.kind] - CHAIN_ORDER[y.kind]);
        return;
      }
      case 'nbr-soft-reconfiguration':
        f.softReconfigurationInbound = true;
        return;
      case 'nbr-next-hop-self':
        if (v === undefined) f.nextHopSelf = 'self';
        else if (v === 'force') f.nextHopSelf = 'force';
        else return new Unmapped(`next-hop-self ${v} is not in the IR`);
        return;
      case 'nbr-route-reflector-client':
        f.routeReflectorClient = true;
        return;
      case 'nbr-allowas-in': {
        if (v === undefined) f.allowAsIn = 3;
        else if (v === 'origin') f.allowAsIn = 'origin';
        else {
          const n = uint(v, 1, 10);
          if (n === undefined) return new Unmapped('allowas-in is 1-10 or origin', 'parse/invalid');
          f.allowAsIn = n;
        }
        return;
      }
      case 'nbr-maximum-prefix':
        return this.maximumPrefix(f, c.rest ?? []);
      case 'nbr-maximum-prefix-out': {
        const n = uint(v, 1, 4294967295);
        if (n === undefined) return new Unmapped('maximum-prefix-out is 1-4294967295', 'parse/invalid');
        f.exportLimit = { max: n };
        return;
      }
      case 'nbr-default-originate':
        f.defaultOriginate = a['map'] ? { policy: a['map'].image } : {};
        return;
      case 'nbr-remove-private-as': {
        const w = (c.rest ?? []).map((t) => t.image).join(' ');
        const m = ({ '': 'remove', all: 'all', 'replace-AS': 'replace', 'all replace-AS': 'all-replace' } as const)[w];
        if (!m) return new Unmapped(`remove-private-AS ${w} is not FRR syntax`, 'parse/invalid');
        f.removePrivateAs = m;
        return;
      }
      case 'nbr-addpath-tx-all':
        f.addPath = { ...f.addPath, send: 'all' };
        return;
      case 'nbr-disable-addpath-rx':
        f.addPath = { ...f.addPath, receive: false };
        return;
    }
    return new Unmapped(`\`${text}\` is not mapped`);
  }

  private maximumPrefix(f: FamilySettings, words: IToken[]): undefined | Unmapped {
    const w = words.map((t) => t.image);
    const max = uint(w[0], 1, 4294967295);
    if (max === undefined) return new Unmapped('maximum-prefix is 1-4294967295', 'parse/invalid');
    const lim: NonNullable<FamilySettings['prefixLimit']> = { max };
    let i = 1;
    const th = uint(w[i], 1, 100);
    if (th !== undefined) {
      lim.thresholdPercent = th;
      i++;
    }
    if (w[i] === 'warning-only') {
      lim.warningOnly = true;
      i++;
    } else if (w[i] === 'restart') {
      const r = uint(w[i + 1], 1, 65535);
      if (r === undefined) return new Unmapped('restart is 1-65535 minutes', 'parse/invalid');
      lim.restartSeconds = r * 60;
      i += 2;
    }
    if (w[i] === 'force') return new Unmapped('`force` is not in the IR');
    if (i !== w.length) return new Unmapped('not FRR maximum-prefix syntax', 'parse/invalid');
    f.prefixLimit = lim;
    return undefined;
  }

  // ------------------------------------------------------------ networks, aggregates, redistribution, multipath

  private afCommand(c: Cmd, frame: Frame): undefined | Unmapped {
    const sp = frame.speaker!;
    const fam = frame.family ?? 'ipv4-unicast';
    const a = c.a;
    const unicast = fam === 'ipv4-unicast' || fam === 'ipv6-unicast';
    const prefixOf = (): string | undefined => {
      const p = a['prefix']!.image;
      if (a['mask']) return maskToPrefix(p, a['mask']!.image);
      return isPrefix(p) ? p : undefined;
    };
    const matchesFamily = (p: string) => (fam.startsWith('ipv6') ? p.includes(':') : !p.includes(':'));
    switch (c.k) {
      case 'network': {
        if (!unicast) return new Unmapped(`networks of ${fam} are not in the IR`);
        const prefix = prefixOf();
        if (!prefix || !matchesFamily(prefix)) return new Unmapped(`not a ${fam} prefix`, 'parse/invalid');
        sp.networks.push({
          prefix,
          ...(a['map'] ? { policy: a['map'].image } : {}),
          ...(a['backdoor'] ? { backdoor: true } : {}),
          origin: this.origin(),
        });
        return;
      }
      case 'aggregate-address': {
        if (!unicast) return new Unmapped(`aggregates of ${fam} are not in the IR`);
        const prefix = prefixOf();
        if (!prefix || !matchesFamily(prefix)) return new Unmapped(`not a ${fam} prefix`, 'parse/invalid');
        sp.aggregates.push({
          prefix,
          ...(a['summaryOnly'] ? { summaryOnly: true } : {}),
          ...(a['asSet'] ? { asSet: true } : {}),
          ...(a['map'] ? { policy: a['map'].image } : {}),
          origin: this.origin(),
        });
        return;
      }
      case 'redistribute': {
        const source = a['source']!.image;
        if (!unicast) return new Unmapped(`redistribution into ${fam} is not in the IR`);
        if (!REDIST_SOURCES.has(source)) return new Unmapped(`redistribute ${source} is not in the IR`);
        const metric = a['metric'] ? uint(a['metric'].image, 0, 4294967295) : undefined;
        if (a['metric'] && metric === undefined) return new Unmapped('metric is 0-4294967295', 'parse/invalid');
        sp.redistribute.push({
          family: fam,
          source: source as 'connected',
          ...(a['map'] ? { policy: a['map'].image } : {}),
          ...(metric !== undefined ? { metric } : {}),
          origin: this.origin(),
        });
        return;
      }
      case 'maximum-paths': {
        if (fam !== 'ipv4-unicast') return new Unmapped(`maximum-paths of ${fam}: the IR has one speaker-wide value (ipv4 unicast)`);
        const n = uint(a['v']!.image, 1, 256);
        if (n === undefined) return new Unmapped('maximum-paths is 1-256', 'parse/invalid');
        const opts = (sp.options ??= {});
        opts.multipath = { ...opts.multipath, ...(a['ibgp'] ? { ibgp: n } : { ebgp: n }) };
        return;
      }
    }
    return new Unmapped('not mapped');
  }

  // ------------------------------------------------------------ lists

  /**
   * Per list: the effective sequence number of each entry (parallel to its
   * entries), the highest so far, and whether they arrived in order (then
   * finish() has nothing to sort; configs almost always list entries in order).
   */
  private readonly seqs = new Map<object, { max: number; nums: number[]; sorted: boolean }>();

  /**
   * Adds an entry under the sequence number FRR gives it: as written, or the
   * highest so far rounded down to 5, plus 5. With `replace` (prefix lists) an
   * entry with the same number replaces the earlier one, as FRR does.
   */
  private addEntry<T>(list: { entries: T[] }, entry: T, seq: number | undefined, replace: boolean): void {
    let st = this.seqs.get(list);
    if (!st) {
      st = { max: 0, nums: [], sorted: true };
      this.seqs.set(list, st);
    }
    const n = seq ?? Math.floor(st.max / 5) * 5 + 5;
    if (replace && n <= st.max) {
      const i = st.nums.indexOf(n);
      if (i >= 0) {
        list.entries[i] = entry;
        return;
      }
    }
    if (n < st.max) st.sorted = false;
    st.max = Math.max(st.max, n);
    list.entries.push(entry);
    st.nums.push(n);
  }

  /** Entries in sequence order (a stable sort, so equal numbers keep their order). */
  private sortEntries(list: { entries: unknown[] }): void {
    const st = this.seqs.get(list);
    if (!st || st.sorted) return;
    const idx = list.entries.map((_, i) => i).sort((a, b) => st.nums[a]! - st.nums[b]!);
    const entries = idx.map((i) => list.entries[i]);
    st.nums = idx.map((i) => st.nums[i]!);
    list.entries.length = 0;
    pushAll(list.entries, entries);
    st.sorted = true;
  }

  private prefixList(a: Cmd['a']): undefined | Unmapped {
    const family = a['afi']!.image === 'ip' ? 'ipv4' : 'ipv6';
    const name = a['name']!.image;
    const seqS = a['seq']?.image;
    const seq = seqS !== undefined ? uint(seqS, 1, 4294967295) : undefined;
    if (seqS !== undefined && seq === undefined) return new Unmapped('seq is 1-4294967295', 'parse/invalid');
    let prefix: string;
    let ge: number | undefined;
    let le: number | undefined;
    const max = family === 'ipv4' ? 32 : 128;
    if (a['any']) {
      prefix = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
      le = max;
    } else {
      prefix = a['prefix']!.image;
      if (!isPrefix(prefix) || (family === 'ipv4') !== isIpv4(prefix.slice(0, prefix.indexOf('/')))) return new Unmapped(`"${prefix}" is not an ${family} prefix`, 'parse/invalid');
      ge = a['ge'] ? uint(a['ge'].image, 0, max) : undefined;
      le = a['le'] ? uint(a['le'].image, 0, max) : undefined;
      if ((a['ge'] && ge === undefined) || (a['le'] && le === undefined)) return new Unmapped(`ge/le are 0-${max}`, 'parse/invalid');
    }
    const sets = this.global.policy.prefixSets;
    // Consecutive lines are nearly always of the same list: skip the lookup then.
    const lastSet = this.lastPrefixSet;
    let set = lastSet && lastSet.name === name && lastSet.family === family ? lastSet : undefined;
    const key = set ? '' : `p ${family} ${name}`;
    set ??= this.setByKey.get(key) as (typeof sets)[number] | undefined;
    if (!set) {
      set = { name, family, entries: [], origin: this.origin() };
      sets.push(set);
      this.setByKey.set(key, set);
    }
    this.lastPrefixSet = set;
    // Plain assignments, not conditional spreads: this runs once per prefix-list
    // line, and spreads of differently shaped literals are several times slower.
    // (keys in IR order: seq, action, prefix, ge, le, origin)
    const entry = {} as { seq?: number; action: 'permit' | 'deny'; prefix: string; ge?: number; le?: number; origin: Span[] };
    if (seq !== undefined) entry.seq = seq;
    entry.action = a['action']!.image as 'permit' | 'deny';
    entry.prefix = prefix;
    if (ge !== undefined) entry.ge = ge;
    if (le !== undefined) entry.le = le;
    entry.origin = this.origin();
    this.addEntry(set, entry, seq, true);
    return undefined;
  }

  private communityList(a: Cmd['a'], rest: IToken[] | undefined): undefined | Unmapped {
    const list = a['list']!.image;
    const kind = list === 'community-list' ? 'standard' : list === 'large-community-list' ? 'large' : 'extended';
    const name = a['name']!.image;
    const type = a['type']?.image;
    const num = /^\d+$/.test(name) ? Number(name) : undefined;
    if (!type && (num === undefined || num < 1 || num > 500)) return new Unmapped('a list without standard/expanded is numbered 1-500', 'parse/invalid');
    const regex = type === 'expanded' || (!type && num! >= 100);
    const seqS = a['seq']?.image;
    const seq = seqS !== undefined ? uint(seqS, 0, 4294967295) : undefined;
    if (seqS !== undefined && seq === undefined) return new Unmapped('seq is 0-4294967295', 'parse/invalid');
    const sets = this.global.policy.communitySets;
    const key = `c ${kind} ${name}`;
    let set = this.setByKey.get(key) as (typeof sets)[number] | undefined;
    if (!set) {
      set = { name, kind, entries: [], origin: this.origin() };
      sets.push(set);
      this.setByKey.set(key, set);
    }
    const entry = {
      action: a['action']!.image as 'permit' | 'deny',
      value: this.textOf(rest),
      ...(regex ? { regex: true } : {}),
      origin: this.origin(),
    };
    this.addEntry(set, entry, seq, false);
    return undefined;
  }

  private asPathList(a: Cmd['a'], rest: IToken[] | undefined): undefined | Unmapped {
    const name = a['name']!.image;
    const seqS = a['seq']?.image;
    const seq = seqS !== undefined ? uint(seqS, 0, 4294967295) : undefined;
    if (seqS !== undefined && seq === undefined) return new Unmapped('seq is 0-4294967295', 'parse/invalid');
    const sets = this.global.policy.asPathSets;
    const key = `a ${name}`;
    let set = this.setByKey.get(key) as (typeof sets)[number] | undefined;
    if (!set) {
      set = { name, entries: [], origin: this.origin() };
      sets.push(set);
      this.setByKey.set(key, set);
    }
    const entry = { action: a['action']!.image as 'permit' | 'deny', regex: this.textOf(rest), origin: this.origin() };
    this.addEntry(set, entry, seq, false);
    return undefined;
  }

  // ------------------------------------------------------------ route-maps

  private routeMap(a: Cmd['a'], text: string): Frame | Unmapped {
    const name = a['name']!.image;
    const seq = uint(a['seq']!.image, 1, 65535);
    if (seq === undefined) return new Unmapped('the sequence number is 1-65535', 'parse/invalid');
    const permit = a['action']!.image === 'permit';
    const policies = this.global.policy.policies;
    let pol = policies.find((p) => p.name === name);
    if (!pol) {
      pol = { name, statements: [], defaultResult: 'reject', origin: this.origin() };
      policies.push(pol);
    }
    let st = pol.statements.find((s) => s.seq === seq);
    if (!st) {
      st = { seq, conditions: [], actions: [], result: permit ? 'accept' : 'reject', origin: this.origin() };
      const at = pol.statements.findIndex((s) => (s.seq ?? 0) > seq);
      if (at < 0) pol.statements.push(st);
      else pol.statements.splice(at, 0, st);
    } else {
      st.result = permit ? (st.result === 'continue' ? 'continue' : 'accept') : 'reject';
    }
    return { node: 'rmap', indent: this.line.indent, context: [`route-map ${name} ${permit ? 'permit' : 'deny'} ${seq}`], statement: st };
  }

  private match(c: Cmd, st: Statement): undefined | Unmapped {
    const a = c.a;
    const v = a['v']!.image;
    const origin = this.origin();
    let cond: Condition | undefined;
    switch (c.k) {
      case 'match-prefix-list':
        cond = { kind: 'prefix-set', name: v, origin };
        break;
      case 'match-next-hop':
        if (!isIp(v)) return new Unmapped(`"${v}" is not an address`, 'parse/invalid');
        cond = { kind: 'next-hop', addresses: [v], origin };
        break;
      case 'match-community': {
        const kind = a['kind']!.image;
        if (kind === 'community') cond = { kind: 'community-set', name: v, ...(a['exact'] ? { exact: true } : {}), origin };
        else if (kind === 'large-community') {
          if (a['exact']) return new Unmapped('exact-match on large communities is not in the IR');
          cond = { kind: 'large-community-set', name: v, origin };
        } else cond = { kind: 'ext-community-set', name: v, origin };
        break;
      }
      case 'match-as-path':
        cond = { kind: 'as-path-set', name: v, origin };
        break;
      case 'match-peer':
        if (!isIp(v)) return new Unmapped(`match peer ${v} is not in the IR`);
        cond = { kind: 'neighbor', addresses: [v], origin };
        break;
      case 'match-source-protocol':
        if (!SOURCE_PROTOCOLS.has(v)) return new Unmapped(`source-protocol ${v} is not in the IR`);
        cond = { kind: 'source-protocol', protocol: v as 'bgp', origin };
        break;
      case 'match-number': {
        const n = uint(v, 0, 4294967295);
        if (n === undefined) return new Unmapped('not a number', 'parse/invalid');
        const k = a['kind']!.image;
        cond = { kind: k === 'local-preference' ? 'local-pref' : k === 'metric' ? 'med' : 'tag', value: n, origin };
        break;
      }
    }
    if (!cond) return new Unmapped('not mapped');
    st.conditions.push(cond);
    return undefined;
  }

  private set(c: Cmd, st: Statement, text: string): undefined | Unmapped {
    const a = c.a;
    const v = a['v']?.image;
    const origin = this.origin();
    let act: Action | undefined;
    switch (c.k) {
      case 'set-number': {
        const k = a['kind']!.image;
        if (k === 'metric') {
          const m = /^([+-]?)(\d{1,10})$/.exec(v!);
          const n = m ? Number(m[2]) : undefined;
          if (n === undefined || n > 4294967295) return new Unmapped(`set metric ${v} is not in the IR`);
          act = { kind: 'set-med', value: n, ...(m![1] === '+' ? { op: 'add' as const } : m![1] === '-' ? { op: 'subtract' as const } : {}), origin };
          break;
        }
        const n = uint(v, 0, 4294967295);
        if (n === undefined) return new Unmapped(`set ${k} ${v} is not in the IR`);
        act =
          k === 'local-preference'
            ? { kind: 'set-local-pref', value: n, origin }
            : k === 'weight'
              ? { kind: 'set-weight', value: n, origin }
              : { kind: 'set-tag', value: n, origin };
        break;
      }
      case 'set-origin':
        if (v !== 'igp' && v !== 'egp' && v !== 'incomplete') return new Unmapped('origin is igp, egp or incomplete', 'parse/invalid');
        act = { kind: 'set-origin', value: v, origin };
        break;
      case 'set-community': {
        const words = (c.rest ?? []).map((t) => t.image);
        const communityKind = a['kind']!.image === 'community' ? 'standard' : 'large';
        if (words.length === 1 && words[0] === 'none') {
          act = { kind: 'community', communityKind, op: 'replace', values: [], origin };
          break;
        }
        const additive = words[words.length - 1] === 'additive';
        const values = additive ? words.slice(0, -1) : words;
        if (values.length === 0 || values.includes('none') || values.includes('additive')) return new Unmapped('not FRR syntax', 'parse/invalid');
        act = { kind: 'community', communityKind, op: additive ? 'add' : 'replace', values, origin };
        break;
      }
      case 'set-comm-list-delete':
        act = { kind: 'community', communityKind: a['kind']!.image === 'comm-list' ? 'standard' : 'large', op: 'remove', set: v!, origin };
        break;
      case 'set-prepend': {
        if (a['last']) {
          const n = uint(v, 1, 10);
          if (n === undefined) return new Unmapped('last-as is 1-10', 'parse/invalid');
          act = { kind: 'as-path-prepend', asn: 'last-as', repeat: n, origin };
          break;
        }
        const asns = (c.rest ?? []).map((t) => parseAsn(t.image));
        if (asns.some((x) => x === undefined)) return new Unmapped('not a list of AS numbers', 'parse/invalid');
        if (asns.some((x) => x !== asns[0])) return new Unmapped('prepending different AS numbers in one line is not in the IR');
        act = { kind: 'as-path-prepend', asn: asns[0]!, ...(asns.length > 1 ? { repeat: asns.length } : {}), origin };
        break;
      }
      case 'set-next-hop': {
        const v6 = a['afi']!.image === 'ipv6';
        if (v6 ? a['global'] && isIpv6(v!) : isIpv4(v!)) act = { kind: 'set-next-hop', value: v!, origin };
        else if (!v6 && (v === 'peer-address' || v === 'unchanged')) act = { kind: 'set-next-hop', value: v, origin };
        else return new Unmapped(`\`${text}\` is not in the IR`);
        break;
      }
      case 'rm-continue': {
        if (st.result === 'reject') return new Unmapped('continue in a deny entry has no effect');
        if (a['goto']) return new Unmapped('jumps to a given entry are not in the IR (only "go on with the next entry")');
        st.result = 'continue';
        return undefined;
      }
      case 'rm-call':
        return new Unmapped('route-map calls are not in the IR');
      case 'rm-description':
        return new Unmapped('descriptions have no routing meaning', 'parse/ignored');
    }
    if (!act) return new Unmapped('not mapped');
    st.actions.push(act);
    return undefined;
  }

  // ------------------------------------------------------------ bfd

  private bfdProfile(c: Cmd, p: BfdProfile): undefined | Unmapped {
    const a = c.a;
    const k = a['kind']!.image;
    const v = a['v']?.image;
    if (c.k === 'bfdp-flag') {
      if (k === 'echo-mode') p.echoMode = !a['no'];
      else p.passive = !a['no'];
      return undefined;
    }
    if (k === 'detect-multiplier') {
      const n = uint(v, 2, 255);
      if (n === undefined) return new Unmapped('detect-multiplier is 2-255', 'parse/invalid');
      p.detectMultiplier = n;
      return undefined;
    }
    if (k === 'minimum-ttl') {
      const n = uint(v, 1, 254);
      if (n === undefined) return new Unmapped('minimum-ttl is 1-254', 'parse/invalid');
      p.minimumTtl = n;
      return undefined;
    }
    if (c.k === 'bfdp-echo' && k === 'receive-interval' && v === 'disabled') return new Unmapped('`echo receive-interval disabled` is not in the IR');
    const ms = uint(v, 10, 60000);
    if (ms === undefined) return new Unmapped('intervals are 10-60000 ms', 'parse/invalid');
    const us = ms * 1000;
    if (c.k === 'bfdp-echo') {
      if (k === 'receive-interval') p.echoReceiveIntervalUs = us;
      else p.echoTransmitIntervalUs = us;
    } else if (k === 'echo-interval') {
      p.echoReceiveIntervalUs = us;
      p.echoTransmitIntervalUs = us;
    } else if (k === 'transmit-interval') p.transmitIntervalUs = us;
    else p.receiveIntervalUs = us;
    return undefined;
  }

  // ------------------------------------------------------------ finish

  finish(): IrDocument {
    const dialect: Dialect = { format: 'frr' };
    if (this.version !== undefined) dialect.version = this.version;
    if (this.profile !== undefined) dialect.profile = this.profile;
    const base = this.hostname ?? 'frr';
    const g = this.global;
    const hasGlobal =
      g.policy.prefixSets.length + g.policy.communitySets.length + g.policy.asPathSets.length + g.policy.policies.length + g.bfdProfiles.length + g.raw.length > 0;
    let def = this.speakers.get('');
    if (!def && hasGlobal) {
      def = emptySpeaker('');
      this.speakers.set('', def);
    }
    if (def) {
      def.policy = g.policy;
      def.bfdProfiles = g.bfdProfiles;
      pushAll(def.raw, g.raw);
    }
    // Effective order of list entries (FRR sorts them by sequence number).
    for (const s of g.policy.prefixSets) this.sortEntries(s);
    for (const s of g.policy.communitySets) this.sortEntries(s);
    for (const s of g.policy.asPathSets) this.sortEntries(s);

    const ordered = [...this.speakers.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
    for (const [key, sp] of ordered) {
      // Canonical order of what FRR writes in a fixed order: families, and raw lines by the block they sit in.
      for (const s of [...sp.peerGroups, ...sp.peers]) s.families?.sort((x, y) => FAMILY_ORDER.indexOf(x.family) - FAMILY_ORDER.indexOf(y.family));
      sp.raw.sort((x, y) => rawRank(x.context) - rawRank(y.context));
      const famRank = (p: string) => (p.includes(':') ? 1 : 0);
      sp.networks.sort((x, y) => famRank(x.prefix) - famRank(y.prefix));
      sp.aggregates.sort((x, y) => famRank(x.prefix) - famRank(y.prefix));
      sp.redistribute.sort((x, y) => FAMILY_ORDER.indexOf(x.family) - FAMILY_ORDER.indexOf(y.family));
      sp.id = key === '' ? base : `${base}/vrf-${key}`;
      sp.dialect = { ...dialect };
      if (this.hostname !== undefined) sp.hostname = this.hostname;
      this.doc.speakers.push(reorder(sp));
    }
    // Raw `router bgp` blocks (views, refused instances) are written after the instances FRR takes.
    const late = (r: RawNode) => (r.text.startsWith('router bgp') ? 1 : 0);
    this.doc.raw.sort((x, y) => late(x) - late(y));
    this.doc.sources.push({ file: this.file.name, format: 'frr', dialect });
    return this.doc;
  }
}

/** Puts a speaker's fields in schema order (ids and dialect first), for readable IR output. */
function reorder(sp: Speaker): Speaker {
  const { id, kind, dialect, hostname, asn, routerId, vrf, ...rest } = sp;
  return { id, kind, dialect, hostname, asn, routerId, vrf, ...rest } as Speaker;
}

function remoteAs(v: string): RemoteAs | undefined {
  if (v === 'internal') return { kind: 'internal' };
  if (v === 'external') return { kind: 'external' };
  const asn = parseAsn(v);
  return asn === undefined ? undefined : { kind: 'explicit', asn };
}
