/** The remote has listen ranges, but none covers this speaker's address, and no neighbor for it. */
import { endName, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';

export const listenRangeMiss: LintRule = {
  id: 'listen-range-miss',
  severity: 'error',
  description: "No listen range of the remote covers this speaker's address.",
  check(ctx) {
    for (const s of ctx.topology.sessions) {
      if (s.status !== 'half-open' || !s.remote || s.remote.speaker.listenRanges.length === 0) continue;
      const ranges = s.remote.speaker.listenRanges;
      const addrs = s.a.instance.addresses;
      ctx.report(
        `${endName(s.a)}: ${s.remote.key} accepts sessions only from ${ranges.map((r) => r.prefix).join(', ')}, which ${addrs.length ? `do not cover ${addrs.join(', ')}` : 'cannot be checked (the address of this side is unknown)'}`,
        {
          span: spanOf(s.a),
          related: ranges.flatMap((r) => (r.origin?.[0] ? [{ span: r.origin[0], message: `listen range ${r.prefix}` }] : [])),
          hint: 'widen the listen range, add a neighbor for this address, or change the source address',
        },
      );
    }
  },
};
