/** The same BFD profile name defined twice with different values (frr-k8s refuses to merge them). */
import type { BfdProfile } from '../../ir/schema.js';
import type { LintRule } from '../rule.js';

const settings = ({ origin: _o, name: _n, ...rest }: BfdProfile) => JSON.stringify(rest, Object.keys(rest).sort());

export const bfdProfileConflict: LintRule = {
  id: 'bfd-profile-conflict',
  severity: 'error',
  description: 'A BFD profile name is defined more than once with different settings.',
  check(ctx) {
    for (const speaker of ctx.parsed.speakers) {
      const seen = new Map<string, BfdProfile>();
      for (const p of speaker.bfdProfiles) {
        const first = seen.get(p.name);
        if (!first) {
          seen.set(p.name, p);
          continue;
        }
        if (settings(first) === settings(p)) continue;
        ctx.report(`BFD profile "${p.name}" is defined twice with different settings`, {
          span: p.origin?.[0],
          related: first.origin?.[0] ? [{ span: first.origin[0], message: 'first definition' }] : [],
          hint: 'give the profiles different names, or make them identical',
        });
      }
    }
  },
};
