/** An advertisement that selects no pool, or names peers that do not exist. */
import type { LintRule } from '../rule.js';
import { announcesPools, selectedPools } from '../pools.js';

export const advertisementSelectsNothing: LintRule = {
  id: 'advertisement-selects-nothing',
  severity: 'error',
  description: 'An advertisement selects no pool or service, or only peers that do not exist.',
  check(ctx) {
    for (const s of ctx.doc.speakers) {
      for (const ad of s.advertisements) {
        const span = ad.origin?.[0];
        if (ad.pools.kind === 'none' && announcesPools(ad) && !ad.serviceSelector) {
          ctx.report(`advertisement ${ad.name} selects nothing: without a selector it announces no address`, {
            span,
            hint: 'add a selector (Cilium: a service selector, e.g. matchExpressions {key: somekey, operator: NotIn, values: [never-used-value]} to select all)',
          });
        } else if (ad.pools.kind === 'selector' && announcesPools(ad) && s.pools.length > 0 && selectedPools(ad, s.pools).length === 0) {
          ctx.report(`advertisement ${ad.name}: its pool selector matches none of the pools (${s.pools.map((p) => p.name).join(', ')})`, {
            span,
            hint: 'fix the selector or the pool labels',
          });
        }
        if (ad.peers && ad.peers.length > 0) {
          const known = new Set(s.peers.flatMap((p) => [p.id, p.name ?? '', p.address ?? '']));
          const missing = ad.peers.filter((n) => !known.has(n));
          if (missing.length === ad.peers.length) {
            ctx.report(`advertisement ${ad.name} is limited to peers ${missing.join(', ')}, none of which exists: nothing is announced`, {
              span,
              hint: 'name existing peers, or drop the peer list to announce to all',
            });
          }
        }
      }
    }
  },
};
