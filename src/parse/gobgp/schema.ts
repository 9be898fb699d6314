/**
 * zod schema of the gobgpd config subset bgpc reads (GoBGP 3.10,
 * internal/pkg/config/bgp_configs.go `mapstructure` tags; the top level is
 * BgpConfigSet in internal/pkg/config/serve.go).
 *
 * Every object is strict: an unknown key is an issue that the reader reports
 * as `parse/unrecognized` at the key and keeps raw. Keys that gobgpd knows but
 * the IR cannot express are typed `unknown` here; the reader keeps them raw
 * (see to-ir.ts, RAW_KEYS).
 *
 * gobgpd decodes with viper + mapstructure in weakly typed mode, so the
 * scalars below accept what it accepts: numbers written as strings, "true" /
 * "1" for booleans, a single value where a list is expected, and a
 * comma-separated string where a list of strings is expected.
 */
import { z } from 'zod';

// ---------------------------------------------------------------- weak scalars

function weakNumber(v: unknown): unknown {
  if (typeof v === 'string' && v.trim() !== '') {
    const s = v.trim();
    const n = /^[+-]?0x[0-9a-f]+$/i.test(s) ? Number.parseInt(s, 16) : /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
    return Number.isNaN(n) ? v : n;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  return v;
}

function weakBool(v: unknown): unknown {
  if (typeof v === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  }
  if (typeof v === 'number') return v !== 0;
  return v;
}

function weakString(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v;
}

const num = (min: number, max: number) => z.preprocess(weakNumber, z.number().min(min).max(max));
const int = (min: number, max: number) => z.preprocess(weakNumber, z.number().int().min(min).max(max));
const bool = z.preprocess(weakBool, z.boolean());
const str = z.preprocess(weakString, z.string());
/** A list; a single value becomes a list of one (mapstructure WeaklyTypedInput). */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));
/** A list of strings; a string is split at commas (viper's StringToSliceHookFunc). */
const strList = z.preprocess(
  (v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v === undefined || Array.isArray(v) ? v : [v]),
  z.array(str),
);
const any = z.unknown();
const obj = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).partial();
const withConfig = <T extends z.ZodRawShape>(shape: T) => obj({ config: obj(shape), state: any });

const policyDefault = z.enum(['accept-route', 'reject-route']);

// ---------------------------------------------------------------- shared pieces

const ApplyPolicy = withConfig({
  'import-policy-list': strList,
  'default-import-policy': policyDefault,
  'export-policy-list': strList,
  'default-export-policy': policyDefault,
  'in-policy-list': any,
  'default-in-policy': any,
});

const GracefulRestart = withConfig({
  enabled: bool,
  'restart-time': int(0, 4095),
  'stale-routes-time': num(0, 65535),
  'helper-only': bool,
  'deferral-time': any,
  'notification-enabled': any,
  'long-lived-enabled': bool,
});

const AddPaths = withConfig({ receive: bool, 'send-max': int(0, 255) });

const PrefixLimit = withConfig({
  'max-prefixes': int(0, 4294967295),
  'shutdown-threshold-pct': int(0, 100),
  'restart-timer': num(0, 4294967295),
});

const UseMultiplePaths = obj({
  config: obj({ enabled: bool }),
  state: any,
  ebgp: obj({ config: obj({ 'allow-multiple-as': bool, 'maximum-paths': int(0, 4294967295) }), state: any }),
  ibgp: obj({ config: obj({ 'maximum-paths': int(0, 4294967295) }), state: any }),
});

