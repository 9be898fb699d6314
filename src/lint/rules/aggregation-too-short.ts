/** An aggregation length shorter than the pool's own prefix: the announced route covers addresses outside the pool. */
import type { LintRule } from '../rule.js';
import { intervalOf, selectedPools } from '../pools.js';

export const aggregationTooShort: LintRule = {
  id: 'aggregation-too-short',
  severity: 'error',
  description: "An advertisement's aggregation length is shorter than a selected pool's prefix length.",
  check(ctx) {
    for (const s of ctx.doc.speakers) {
      for (const ad of s.advertisements) {
        if (ad.aggregationLength === undefined && ad.aggregationLengthV6 === undefined) continue;
        for (const pool of selectedPools(ad, s.pools)) {
          for (const a of pool.addresses) {
            const iv = intervalOf(a);
            if (!iv || iv.prefixLength === undefined) continue;
            const agg = iv.v === 4 ? ad.aggregationLength : ad.aggregationLengthV6;
            if (agg === undefined || agg >= iv.prefixLength) continue;
            ctx.report(`advertisement ${ad.name}: aggregation length /${agg} is shorter than pool ${pool.name}'s ${iv.text}`, {
              span: ad.origin?.[0],
              related: a.origin?.[0] ? [{ span: a.origin[0], message: `pool ${pool.name}` }] : [],
              hint: `use an aggregation length of at least /${iv.prefixLength}`,
            });
          }
        }
      }
    }
  },
};
