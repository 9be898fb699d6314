/**
 * Cluster → speaker config: the config one Kubernetes node's BGP speaker runs
 * for a set of cluster resources.
 *
 * The readers turn MetalLB, frr-k8s, Cilium, Calico, PureLB and loxilb
 * resources into node-group speakers (node selectors, per-node overrides,
 * pools and advertisements). instantiateNode() picks one node and returns a
 * document of plain daemon speakers, which any daemon writer (FRR, BIRD,
 * GoBGP) then prints:
 *
 * - node selectors (of the speaker, of each peer, of each advertisement) are
 *   evaluated against the node's labels (Node objects among the inputs or
 *   `--nodes`); a selector that cannot be evaluated is an error, not a guess;
 * - node overrides (Cilium CiliumBGPNodeConfigOverride, Calico per-node
 *   BGPConfiguration / Node BGP spec) are applied;
 * - the router ID and source addresses come from the node where the project
 *   takes them from the node (Cilium, Calico, PureLB's BIRD `k8sipaddr`);
 * - advertisements become an export policy per peer (the pool prefixes at
 *   their aggregation length, communities, local preference) and originated
 *   networks for the prefixes that are known without the Services;
 * - project semantics are made explicit: MetalLB's FRR template (no
 *   ebgp-requires-policy, no default ipv4-unicast, no network import-check,
 *   graceful-restart preserve-fw-state, `<peer>-in` / `<peer>-out` route-maps,
 *   `<peer>-allowed-ipv4/6` prefix-lists, bgpd not listening), Cilium's
 *   listening only with localPort, Calico's BIRD template (multihop, source
 *   address, node-to-node mesh).
 *
 * The result keeps each speaker's source dialect, so the writers' usual
 * "make the source's defaults explicit" step applies. docs/formats/k8s.md
 * ("Cluster → speaker config") lists the rules per project and what is lost.
 */
import { Sink, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatIp, parseIp, parsePrefix, rangeToCidrs, type Net } from '../ir/ip.js';
import { isEbgp, resolve } from '../ir/resolve.js';
import type {
  Action,
  Advertisement,
  ClusterNode,
  Family,
  FamilySettings,
  IrDocument,
  LabelSelector,
  NodeOverride,
  Peer,
  Policy,
  PrefixSet,
  RawNode,
  Speaker,
  Statement,
} from '../ir/schema.js';
import { selectorMatches } from '../ir/selector.js';
import type { Span } from '../source.js';
import { announcesPools, selectedPools } from '../lint/pools.js';

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** Kinds whose raw fields belong to pools and advertisements (context[0] is `<apiVersion> <Kind>/<name>`). */
const POOL_KINDS = / (IPAddressPool|AddressPool|BGPAdvertisement|Community|CiliumLoadBalancerIPPool|CiliumBGPAdvertisement|ServiceGroup|IPPool)\//;

/** Target formats that are one daemon's config (a cluster is instantiated for one node before writing them). */
export const DAEMON_FORMATS: ReadonlySet<string> = new Set(['frr', 'bird', 'bird1', 'gobgp', 'gobgp-yaml', 'gobgp-json']);

export interface InstantiateOptions {
  /** The node whose speaker config is wanted. */
  node?: string;
  /** Target format id: FRR gets MetalLB's next-hop lines; GoBGP and BIRD need a router ID. */
  target?: string;
  /**
   * Load-balancer addresses allocated to Services (`--lb-address`): each is announced
   * as the project announces an allocated address (masked to the aggregation length).
   */
  lbAddresses?: readonly string[];
}

export interface InstantiateResult {
  doc: IrDocument;
  diagnostics: Diagnostic[];
  /** The node the config was written for (undefined: node-independent, no node was needed). */
  node?: string;
}

/** Does the document describe cluster speakers (node groups) that must be instantiated for a daemon target? */
export function hasClusterSpeakers(doc: IrDocument): boolean {
  return doc.speakers.some((s) => s.kind === 'node-group' && !isEmpty(s));
}

function isEmpty(s: Speaker): boolean {
  return s.peers.length + s.peerGroups.length + s.networks.length + s.pools.length + s.advertisements.length + s.listenRanges.length === 0;
}

interface NodeView {
  name: string | undefined;
  labels: Record<string, string>;
  /** Labels come from a Node object (else only the hostname label is known). */
  labelsKnown: boolean;
  addresses: string[];
}

