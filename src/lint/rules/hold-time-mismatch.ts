/** Hold times written differently on the two ends: the session runs with the smaller one. */
import { endName, pairs, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';
import { holdWritten, related } from '../util.js';

export const holdTimeMismatch: LintRule = {
  id: 'hold-time-mismatch',
  severity: 'warning',
  description: 'The two ends configure different hold times; the smaller one is negotiated.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const x = a.peer.timers?.holdTime;
      const y = b.peer.timers?.holdTime;
      if (x === undefined || y === undefined || x === y) continue;
      // Neither side wrote a hold time: the difference comes from defaults (silent-default-drift).
      if (!holdWritten(ctx, a) && !holdWritten(ctx, b)) continue;
      ctx.report(`hold time ${x} s on ${endName(a)} but ${y} s on ${endName(b)}: the session negotiates ${Math.min(x, y)} s`, {
        span: spanOf(a),
        related: related(b, `hold time ${y} s`),
        hint: 'configure the same hold and keepalive times on both ends',
      });
    }
  },
};
