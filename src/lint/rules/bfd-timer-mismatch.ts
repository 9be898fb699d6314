/** BFD on both ends, but the detection times differ by direction. */
import { endName, pairs, spanOf, type End } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

/** Time (µs) for `local` to declare `remote` down: remote multiplier × max(local rx, remote tx). */
function detectUs(local: End, remote: End): number | undefined {
  const l = local.peer.bfd;
  const r = remote.peer.bfd;
  if (l?.receiveIntervalUs === undefined || r?.transmitIntervalUs === undefined || r.detectMultiplier === undefined) return undefined;
  return r.detectMultiplier * Math.max(l.receiveIntervalUs, r.transmitIntervalUs);
}

const ms = (us: number) => `${us / 1000} ms`;

export const bfdTimerMismatch: LintRule = {
  id: 'bfd-timer-mismatch',
  severity: 'warning',
  description: 'Both ends run BFD with intervals or multipliers that detect failures at different speeds.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      if (!a.peer.bfd?.enabled || !b.peer.bfd?.enabled) continue;
      const ab = detectUs(a, b);
      const ba = detectUs(b, a);
      if (ab === undefined || ba === undefined || ab === ba) continue;
      ctx.report(`BFD detects a failure after ${ms(ab)} on ${endName(a)} but after ${ms(ba)} on ${endName(b)}`, {
        span: spanOf(a),
        related: related(b, 'BFD settings of the other end'),
        hint: 'use the same BFD profile (intervals and multiplier) on both ends',
      });
    }
  },
};
