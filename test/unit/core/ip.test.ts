import { describe, expect, it } from 'vitest';
import { parseIp, parsePrefix, prefixContainsAddress, sameIp, scanIpv4 } from '../../../src/ir/ip.js';

describe('ip', () => {
  it('parses IPv4 and IPv6 (compressed, embedded IPv4)', () => {
    expect(parseIp('10.0.0.1')).toEqual({ v: 4, n: 0x0a000001n });
    expect(parseIp('2001:db8::1')?.n).toBe(0x20010db8000000000000000000000001n);
    expect(parseIp('::ffff:192.0.2.1')?.n).toBe(0xffffc0000201n);
    expect(parseIp('::')?.n).toBe(0n);
    for (const bad of ['10.0.0', '10.0.0.256', '1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1']) expect(parseIp(bad), bad).toBeUndefined();
  });

  it('prefixes and containment', () => {
    expect(parsePrefix('192.168.56.7/22')).toEqual({ v: 4, n: 0xc0a83800n, len: 22 });
    expect(prefixContainsAddress('192.168.56.0/22', '192.168.59.254')).toBe(true);
    expect(prefixContainsAddress('192.168.56.0/22', '192.168.60.1')).toBe(false);
    expect(prefixContainsAddress('fd00::/64', 'fd00::1')).toBe(true);
    expect(prefixContainsAddress('fd00::/64', '10.0.0.1')).toBe(false);
    expect(sameIp('2001:db8:0::1', '2001:DB8::1')).toBe(true);
  });
});

import { coveringPrefix, formatIp, rangeToCidrs } from '../../../src/ir/ip.js';

describe('ip helpers for bgpc peer', () => {
  it('formats addresses (RFC 5952 compression)', () => {
    expect(formatIp(4, 0xc0a83801n)).toBe('192.168.56.1');
    expect(formatIp(6, 0x20010db8000000000000000000000001n)).toBe('2001:db8::1');
    expect(formatIp(6, 0n)).toBe('::');
  });

  it('finds the longest prefix covering node addresses', () => {
    expect(coveringPrefix(['192.168.56.11', '192.168.56.12'])).toBe('192.168.56.8/29');
    expect(coveringPrefix(['10.0.0.1'])).toBe('10.0.0.1/32');
    expect(coveringPrefix(['10.0.0.1', 'fd00::1'])).toBeUndefined();
  });

  it('splits a range into CIDR blocks', () => {
    expect(rangeToCidrs('192.168.1.240', '192.168.1.250')).toEqual(['192.168.1.240/29', '192.168.1.248/31', '192.168.1.250/32']);
    expect(rangeToCidrs('10.0.0.0', '10.0.0.255')).toEqual(['10.0.0.0/24']);
  });
});

describe('scanIpv4', () => {
  it('scans addresses and prefixes, and notes leading zeros', () => {
    expect(scanIpv4('10.1.2.3')).toEqual({ addr: 0x0a010203, len: -1, leadingZeros: false });
    expect(scanIpv4('10.0.0.0/8')).toEqual({ addr: 0x0a000000, len: 8, leadingZeros: false });
    expect(scanIpv4('010.0.0.0/08')).toEqual({ addr: 0x0a000000, len: 8, leadingZeros: true });
    expect(scanIpv4('255.255.255.255/32')?.addr).toBe(0xffffffff);
    for (const bad of ['1.2.3', '1.2.3.4.5', '256.0.0.0', '1.2.3.4/', '1.2.3.4/33', '1.2.3.4/8/1', '1..2.3', '1.2.3.4 ', '', 'a.b.c.d', '1.2.3.1000'])
      expect(scanIpv4(bad), bad).toBeUndefined();
  });
});
