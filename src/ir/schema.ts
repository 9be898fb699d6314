/**
 * The BGP intent IR. These zod schemas are the single source of truth: the
 * TypeScript types are inferred from them (ir/types.ts) and `bgpc schema`
 * prints the JSON Schema generated from them (ir/json-schema.ts).
 *
 * Conventions (docs/ir.md explains each one):
 * - Intent, not syntax: `remoteAs` is explicit | internal | external | any.
 * - Every optional field left unset means "the source did not say". Effective
 *   values are filled in only by resolve(), from one defaults table per dialect.
 * - Units: timers in seconds; BFD intervals in microseconds (integers, lossless
 *   for FRR/MetalLB milliseconds, BIRD time literals and GoBGP microseconds);
 *   multihop as the IP TTL the session is sent with.
 * - Every node may carry `origin`: the source spans it came from.
 * - `raw` nodes carry what a format has and the IR cannot express; only the
 *   same dialect writes them back, every other target reports them.
 */
import { z } from 'zod';
import { Span } from '../source.js';

export const IR_VERSION = '1' as const;

const origin = z.array(Span).optional().describe('Source spans this node was read from.');

// ---------------------------------------------------------------- scalars

export const Asn = z.number().int().min(0).max(4294967295).describe('4-byte AS number (asplain).');

const V4 = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}';
// IPv6 as RFC 3986 §3.2.2 defines IPv6address: eight 16-bit groups (the last two may be an IPv4
// address), at most one `::` standing for one or more zero groups.
const H = '[0-9a-fA-F]{1,4}';
const LS32 = `(?:${H}:${H}|${V4})`;
const V6 = `(?:${[
  `(?:${H}:){6}${LS32}`,
  `::(?:${H}:){5}${LS32}`,
  `(?:${H})?::(?:${H}:){4}${LS32}`,
  `(?:(?:${H}:){0,1}${H})?::(?:${H}:){3}${LS32}`,
  `(?:(?:${H}:){0,2}${H})?::(?:${H}:){2}${LS32}`,
  `(?:(?:${H}:){0,3}${H})?::${H}:${LS32}`,
  `(?:(?:${H}:){0,4}${H})?::${LS32}`,
  `(?:(?:${H}:){0,5}${H})?::${H}`,
  `(?:(?:${H}:){0,6}${H})?::`,
].join('|')})`;

export const IpAddress = z
  .string()
  .regex(new RegExp(`^(?:${V4}|${V6})$`), 'not an IPv4 or IPv6 address')
  .describe('IPv4 or IPv6 address.');

export const Prefix = z
  .string()
  .regex(
    new RegExp(`^(?:${V4}/(?:3[0-2]|[12]?\\d)|${V6}/(?:12[0-8]|1[01]\\d|[1-9]?\\d))$`),
    'not an IPv4 or IPv6 prefix (ADDRESS/LENGTH)',
  )
  .describe('IP prefix, ADDRESS/LENGTH.');

export const Seconds = z.number().int().min(0).max(65535);
export const Microseconds = z.number().int().min(0);

export const Family = z
  .enum([
    'ipv4-unicast',
    'ipv6-unicast',
    'ipv4-multicast',
    'ipv6-multicast',
    'ipv4-labeled-unicast',
    'ipv6-labeled-unicast',
    'ipv4-vpn',
    'ipv6-vpn',
    'l2vpn-evpn',
    'ipv4-flowspec',
    'ipv6-flowspec',
  ])
  .describe('Address family (AFI-SAFI), OpenConfig-style name.');
export type Family = z.infer<typeof Family>;

export const FormatId = z
  .enum(['ir', 'frr', 'bird', 'bird1', 'gobgp', 'metallb', 'frr-k8s', 'cilium', 'calico', 'purelb', 'loxilb'])
  .describe('Format family a node was read from or is written to.');

export const LabelSelector = z
  .strictObject({
    matchLabels: z.record(z.string(), z.string()).optional(),
    matchExpressions: z
      .array(
        z.strictObject({
          key: z.string(),
          operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
          values: z.array(z.string()).optional(),
        }),
      )
      .optional(),
  })
  .describe('Kubernetes label selector; an empty selector selects everything.');

export const Secret = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('literal'), value: z.string() }),
    z.strictObject({
      kind: z.literal('secretRef'),
      name: z.string(),
      namespace: z.string().optional(),
      key: z.string().optional(),
    }),
  ])
  .describe('A password, written in the config or referenced in a Kubernetes Secret.');

