/** Multihop set where it has no effect: on an iBGP session, or with TTL 1. */
import { isEbgp } from '../../ir/resolve.js';
import type { LintRule } from '../rule.js';

export const multihopIgnored: LintRule = {
  id: 'multihop-ignored',
  severity: 'warning',
  description: 'eBGP multihop is set on an iBGP session or with TTL 1, where it does nothing.',
  check(ctx) {
    ctx.written.speakers.forEach((speaker) => {
      for (const p of speaker.peers) {
        if (!p.multihop?.enabled) continue;
        const span = p.multihop.origin?.[0] ?? p.origin?.[0];
        if (isEbgp(p, speaker) === false) {
          ctx.report(`neighbor ${p.address ?? p.id}: eBGP multihop has no effect on an iBGP session (iBGP is multihop already)`, {
            span,
            hint: 'remove it (MetalLB rejects it for iBGP; Cilium ignores it)',
          });
        } else if (p.multihop.ttl === 1) {
          ctx.report(`neighbor ${p.address ?? p.id}: eBGP multihop with TTL 1 is single-hop`, { span, hint: 'use a TTL of at least 2, or remove it' });
        }
      }
    });
  },
};
