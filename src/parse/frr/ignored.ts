/**
 * Top-level FRR commands that are recognized and have no BGP meaning of
 * their own (Batfish's `_null` rules). They are kept as raw FRR text, so an
 * FRR→FRR conversion writes them back, and reported as `parse/ignored`.
 *
 * Keyed by the first word, or by the first two words where the first word
 * alone is ambiguous (`ip prefix-list` is BGP policy, `ip route` is not).
 * `block` commands open a node whose lines belong to them (interface, vrf,
 * other routing protocols, line vty ...).
 */
export type IgnoredKind = 'line' | 'block';

const oneWord: Record<string, IgnoredKind> = {
  log: 'line',
  service: 'line',
  password: 'line',
  enable: 'line',
  debug: 'line',
  agentx: 'line',
  banner: 'line',
  username: 'line',
  table: 'line',
  fpm: 'line',
  'allow-external-route-update': 'line',
  'access-list': 'line',
  'zebra': 'line',
  'domainname': 'line',
  'ptm-enable': 'line',
  'allow-reserved-ranges': 'line',
  'interface': 'block',
  int: 'block',
  'vrf': 'block',
  'line': 'block',
  'key': 'block',
  'segment-routing': 'block',
  'nexthop-group': 'block',
  'pbr-map': 'block',
  'mpls': 'line',
  'l2vpn': 'block',
  'affinity-map': 'line',
  'rpki': 'block',
  'evpn': 'line',
  'router-id': 'line',
};

const twoWords: Record<string, IgnoredKind> = {
  'ip route': 'line',
  'ip forwarding': 'line',
  'ip nht': 'line',
  'ip protocol': 'line',
  'ip import-table': 'line',
  'ip router-id': 'line',
  'ip multicast': 'line',
  'ip pim': 'line',
  'ip igmp': 'line',
  'ip mroute': 'line',
  'ip ssmpingd': 'line',
  'ipv6 route': 'line',
  'ipv6 forwarding': 'line',
  'ipv6 nht': 'line',
  'ipv6 protocol': 'line',
  'ipv6 import-table': 'line',
  'ipv6 access-list': 'line',
  'ipv6 router-id': 'line',
  'ipv6 mroute': 'line',
  'mac access-list': 'line',
  'no ipv6': 'line',
  'no ip': 'line',
  'no service': 'line',
  'no log': 'line',
  'no zebra': 'line',
  'no debug': 'line',
  'router ospf': 'block',
  'router ospf6': 'block',
  'router isis': 'block',
  'router rip': 'block',
  'router ripng': 'block',
  'router eigrp': 'block',
  'router babel': 'block',
  'router openfabric': 'block',
  'router pim': 'block',
  'router pim6': 'block',
  'mpls ldp': 'block',
  'mpls te': 'block',
  'bgp send-extra-data': 'line',
};

/** The ignored kind of a top-level line, from its first one or two words. */
export function ignoredKind(first: string, second: string | undefined): IgnoredKind | undefined {
  if (second !== undefined) {
    const two = twoWords[`${first} ${second}`];
    if (two) return two;
  }
  if (first === 'ip' || first === 'ipv6' || first === 'no' || first === 'router') return undefined;
  return oneWord[first];
}
