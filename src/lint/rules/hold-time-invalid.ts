/** Hold time 1 or 2 s is refused by RFC 4271; a keepalive not below the hold time never keeps the session up. */
import type { LintRule } from '../rule.js';

export const holdTimeInvalid: LintRule = {
  id: 'hold-time-invalid',
  severity: 'error',
  description: 'Hold time of 1 or 2 seconds, or keepalive not smaller than the hold time.',
  check(ctx) {
    for (const speaker of ctx.doc.speakers) {
      for (const p of [...speaker.peers, ...speaker.peerGroups]) {
        const t = p.timers;
        const name = 'id' in p ? `peer ${p.id}` : `group ${p.name}`;
        const span = t?.origin?.[0] ?? p.origin?.[0];
        if (t?.holdTime === 1 || t?.holdTime === 2) {
          ctx.report(`${name}: hold time ${t.holdTime} s is invalid (RFC 4271: 0 or at least 3 s)`, {
            span,
            hint: 'use 0 (no keepalives) or at least 3 seconds',
          });
        } else if (t?.holdTime !== undefined && t.holdTime > 0 && t.keepalive !== undefined && t.keepalive >= t.holdTime) {
          ctx.report(`${name}: keepalive ${t.keepalive} s is not smaller than hold time ${t.holdTime} s`, {
            span,
            hint: 'keepalive is usually a third of the hold time',
          });
        }
      }
    }
  },
};
