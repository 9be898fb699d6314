import { describe, expect, it } from 'vitest';
import { parseIp, parsePrefix, prefixContainsAddress, sameIp } from '../../../src/ir/ip.js';

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