export const AfiSafi = obj({
  config: obj({ 'afi-safi-name': str, enabled: bool }),
  state: any,
  'mp-graceful-restart': withConfig({ enabled: bool }),
  'long-lived-graceful-restart': withConfig({ enabled: bool, 'restart-time': int(0, 16777215) }),
  'prefix-limit': PrefixLimit,
  'add-paths': AddPaths,
  'apply-policy': any,
  'ipv4-unicast': any,
  'ipv6-unicast': any,
  'ipv4-labelled-unicast': any,
  'ipv6-labelled-unicast': any,
  'l3vpn-ipv4-unicast': any,
  'l3vpn-ipv6-unicast': any,
  'l3vpn-ipv4-multicast': any,
  'l3vpn-ipv6-multicast': any,
  'l2vpn-vpls': any,
  'l2vpn-evpn': any,
  'route-selection-options': any,
  'use-multiple-paths': any,
  'route-target-membership': any,
});
export type AfiSafi = z.infer<typeof AfiSafi>;

/** Neighbor and peer-group share everything but a few `config` keys. */
const peerShape = <T extends z.ZodRawShape>(config: T) =>
  obj({
    config: obj({
      'peer-as': int(0, 4294967295),
      'local-as': int(0, 4294967295),
      'peer-type': any,
      'auth-password': str,
      'remove-private-as': any,
      'route-flap-damping': any,
      'send-community': any,
      description: str,
      ...config,
    }),
    state: any,
    timers: withConfig({
      'connect-retry': num(0, 65535),
      'hold-time': num(0, 65535),
      'keepalive-interval': num(0, 65535),
      'minimum-advertisement-interval': any,
      'idle-hold-time-after-reset': any,
    }),
    transport: withConfig({
      'tcp-mss': any,
      'mtu-discovery': any,
      'passive-mode': bool,
      'local-address': str,
      'local-port': int(0, 65535),
      'remote-port': int(0, 65535),
      ttl: any,
      'bind-interface': any,
    }),
    'error-handling': any,
    'logging-options': any,
    'ebgp-multihop': withConfig({ enabled: bool, 'multihop-ttl': int(0, 255) }),
    'route-reflector': withConfig({ 'route-reflector-cluster-id': str, 'route-reflector-client': bool }),
    'as-path-options': withConfig({ 'allow-own-as': int(0, 255), 'replace-peer-as': any }),
    'add-paths': AddPaths,
    'afi-safis': list(AfiSafi),
    'graceful-restart': GracefulRestart,
    'apply-policy': ApplyPolicy,
    'use-multiple-paths': any,
    'route-server': any,
    'ttl-security': withConfig({ enabled: bool, 'ttl-min': int(0, 255) }),
  });

export const Neighbor = peerShape({
  'peer-group': str,
  'neighbor-address': str,
  'neighbor-interface': str,
  'admin-down': bool,
  vrf: any,
});
export type Neighbor = z.infer<typeof Neighbor>;

export const PeerGroup = peerShape({ 'peer-group-name': str });
export type PeerGroup = z.infer<typeof PeerGroup>;

// ---------------------------------------------------------------- policy

const matchAnyInvert = z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['any', 'invert']));
const matchAnyAllInvert = z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['any', 'all', 'invert']));

const Conditions = obj({
  'call-policy': any,
  'match-prefix-set': obj({ 'prefix-set': str, 'match-set-options': matchAnyInvert }),
  'match-neighbor-set': obj({ 'neighbor-set': str, 'match-set-options': matchAnyInvert }),
  'match-tag-set': any,
  'install-protocol-eq': any,
  'igp-conditions': any,
  'bgp-conditions': obj({
    'match-community-set': obj({ 'community-set': str, 'match-set-options': matchAnyAllInvert }),
    'match-ext-community-set': obj({ 'ext-community-set': str, 'match-set-options': matchAnyAllInvert }),
    'match-as-path-set': obj({ 'as-path-set': str, 'match-set-options': matchAnyAllInvert }),
    'match-large-community-set': obj({ 'large-community-set': str, 'match-set-options': matchAnyAllInvert }),
    'med-eq': int(0, 4294967295),
    'origin-eq': any,
    'next-hop-in-list': strList,
    'afi-safi-in-list': strList,
    'local-pref-eq': int(0, 4294967295),
    'community-count': any,
    'as-path-length': obj({
      operator: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['eq', 'ge', 'le'])),
      value: int(0, 4294967295),
    }),
    'route-type': any,
    'rpki-validation-result': any,
  }),
});

