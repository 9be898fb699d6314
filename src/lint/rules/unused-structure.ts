/** Defined, never used: policies, sets, peer groups, BFD profiles. */
import type { Speaker } from '../../ir/schema.js';
import type { LintRule } from '../rule.js';

function used(s: Speaker): Set<string> {
  const u = new Set<string>();
  const add = (kind: string, name: string | undefined) => name && u.add(`${kind}:${name}`);
  for (const p of [...s.peers, ...s.peerGroups]) {
    if ('group' in p) add('group', p.group);
    if ('inherits' in p) add('group', p.inherits);
    add('bfd', p.bfd?.profile);
    for (const f of p.families ?? []) {
      for (const c of [f.import, f.export]) for (const r of c?.chain ?? []) add(r.kind, r.name);
      add('policy', f.defaultOriginate?.policy);
    }
  }
  for (const r of s.listenRanges) add('group', r.group);
  for (const dir of ['import', 'export'] as const) for (const r of s.globalPolicy?.[dir]?.chain ?? []) add(r.kind, r.name);
  for (const n of [...s.networks, ...s.aggregates, ...s.redistribute]) add('policy', n.policy);
  for (const pol of s.policy.policies) {
    for (const st of pol.statements) {
      for (const c of st.conditions) {
        if ('name' in c) add(c.kind.replace(/^(large-|ext-)/, ''), c.name);
      }
      for (const a of st.actions) if (a.kind === 'community' && a.set) add('community-set', a.set);
    }
  }
  return u;
}

export const unusedStructure: LintRule = {
  id: 'unused-structure',
  severity: 'info',
  description: 'A policy, set, peer group or BFD profile is defined but never used.',
  check(ctx) {
    for (const s of ctx.parsed.speakers) {
      const u = used(s);
      const check = (kind: string, label: string, items: { name: string; origin?: { file: string }[] | undefined }[]) => {
        for (const it of items) {
          if (!u.has(`${kind}:${it.name}`)) ctx.report(`${label} "${it.name}" is defined but never used`, { span: (it.origin as never[] | undefined)?.[0] });
        }
      };
      check('group', 'peer group', s.peerGroups);
      check('policy', 'policy', s.policy.policies);
      check('prefix-set', 'prefix set', s.policy.prefixSets);
      check('as-path-set', 'AS-path set', s.policy.asPathSets);
      check('community-set', 'community set', s.policy.communitySets);
      check('neighbor-set', 'neighbor set', s.policy.neighborSets);
      // Profiles bound to interfaces or to one session apply by themselves.
      check('bfd', 'BFD profile', s.bfdProfiles.filter((p) => !p.interfaces && !p.peer));
    }
  },
};
