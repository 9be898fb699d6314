/** A name that is used but never defined: peer group, policy, prefix/AS-path/community set, BFD profile, pool. */
import type { Speaker } from '../../ir/schema.js';
import type { Span } from '../../source.js';
import type { LintRule } from '../rule.js';

export const undefinedReference: LintRule = {
  id: 'undefined-reference',
  severity: 'error',
  description: 'A peer group, policy, set, BFD profile or pool is referenced but not defined.',
  check(ctx) {
    // Check what the sources said, not what resolve() inherited: each reference is reported once, where it is written.
    for (const speaker of ctx.parsed.speakers) {
      const defined = definitions(speaker);
      const need = (kind: keyof typeof defined, name: string, where: string, span: Span | undefined) => {
        if (!defined[kind].has(name)) ctx.report(`${where} references ${kindLabel[kind]} "${name}", which is not defined`, { span });
      };
      for (const p of [...speaker.peers, ...speaker.peerGroups]) {
        const who = 'id' in p ? `peer ${p.id}` : `group ${p.name}`;
        if ('group' in p && p.group) need('group', p.group, who, p.origin?.[0]);
        if ('inherits' in p && p.inherits) need('group', p.inherits, who, p.origin?.[0]);
        if (p.bfd?.profile) need('bfd', p.bfd.profile, who, p.bfd.origin?.[0] ?? p.origin?.[0]);
        for (const f of p.families ?? []) {
          for (const chain of [f.import, f.export]) {
            for (const ref of chain?.chain ?? []) need(ref.kind, ref.name, who, ref.origin?.[0] ?? f.origin?.[0]);
          }
        }
      }
      for (const r of speaker.listenRanges) if (r.group) need('group', r.group, `listen range ${r.prefix}`, r.origin?.[0]);
      for (const dir of ['import', 'export'] as const) {
        for (const ref of speaker.globalPolicy?.[dir]?.chain ?? []) need(ref.kind, ref.name, `global ${dir} policy`, ref.origin?.[0]);
      }
      for (const pol of speaker.policy.policies) {
        for (const st of pol.statements) {
          for (const c of st.conditions) {
            if (c.kind === 'prefix-set') need('prefix-set', c.name, `policy ${pol.name}`, c.origin?.[0]);
            if (c.kind === 'as-path-set') need('as-path-set', c.name, `policy ${pol.name}`, c.origin?.[0]);
            if (c.kind === 'neighbor-set') need('neighbor-set', c.name, `policy ${pol.name}`, c.origin?.[0]);
            if (c.kind === 'community-set' || c.kind === 'large-community-set' || c.kind === 'ext-community-set') {
              need('community-set', c.name, `policy ${pol.name}`, c.origin?.[0]);
            }
          }
        }
      }
      for (const a of speaker.advertisements) {
        if (a.pools.kind === 'pools') for (const n of a.pools.names) need('pool', n, `advertisement ${a.name}`, a.origin?.[0]);
      }
    }
  },
};

const kindLabel = {
  group: 'peer group',
  policy: 'policy',
  'prefix-set': 'prefix set',
  'as-path-set': 'AS-path set',
  'community-set': 'community set',
  'neighbor-set': 'neighbor set',
  bfd: 'BFD profile',
  pool: 'address pool',
} as const;

function definitions(s: Speaker): Record<keyof typeof kindLabel, Set<string>> {
  return {
    group: new Set(s.peerGroups.map((g) => g.name)),
    policy: new Set(s.policy.policies.map((p) => p.name)),
    'prefix-set': new Set(s.policy.prefixSets.map((p) => p.name)),
    'as-path-set': new Set(s.policy.asPathSets.map((p) => p.name)),
    'community-set': new Set(s.policy.communitySets.map((p) => p.name)),
    'neighbor-set': new Set(s.policy.neighborSets.map((p) => p.name)),
    bfd: new Set(s.bfdProfiles.map((p) => p.name)),
    pool: new Set(s.pools.map((p) => p.name)),
  };
}