const communityOptions = z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['add', 'remove', 'replace']));
const SetCommunity = obj({
  options: communityOptions,
  'set-community-method': obj({ 'communities-list': strList, 'community-set-ref': str }),
});
const SetExtCommunity = obj({
  options: communityOptions,
  'set-ext-community-method': obj({ 'communities-list': strList, 'ext-community-set-ref': str }),
});
const SetLargeCommunity = obj({
  options: communityOptions,
  'set-large-community-method': obj({ 'communities-list': strList }),
});

const Actions = obj({
  'route-disposition': z.preprocess(
    (v) => (typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(['accept-route', 'reject-route', 'none', '']),
  ),
  'igp-actions': obj({ 'set-tag': str }),
  'bgp-actions': obj({
    'set-as-path-prepend': obj({ 'repeat-n': int(0, 255), as: str }),
    'set-community': SetCommunity,
    'set-ext-community': SetExtCommunity,
    'set-large-community': SetLargeCommunity,
    'set-route-origin': z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['igp', 'egp', 'incomplete'])),
    'set-local-pref': int(0, 4294967295),
    'set-next-hop': str,
    'set-med': str,
  }),
});

export const Statement = obj({ name: str, conditions: Conditions, actions: Actions });
export type Statement = z.infer<typeof Statement>;

export const PolicyDefinition = obj({ name: str, statements: list(Statement) });
export type PolicyDefinition = z.infer<typeof PolicyDefinition>;

export const DefinedSets = obj({
  'prefix-sets': list(obj({ 'prefix-set-name': str, 'prefix-list': list(obj({ 'ip-prefix': str, 'masklength-range': str })) })),
  'neighbor-sets': list(obj({ 'neighbor-set-name': str, 'neighbor-info-list': strList })),
  'tag-sets': any,
  'bgp-defined-sets': obj({
    'community-sets': list(obj({ 'community-set-name': str, 'community-list': strList })),
    'ext-community-sets': list(obj({ 'ext-community-set-name': str, 'ext-community-list': strList })),
    'as-path-sets': list(obj({ 'as-path-set-name': str, 'as-path-list': strList })),
    'large-community-sets': list(obj({ 'large-community-set-name': str, 'large-community-list': strList })),
  }),
});
export type DefinedSets = z.infer<typeof DefinedSets>;

// ---------------------------------------------------------------- top level

export const Global = obj({
  config: obj({
    as: int(0, 4294967295),
    'router-id': str,
    port: int(-1, 65535),
    'local-address-list': strList,
  }),
  state: any,
  'route-selection-options': obj({
    config: obj({
      'always-compare-med': bool,
      'ignore-as-path-length': bool,
      'external-compare-router-id': bool,
      'advertise-inactive-routes': any,
      'enable-aigp': any,
      'ignore-next-hop-igp-metric': any,
      'disable-best-path-selection': any,
    }),
    state: any,
  }),
  'default-route-distance': any,
  confederation: any,
  'use-multiple-paths': UseMultiplePaths,
  'graceful-restart': GracefulRestart,
  'afi-safis': list(AfiSafi),
  'apply-policy': ApplyPolicy,
});
export type Global = z.infer<typeof Global>;

export const GobgpConfig = obj({
  global: Global,
  neighbors: list(Neighbor),
  'peer-groups': list(PeerGroup),
  'rpki-servers': any,
  'bmp-servers': any,
  vrfs: any,
  'mrt-dump': any,
  zebra: any,
  collector: any,
  'defined-sets': DefinedSets,
  'policy-definitions': list(PolicyDefinition),
  'dynamic-neighbors': list(obj({ config: obj({ prefix: str, 'peer-group': str }), state: any })),
});
export type GobgpConfig = z.infer<typeof GobgpConfig>;