// ---------------------------------------------------------------- raw

export const RawNode = z
  .strictObject({
    dialect: FormatId,
    text: z.string(),
    context: z.array(z.string()).optional().describe('Enclosing blocks, outermost first, e.g. ["router bgp 65000", "address-family ipv4 unicast"].'),
    origin,
  })
  .describe('A construct the IR cannot express; re-emitted only by the same dialect.');
export type RawNode = z.infer<typeof RawNode>;

// ---------------------------------------------------------------- peers

export const RemoteAs = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('explicit'), asn: Asn }),
    z.strictObject({ kind: z.literal('internal') }),
    z.strictObject({ kind: z.literal('external') }),
    z.strictObject({ kind: z.literal('any') }),
  ])
  .describe('The peer AS: a number, "same as mine" (internal), "any other" (external), or any.');
export type RemoteAs = z.infer<typeof RemoteAs>;

export const PolicyRef = z
  .strictObject({
    kind: z.enum(['policy', 'prefix-set', 'as-path-set']),
    name: z.string(),
    origin,
  })
  .describe('A reference to a routing policy or to a set used directly as a filter.');
export type PolicyRef = z.infer<typeof PolicyRef>;

export const PolicyChain = z
  .strictObject({
    chain: z.array(PolicyRef).default([]).describe('Applied in order; a route must pass every element.'),
    defaultAction: z.enum(['accept', 'reject']).optional().describe('What happens to a route no element decided on.'),
    origin,
  })
  .describe('Import or export filtering. BIRD `import all` = empty chain + accept; `none` = empty chain + reject.');
export type PolicyChain = z.infer<typeof PolicyChain>;

export const PrefixLimit = z.strictObject({
  max: z.number().int().min(1),
  warningOnly: z.boolean().optional(),
  thresholdPercent: z.number().int().min(1).max(100).optional(),
  restartSeconds: z.number().int().min(0).optional(),
  origin,
});

export const FamilySettings = z
  .strictObject({
    family: Family,
    activate: z.boolean().optional(),
    import: PolicyChain.optional(),
    export: PolicyChain.optional(),
    prefixLimit: PrefixLimit.optional(),
    exportLimit: PrefixLimit.optional(),
    nextHopSelf: z.enum(['self', 'force', 'keep']).optional().describe('"self" rewrites eBGP-learned next hops, "force" all, "keep" never.'),
    routeReflectorClient: z.boolean().optional(),
    allowAsIn: z.union([z.number().int().min(1).max(10), z.literal('origin')]).optional(),
    softReconfigurationInbound: z.boolean().optional(),
    defaultOriginate: z.strictObject({ policy: z.string().optional() }).optional(),
    removePrivateAs: z.enum(['remove', 'all', 'replace', 'all-replace']).optional(),
    addPath: z.strictObject({ send: z.union([z.literal('all'), z.number().int().min(1)]).optional(), receive: z.boolean().optional() }).optional(),
    extendedNextHop: z.boolean().optional(),
    gateway: z.enum(['direct', 'recursive']).optional().describe('BIRD next-hop resolution.'),
    advertisementSelector: LabelSelector.optional().describe('Cilium peer config: which advertisements (by their labels) this family announces.'),
    raw: z.array(RawNode).optional(),
    origin,
  })
  .describe('Per address family settings of a peer or group.');
export type FamilySettings = z.infer<typeof FamilySettings>;

export const Timers = z.strictObject({
  holdTime: Seconds.optional(),
  keepalive: Seconds.optional(),
  connectRetry: Seconds.optional(),
  startupHoldTime: Seconds.optional().describe('BIRD startup hold time.'),
  origin,
});

export const GracefulRestart = z.strictObject({
  enabled: z.boolean().optional(),
  mode: z.enum(['full', 'helper-only', 'disabled']).optional().describe('full = restarting speaker; helper-only = aware.'),
  restartTime: Seconds.optional(),
  stalePathTime: Seconds.optional(),
  longLived: z.strictObject({ enabled: z.boolean(), staleTime: z.number().int().min(0).optional() }).optional(),
  preserveForwardingState: z.boolean().optional(),
  origin,
});

