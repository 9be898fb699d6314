/** Neither end wrote it, but the daemons' defaults differ: hold time, keepalive, graceful restart. */
import { endName, pairs, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';
import { holdWritten, related, writtenOf } from '../util.js';

export const silentDefaultDrift: LintRule = {
  id: 'silent-default-drift',
  severity: 'info',
  description: 'A setting neither end wrote differs between them because their defaults differ.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const da = a.instance.speaker.dialect?.format ?? 'unknown';
      const db = b.instance.speaker.dialect?.format ?? 'unknown';
      const x = a.peer.timers?.holdTime;
      const y = b.peer.timers?.holdTime;
      if (x !== undefined && y !== undefined && x !== y && !holdWritten(ctx, a) && !holdWritten(ctx, b)) {
        ctx.report(`hold time is ${x} s on ${endName(a)} (${da} default) and ${y} s on ${endName(b)} (${db} default); neither side sets it, so the session runs with ${Math.min(x, y)} s`, {
          span: spanOf(a),
          related: related(b, `${db} default ${y} s`),
          hint: 'write the hold and keepalive times on both ends so a change of daemon does not change them',
        });
      }
      const ga = a.peer.gracefulRestart?.mode;
      const gb = b.peer.gracefulRestart?.mode;
      const grWritten = [a, b].some((e) => {
        const w = writtenOf(ctx, e);
        return w.settings?.gracefulRestart !== undefined || w.speaker?.gracefulRestart !== undefined;
      });
      if (ga && gb && ga !== gb && !grWritten) {
        ctx.report(`graceful restart is ${ga} on ${endName(a)} (${da} default) and ${gb} on ${endName(b)} (${db} default)`, {
          span: spanOf(a),
          related: related(b, `${db} default ${gb}`),
          hint: 'configure graceful restart explicitly on both ends',
        });
      }
    }
  },
};
