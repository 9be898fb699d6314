/** IPv4 prefixes in BIRD sets: out-of-range octets or lengths and set host bits are reported, everything else is accepted (as bird -p does). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/index.js';

const problems = (prefix: string) =>
  parse({ name: 'bird.conf', text: `router id 10.0.0.1;\ndefine P = [ ${prefix} ];\n`, format: 'bird' }).diagnostics.filter((d) => d.code === 'parse/invalid').length;

function valid(o: number[], len: number): boolean {
  if (o.some((x) => x > 255) || len > 32) return false;
  const addr = o.reduce((a, x) => a * 256 + x, 0);
  return len === 32 || addr % 2 ** (32 - len) === 0;
}

describe('BIRD IPv4 prefix values', () => {
  it('examples', () => {
    expect(problems('10.0.0.0/8')).toBe(0);
    expect(problems('10.0.0.1/32')).toBe(0);
    expect(problems('10.0.0.1/24')).toBe(1);
    expect(problems('10.0.0.0/33')).toBe(1);
    expect(problems('256.0.0.0/8')).toBe(1);
  });

  it('agree with a reference on random prefixes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(255), fc.nat(300)), { minLength: 4, maxLength: 4 }), fc.nat(40), (o, len) => {
        expect(problems(`${o.join('.')}/${len}`) === 0, `${o.join('.')}/${len}`).toBe(valid(o, len));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 300) },
    );
  });
});

describe('BIRD IPv6 prefix values', () => {
  /** Reference: expand with a plain algorithm, then check the host bits. */
  function validV6(addr: string, len: number): boolean {
    if (len > 128 || addr.includes(':::')) return false;
    const parts = addr.split('::');
    if (parts.length > 2) return false;
    const groups = (x: string) => (x === '' ? [] : x.split(':'));
    const head = groups(parts[0]!);
    const tail = parts.length === 2 ? groups(parts[1]!) : [];
    if ([...head, ...tail].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
    if (parts.length === 1 ? head.length !== 8 : head.length + tail.length > 7) return false;
    const all = [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail].map((g) => parseInt(g, 16));
    const bits = all.map((g) => g.toString(2).padStart(16, '0')).join('');
    return !bits.slice(len).includes('1');
  }

  it('examples', () => {
    expect(problems('2001:db8::/32')).toBe(0);
    expect(problems('2001:db8::1/128')).toBe(0);
    expect(problems('2001:db8::1/64')).toBe(1);
    expect(problems('::/0')).toBe(0);
    expect(problems('2001:db8::/129')).toBe(1);
  });

  it('agree with a reference on random prefixes', () => {
    const group = fc.oneof(fc.constantFrom('0', '1', 'ff', 'db8', '2001', 'ffff', 'a0'), fc.nat(0xffff).map((n) => n.toString(16)));
    const addr = fc.oneof(
      fc.array(group, { minLength: 8, maxLength: 8 }).map((g) => g.join(':')),
      fc.tuple(fc.array(group, { maxLength: 4 }), fc.array(group, { maxLength: 3 })).map(([h, t]) => `${h.join(':')}::${t.join(':')}`),
    );
    fc.assert(
      fc.property(addr, fc.nat(130), (a, len) => {
        expect(problems(`${a}/${len}`) === 0, `${a}/${len}`).toBe(validV6(a, len));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 300) },
    );
  });
});