export const BfdSettings = z
  .strictObject({
    enabled: z.boolean(),
    profile: z.string().optional().describe('Name of a BFD profile of the same speaker.'),
    mode: z.enum(['normal', 'graceful', 'strict']).optional(),
    receiveIntervalUs: Microseconds.optional(),
    transmitIntervalUs: Microseconds.optional(),
    detectMultiplier: z.number().int().min(1).max(255).optional(),
    origin,
  })
  .describe('BFD for a peer; inline intervals override the profile.');

export const Multihop = z
  .strictObject({
    enabled: z.boolean(),
    ttl: z.number().int().min(1).max(255).optional().describe('IP TTL; unset = the daemon default when enabled (255).'),
    origin,
  })
  .describe('eBGP multihop. BIRD `multihop N` and FRR `ebgp-multihop N` both set the TTL to N.');

export const LocalAs = z.strictObject({
  asn: Asn,
  noPrepend: z.boolean().optional(),
  replaceAs: z.boolean().optional(),
  dualAs: z.boolean().optional(),
  origin,
});

/** Settings shared by peers and peer groups / templates. */
const peerSettings = {
  remoteAs: RemoteAs.optional(),
  description: z.string().optional(),
  localAddress: IpAddress.optional().describe('Source address of the session (update-source / source address / local-address).'),
  updateSourceInterface: z.string().optional(),
  localPort: z.number().int().min(0).max(65535).optional(),
  port: z.number().int().min(1).max(65535).optional().describe('Remote TCP port.'),
  passive: z.boolean().optional(),
  shutdown: z.boolean().optional(),
  password: Secret.optional(),
  multihop: Multihop.optional(),
  ttlSecurityHops: z.number().int().min(1).max(254).optional().describe('GTSM: accept only packets within N hops.'),
  disableConnectedCheck: z.boolean().optional(),
  timers: Timers.optional(),
  gracefulRestart: GracefulRestart.optional(),
  bfd: BfdSettings.optional(),
  localAs: LocalAs.optional(),
  routeReflectorClusterId: z.string().optional(),
  enforceFirstAs: z.boolean().optional(),
  capabilities: z
    .strictObject({
      extendedNextHop: z.boolean().optional(),
      routeRefresh: z.boolean().optional(),
      fourOctetAs: z.boolean().optional(),
      dynamic: z.boolean().optional(),
      origin,
    })
    .optional(),
  families: z.array(FamilySettings).optional().describe('Per-family settings; activation is explicit in each entry.'),
  nodeSelector: LabelSelector.optional().describe('Kubernetes: only on the nodes this selects.'),
  raw: z.array(RawNode).optional(),
  origin,
};

export const PeerGroup = z
  .strictObject({
    name: z.string(),
    inherits: z.string().optional().describe('BIRD `template ... from` / `protocol ... from`.'),
    kind: z.enum(['peer-group', 'template']).optional(),
    ...peerSettings,
  })
  .describe('FRR peer-group, BIRD template, GoBGP peer-group, or a Kubernetes peer config shared by peers.');
export type PeerGroup = z.infer<typeof PeerGroup>;

export const Peer = z
  .strictObject({
    id: z.string().describe('Unique within the speaker: address, interface, or the source name.'),
    name: z.string().optional().describe('Source name (BIRD protocol name, CR name).'),
    address: IpAddress.optional(),
    interface: z.string().optional().describe('Unnumbered peering on an interface.'),
    group: z.string().optional(),
    ...peerSettings,
  })
  .describe('One configured BGP session end (the local side).');
export type Peer = z.infer<typeof Peer>;

export const ListenRange = z
  .strictObject({
    prefix: Prefix,
    group: z.string().optional().describe('Peer group / template the accepted sessions take their settings from.'),
    remoteAs: RemoteAs.optional(),
    limit: z.number().int().min(1).optional(),
    origin,
  })
  .describe('Dynamic neighbors: accept sessions from any address in the prefix.');
export type ListenRange = z.infer<typeof ListenRange>;

// ---------------------------------------------------------------- routing policy

export const PrefixSet = z.strictObject({
  name: z.string(),
  family: z.enum(['ipv4', 'ipv6']).optional(),
  entries: z.array(
    z.strictObject({
      seq: z.number().int().optional(),
      action: z.enum(['permit', 'deny']).optional().describe('Unset = permit (sets without actions, e.g. GoBGP).'),
      prefix: Prefix,
      ge: z.number().int().min(0).max(128).optional(),
      le: z.number().int().min(0).max(128).optional(),
      origin,
    }),
  ),
  origin,
});
export type PrefixSet = z.infer<typeof PrefixSet>;

