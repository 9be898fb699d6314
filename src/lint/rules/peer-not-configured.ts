/** Half-open: the remote speaker is known but has no neighbor (and no listen range) for this side. */
import { endName, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';

export const peerNotConfigured: LintRule = {
  id: 'peer-not-configured',
  severity: 'error',
  description: 'The remote speaker has no neighbor or listen range for this side (half-open session).',
  check(ctx) {
    for (const s of ctx.topology.sessions) {
      if (s.status !== 'half-open' || !s.remote || s.remote.speaker.listenRanges.length > 0) continue;
      ctx.report(`${endName(s.a)}: ${s.remote.key} has no neighbor for ${s.a.instance.addresses.join(', ') || s.a.instance.key}`, {
        span: spanOf(s.a),
        related: s.remote.speaker.origin?.[0] ? [{ span: s.remote.speaker.origin[0], message: `${s.remote.key} is configured here` }] : [],
        hint: `add a neighbor for this side to ${s.remote.key}`,
      });
    }
  },
};
