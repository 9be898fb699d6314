/**
 * Round trips: for generated IR within BIRD 2's capabilities,
 * parse(emit(ir)) == ir, emitting is deterministic and a fixed point, and
 * bird -p accepts the output. For every golden BIRD input:
 * parse(emit(parse(x))) == parse(x).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySpeaker } from '../../../src/ir/build.js';
import type { Action, Condition, FamilySettings, IrDocument, Peer, Policy, PrefixSet, Statement } from '../../../src/ir/schema.js';
import { checkBird, daemonOrFail } from '../../support/daemons.js';
import { canon, read, write, type BirdFormat } from './support.js';

const octet = fc.integer({ min: 1, max: 223 });
const host = fc.tuple(octet, fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
const asn = fc.integer({ min: 1, max: 4294967294 });

const prefixEntry = fc
  .tuple(octet, fc.constantFrom(8, 16, 24), fc.option(fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 })), { nil: undefined }))
  .map(([o, len, range]) => {
    const prefix = `${o}.${len > 8 ? 1 : 0}.${len > 16 ? 2 : 0}.0/${len}`.replace(/\.(\d+)\.(\d+)\.0\/8$/, '.0.0.0/8');
    const fixed = len === 8 ? `${o}.0.0.0/8` : len === 16 ? `${o}.1.0.0/16` : `${o}.1.2.0/24`;
    void prefix;
    if (!range) return { prefix: fixed };
    const ge = Math.min(range[0], range[1]);
    const le = Math.max(range[0], range[1]);
    if (ge === len && le === len) return { prefix: fixed };
    return { prefix: fixed, ge, le };
  });

const condition = (sets: string[]): fc.Arbitrary<Condition> =>
  fc.oneof(
    fc.constantFrom(...sets).map((name): Condition => ({ kind: 'prefix-set', name })),
    fc.constantFrom(...sets).map((name): Condition => ({ kind: 'prefix-set', name, options: 'invert' })),
    fc.record({ op: fc.constantFrom('eq' as const, 'ge' as const, 'le' as const), value: fc.integer({ min: 1, max: 50 }) }).map((x): Condition => ({ kind: 'as-path-length', ...x })),
    fc.integer({ min: 0, max: 1000 }).map((value): Condition => ({ kind: 'local-pref', value })),
  );

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: 0, max: 4294967295 }).map((value): Action => ({ kind: 'set-local-pref', value })),
  fc.integer({ min: 0, max: 4294967295 }).map((value): Action => ({ kind: 'set-med', value })),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 })), { minLength: 1, maxLength: 3 }).map((vs): Action => ({ kind: 'community', communityKind: 'standard', op: 'add', values: vs.map(([a, b]) => `${a}:${b}`) })),
  fc.record({ asn, repeat: fc.integer({ min: 2, max: 4 }) }).map((x): Action => ({ kind: 'as-path-prepend', ...x })),
  fc.constantFrom('igp' as const, 'egp' as const, 'incomplete' as const).map((value): Action => ({ kind: 'set-origin', value })),
);

/** No two adjacent actions of a kind the reader merges. */
const actions = fc.uniqueArray(action, { selector: (a) => a.kind, maxLength: 3 });

const statement = (sets: string[]): fc.Arbitrary<Statement> =>
  fc.record({
    conditions: fc.array(condition(sets), { minLength: 1, maxLength: 2 }),
    actions,
    result: fc.constantFrom('accept' as const, 'reject' as const, 'continue' as const),
  }).filter((s) => s.result !== 'continue' || s.actions.length > 0);

const chain = (policies: string[]) =>
  fc.oneof(
    fc.constantFrom('accept' as const, 'reject' as const).map((d) => ({ chain: [], defaultAction: d })),
    ...(policies.length ? [fc.constantFrom(...policies).map((name) => ({ chain: [{ kind: 'policy' as const, name }] }))] : []),
  );

const family = (policies: string[]): fc.Arbitrary<FamilySettings> =>
  fc.record(
    {
      family: fc.constant('ipv4-unicast' as const),
      activate: fc.constant(true),
      import: chain(policies),
      export: chain(policies),
      nextHopSelf: fc.constantFrom('self' as const, 'force' as const, 'keep' as const),
      gateway: fc.constant('recursive' as const),
      prefixLimit: fc.record({ max: fc.integer({ min: 1, max: 100000 }), warningOnly: fc.constant(true) }, { requiredKeys: ['max'] }),
    },
    { requiredKeys: ['family', 'activate', 'import', 'export'] },
  );

