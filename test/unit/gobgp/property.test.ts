/**
 * Properties: the reader never throws; for generated gobgpd configs, writing
 * is stable (write ∘ read is a fixed point on its own output) and lossless
 * (reading what was written gives the same effective IR: values equal to
 * gobgpd's defaults are left out), in all three encodings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { emitGobgp } from '../../../src/emit/gobgp/index.js';
import { toToml } from '../../../src/emit/gobgp/toml.js';
import { normalize } from '../../../src/ir/normalize.js';
import { resolve } from '../../../src/ir/resolve.js';
import { parseGobgp, type GobgpEncoding } from '../../../src/parse/gobgp/index.js';
import { SourceFile } from '../../../src/source.js';

const octet = fc.integer({ min: 1, max: 254 });
const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const asn = fc.integer({ min: 1, max: 4294967294 });

const neighbor = fc.record(
  {
    config: fc.record(
      { 'neighbor-address': v4, 'peer-as': asn, description: fc.string({ maxLength: 12 }) },
      { requiredKeys: ['neighbor-address'] },
    ),
    timers: fc.record({
      config: fc.record(
        { 'hold-time': fc.integer({ min: 3, max: 600 }), 'connect-retry': fc.integer({ min: 1, max: 300 }) },
        { requiredKeys: [] },
      ),
    }),
    transport: fc.record({
      config: fc.record({ 'passive-mode': fc.boolean(), 'remote-port': fc.integer({ min: 1, max: 65535 }) }, { requiredKeys: [] }),
    }),
    'ebgp-multihop': fc.record({ config: fc.record({ enabled: fc.constant(true), 'multihop-ttl': fc.integer({ min: 2, max: 254 }) }) }),
    'afi-safis': fc
      .uniqueArray(fc.constantFrom('ipv4-unicast', 'ipv6-unicast', 'l2vpn-evpn'), { minLength: 1, maxLength: 3 })
      .map((names) => names.map((n) => ({ config: { 'afi-safi-name': n } }))),
  },
  { requiredKeys: ['config'] },
);

const config = fc.record({
  global: fc.record({ config: fc.record({ as: asn, 'router-id': v4, port: fc.constantFrom(-1, 179, 1790) }, { requiredKeys: ['as'] }) }),
  neighbors: fc.uniqueArray(neighbor, { maxLength: 4, selector: (n) => n.config['neighbor-address'] }),
});

function encode(obj: Record<string, unknown>, enc: GobgpEncoding): string {
  return enc === 'toml' ? toToml(obj) : enc === 'yaml' ? stringify(obj) : JSON.stringify(obj);
}

describe('GoBGP properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom<GobgpEncoding>('toml', 'yaml', 'json'), (text, enc) => {
        const r = parseGobgp(new SourceFile('x', text), enc);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  for (const enc of ['toml', 'yaml', 'json'] as const) {
    it(`${enc}: read → write → read keeps the effective IR, and writing is a fixed point`, () => {
      fc.assert(
        fc.property(config, (cfg) => {
          const first = parseGobgp(new SourceFile('a', encode(cfg, enc)), enc);
          expect(first.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
          const out = emitGobgp(first.doc, enc).text;
          const second = parseGobgp(new SourceFile('b', out), enc);
          expect(normalize(resolve(second.doc).doc)).toEqual(normalize(resolve(first.doc).doc));
          expect(emitGobgp(second.doc, enc).text).toBe(out);
          // nothing gobgpd would derive itself is added (keepalive = hold / 3)
          expect(out).not.toContain('keepalive-interval');
        }),
        { numRuns: 60 },
      );
    });
  }
});
