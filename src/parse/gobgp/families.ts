/** GoBGP afi-safi names ↔ IR family names (internal/pkg/config/bgp_configs.go AfiSafiType). */
import type { Family } from '../../ir/schema.js';

const pairs: [string, Family][] = [
  ['ipv4-unicast', 'ipv4-unicast'],
  ['ipv6-unicast', 'ipv6-unicast'],
  ['ipv4-multicast', 'ipv4-multicast'],
  ['ipv6-multicast', 'ipv6-multicast'],
  ['ipv4-labelled-unicast', 'ipv4-labeled-unicast'],
  ['ipv6-labelled-unicast', 'ipv6-labeled-unicast'],
  ['l3vpn-ipv4-unicast', 'ipv4-vpn'],
  ['l3vpn-ipv6-unicast', 'ipv6-vpn'],
  ['l2vpn-evpn', 'l2vpn-evpn'],
  ['ipv4-flowspec', 'ipv4-flowspec'],
  ['ipv6-flowspec', 'ipv6-flowspec'],
];

const toIr = new Map(pairs);
const fromIr = new Map(pairs.map(([g, f]) => [f, g]));

export function familyFromGobgp(name: string): Family | undefined {
  return toIr.get(name.toLowerCase());
}

export function familyToGobgp(family: Family): string {
  return fromIr.get(family) ?? family;
}

/** GoBGP's families when a neighbor lists none: by neighbor address; unnumbered (interface) peers get both. */
export function familiesByAddress(address: string | undefined, isInterface: boolean): Family[] {
  if (isInterface || !address) return ['ipv4-unicast', 'ipv6-unicast'];
  return address.includes(':') ? ['ipv6-unicast'] : ['ipv4-unicast'];
}
