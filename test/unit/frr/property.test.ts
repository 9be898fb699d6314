/** fast-check: for IR within FRR's capabilities, parse(emit(ir)) equals ir (normalized), and the output is accepted by vtysh. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emit, normalize, parse } from '../../../src/index.js';
import { IrDocument } from '../../../src/ir/schema.js';
import { checkFrr, daemonOrFail } from '../../support/daemons.js';

const octet = fc.integer({ min: 0, max: 255 });
const v4 = fc.tuple(fc.integer({ min: 1, max: 223 }), octet, octet, fc.integer({ min: 1, max: 254 })).map((p) => p.join('.'));
const v4net = fc.tuple(fc.integer({ min: 1, max: 223 }), octet, octet).map(([a, b, c]) => `${a}.${b}.${c}.0/24`);
const asn = fc.integer({ min: 1, max: 4294967295 });
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const remoteAs = fc.oneof(
  asn.map((n) => ({ kind: 'explicit' as const, asn: n })),
  fc.constant({ kind: 'internal' as const }),
  fc.constant({ kind: 'external' as const }),
);
const timers = fc
  .integer({ min: 3, max: 65535 })
  .chain((hold) => fc.integer({ min: 0, max: Math.floor(hold / 3) }).map((keepalive) => ({ holdTime: hold, keepalive })));

const family = (fam: 'ipv4-unicast' | 'ipv6-unicast') =>
  fc
    .record(
      {
        activate: fc.boolean(),
        softReconfigurationInbound: fc.constant(true),
        routeReflectorClient: fc.constant(true),
        import: fc.constant({ chain: [{ kind: 'policy' as const, name: 'RM' }] }),
        allowAsIn: fc.integer({ min: 1, max: 10 }),
      },
      { requiredKeys: ['activate'] },
    )
    .map((f) => ({ family: fam, ...f }));

const settings = {
  remoteAs,
  description: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  passive: fc.constant(true),
  port: fc.integer({ min: 1, max: 65535 }),
  timers,
  multihop: fc.option(fc.integer({ min: 1, max: 255 }), { nil: undefined }).map((ttl) => (ttl === undefined ? { enabled: true } : { enabled: true, ttl })),
  bfd: fc.option(fc.constant('prof'), { nil: undefined }).map((profile) => (profile ? { enabled: true, profile } : { enabled: true })),
  localAs: asn.map((n) => ({ asn: n })),
  families: fc.tuple(fc.option(family('ipv4-unicast'), { nil: undefined }), fc.option(family('ipv6-unicast'), { nil: undefined })).map((fs) => fs.filter((f) => f !== undefined)),
};

const speaker = fc
  .record({
    asn,
    routerId: fc.option(v4, { nil: undefined }),
    groups: fc.uniqueArray(fc.record(settings, { requiredKeys: [] }), { maxLength: 2 }),
    peers: fc.uniqueArray(fc.record({ address: v4, group: fc.boolean(), s: fc.record(settings, { requiredKeys: ['remoteAs'] }) }), {
      maxLength: 4,
      selector: (p) => p.address,
    }),
    networks: fc.uniqueArray(v4net, { maxLength: 3 }),
    profile: fc.constantFrom('traditional', 'datacenter'),
    ebgpRequiresPolicy: fc.option(fc.boolean(), { nil: undefined }),
    entries: fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { maxLength: 3 }),
    localPref: fc.array(fc.integer({ min: 0, max: 4294967295 }), { minLength: 1, maxLength: 3 }),
  })
  .map((g) => {
    const groups = g.groups.map((s, i) => ({ name: `G${i}`, kind: 'peer-group' as const, ...s }));
    return IrDocument.parse({
      irVersion: '1',
      speakers: [
        {
          id: 'frr',
          kind: 'daemon',
          dialect: { format: 'frr', version: '8.4', profile: g.profile },
          asn: g.asn,
          ...(g.routerId ? { routerId: g.routerId } : {}),
          ...(g.ebgpRequiresPolicy !== undefined ? { options: { ebgpRequiresPolicy: g.ebgpRequiresPolicy } } : {}),
          peerGroups: groups,
          peers: g.peers.map((p) => ({
            id: p.address,
            address: p.address,
            ...p.s,
            ...(p.group && groups.length > 0 ? { group: 'G0' } : {}),
          })),
          networks: g.networks.map((prefix) => ({ prefix })),
          bfdProfiles: [{ name: 'prof', detectMultiplier: 4 }],
          policy: {
            prefixSets: g.entries.length
              ? [{ name: 'PL', family: 'ipv4', entries: [...g.entries].sort((a, b) => a - b).map((seq) => ({ seq, action: 'permit', prefix: '10.0.0.0/8', le: 24 })) }]
              : [],
            policies: [
              {
                name: 'RM',
                defaultResult: 'reject',
                statements: g.localPref.map((value, i) => ({
                  seq: (i + 1) * 10,
                  result: i === 0 ? 'continue' : 'accept',
                  conditions: g.entries.length ? [{ kind: 'prefix-set', name: 'PL' }] : [],
                  actions: [{ kind: 'set-local-pref', value }],
                })),
              },
            ],
          },
        },
      ],
    });
  });

describe('FRR round trip (fast-check)', () => {
  it('parse(emit(ir)) equals ir', () => {
    fc.assert(
      fc.property(speaker, (ir) => {
        const text = emit(ir, { to: 'frr' }).text!;
        const back = parse({ name: 'gen.frr.conf', text, format: 'frr' });
        expect(back.diagnostics).toEqual([]);
        expect(normalize(back.doc)).toEqual(normalize(ir));
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!daemonOrFail('vtysh'))('vtysh accepts what is emitted', () => {
    fc.assert(
      fc.property(speaker, (ir) => {
        const c = checkFrr(emit(ir, { to: 'frr' }).text!);
        expect(c.ok, c.output).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
