/** Value checks and conversions shared by the FRR reader and writer. */
import { scanIpv4 } from '../../ir/ip.js';
import type { Family } from '../../ir/schema.js';

/** Dotted quad: four decimal parts of 1-3 digits, each at most 255 (leading zeros allowed). */
export function isIpv4(s: string): boolean {
  return scanIpv4(s)?.len === -1;
}

export function isIpv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  // A lone leading or trailing colon, or three in a row, is never an address.
  if (s.includes(':::') || (s.startsWith(':') && !s.startsWith('::')) || (s.endsWith(':') && !s.endsWith('::'))) return false;
  const dbl = s.split('::').length - 1;
  if (dbl > 1) return false;
  const groups = s.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1];
  const v4tail = last !== undefined && last.includes('.');
  if (v4tail && !isIpv4(last)) return false;
  const n = groups.length + (v4tail ? 1 : 0);
  if (groups.some((g, i) => !(i === groups.length - 1 && v4tail) && !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return dbl === 1 ? n < 8 : n === 8;
}

export function isIp(s: string): boolean {
  return isIpv4(s) || isIpv6(s);
}

export function isPrefix(s: string): boolean {
  const i = s.indexOf('/');
  if (i < 0) return false;
  const addr = s.slice(0, i);
  const m = s.length - i - 1;
  if (m < 1 || m > 3) return false;
  let n = 0;
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    n = n * 10 + (c - 48);
  }
  if (isIpv4(addr)) return n <= 32;
  if (isIpv6(addr)) return n <= 128;
  return false;
}

/** An unsigned decimal integer within [min, max], or undefined. */
export function uint(s: string | undefined, min: number, max: number): number | undefined {
  if (s === undefined || s.length === 0 || s.length > 10) return undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
  }
  return n >= min && n <= max ? n : undefined;
}

/** asplain, or asdot (`1.10` = 65546). */
export function parseAsn(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const dot = /^(\d{1,5})\.(\d{1,5})$/.exec(s);
  if (dot) {
    const hi = Number(dot[1]);
    const lo = Number(dot[2]);
    return hi <= 65535 && lo <= 65535 ? hi * 65536 + lo : undefined;
  }
  return uint(s, 1, 4294967295);
}

/** `A.B.C.D` + netmask `A.B.C.D` → prefix, when the mask is contiguous. */
export function maskToPrefix(addr: string, mask: string): string | undefined {
  if (!isIpv4(addr) || !isIpv4(mask)) return undefined;
  const bits = mask.split('.').map((p) => Number(p).toString(2).padStart(8, '0')).join('');
  if (!/^1*0*$/.test(bits)) return undefined;
  return `${addr}/${bits.indexOf('0') < 0 ? 32 : bits.indexOf('0')}`;
}

/** The address family header of an FRR `address-family` line. */
export function familyOf(afi: string, safi: string | undefined): Family | undefined {
  if (afi === 'l2vpn') return safi === 'evpn' ? 'l2vpn-evpn' : undefined;
  if (afi === 'vpnv4') return safi === undefined || safi === 'unicast' ? 'ipv4-vpn' : undefined;
  if (afi === 'vpnv6') return safi === undefined || safi === 'unicast' ? 'ipv6-vpn' : undefined;
  if (afi !== 'ipv4' && afi !== 'ipv6') return undefined;
  switch (safi ?? 'unicast') {
    case 'unicast':
      return `${afi}-unicast`;
    case 'multicast':
      return `${afi}-multicast`;
    case 'labeled-unicast':
      return `${afi}-labeled-unicast`;
    case 'vpn':
      return `${afi}-vpn`;
    case 'flowspec':
      return `${afi}-flowspec`;
    default:
      return undefined;
  }
}

/** The canonical FRR `address-family` header of a family. */
export function familyHeader(f: Family): string {
  switch (f) {
    case 'l2vpn-evpn':
      return 'address-family l2vpn evpn';
    default: {
      const [afi, ...rest] = f.split('-');
      return `address-family ${afi} ${rest.join('-')}`;
    }
  }
}

/** The family a raw node's context names (`address-family ipv6 unicast` → ipv6-unicast). */
export function familyOfHeader(header: string): Family | undefined {
  const w = header.trim().split(/\s+/);
  if (w[0] !== 'address-family' || !w[1]) return undefined;
  return familyOf(w[1], w[2]);
}

/** The order FRR writes address-family blocks in (and bgpc keeps families in). */
export const FAMILY_ORDER: Family[] = [
  'ipv4-unicast',
  'ipv4-multicast',
  'ipv4-labeled-unicast',
  'ipv4-vpn',
  'ipv4-flowspec',
  'ipv6-unicast',
  'ipv6-multicast',
  'ipv6-labeled-unicast',
  'ipv6-vpn',
  'ipv6-flowspec',
  'l2vpn-evpn',
];

/** Where a raw node of a speaker is written: router level, then address families in order, then bfd. */
export function rawRank(context: string[] | undefined): number {
  if (!context || context.length === 0) return 0;
  if (context[0] === 'bfd') return context.length > 1 ? 200 : 201;
  if (context.length === 1) return 1;
  const f = familyOfHeader(context[1]!);
  return f ? 10 + FAMILY_ORDER.indexOf(f) : 100;
}
