/** The char-loop address checks in src/parse/frr/values.ts against plain reference definitions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIpv4, isPrefix, isIpv6, uint } from '../../../src/parse/frr/values.js';

const refIpv4 = (s: string) => {
  const p = s.split('.');
  return p.length === 4 && p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255);
};
const refPrefix = (s: string) => {
  const m = /^([^/]*)\/(\d{1,3})$/.exec(s);
  if (!m) return false;
  return refIpv4(m[1]!) ? Number(m[2]) <= 32 : isIpv6(m[1]!) ? Number(m[2]) <= 128 : false;
};

describe('FRR value checks', () => {
  it('examples', () => {
    expect(['10.0.0.1', '0.0.0.0', '255.255.255.255', '010.1.1.1'].map(isIpv4)).toEqual([true, true, true, true]);
    expect(['256.0.0.1', '1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.4 ', '', 'a.b.c.d', '1.2.3.1000'].map(isIpv4)).toEqual(Array(8).fill(false));
    expect(['10.0.0.0/8', '10.0.0.0/32', '::/0', '2001:db8::/128'].map(isPrefix)).toEqual([true, true, true, true]);
    expect(['10.0.0.0/33', '10.0.0.0/', '10.0.0.0', '2001:db8::/129', '10.0.0.0/8x', '10.0.0.0/0008'].map(isPrefix)).toEqual(Array(6).fill(false));
  });

  it('uint: decimal digits only, at most 10, within the range', () => {
    expect([uint('0', 0, 5), uint('5', 0, 5), uint('6', 0, 5), uint('4294967295', 1, 4294967295), uint('04294967295', 1, 4294967295)]).toEqual([0, 5, undefined, 4294967295, undefined]);
    expect([uint('', 0, 9), uint('1a', 0, 9), uint('-1', -5, 9), uint(' 1', 0, 9), uint(undefined, 0, 9)]).toEqual(Array(5).fill(undefined));
  });

  it('agree with the reference definitions on random strings', () => {
    const ch = fc.constantFrom(...'0123456789./:ab '.split(''));
    const str = fc.array(ch, { maxLength: 20 }).map((a) => a.join(''));
    const addr = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(40)).map(([a, b, c, d, l]) => `${a}.${b}.${c}.${d}/${l}`);
    fc.assert(
      fc.property(fc.oneof(str, addr), (s) => {
        expect(isIpv4(s)).toBe(refIpv4(s));
        expect(isPrefix(s)).toBe(refPrefix(s));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 2000) },
    );
  });
});
