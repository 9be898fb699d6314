/** More speakers fall into a listen range than its dynamic-neighbor limit admits. */
import { defaultsFor } from '../../ir/defaults/index.js';
import type { LintRule } from '../rule.js';


export const listenLimitExceeded: LintRule = {
  id: 'listen-limit-exceeded',
  severity: 'error',
  description: 'More sessions match a listen range than the dynamic-neighbor limit allows.',
  check(ctx) {
    const bySpeaker = new Map<string, Set<string>>();
    for (const s of ctx.topology.sessions) {
      if (s.status !== 'listen-range-match' || !s.b) continue;
      const key = s.b.instance.key;
      if (!bySpeaker.has(key)) bySpeaker.set(key, new Set());
      bySpeaker.get(key)!.add(s.a.instance.key);
    }
    for (const inst of ctx.topology.instances) {
      const remotes = bySpeaker.get(inst.key);
      if (!remotes) continue;
      const limit = inst.speaker.options?.listenLimit ?? inst.speaker.listenRanges.find((r) => r.limit)?.limit ?? defaultsFor(inst.speaker.dialect)?.listenLimit?.value;
      if (limit === undefined || remotes.size <= limit) continue;
      ctx.report(`${inst.key}: ${remotes.size} speakers connect through listen ranges, but the limit is ${limit}`, {
        span: inst.speaker.listenRanges[0]?.origin?.[0] ?? inst.speaker.origin?.[0],
        hint: `raise the limit to at least ${remotes.size} (FRR: bgp listen limit ${remotes.size})`,
      });
    }
  },
};
