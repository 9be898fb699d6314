/** fast-check arbitraries for IR documents (a representative subset of the schema). */
import fc from 'fast-check';
import { IR_VERSION, type IrDocument, type Peer, type PeerGroup, type Speaker } from '../../src/ir/schema.js';
import { emptySpeaker } from '../../src/ir/build.js';

const octet = fc.integer({ min: 0, max: 255 });
export const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
export const ipv6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((h) => h.map((x) => x.toString(16)).join(':'));
const address = fc.oneof(ipv4, ipv6);
const asn = fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 4294967295 }));
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,11}$/);
const text = fc.string({ maxLength: 30 });

const remoteAs = fc.oneof(
  asn.map((a) => ({ kind: 'explicit' as const, asn: a })),
  fc.constantFrom({ kind: 'internal' as const }, { kind: 'external' as const }, { kind: 'any' as const }),
);

const timers = fc.record(
  { holdTime: fc.integer({ min: 0, max: 65535 }), keepalive: fc.integer({ min: 0, max: 65535 }), connectRetry: fc.integer({ min: 0, max: 65535 }) },
  { requiredKeys: [] },
);

const chain = fc.record(
  {
    chain: fc.array(fc.record({ kind: fc.constantFrom('policy' as const, 'prefix-set' as const, 'as-path-set' as const), name }), { maxLength: 3 }),
    defaultAction: fc.constantFrom('accept' as const, 'reject' as const),
  },
  { requiredKeys: ['chain'] },
);

const family = fc.record(
  {
    family: fc.constantFrom('ipv4-unicast' as const, 'ipv6-unicast' as const, 'l2vpn-evpn' as const),
    activate: fc.boolean(),
    import: chain,
    export: chain,
    nextHopSelf: fc.constantFrom('self' as const, 'force' as const, 'keep' as const),
  },
  { requiredKeys: ['family'] },
);

const settings = {
  remoteAs,
  description: text,
  passive: fc.boolean(),
  port: fc.integer({ min: 1, max: 65535 }),
  password: fc.record({ kind: fc.constant('literal' as const), value: text }),
  multihop: fc.record({ enabled: fc.boolean(), ttl: fc.integer({ min: 1, max: 255 }) }, { requiredKeys: ['enabled'] }),
  timers,
  bfd: fc.record({ enabled: fc.boolean(), profile: name, detectMultiplier: fc.integer({ min: 1, max: 255 }) }, { requiredKeys: ['enabled'] }),
  families: fc.uniqueArray(family, { selector: (f) => f.family, maxLength: 3 }),
};

const peerGroup: fc.Arbitrary<PeerGroup> = fc.record({ name, kind: fc.constantFrom('peer-group' as const, 'template' as const), ...settings }, { requiredKeys: ['name'] });

const peer = (groups: string[]): fc.Arbitrary<Peer> =>
  fc
    .record(
      { address, group: groups.length ? fc.constantFrom(...groups) : fc.constant(undefined), ...settings },
      { requiredKeys: ['address'] },
    )
    .map((p) => ({ id: p.address, ...p }) as Peer);

const dialect = fc.constantFrom(
  undefined,
  { format: 'frr' as const, version: '8.4', profile: 'traditional' },
  { format: 'frr' as const, profile: 'datacenter' },
  { format: 'bird' as const },
  { format: 'gobgp' as const },
  { format: 'metallb' as const },
);

export const speaker: fc.Arbitrary<Speaker> = fc
  .tuple(name, dialect, fc.option(asn, { nil: undefined }), fc.option(ipv4, { nil: undefined }), fc.uniqueArray(peerGroup, { selector: (g) => g.name, maxLength: 3 }))
  .chain(([id, d, a, rid, groups]) =>
    fc.uniqueArray(peer(groups.map((g) => g.name)), { selector: (p) => p.id, maxLength: 4 }).map((peers) => {
      const s: Speaker = { ...emptySpeaker(id), peerGroups: groups, peers };
      if (d) s.dialect = d;
      if (a !== undefined) s.asn = a;
      if (rid !== undefined) s.routerId = rid;
      return s;
    }),
  );

export const irDocument: fc.Arbitrary<IrDocument> = fc
  .uniqueArray(speaker, { selector: (s) => s.id, maxLength: 3 })
  .map((speakers) => ({ irVersion: IR_VERSION, sources: [], speakers, nodes: [], raw: [] }));