export const CommunitySet = z.strictObject({
  name: z.string(),
  kind: z.enum(['standard', 'large', 'extended']),
  entries: z.array(
    z.strictObject({
      action: z.enum(['permit', 'deny']).optional(),
      value: z.string().describe('A community (65000:100, no-export, 65000:1:2, rt:65000:1) or a regular expression.'),
      regex: z.boolean().optional(),
      origin,
    }),
  ),
  origin,
});

export const AsPathSet = z.strictObject({
  name: z.string(),
  entries: z.array(z.strictObject({ action: z.enum(['permit', 'deny']).optional(), regex: z.string(), origin })),
  origin,
});

export const NeighborSet = z.strictObject({
  name: z.string(),
  addresses: z.array(z.string()).describe('Addresses or prefixes.'),
  origin,
});

export const MatchSetOptions = z.enum(['any', 'all', 'invert']);

export const Condition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('prefix-set'), name: z.string(), options: MatchSetOptions.optional(), origin }),
  z.strictObject({ kind: z.literal('neighbor-set'), name: z.string(), options: MatchSetOptions.optional(), origin }),
  z.strictObject({ kind: z.literal('neighbor'), addresses: z.array(z.string()), origin }),
  z.strictObject({ kind: z.literal('community-set'), name: z.string(), options: MatchSetOptions.optional(), exact: z.boolean().optional(), origin }),
  z.strictObject({ kind: z.literal('large-community-set'), name: z.string(), options: MatchSetOptions.optional(), origin }),
  z.strictObject({ kind: z.literal('ext-community-set'), name: z.string(), options: MatchSetOptions.optional(), origin }),
  z.strictObject({ kind: z.literal('as-path-set'), name: z.string(), options: MatchSetOptions.optional(), origin }),
  z.strictObject({ kind: z.literal('as-path-length'), op: z.enum(['eq', 'ge', 'le']), value: z.number().int().min(0), origin }),
  z.strictObject({ kind: z.literal('next-hop'), addresses: z.array(z.string()), origin }),
  z.strictObject({ kind: z.literal('family'), family: Family, origin }),
  z.strictObject({ kind: z.literal('source-protocol'), protocol: z.enum(['bgp', 'static', 'connected', 'kernel', 'ospf', 'isis', 'rip', 'aggregate']), origin }),
  z.strictObject({ kind: z.literal('local-pref'), value: z.number().int().min(0), origin }),
  z.strictObject({ kind: z.literal('med'), value: z.number().int().min(0), origin }),
  z.strictObject({ kind: z.literal('tag'), value: z.number().int().min(0), origin }),
  z.strictObject({ kind: z.literal('raw'), raw: RawNode, origin }),
]);
export type Condition = z.infer<typeof Condition>;

export const Action = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set-local-pref'), value: z.number().int().min(0).max(4294967295), origin }),
  z.strictObject({ kind: z.literal('set-med'), value: z.number().int().min(0).max(4294967295), op: z.enum(['set', 'add', 'subtract']).optional(), origin }),
  z.strictObject({
    kind: z.literal('community'),
    communityKind: z.enum(['standard', 'large', 'extended']),
    op: z.enum(['add', 'remove', 'replace']),
    values: z.array(z.string()).optional(),
    set: z.string().optional().describe('Name of a community set (for remove / replace by set).'),
    origin,
  }),
  z.strictObject({ kind: z.literal('as-path-prepend'), asn: z.union([Asn, z.literal('last-as')]), repeat: z.number().int().min(1).max(255).optional(), origin }),
  z.strictObject({ kind: z.literal('set-next-hop'), value: z.union([IpAddress, z.enum(['self', 'peer-address', 'unchanged'])]), origin }),
  z.strictObject({ kind: z.literal('set-origin'), value: z.enum(['igp', 'egp', 'incomplete']), origin }),
  z.strictObject({ kind: z.literal('set-weight'), value: z.number().int().min(0), origin }),
  z.strictObject({ kind: z.literal('set-tag'), value: z.number().int().min(0), origin }),
  z.strictObject({ kind: z.literal('raw'), raw: RawNode, origin }),
]);
export type Action = z.infer<typeof Action>;

