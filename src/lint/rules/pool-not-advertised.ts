/** A pool no BGP advertisement selects: its addresses are assigned but never announced. */
import type { LintRule } from '../rule.js';
import { announcesPools, selectedPools } from '../pools.js';

export const poolNotAdvertised: LintRule = {
  id: 'pool-not-advertised',
  severity: 'warning',
  description: 'No BGP advertisement selects a load-balancer pool.',
  check(ctx) {
    for (const s of ctx.doc.speakers) {
      if (s.pools.length === 0) continue;
      const announced = new Set(s.advertisements.filter(announcesPools).flatMap((a) => selectedPools(a, s.pools).map((p) => p.name)));
      for (const p of s.pools) {
        if (announced.has(p.name)) continue;
        ctx.report(`pool ${p.name} is not selected by any BGP advertisement: services get its addresses, but no router learns a route to them`, {
          span: p.origin?.[0],
          hint: 'add a BGP advertisement that selects the pool (MetalLB BGPAdvertisement, Cilium CiliumBGPAdvertisement)',
        });
      }
    }
  },
};
