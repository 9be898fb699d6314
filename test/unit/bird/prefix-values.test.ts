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