export const Statement = z
  .strictObject({
    name: z.string().optional(),
    seq: z.number().int().optional(),
    conditions: z.array(Condition).default([]).describe('All must match.'),
    actions: z.array(Action).default([]).describe('Applied in order when the statement matches and accepts or continues.'),
    result: z
      .enum(['accept', 'reject', 'continue', 'next-policy'])
      .describe('accept/reject end the evaluation; continue goes to the next statement; next-policy to the next policy in the chain.'),
    origin,
  })
  .describe('FRR route-map entry, GoBGP statement, or a simple BIRD filter branch.');
export type Statement = z.infer<typeof Statement>;

export const Policy = z
  .strictObject({
    name: z.string(),
    statements: z.array(Statement),
    defaultResult: z.enum(['accept', 'reject', 'next-policy']).optional().describe('When no statement decides (FRR route-map: reject).'),
    raw: z.array(RawNode).optional().describe('A policy the IR cannot express in statements (e.g. a BIRD filter program).'),
    origin,
  })
  .describe('A named routing policy.');
export type Policy = z.infer<typeof Policy>;

export const RoutingPolicy = z.strictObject({
  prefixSets: z.array(PrefixSet).default([]),
  communitySets: z.array(CommunitySet).default([]),
  asPathSets: z.array(AsPathSet).default([]),
  neighborSets: z.array(NeighborSet).default([]),
  policies: z.array(Policy).default([]),
});

// ---------------------------------------------------------------- BFD

export const BfdProfile = z
  .strictObject({
    name: z.string(),
    receiveIntervalUs: Microseconds.optional(),
    transmitIntervalUs: Microseconds.optional(),
    idleTransmitIntervalUs: Microseconds.optional().describe('BIRD idle tx interval.'),
    detectMultiplier: z.number().int().min(1).max(255).optional(),
    echoMode: z.boolean().optional(),
    echoReceiveIntervalUs: Microseconds.optional(),
    echoTransmitIntervalUs: Microseconds.optional(),
    passive: z.boolean().optional(),
    minimumTtl: z.number().int().min(1).max(254).optional(),
    multihop: z.boolean().optional().describe('Profile for multihop sessions (BIRD `multihop {}`).'),
    interfaces: z.array(z.string()).optional().describe('BIRD: interface patterns the profile applies to.'),
    peer: z
      .strictObject({
        address: IpAddress,
        multihop: z.boolean().optional(),
        localAddress: IpAddress.optional(),
        interface: z.string().optional(),
      })
      .optional()
      .describe('Settings for one BFD session (FRR bfdd `peer ADDR` block, BIRD `neighbor ADDR`) instead of a named profile.'),
    origin,
  })
  .describe('BFD session parameters, one unit (microseconds).');
export type BfdProfile = z.infer<typeof BfdProfile>;

// ---------------------------------------------------------------- origination

export const Network = z.strictObject({
  prefix: Prefix,
  policy: z.string().optional(),
  backdoor: z.boolean().optional(),
  origin,
});

export const Aggregate = z.strictObject({
  prefix: Prefix,
  summaryOnly: z.boolean().optional(),
  asSet: z.boolean().optional(),
  policy: z.string().optional(),
  origin,
});

export const Redistribute = z.strictObject({
  family: Family,
  source: z.enum(['connected', 'static', 'kernel', 'ospf', 'isis', 'rip', 'babel', 'table', 'direct']),
  policy: z.string().optional(),
  metric: z.number().int().min(0).optional(),
  interfaces: z.array(z.string()).optional().describe('BIRD `protocol direct { interface ... }` patterns.'),
  origin,
});

// ---------------------------------------------------------------- load balancer

export const PoolAddress = z.union([
  z.strictObject({ cidr: Prefix, origin }),
  z.strictObject({ range: z.strictObject({ from: IpAddress, to: IpAddress }), origin }),
]);

export const AddressPool = z
  .strictObject({
    name: z.string(),
    addresses: z.array(PoolAddress),
    autoAssign: z.boolean().optional(),
    avoidBuggyIps: z.boolean().optional(),
    serviceSelector: LabelSelector.optional(),
    namespaces: z.array(z.string()).optional(),
    labels: z.record(z.string(), z.string()).optional().describe('Labels pool selectors match on.'),
    origin,
  })
  .describe('Load-balancer address pool (MetalLB IPAddressPool, Cilium LB IP pool, PureLB ServiceGroup, Calico IPPool).');
