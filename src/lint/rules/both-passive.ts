/** Neither end initiates: both passive, or a passive neighbor facing a listen range. */
import { endName, spanOf } from '../topology.js';
import { pairs } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

export const bothPassive: LintRule = {
  id: 'both-passive',
  severity: 'error',
  description: 'Both ends wait for the other to connect.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const aWaits = a.peer.passive === true || a.range !== undefined;
      const bWaits = b.peer.passive === true || b.range !== undefined;
      if (!aWaits || !bWaits) continue;
      ctx.report(`${endName(a)} and ${endName(b)} both wait for the other to connect; the session never starts`, {
        span: spanOf(a),
        related: related(b, b.range ? 'a listen range never connects' : 'passive'),
        hint: 'make one side active (remove passive)',
      });
    }
  },
};
