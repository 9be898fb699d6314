/** IR addresses and prefixes: IPv4 and IPv6 as their RFCs write them, nothing looser (`2001:db8:::1` is not an address). */
import { isIP } from 'node:net';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { irJsonSchema, parse } from '../../../src/index.js';
import { IpAddress, Prefix } from '../../../src/ir/schema.js';

const valid = ['192.0.2.1', '0.0.0.0', '::', '::1', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', 'fe80::', '1:2:3:4:5:6:7:8', '1::8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '::ffff:192.0.2.1', '64:ff9b::198.51.100.7', '1:2:3:4:5:6:1.2.3.4', '192:168:56::100'];
const invalid = ['2001:db8:::1', ':::::', ':::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1::2::3', ':1::', '1::2:', '12345::', 'g::1', '::1.2.3', '::1.2.3.256', '1:2:3:4:5:6:7:1.2.3.4', '::ffff:01.2.3.4', '192.0.2', '192.0.2.01', '256.0.0.1', '1.2.3.4:', ''];

describe('IR IpAddress / Prefix', () => {
  it('accepts IPv4 and IPv6 addresses in every RFC form', () => {
    for (const a of valid) expect(IpAddress.safeParse(a).success, a).toBe(true);
  });

  it('refuses malformed addresses (extra colons, several `::`, too many or too few groups)', () => {
    for (const a of invalid) expect(IpAddress.safeParse(a).success, a).toBe(false);
  });

  it('prefixes: a valid address and a length in range', () => {
    for (const p of ['192.0.2.0/24', '0.0.0.0/0', '2001:db8::/32', '::/0', '::ffff:0.0.0.0/96', '2001:db8::1/128']) expect(Prefix.safeParse(p).success, p).toBe(true);
    for (const p of ['2001:db8:::/32', ':::::/64', '2001:db8::/129', '192.0.2.0/33', '192.0.2.0', '2001:db8::', '1::2::/64']) expect(Prefix.safeParse(p).success, p).toBe(false);
  });

  it('agrees with Node on random strings of address characters', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['0', '1', 'a', 'F', 'ffff', '255', '.', ':', ':', '::'];
    let sixes = 0;
    for (let i = 0; i < 20000; i++) {
      let s = '';
      for (let j = 0, n = 1 + rnd(14); j < n; j++) s += alphabet[rnd(alphabet.length)];
      const node = isIP(s) !== 0;
      if (isIP(s) === 6) sixes++;
      expect(IpAddress.safeParse(s).success, s).toBe(node);
    }
    expect(sixes).toBeGreaterThan(100);
  });

  it('the IR reader reports a malformed IPv6 neighbor address', () => {
    const text = 'irVersion: "1"\nspeakers:\n  - id: a\n    kind: daemon\n    peers:\n      - {id: x, address: "2001:db8:::1"}\n';
    const r = parse({ name: 'x.yaml', text, format: 'ir' });
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.message.includes('not an IPv4 or IPv6 address')), JSON.stringify(r.diagnostics)).toBe(true);
  });

  it('the JSON Schema carries the same pattern', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(irJsonSchema());
    const doc = (address: string) => ({ irVersion: '1', speakers: [{ id: 'a', kind: 'daemon', peers: [{ id: 'x', address }], listenRanges: [{ prefix: `${address}/64` }] }] });
    expect(validate(doc('2001:db8::1')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(doc('::ffff:192.0.2.1'))).toBe(true);
    expect(validate(doc('2001:db8:::1'))).toBe(false);
    expect(validate(doc(':::::'))).toBe(false);
  });
});