export type AddressPool = z.infer<typeof AddressPool>;

export const PoolSelection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('pools'), names: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('selector'), selectors: z.array(LabelSelector) }),
]);

export const Advertisement = z
  .strictObject({
    name: z.string(),
    what: z
      .enum(['lb-pools', 'pod-cidr', 'pod-ip-pool', 'service-lb-ip', 'service-cluster-ip', 'service-external-ip'])
      .optional()
      .describe('What is announced; unset = addresses from the selected load-balancer pools.'),
    labels: z.record(z.string(), z.string()).optional().describe('Labels peer configs select advertisements by (Cilium).'),
    serviceSelector: LabelSelector.optional().describe('Services whose addresses are announced (Cilium Service advertisements).'),
    pools: PoolSelection.describe('Which pools; MetalLB "none selected" means all, Cilium "no selector" means none.'),
    aggregationLength: z.number().int().min(0).max(32).optional(),
    aggregationLengthV6: z.number().int().min(0).max(128).optional(),
    communities: z.array(z.string()).optional(),
    largeCommunities: z.array(z.string()).optional(),
    localPref: z.number().int().min(0).max(4294967295).optional(),
    peers: z.array(z.string()).optional().describe('Peer ids or names; unset = all peers.'),
    nodeSelectors: z.array(LabelSelector).optional(),
    families: z.array(Family).optional(),
    origin,
  })
  .describe('Which pool addresses are announced, how, to whom and from which nodes.');
export type Advertisement = z.infer<typeof Advertisement>;

// ---------------------------------------------------------------- speaker

export const Dialect = z
  .strictObject({
    format: FormatId,
    version: z.string().optional().describe('FRR `frr version`, BIRD major version, GoBGP version, ...'),
    profile: z.string().optional().describe('FRR `frr defaults` profile (traditional | datacenter).'),
    apiVersion: z.string().optional().describe('Kubernetes apiVersion of the resources.'),
    backend: z.string().optional().describe('Kubernetes speakers: the daemon inside (frr, gobgp, bird1).'),
  })
  .describe('What the speaker was read from; its defaults depend on it.');
export type Dialect = z.infer<typeof Dialect>;

export const NodeOverride = z.strictObject({
  node: z.string(),
  asn: Asn.optional(),
  routerId: IpAddress.optional(),
  localAddress: IpAddress.optional(),
  listenPort: z.number().int().min(0).max(65535).optional(),
  peers: z
    .array(z.strictObject({ peer: z.string(), localAddress: IpAddress.optional(), localPort: z.number().int().optional() }))
    .optional(),
  origin,
});

