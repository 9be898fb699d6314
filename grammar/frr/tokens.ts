/**
 * FRR tokens. FRR's CLI is word-oriented: every whitespace-separated word is
 * one token. A word that is one of FRR's keywords gets that keyword's token
 * type; every keyword is also in the `Word` category, because FRR words double
 * as names (a peer group may be called `internal`). Numbers, addresses and
 * names are plain `Word`s; their values are checked by the builder.
 *
 * No lexer patterns: the hand-written scanner (scanner.ts) splits lines and
 * looks words up in `keywordTypes`.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const Word = createToken({ name: 'Word', pattern: Lexer.NA });

/** Every keyword the grammar names (from FRR's DEFUN/DEFPY command strings). */
const KEYWORDS = [
  // config node
  'frr', 'version', 'defaults', 'hostname', 'router', 'bgp', 'vrf', 'view', 'ip', 'ipv6', 'prefix-list', 'seq',
  'permit', 'deny', 'any', 'ge', 'le', 'description', 'community-list', 'large-community-list',
  'extcommunity-list', 'standard', 'expanded', 'as-path', 'access-list', 'route-map', 'bfd', 'no',
  // router bgp
  'neighbor', 'router-id', 'listen', 'range', 'limit', 'peer-group', 'ebgp-requires-policy', 'default',
  'ipv4-unicast', 'ipv6-unicast', 'bestpath', 'multipath-relax', 'ignore', 'compare-routerid', 'med',
  'missing-as-worst', 'confed', 'always-compare-med', 'deterministic-med', 'graceful-restart', 'restart-time',
  'stalepath-time', 'preserve-fw-state', 'graceful-restart-disable', 'network', 'import-check', 'local-preference',
  'cluster-id', 'log-neighbor-changes', 'timers', 'maximum-paths', 'ibgp', 'address-family', 'ipv4', 'unicast',
  'multicast', 'vpn', 'labeled-unicast', 'flowspec', 'l2vpn', 'evpn', 'vpnv4', 'vpnv6', 'aggregate-address',
  'as-set', 'summary-only', 'redistribute', 'metric', 'mask', 'backdoor', 'long-lived-graceful-restart',
  'stale-time', 'show-hostname', 'show-nexthop-hostname',
  // neighbor
  'remote-as', 'internal', 'external', 'interface', 'v6only', 'update-source', 'ebgp-multihop', 'ttl-security',
  'hops', 'disable-connected-check', 'enforce-multihop', 'password', 'connect', 'passive', 'shutdown', 'port',
  'profile', 'local-as', 'no-prepend', 'replace-as', 'capability', 'extended-nexthop', 'dynamic',
  'graceful-restart-helper', 'enforce-first-as', 'activate', 'filter-list', 'in', 'out', 'soft-reconfiguration',
  'inbound', 'next-hop-self', 'force', 'route-reflector-client', 'allowas-in', 'origin', 'maximum-prefix',
  'warning-only', 'restart', 'maximum-prefix-out', 'default-originate', 'remove-private-AS', 'all', 'replace-AS',
  'addpath-tx-all-paths', 'disable-addpath-rx',
  // route-map
  'match', 'set', 'call', 'on-match', 'next', 'goto', 'continue', 'address', 'community', 'large-community',
  'extcommunity', 'exact-match', 'peer', 'source-protocol', 'tag', 'next-hop', 'additive', 'none', 'prepend',
  'last-as', 'weight', 'global', 'peer-address', 'unchanged', 'comm-list', 'large-comm-list', 'delete',
  // bfd
  'detect-multiplier', 'transmit-interval', 'receive-interval', 'echo-mode', 'echo', 'echo-interval',
  'passive-mode', 'minimum-ttl', 'disabled',
] as const;

export type Keyword = (typeof KEYWORDS)[number];

const byImage = new Map<string, TokenType>();
for (const k of KEYWORDS) {
  if (byImage.has(k)) continue;
  byImage.set(k, createToken({ name: `K_${k.replace(/[^A-Za-z0-9]/g, '_')}`, pattern: Lexer.NA, categories: [Word] }));
}

/** Keyword image → token type (the scanner's lookup table). */
export const keywordTypes: ReadonlyMap<string, TokenType> = byImage;

/** The token type of a keyword; throws on a typo in the grammar. */
export function K(image: Keyword): TokenType {
  const t = byImage.get(image);
  if (!t) throw new Error(`grammar/frr: "${image}" is not a declared keyword`);
  return t;
}

export const allTokens: TokenType[] = [Word, ...byImage.values()];
