/** The char-loop IPv4 prefix check never accepts what the schema checks refuse. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Prefix } from '../../../src/ir/schema.js';
import { isPrefix } from '../../../src/parse/gobgp/to-ir.js';

const STRICT_IP = z.union([z.ipv4(), z.ipv6()]);
const reference = (s: string) => Prefix.safeParse(s).success && STRICT_IP.safeParse(s.slice(0, s.indexOf('/'))).success;

describe('GoBGP prefix check', () => {
  it('agrees with the schema definition', () => {
    for (const s of ['10.0.0.0/8', '0.0.0.0/0', '255.255.255.255/32', '010.0.0.0/8', '10.0.0.0/33', '10.0.0.0/08', '10.0.0/8', '10.0.0.0.0/8', '1.2.3.4/', '2001:db8::/32', '::/0', 'x/1'])
      expect(isPrefix(s), s).toBe(reference(s));
    const oct = fc.oneof(fc.nat(300).map(String), fc.constantFrom('00', '01', '007', ''));
    const str = fc.tuple(oct, oct, oct, oct, fc.oneof(fc.nat(40).map(String), fc.constantFrom('00', '08', ''))).map(([a, b, c, d, l]) => `${a}.${b}.${c}.${d}/${l}`);
    fc.assert(
      fc.property(fc.oneof(str, fc.string({ maxLength: 20 })), (s) => {
        expect(isPrefix(s), s).toBe(reference(s));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 3000) },
    );
  });
});