export function instantiateNode(parsed: IrDocument, opts: InstantiateOptions = {}): InstantiateResult {
  const sink = new Sink();
  if (!hasClusterSpeakers(parsed)) return { doc: parsed, diagnostics: [] };
  const groups = parsed.speakers.filter((s) => s.kind === 'node-group' && !isEmpty(s));
  const node = pickNode(parsed, groups, opts, sink);
  if (!node) return { doc: { ...parsed, speakers: [] }, diagnostics: sink.list };

  // Effective peers (group settings merged, dialect defaults) decide families and advertisement selection.
  const effective = new Map<Speaker, Speaker>();
  const resolved = resolve({ ...parsed, speakers: groups }).doc.speakers;
  groups.forEach((g, i) => effective.set(g, resolved[i]!));

  const out: Speaker[] = [];
  for (const g of groups) {
    const s = instantiateSpeaker(g, effective.get(g)!, parsed, groups, node, opts, sink);
    if (s) out.push(s);
  }
  for (const d of parsed.speakers.filter((s) => s.kind === 'daemon')) {
    sink.report('cluster/not-on-node', `speaker ${d.id} is not a Kubernetes speaker; it is left out of the config of ${nodeLabel(node)}`, {
      span: d.origin?.[0],
      severity: 'info',
    });
  }
  if (hasError(sink)) return { doc: { ...parsed, speakers: [] }, diagnostics: sink.list, ...(node.name ? { node: node.name } : {}) };
  if (out.length === 0) {
    sink.report('cluster/no-speaker', `no BGP speaker of these resources runs on ${nodeLabel(node)}: every node selector leaves it out`, {
      span: groups[0]!.origin?.[0],
      hint: 'check the node name and its labels, or the node selectors',
    });
    return { doc: { ...parsed, speakers: [] }, diagnostics: sink.list, ...(node.name ? { node: node.name } : {}) };
  }
  const raw = [...parsed.raw];
  if (opts.target === 'frr' && out.some((s) => isFrrBackend(s))) {
    // MetalLB's frr.tmpl: next hops of multihop peers may resolve through the default route.
    raw.push({ dialect: 'frr', text: 'ip nht resolve-via-default' }, { dialect: 'frr', text: 'ipv6 nht resolve-via-default' });
  }
  const doc: IrDocument = { ...parsed, speakers: out, nodes: [], raw };
  return { doc, diagnostics: sink.list, ...(node.name ? { node: node.name } : {}) };
}

function hasError(sink: Sink): boolean {
  return sink.list.some((d) => d.severity === 'error');
}

function nodeLabel(n: NodeView): string {
  return n.name ? `node ${n.name}` : 'the nodes';
}

function isFrrBackend(s: Speaker): boolean {
  return s.dialect?.format === 'metallb' || s.dialect?.format === 'frr-k8s';
}

// ---------------------------------------------------------------- the node

/** Every label selector the groups use, with where it is written. */
function selectorsOf(groups: Speaker[]): { sel: LabelSelector; origin: Span[] | undefined }[] {
  const out: { sel: LabelSelector; origin: Span[] | undefined }[] = [];
  for (const g of groups) {
    if (g.nodeSelector) out.push({ sel: g.nodeSelector, origin: g.origin });
    for (const p of g.peers) if (p.nodeSelector) out.push({ sel: p.nodeSelector, origin: p.origin });
    for (const a of g.advertisements) for (const sel of a.nodeSelectors ?? []) out.push({ sel, origin: a.origin });
  }
  return out;
}

