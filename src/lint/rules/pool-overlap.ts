/** Two address pools share addresses: MetalLB refuses them, Cilium marks the pool conflicting. */
import type { LintRule } from '../rule.js';
import { intervalOf, type Interval } from '../pools.js';
import type { Span } from '../../source.js';

export const poolOverlap: LintRule = {
  id: 'pool-overlap',
  severity: 'error',
  description: 'Two load-balancer address pools overlap.',
  check(ctx) {
    const all: { pool: string; speaker: string; iv: Interval; span: Span | undefined }[] = [];
    for (const s of ctx.doc.speakers) {
      for (const p of s.pools) {
        for (const a of p.addresses) {
          const iv = intervalOf(a);
          if (iv) all.push({ pool: p.name, speaker: s.id, iv, span: a.origin?.[0] ?? p.origin?.[0] });
        }
      }
    }
    all.sort((x, y) => (x.iv.v - y.iv.v) || (x.iv.from < y.iv.from ? -1 : x.iv.from > y.iv.from ? 1 : 0));
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const x = all[i]!;
        const y = all[j]!;
        if (y.iv.v !== x.iv.v || y.iv.from > x.iv.to) break;
        if (x.pool === y.pool && x.speaker === y.speaker) continue;
        ctx.report(`pool ${y.pool} (${y.iv.text}) overlaps pool ${x.pool} (${x.iv.text})`, {
          span: y.span,
          related: x.span ? [{ span: x.span, message: `pool ${x.pool}` }] : [],
          hint: 'give each pool its own addresses',
        });
      }
    }
  },
};
