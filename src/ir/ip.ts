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