const doc: fc.Arbitrary<IrDocument> = fc
  .record({
    asn,
    routerId: fc.option(host, { nil: undefined }),
    sets: fc.array(fc.array(prefixEntry, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    npol: fc.integer({ min: 0, max: 3 }),
    npeers: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer(),
  })
  .chain(({ asn: local, routerId, sets, npol, npeers }) => {
    const setNames = sets.map((_, i) => `ps_${i}`);
    const prefixSets: PrefixSet[] = sets.map((entries, i) => ({ name: setNames[i]!, family: 'ipv4', entries }));
    const polNames = Array.from({ length: npol }, (_, i) => `pol_${i}`);
    const policies = fc.tuple(
      ...polNames.map((name) =>
        fc.record({ statements: fc.array(statement(setNames), { maxLength: 3 }), defaultResult: fc.constantFrom('accept' as const, 'reject' as const) }).map((p): Policy => ({ name, ...p })),
      ),
    );
    const peer = (i: number): fc.Arbitrary<Peer> =>
      fc
        .record(
          {
            address: host,
            remoteAs: fc.oneof(asn.filter((a) => a !== local).map((a) => ({ kind: 'explicit' as const, asn: a })), fc.constant({ kind: 'internal' as const })),
            description: fc.stringMatching(/^[A-Za-z0-9 _.\-\\]{0,20}$/),
            passive: fc.boolean(),
            password: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/).map((value) => ({ kind: 'literal' as const, value })),
            multihop: fc.oneof(fc.constant({ enabled: false }), fc.integer({ min: 1, max: 255 }).map((ttl) => ({ enabled: true, ttl }))),
            timers: fc.record({ holdTime: fc.integer({ min: 10, max: 65535 }), connectRetry: fc.integer({ min: 1, max: 65535 }) }, { requiredKeys: [] }),
            families: family(polNames).map((f) => [f]),
          },
          { requiredKeys: ['address', 'remoteAs', 'families'] },
        )
        .map((p): Peer => ({ id: `peer_${i}`, name: `peer_${i}`, ...p }));
    return fc.tuple(policies, fc.tuple(...Array.from({ length: npeers }, (_, i) => peer(i)))).map(([pols, peers]): IrDocument => {
      const s = emptySpeaker('bird.conf');
      s.dialect = { format: 'bird' };
      s.asn = local;
      if (routerId) s.routerId = routerId;
      s.policy.prefixSets = prefixSets;
      s.policy.policies = pols;
      s.peers = peers;
      return { irVersion: '1', sources: [], speakers: [s], raw: [], nodes: [] } as unknown as IrDocument;
    });
  });

describe('BIRD round trip (fast-check)', () => {
  it('parse(emit(ir)) == ir, and emit is a deterministic fixed point', () => {
    fc.assert(
      fc.property(doc, (ir) => {
        const out = write(ir);
        expect(write(ir).text).toBe(out.text);
        const back = read(out.text);
        expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
        expect(canon(back.doc)).toEqual(canon(ir));
        expect(write(back.doc).text).toBe(out.text);
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!daemonOrFail('bird'))('bird -p accepts what is emitted for generated IR', () => {
    fc.assert(
      fc.property(doc, (ir) => {
        const c = checkBird(write(ir).text);
        expect(c.ok, c.output).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('BIRD stability on the golden inputs', () => {
  const root = join(import.meta.dirname, '../../golden/bird');
  const inputs = existsSync(root)
    ? readdirSync(root).flatMap((d) => readdirSync(join(root, d)).filter((f) => /^input\.bird1?\.conf$/.test(f)).map((f) => join(root, d, f)))
    : [];
  it('has inputs', () => expect(inputs.length).toBeGreaterThan(2));
  for (const file of inputs) {
    it(`parse(emit(parse(x))) == parse(x): ${file.slice(root.length + 1)}`, () => {
      const format: BirdFormat = file.endsWith('.bird1.conf') ? 'bird1' : 'bird';
      const first = read(readFileSync(file, 'utf8'), format, 'x.conf');
      const text = write(first.doc, format).text;
      const again = read(text, format, 'x.conf');
      expect(canon(again.doc)).toEqual(canon(first.doc));
      expect(write(again.doc, format).text).toBe(text);
    });
  }
});
