/** IP address and prefix arithmetic on bigints (IPv4 and IPv6), for lint and writers. */

export interface Ip {
  v: 4 | 6;
  n: bigint;
}

export interface Net {
  v: 4 | 6;
  /** Network address (host bits cleared). */
  n: bigint;
  len: number;
}

/**
 * A dotted-quad IPv4 address, optionally with `/len`, scanned by one char loop
 * (readers run it once per prefix-list entry; no splits or regexes). Octets
 * and the length are 1-3 decimal digits; `leadingZeros` tells whether any of
 * them was written with one (`010`, `/08`), which some readers refuse.
 */
export interface Ipv4Scan {
  /** The address as an unsigned 32-bit number. */
  addr: number;
  /** The prefix length, or -1 when there is no `/len`. */
  len: number;
  leadingZeros: boolean;
}

export function scanIpv4(s: string): Ipv4Scan | undefined {
  const n = s.length;
  let part = 0;
  let digits = 0;
  let value = 0;
  let addr = 0;
  let lead = false;
  let leadingZeros = false;
  let len = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) {
      if (digits === 0) lead = c === 48;
      else if (lead) leadingZeros = true;
      if (++digits > 3) return undefined;
      value = value * 10 + (c - 48);
      continue;
    }
    if (digits === 0) return undefined;
    if (part < 4) {
      if (value > 255) return undefined;
      addr = addr * 256 + value;
    } else {
      if (value > 32 || c !== -1) return undefined;
      len = value;
    }
    if (c === 46 && part < 3) part++;
    else if (c === 47 && part === 3) part = 4;
    else if (c === -1 && part === 3) part = 4;
    else if (c !== -1) return undefined;
    digits = 0;
    value = 0;
    lead = false;
  }
  return part === 4 ? { addr, len, leadingZeros } : undefined;
}

export function parseIp(s: string): Ip | undefined {
  if (s.includes(':')) {
    const n = parseV6(s);
    return n === undefined ? undefined : { v: 6, n };
  }
  const n = parseV4(s);
  return n === undefined ? undefined : { v: 4, n };
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // Embedded IPv4 (::ffff:192.0.2.1): rewrite its last 32 bits as two hex groups.
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const total = head.length + rest.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const words = [...head, ...Array<string>(8 - total).fill('0'), ...rest];
  let n = 0n;
  for (const g of words) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(`0x${g}`);
  }
  return n;
}

const bits = (v: 4 | 6) => (v === 4 ? 32 : 128);

export function parsePrefix(s: string): Net | undefined {
  const i = s.indexOf('/');
  if (i < 0) return undefined;
  const ip = parseIp(s.slice(0, i));
  const len = Number(s.slice(i + 1));
  if (!ip || !Number.isInteger(len) || len < 0 || len > bits(ip.v)) return undefined;
  return { v: ip.v, n: ip.n & mask(ip.v, len), len };
}

function mask(v: 4 | 6, len: number): bigint {
  const b = BigInt(bits(v));
  return ((1n << b) - 1n) ^ ((1n << (b - BigInt(len))) - 1n);
}

export function contains(net: Net, ip: Ip): boolean {
  return net.v === ip.v && (ip.n & mask(net.v, net.len)) === net.n;
}

/** Inclusive address range of a prefix. */
export function rangeOf(net: Net): [bigint, bigint] {
  const size = 1n << BigInt(bits(net.v) - net.len);
  return [net.n, net.n + size - 1n];
}

export function sameIp(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  return x !== undefined && y !== undefined && x.v === y.v && x.n === y.n;
}

export function prefixContainsAddress(prefix: string, address: string): boolean {
  const net = parsePrefix(prefix);
  const ip = parseIp(address);
  return net !== undefined && ip !== undefined && contains(net, ip);
}

export function formatIp(v: 4 | 6, n: bigint): string {
  if (v === 4) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
  const words = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - 16 * i)) & 0xffffn));
  // Compress the longest run of zero words (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** The longest prefix that contains every address (all of one family); undefined for none or mixed families. */
export function coveringPrefix(addresses: string[]): string | undefined {
  const ips = addresses.map(parseIp);
  if (ips.length === 0 || ips.some((x) => !x) || new Set(ips.map((x) => x!.v)).size !== 1) return undefined;
  const v = ips[0]!.v;
  let len = bits(v);
  const first = ips[0]!.n;
  while (len > 0 && ips.some((x) => (x!.n & mask(v, len)) !== (first & mask(v, len)))) len--;
  return `${formatIp(v, first & mask(v, len))}/${len}`;
}

/** The CIDR blocks that exactly cover an inclusive address range. */
export function rangeToCidrs(from: string, to: string): string[] {
  const a = parseIp(from);
  const b = parseIp(to);
  if (!a || !b || a.v !== b.v || a.n > b.n) return [];
  const width = BigInt(bits(a.v));
  const out: string[] = [];
  let cur = a.n;
  while (cur <= b.n) {
    let size = 0n;
    while (size < width && (cur & ((1n << (size + 1n)) - 1n)) === 0n && cur + (1n << (size + 1n)) - 1n <= b.n) size++;
    out.push(`${formatIp(a.v, cur)}/${width - size}`);
    cur += 1n << size;
  }
  return out;
}
