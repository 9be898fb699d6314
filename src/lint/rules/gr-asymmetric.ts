/** Graceful restart on one end only, or different restart times. */
import { endName, pairs, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

export const grAsymmetric: LintRule = {
  id: 'gr-asymmetric',
  severity: 'info',
  description: 'Graceful restart is enabled on one end only, or with different restart times.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const ga = a.peer.gracefulRestart;
      const gb = b.peer.gracefulRestart;
      if (!ga?.mode || !gb?.mode) continue;
      if ((ga.mode === 'full') !== (gb.mode === 'full') && (ga.mode === 'disabled' || gb.mode === 'disabled')) {
        const [on, off] = ga.mode === 'full' ? [a, b] : [b, a];
        ctx.report(`${endName(on)} restarts gracefully, but ${endName(off)} has graceful restart disabled: its routes are withdrawn on every restart`, {
          span: spanOf(off),
          related: related(on, 'graceful restart enabled'),
          hint: 'enable graceful restart (at least helper mode) on this side',
        });
      } else if (ga.mode === 'full' && gb.mode === 'full' && ga.restartTime !== undefined && gb.restartTime !== undefined && ga.restartTime !== gb.restartTime) {
        ctx.report(`graceful restart time ${ga.restartTime} s on ${endName(a)} but ${gb.restartTime} s on ${endName(b)}`, {
          span: spanOf(a),
          related: related(b, `restart time ${gb.restartTime} s`),
        });
      }
    }
  },
};
