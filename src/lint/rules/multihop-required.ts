/** eBGP where one end uses multihop and the other single-hop: the single-hop side drops or never reaches the session. */
import { endName, pairs, spanOf, type End } from '../topology.js';
import type { LintRule } from '../rule.js';
import { pairIsEbgp, related } from '../util.js';

const multihop = (e: End) => e.peer.multihop?.enabled === true && (e.peer.multihop.ttl ?? 2) > 1;
const singleHop = (e: End) => !multihop(e) && e.peer.disableConnectedCheck !== true && e.peer.ttlSecurityHops === undefined;

export const multihopRequired: LintRule = {
  id: 'multihop-required',
  severity: 'warning',
  description: 'An eBGP session is multihop on one end and single-hop on the other.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      if (pairIsEbgp(a, b) !== true) continue;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        if (multihop(y) && singleHop(x)) {
          ctx.report(`${endName(x)} is single-hop eBGP, but ${endName(y)} uses multihop (TTL ${y.peer.multihop?.ttl ?? 'default'}): the peers are not directly connected`, {
            span: spanOf(x),
            related: related(y, 'multihop is set here'),
            hint: 'enable eBGP multihop on this side too (FRR ebgp-multihop N, BIRD multihop N, GoBGP ebgp-multihop)',
          });
        }
      }
    }
  },
};