function isEmptySelector(sel: LabelSelector | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

function pickNode(doc: IrDocument, groups: Speaker[], opts: InstantiateOptions, sink: Sink): NodeView | undefined {
  const known = doc.nodes;
  const names = known.map((n) => n.name);
  const list = names.length > 10 ? `${names.slice(0, 10).join(', ')}, ...` : names.join(', ');
  if (opts.node === undefined) {
    if (known.length === 1) {
      sink.report('cluster/node-value', `the inputs describe one node, ${known[0]!.name}: the config is written for it`, { severity: 'info', span: known[0]!.origin?.[0] });
      return view(known[0]!);
    }
    const perNode = selectorsOf(groups).some((x) => !isEmptySelector(x.sel)) || groups.some((g) => (g.nodeOverrides ?? []).length > 0);
    if (known.length === 0 && !perNode) {
      sink.report('cluster/node-value', 'the resources select no nodes by label, so every node runs the same config; node values (router ID from the node address, hostname) are left to the daemon', {
        severity: 'info',
        span: groups[0]!.origin?.[0],
        hint: 'pass --node NAME (with Node objects or --nodes FILE) to write them',
      });
      return { name: undefined, labels: {}, labelsKnown: false, addresses: [] };
    }
    sink.report('cluster/node-required', `the inputs describe BGP speakers of Kubernetes nodes${known.length > 0 ? ` (nodes: ${list})` : ''}; a daemon config is the config of one node`, {
      span: groups[0]!.origin?.[0],
      hint: 'choose the node with --node NAME',
    });
    return undefined;
  }
  const found = known.find((n) => n.name === opts.node);
  if (found) return view(found);
  if (known.length > 0) {
    sink.report('cluster/unknown-node', `node ${opts.node} is not among the Node objects of the inputs (${list})`, {
      hint: 'check the name, or give its Node object (among the inputs or with --nodes FILE)',
    });
    return undefined;
  }
  sink.report('cluster/node-value', `there is no Node object for ${opts.node}: only its name (label ${HOSTNAME_LABEL}) is known, not its other labels or addresses`, {
    severity: 'info',
    hint: 'give Node objects among the inputs or with --nodes FILE',
  });
  return { name: opts.node, labels: { [HOSTNAME_LABEL]: opts.node }, labelsKnown: false, addresses: [] };
}

function view(n: ClusterNode): NodeView {
  return { name: n.name, labels: { [HOSTNAME_LABEL]: n.name, ...n.labels }, labelsKnown: true, addresses: n.addresses };
}

/** Does `sel` select the node? Reports (once per place) a selector that cannot be evaluated. */
function selects(sel: LabelSelector | undefined, node: NodeView, what: string, origin: Span[] | undefined, sink: Sink): boolean {
  if (isEmptySelector(sel)) return true;
  const keys = [...Object.keys(sel!.matchLabels ?? {}), ...(sel!.matchExpressions ?? []).map((e) => e.key)];
  if (!node.labelsKnown && keys.some((k) => k !== HOSTNAME_LABEL)) {
    sink.report('cluster/unresolved-selector', `the node selector of ${what} needs the labels of ${node.name ? `node ${node.name}` : 'the node'} (${[...new Set(keys)].join(', ')}), which the inputs do not give`, {
      span: origin?.[0],
      hint: 'give the Node objects among the inputs or with --nodes FILE',
    });
    return false;
  }
  return selectorMatches(sel, node.labels);
}

// ---------------------------------------------------------------- one speaker

function instantiateSpeaker(g: Speaker, eff: Speaker, doc: IrDocument, groups: Speaker[], node: NodeView, opts: InstantiateOptions, sink: Sink): Speaker | undefined {
  const project = g.dialect?.format;
  if (!selects(g.nodeSelector, node, `speaker ${g.id}`, g.origin, sink)) {
    if (!hasError(sink)) sink.report('cluster/not-on-node', `speaker ${g.id} does not run on ${nodeLabel(node)} (its node selector leaves it out)`, { span: g.origin?.[0], severity: 'info' });
    return undefined;
  }
  const ov: NodeOverride | undefined = node.name ? g.nodeOverrides?.find((o) => o.node === node.name) : undefined;
  const s: Speaker = structuredClone(g);
  s.kind = 'daemon';
  s.id = node.name ? `${g.id}@${node.name}` : g.id;
  delete s.nodeSelector;
  delete s.nodeOverrides;
  s.pools = [];
  s.advertisements = [];
  if (node.addresses.length > 0) s.addresses = [...new Set([...(s.addresses ?? []), ...node.addresses])];
  if (ov?.asn !== undefined) s.asn = ov.asn;

  // Raw node selectors: MetalLB's list of selectors (OR) is evaluated; a Calico expression cannot be.
  const rawSelectors = new Map<string, RawNode>();
  s.raw = s.raw.filter((r) => {
    const field = r.context?.[1] ?? '';
    if (/(^|\.)(nodeSelectors|node-selectors|nodeSelector)$/.test(field)) {
      // A peer's selector kept raw: a BGPPeer CR (context `<apiVersion> BGPPeer/<name>`) or entry N of a ConfigMap's peers (named peerN+1).
      const owner = /^\S+ BGPPeer\/(.+)$/.exec(r.context?.[0] ?? '')?.[1];
      const peerName = /^peers\.\d+\./.test(field) ? `peer${Number(field.split('.')[1]) + 1}` : owner;
      if (peerName) {
        rawSelectors.set(peerName, r);
        return false;
      }
      sink.report('cluster/unresolved-selector', `a node selector bgpc keeps raw (${r.context?.join(' › ')}) cannot be evaluated, so it is unknown whether ${nodeLabel(node)} runs it`, { span: r.origin?.[0] });
      return false;
    }
    if (project === 'calico' && field === 'spec.nodeToNodeMeshEnabled') return false;
    // k8gobgp's `routerID: "${NODE_IP}"`: the node's address, filled in below.
    if (project === 'purelb' && field === 'spec.global.routerID') return false;
    // Fields of pools and advertisements are used (or not) by the advertisement step; the daemon config has no pools.
    return !POOL_KINDS.test(r.context?.[0] ?? '');
  });

  // Peers on this node.
  const effPeers = new Map(g.peers.map((p, i) => [p.id, eff.peers[i]!]));
  s.peers = [];
  for (const p0 of g.peers) {
    const what = `peer ${p0.name ?? p0.id}`;
    const raw = rawSelectors.get(p0.name ?? p0.id);
    let on: boolean;
    if (raw) on = rawSelectorSelects(raw, node, what, sink);
    else on = selects(p0.nodeSelector, node, what, p0.origin, sink);
    if (!on) {
      if (!hasError(sink)) sink.report('cluster/not-on-node', `${what} of ${g.id} is not configured on ${nodeLabel(node)} (its node selector leaves it out)`, { span: p0.origin?.[0], severity: 'info' });
      continue;
    }
    const p = structuredClone(p0);
    delete p.nodeSelector;
    const po = ov?.peers?.find((x) => x.peer === p.name || x.peer === p.id);
    if (po?.localAddress) p.localAddress = po.localAddress;
    if (po?.localPort !== undefined) p.localPort = po.localPort;
    s.peers.push(p);
  }

  if (s.peers.length === 0 && s.networks.length === 0 && s.listenRanges.length === 0 && project !== 'calico') {
    if (!hasError(sink)) {
      const why =
        project === 'purelb'
          ? ': PureLB puts the addresses of its pools on kube-lb0, and the routing daemon announces them through its own config'
          : g.pools.length > 0
            ? ': its pools are announced through the sessions of the project\'s other speakers'
            : '';
      sink.report('cluster/not-on-node', `speaker ${g.id} has no BGP session on ${nodeLabel(node)}, so nothing of it is written${why}`, { span: g.origin?.[0], severity: 'info' });
    }
    return undefined;
  }
  const v4 = node.addresses.find((a) => parseIp(a)?.v === 4);
  switch (project) {
    case 'metallb':
    case 'frr-k8s':
      frrTemplate(s, opts, v4, node, sink);
      break;
    case 'cilium':
      routerIdFromNode(s, ov?.routerId ?? g.routerId, v4, node, 'Cilium takes the router ID from the node\'s IPv4 address', sink);
      s.listen = ov?.listenPort !== undefined && ov.listenPort > 0 ? { enabled: true, port: ov.listenPort } : { enabled: false };
      break;
    case 'calico':
      calicoTemplate(s, g, ov, doc, node, eff.asn, sink);
      break;
    case 'bird':
    case 'bird1':
      // A BIRD config of a DaemonSet (PureLB's bird ConfigMap): `router id` is the host IP variable.
      routerIdFromNode(s, g.routerId, v4, node, 'the BIRD DaemonSet sets the router ID to the host IP (BIRD_HOST=status.hostIP)', sink);
      break;
    default:
      routerIdFromNode(s, ov?.routerId ?? g.routerId, v4, node, `${project ?? 'the speaker'} takes the router ID from the node address`, sink);
      if (ov?.listenPort !== undefined) s.listen = { ...s.listen, port: ov.listenPort };
  }
  if (ov?.routerId) s.routerId = ov.routerId;
  // BIRD refuses a multihop session (iBGP is one) with BFD but no local address: the node's address is the one the session uses.
  if (opts.target === 'bird' || opts.target === 'bird1') {
    for (const p of s.peers) {
      const e = effPeers.get(p.id);
      if (p.localAddress || !p.address || !e?.bfd?.enabled) continue;
      const multihop = e.multihop?.enabled === true || isEbgp(e, { ...s, asn: s.asn ?? eff.asn }) === false;
      const own = node.addresses.find((a) => parseIp(a)?.v === parseIp(p.address!)?.v);
      if (!multihop || !own) continue;
      p.localAddress = own;
      sink.report('cluster/node-value', `peer ${p.name ?? p.id}: source address ${own} (the node's address), which BIRD needs for a multihop session with BFD`, { severity: 'info', span: p.origin?.[0] });
    }
  }
  // A project's default AS (Calico 64512) is the daemon's AS: daemons have no default.
  if (s.asn === undefined && eff.asn !== undefined) s.asn = eff.asn;
  if (s.asn === undefined) {
    sink.report('cluster/node-value', `the resources give no local AS for ${g.id}${project === 'loxilb' ? ' (kube-loxilb takes it from its --setBGP flag)' : ''}: the daemon config has none`, {
      severity: 'warning',
      span: g.origin?.[0],
      hint: 'add the AS to the written config',
    });
  }
  if (s.peers.length === 0 && s.networks.length === 0 && s.listenRanges.length === 0) {
    if (!hasError(sink)) sink.report('cluster/not-on-node', `speaker ${g.id} has no BGP session on ${nodeLabel(node)}, so nothing of it is written`, { span: g.origin?.[0], severity: 'info' });
    return undefined;
  }

  // The Kubernetes APIs say "enabled"; the daemon configs need the mode: an enabled graceful restart is a restarting speaker.
  for (const x of [s, ...s.peerGroups, ...s.peers]) {
    const gr = x.gracefulRestart;
    if (gr && gr.mode === undefined && gr.enabled !== undefined) gr.mode = gr.enabled ? 'full' : 'disabled';
  }
  if (project !== 'frr-k8s' && project !== 'bird' && project !== 'bird1') advertise(s, g, effPeers, groups, node, opts, sink);
  return s;
}

/** MetalLB's and frr-k8s' list of node selectors (ORed), kept raw by the reader: evaluated here. */
function rawSelectorSelects(raw: RawNode, node: NodeView, what: string, sink: Sink): boolean {
  let list: unknown;
  try {
    list = JSON.parse(raw.text);
  } catch {
    list = undefined;
  }
  if (raw.dialect === 'calico' || typeof list === 'string' || !Array.isArray(list)) {
    sink.report('cluster/unresolved-selector', `the node selector of ${what} (${raw.text}) cannot be evaluated by bgpc, so it is unknown whether ${nodeLabel(node)} runs it`, {
      span: raw.origin?.[0],
      hint: 'write the selector with ==, !=, has(), in {}, joined by &&',
    });
    return false;
  }
  const sels: LabelSelector[] = list.map((x) => {
    const o = (x ?? {}) as Record<string, unknown>;
    const ml = o['matchLabels'] ?? o['match-labels'];
    const me = o['matchExpressions'] ?? o['match-expressions'];
    const labels = typeof ml === 'object' && ml !== null && !Array.isArray(ml) ? Object.fromEntries(Object.entries(ml).map(([k, v]) => [k, String(v)])) : undefined;
    const exprs = Array.isArray(me)
      ? me
          .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
          .map((e) => ({ key: String(e['key']), operator: e['operator'] as 'In', ...(Array.isArray(e['values']) ? { values: e['values'].map(String) } : {}) }))
      : undefined;
    return { ...(labels ? { matchLabels: labels } : {}), ...(exprs ? { matchExpressions: exprs } : {}) };
  });
  let any = false;
  for (const sel of sels) if (selects(sel, node, what, raw.origin, sink)) any = true;
  return any;
}

function routerIdFromNode(s: Speaker, explicit: string | undefined, v4: string | undefined, node: NodeView, why: string, sink: Sink): void {
  if (explicit) {
    s.routerId = explicit;
    return;
  }
  if (v4) {
    s.routerId = v4;
    sink.report('cluster/node-value', `router ID ${v4}: ${why}`, { severity: 'info', span: s.origin?.[0] });
  } else if (node.name) {
    sink.report('cluster/node-value', `the router ID is left to the daemon: the IPv4 address of ${nodeLabel(node)} is not known (${why})`, {
      severity: 'info',
      span: s.origin?.[0],
      hint: 'give the Node object (with status.addresses) among the inputs or with --nodes FILE',
    });
  }
}

/** MetalLB's and frr-k8s' frr.tmpl, made explicit in the IR. */
function frrTemplate(s: Speaker, opts: InstantiateOptions, v4: string | undefined, node: NodeView, sink: Sink): void {
  s.options = { ...s.options, ebgpRequiresPolicy: false, networkImportCheck: false, defaultIpv4Unicast: false };
  s.gracefulRestart = { ...s.gracefulRestart, preserveForwardingState: true };
  // bgpd runs with -p 0 (config/frr/frr-cm.yaml): sessions are always opened by the node.
  s.listen = { ...s.listen, enabled: false };
  if (node.name) s.hostname = node.name;
  // FRR picks the router ID from the interfaces; daemons that need one get the node address.
  if (!s.routerId && opts.target && opts.target !== 'frr' && v4) {
    s.routerId = v4;
    sink.report('cluster/node-value', `router ID ${v4} (the node's IPv4 address): MetalLB leaves it to FRR, which picks one from the interfaces`, { severity: 'info', span: s.origin?.[0] });
  }
  for (const p of s.peers) {
    // MetalLB's mustDisableConnectedCheck: single-hop IPv6 eBGP (or unnumbered) sessions.
    const fams = (p.families ?? []).filter((f) => f.activate).map((f) => f.family);
    const v6Only = fams.length === 1 && fams[0] === 'ipv6-unicast';
    if (s.dialect?.format === 'metallb' && (p.interface || (v6Only && !p.multihop?.enabled && isEbgp(p, s) === true))) p.disableConnectedCheck = true;
  }
}

/** Calico's bird.cfg.template: router ID and source address from the node, multihop, recursive next hops, node-to-node mesh. */
function calicoTemplate(s: Speaker, g: Speaker, ov: NodeOverride | undefined, doc: IrDocument, node: NodeView, defaultAsn: number | undefined, sink: Sink): void {
  const v4 = ov?.localAddress ?? node.addresses.find((a) => parseIp(a)?.v === 4);
  const v6 = node.addresses.find((a) => parseIp(a)?.v === 6);
  routerIdFromNode(s, ov?.routerId ?? g.routerId, v4, node, 'Calico takes the router ID from the node\'s IPv4 address', sink);
  if (ov?.listenPort !== undefined) s.listen = { ...s.listen, port: ov.listenPort };
  // calico/confd bird.cfg.template names the sessions Global_<ip> (every node) and Node_<ip> (selected nodes).
  for (const p of s.peers) {
    const g0 = g.peers.find((x) => x.id === p.id);
    if (p.address) p.name = `${g0?.nodeSelector && !isEmptySelector(g0.nodeSelector) ? 'Node' : 'Global'}_${p.address.replace(/[.:]/g, '_')}`;
  }
  sink.report('cluster/runtime-value', 'Calico also announces the pod address blocks IPAM gives the node (and Service cluster/external IPs when configured), which only the running cluster knows; not written', {
    severity: 'info',
    span: g.origin?.[0],
  });
  const fix = (p: Peer): void => {
    const src = p.address && parseIp(p.address)?.v === 6 ? v6 : v4;
    if (src && !p.localAddress) p.localAddress = src;
    p.multihop ??= { enabled: true };
    const fams = p.families ?? [{ family: p.address?.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast', activate: true }];
    p.families = fams.map((f) => (f.activate === false ? f : { ...f, gateway: f.gateway ?? 'recursive' }));
  };
  s.peers.forEach(fix);
  const meshOff = g.raw.some((r) => r.context?.[1] === 'spec.nodeToNodeMeshEnabled' && r.text.trim() === 'false');
  if (meshOff) return;
  const others = doc.nodes.filter((n) => n.name !== node.name);
  if (others.length === 0) {
    sink.report('cluster/node-value', `Calico's node-to-node mesh (on unless BGPConfiguration nodeToNodeMeshEnabled is false): no other node is known, so no mesh session is written`, {
      severity: 'info',
      span: g.origin?.[0],
      hint: 'give the Node objects among the inputs or with --nodes FILE',
    });
    return;
  }
  const asnOf = (name: string) => g.nodeOverrides?.find((o) => o.node === name)?.asn ?? g.asn ?? defaultAsn;
  for (const n of others) {
    const addr = g.nodeOverrides?.find((o) => o.node === n.name)?.localAddress ?? n.addresses.find((a) => parseIp(a)?.v === 4);
    if (!addr) continue;
    const asn = asnOf(n.name);
    const peer: Peer = {
      id: `Mesh_${addr.replace(/[.:]/g, '_')}`,
      name: `Mesh_${addr.replace(/[.:]/g, '_')}`,
      address: addr,
      remoteAs: asn !== undefined ? { kind: 'explicit', asn } : { kind: 'internal' },
      description: `node-to-node mesh: ${n.name}`,
      ...(n.origin ? { origin: n.origin } : {}),
    };
    // The mesh is unidirectional: the template writes `passive on` when the peer's address is greater,
    // comparing the address strings (Go template `gt` on strings: "10.0.0.5" > "10.0.0.10").
    if (v4 && addr > v4) peer.passive = true;
    fix(peer);
    s.peers.push(peer);
  }
}

// ---------------------------------------------------------------- advertisements

interface Announce {
  prefix: string;
  ge?: number;
  le?: number;
  /** A prefix known without the Services (originated as a network). */
  exact: boolean;
}

interface PeerAds {
  v4: Announce[];
  v6: Announce[];
  communities: Map<string, { large: boolean; value: string; v6: boolean; items: Announce[] }>;
  localPrefs: Map<string, { value: number; v6: boolean; items: Announce[] }>;
}

function maskTo(net: Net, len: number): string {
  const bits = net.v === 4 ? 32 : 128;
  const m = len === 0 ? 0n : ((1n << BigInt(len)) - 1n) << BigInt(bits - len);
  return `${formatIp(net.v, net.n & m)}/${len}`;
}

function familyOfPrefix(p: string): Family {
  return p.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast';
}

/** The project's default aggregation: Calico announces its LB CIDRs whole; the others each address. */
function aggregation(project: string | undefined, ad: Advertisement, net: Net): number {
  const set = net.v === 4 ? ad.aggregationLength : ad.aggregationLengthV6;
  if (set !== undefined) return set;
  if (project === 'calico') return net.len;
  return net.v === 4 ? 32 : 128;
}

function advertise(s: Speaker, g: Speaker, effPeers: Map<string, Peer>, groups: Speaker[], node: NodeView, opts: InstantiateOptions, sink: Sink): void {
  const project = g.dialect?.format;
  const same = groups.filter((x) => x.dialect?.format === project);
  const ads = same.flatMap((x) => x.advertisements);
  const pools = same.flatMap((x) => x.pools);
  const reported = new Set<string>();
  const once = (key: string, f: () => void) => {
    if (!reported.has(key)) {
      reported.add(key);
      f();
    }
  };
  const perPeer = new Map<Peer, PeerAds>();
  const networks: string[] = [];
  const lb = (opts.lbAddresses ?? []).map((a) => ({ text: a, ip: parseIp(a) })).filter((x) => x.ip);
  for (const ad of ads) {
    if (!announcesPools(ad)) {
      if (g.advertisements.includes(ad)) {
        once(`what:${ad.name}`, () =>
          sink.report('cluster/runtime-value', `advertisement ${ad.name} announces ${ad.what === 'pod-cidr' ? 'the pod CIDR of the node' : `${ad.what} addresses`}, which only the cluster knows at run time; not written`, {
            span: ad.origin?.[0],
            severity: 'info',
          }),
        );
      }
      continue;
    }
    if (ad.nodeSelectors && ad.nodeSelectors.length > 0 && !ad.nodeSelectors.some((sel) => selects(sel, node, `advertisement ${ad.name}`, ad.origin, sink))) {
      if (g.advertisements.includes(ad) && !hasError(sink)) sink.report('cluster/not-on-node', `advertisement ${ad.name} is not announced from ${nodeLabel(node)} (its node selectors leave it out)`, { span: ad.origin?.[0], severity: 'info' });
      continue;
    }
    const items: Announce[] = [];
    for (const pool of selectedPools(ad, pools)) {
      for (const a of pool.addresses) {
        for (const c of 'cidr' in a ? [a.cidr] : rangeToCidrs(a.range.from, a.range.to)) {
          const net = parsePrefix(c);
          if (!net) continue;
          if (ad.families && !ad.families.includes(net.v === 4 ? 'ipv4-unicast' : 'ipv6-unicast')) continue;
          const agg = Math.min(aggregation(project, ad, net), net.v === 4 ? 32 : 128);
          if (lb.length > 0) {
            for (const x of lb) {
              if (x.ip!.v !== net.v || !inNet(net, x.ip!.n)) continue;
              items.push({ prefix: maskTo({ v: net.v, n: x.ip!.n, len: 0 }, agg), exact: true });
            }
          } else if (agg <= net.len) {
            items.push({ prefix: maskTo(net, agg), exact: true });
          } else {
            items.push({ prefix: c, ge: agg, le: agg, exact: false });
            once(`runtime:${ad.name}:${pool.name}`, () =>
              sink.report('cluster/runtime-value', `advertisement ${ad.name}: the addresses of pool ${pool.name} are announced as /${agg} each when Services get them; the export policy allows them, no network is originated`, {
                span: ad.origin?.[0] ?? pool.origin?.[0],
                severity: 'info',
                hint: 'pass --lb-address ADDR for the addresses Services have, to originate them',
              }),
            );
          }
        }
      }
    }
    if (items.length === 0) continue;
    for (const p of s.peers) {
      if (ad.peers && !ad.peers.some((x) => x === p.id || x === p.name || x === p.address)) continue;
      const e = effPeers.get(p.id) ?? p;
      const active = (e.families ?? p.families ?? []).filter((f) => f.activate);
      if (project === 'cilium') {
        // v2: a peer config family announces the advertisements its selector matches (none without one);
        // the v2alpha1 peering policy has no labels: its advertisements go to every neighbor of the router.
        const sels = active.filter((f) => f.advertisementSelector);
        if (sels.length > 0 ? !sels.some((f) => selectorMatches(f.advertisementSelector, ad.labels ?? {})) : ad.labels !== undefined) continue;
      }
      const fams = new Set(active.map((f) => f.family));
      const mine = items.filter((i) => fams.size === 0 || fams.has(familyOfPrefix(i.prefix)));
      if (mine.length === 0) continue;
      let pa = perPeer.get(p);
      if (!pa) {
        pa = { v4: [], v6: [], communities: new Map(), localPrefs: new Map() };
        perPeer.set(p, pa);
      }
      for (const i of mine) {
        const v6 = i.prefix.includes(':');
        addUnique(v6 ? pa.v6 : pa.v4, i);
        for (const [large, list] of [[false, ad.communities ?? []], [true, ad.largeCommunities ?? []]] as const) {
          for (const c of list) {
            const key = `${large ? 'large:' : ''}${c}-${v6 ? 'ipv6' : 'ip'}`;
            const entry = pa.communities.get(key) ?? { large, value: c, v6, items: [] };
            addUnique(entry.items, i);
            pa.communities.set(key, entry);
          }
        }
        if (ad.localPref !== undefined && ad.localPref !== 0) {
          const key = `${ad.localPref}-${v6 ? 'ipv6' : 'ip'}`;
          const entry = pa.localPrefs.get(key) ?? { value: ad.localPref, v6, items: [] };
          addUnique(entry.items, i);
          pa.localPrefs.set(key, entry);
        }
        if (i.exact && !networks.includes(i.prefix)) networks.push(i.prefix);
      }
    }
  }
  if (lb.length > 0) {
    for (const x of lb) {
      if (!networks.some((n) => { const net = parsePrefix(n); return net !== undefined && net.v === x.ip!.v && inNet(net, x.ip!.n); })) {
        once(`lb:${x.text}`, () => sink.report('cluster/runtime-value', `load-balancer address ${x.text} is announced to no peer of ${s.id} (no advertisement's pool holds it, or no peer has its address family); not written`, { severity: 'info', span: g.origin?.[0] }));
      }
    }
  }
  const metallb = project === 'metallb';
  for (const p of s.peers) {
    const pa = perPeer.get(p);
    if (!pa && !metallb) continue;
    exportPolicy(s, p, pa ?? { v4: [], v6: [], communities: new Map(), localPrefs: new Map() }, metallb, effPeers.get(p.id), opts.target);
  }
  const sorted = [...networks].sort();
  for (const n of sorted) if (!s.networks.some((x) => x.prefix === n)) s.networks.push({ prefix: n });
}

function inNet(net: Net, n: bigint): boolean {
  const bits = net.v === 4 ? 32 : 128;
  const m = net.len === 0 ? 0n : ((1n << BigInt(net.len)) - 1n) << BigInt(bits - net.len);
  return (n & m) === net.n;
}

function addUnique(list: Announce[], a: Announce): void {
  if (!list.some((x) => x.prefix === a.prefix && x.ge === a.ge && x.le === a.le)) list.push(a);
}

function compareAnnounce(a: Announce, b: Announce): number {
  return a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : (a.ge ?? 0) - (b.ge ?? 0);
}

/**
 * MetalLB's per-neighbor filters: `<id>-in` denies every received route;
 * `<id>-out` sets local preference and communities on their prefixes
 * (on-match next), then permits `<id>-allowed-ipv4` and `-ipv6`.
 */
function exportPolicy(s: Speaker, p: Peer, pa: PeerAds, metallb: boolean, eff: Peer | undefined, target: string | undefined): void {
  const id = `${p.address ?? p.interface ?? p.id}${s.vrf ? `-${s.vrf}` : ''}`;
  const statements: Statement[] = [];
  let seq = 0;
  const setFor = (name: string, v6: boolean, items: Announce[], denyAll: boolean): void => {
    const entries: PrefixSet['entries'] = denyAll
      ? [{ seq: 1, action: 'deny', prefix: v6 ? '::/0' : '0.0.0.0/0', le: v6 ? 128 : 32 }]
      : [...items].sort(compareAnnounce).map((i, k) => ({ seq: k + 1, action: 'permit' as const, prefix: i.prefix, ...(i.ge !== undefined ? { ge: i.ge } : {}), ...(i.le !== undefined ? { le: i.le } : {}) }));
    s.policy.prefixSets.push({ name, family: v6 ? 'ipv6' : 'ipv4', entries });
  };
  const modifier = (name: string, v6: boolean, items: Announce[], action: Action): void => {
    setFor(name, v6, items, false);
    statements.push({ seq: ++seq, conditions: [{ kind: 'prefix-set', name }], actions: [action], result: 'continue' });
  };
  for (const [key, lp] of [...pa.localPrefs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    modifier(`${id}-${key}-localpref-prefixes`, lp.v6, lp.items, { kind: 'set-local-pref', value: lp.value });
  }
  for (const [key, c] of [...pa.communities].sort(([a], [b]) => (a < b ? -1 : 1))) {
    modifier(`${id}-${key}-community-prefixes`, c.v6, c.items, { kind: 'community', communityKind: c.large ? 'large' : 'standard', op: 'add', values: [c.value] });
  }
  const fams = new Set(((eff?.families ?? p.families ?? []) as FamilySettings[]).filter((f) => f.activate).map((f) => f.family));
  for (const [v6, items] of [[false, pa.v4], [true, pa.v6]] as const) {
    const fam: Family = v6 ? 'ipv6-unicast' : 'ipv4-unicast';
    // MetalLB's template writes a `deny any` list for a family without prefixes; only FRR needs that form.
    if ((!metallb || (target !== undefined && target !== 'frr')) && (items.length === 0 || !fams.has(fam))) continue;
    const name = `${id}-allowed-${v6 ? 'ipv6' : 'ipv4'}`;
    setFor(name, v6, items, items.length === 0);
    statements.push({ seq: ++seq, conditions: [{ kind: 'prefix-set', name }], actions: [], result: 'accept' });
  }
  const out: Policy = { name: `${id}-out`, statements, defaultResult: 'reject' };
  s.policy.policies.push(out);
  let inName: string | undefined;
  if (metallb) {
    inName = `${id}-in`;
    s.policy.policies.push({ name: inName, statements: [{ seq: 20, conditions: [], actions: [], result: 'reject' }], defaultResult: 'reject' });
  }
  const families: FamilySettings[] = [];
  const active = fams.size > 0 ? [...fams] : [familyOfPrefix(`${p.address ?? '0.0.0.0'}/0`)];
  for (const fam of active) {
    const own = p.families?.find((f) => f.family === fam);
    families.push({
      ...(own ?? { family: fam }),
      ...(own ? {} : { activate: true }),
      export: { chain: [{ kind: 'policy', name: out.name }], defaultAction: 'reject' },
      ...(inName ? { import: { chain: [{ kind: 'policy', name: inName }], defaultAction: 'reject' } } : {}),
    });
  }
  const untouched = (p.families ?? []).filter((f) => !active.includes(f.family));
  p.families = [...families, ...untouched];
}