export const Speaker = z
  .strictObject({
    id: z.string().describe('Unique within the document.'),
    name: z.string().optional(),
    kind: z.enum(['daemon', 'node-group']),
    dialect: Dialect.optional(),
    nodeSelector: LabelSelector.optional().describe('node-group: the Kubernetes nodes that run this speaker.'),
    nodeOverrides: z.array(NodeOverride).optional(),
    hostname: z.string().optional(),
    asn: Asn.optional(),
    routerId: IpAddress.optional(),
    vrf: z.string().optional(),
    addresses: z
      .array(IpAddress)
      .optional()
      .describe('Addresses the speaker owns (interface addresses; `--address`); lint pairs sessions by them.'),
    listen: z
      .strictObject({
        enabled: z.boolean().optional().describe('false: the speaker accepts no incoming sessions (bgpd -p 0, GoBGP port -1).'),
        port: z.number().int().min(1).max(65535).optional(),
        addresses: z.array(IpAddress).optional(),
        origin,
      })
      .optional(),
    options: z
      .strictObject({
        ebgpRequiresPolicy: z.boolean().optional(),
        defaultIpv4Unicast: z.boolean().optional(),
        defaultIpv6Unicast: z.boolean().optional(),
        networkImportCheck: z.boolean().optional(),
        listenLimit: z.number().int().min(1).optional(),
        multipath: z.strictObject({ ebgp: z.number().int().min(1).optional(), ibgp: z.number().int().min(1).optional(), asPathRelax: z.boolean().optional() }).optional(),
        bestpath: z
          .strictObject({
            alwaysCompareMed: z.boolean().optional(),
            deterministicMed: z.boolean().optional(),
            compareRouterId: z.boolean().optional(),
            asPathMultipathRelax: z.boolean().optional(),
            asPathIgnore: z.boolean().optional(),
            missingAsWorst: z.boolean().optional(),
          })
          .optional(),
        defaultLocalPref: z.number().int().min(0).optional(),
        clusterId: z.string().optional(),
        origin,
      })
      .optional(),
    timers: Timers.optional().describe('Speaker-wide timers (FRR `timers bgp`); peers inherit them.'),
    gracefulRestart: GracefulRestart.optional(),
    globalPolicy: z
      .strictObject({ import: PolicyChain.optional(), export: PolicyChain.optional(), origin })
      .optional()
      .describe('Policies applied to every peer (GoBGP global apply-policy).'),
    families: z.array(Family).optional().describe('Families the speaker itself enables (GoBGP global afi-safis).'),
    peerGroups: z.array(PeerGroup).default([]),
    peers: z.array(Peer).default([]),
    listenRanges: z.array(ListenRange).default([]),
    networks: z.array(Network).default([]),
    aggregates: z.array(Aggregate).default([]),
    redistribute: z.array(Redistribute).default([]),
    policy: RoutingPolicy.default({ prefixSets: [], communitySets: [], asPathSets: [], neighborSets: [], policies: [] }),
    bfdProfiles: z.array(BfdProfile).default([]),
    pools: z.array(AddressPool).default([]),
    advertisements: z.array(Advertisement).default([]),
    raw: z.array(RawNode).default([]),
    origin,
  })
  .describe('One BGP speaker: a daemon, or a group of Kubernetes nodes that run the same BGP config.');
export type Speaker = z.infer<typeof Speaker>;

export const SourceInfo = z.strictObject({
  file: z.string(),
  format: FormatId,
  dialect: Dialect.optional(),
});

export const ClusterNode = z
  .strictObject({
    name: z.string(),
    addresses: z.array(IpAddress).describe('Node addresses (InternalIP first).'),
    labels: z.record(z.string(), z.string()).optional(),
    origin,
  })
  .describe('A Kubernetes node (from Node objects or `bgpc lint --nodes`); node-group speakers expand to the nodes they select.');
export type ClusterNode = z.infer<typeof ClusterNode>;

export const IrDocument = z
  .strictObject({
    irVersion: z.literal(IR_VERSION),
    sources: z.array(SourceInfo).default([]).describe('The inputs this document was read from.'),
    speakers: z.array(Speaker).default([]),
    nodes: z.array(ClusterNode).default([]).describe('Kubernetes nodes known to the document.'),
    raw: z.array(RawNode).default([]).describe('Constructs outside any speaker (log settings, non-BGP protocols).'),
  })
  .describe('bgpc BGP intent IR document.');
export type IrDocument = z.infer<typeof IrDocument>;
/** The IR as written by hand or read from JSON, before defaults (`.default([])`) are applied. */
export type IrDocumentInput = z.input<typeof IrDocument>;

// Types of the remaining schemas, for readers and writers.
export type LabelSelector = z.infer<typeof LabelSelector>;
export type Secret = z.infer<typeof Secret>;
export type Timers = z.infer<typeof Timers>;
export type GracefulRestart = z.infer<typeof GracefulRestart>;
export type BfdSettings = z.infer<typeof BfdSettings>;
export type Multihop = z.infer<typeof Multihop>;
export type LocalAs = z.infer<typeof LocalAs>;
export type PrefixLimit = z.infer<typeof PrefixLimit>;
export type CommunitySet = z.infer<typeof CommunitySet>;
export type AsPathSet = z.infer<typeof AsPathSet>;
export type NeighborSet = z.infer<typeof NeighborSet>;
export type RoutingPolicy = z.infer<typeof RoutingPolicy>;
export type Network = z.infer<typeof Network>;
export type Aggregate = z.infer<typeof Aggregate>;
export type Redistribute = z.infer<typeof Redistribute>;
export type PoolAddress = z.infer<typeof PoolAddress>;
export type PoolSelection = z.infer<typeof PoolSelection>;
export type NodeOverride = z.infer<typeof NodeOverride>;
export type SourceInfo = z.infer<typeof SourceInfo>;
export type FormatId = z.infer<typeof FormatId>;
