/** BFD on one end only: no BFD session comes up, failures are detected only by the hold timer. */
import { endName, pairs, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

export const bfdOneSided: LintRule = {
  id: 'bfd-one-sided',
  severity: 'warning',
  description: 'BFD is enabled on one end of a session only.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const x = a.peer.bfd?.enabled === true;
      const y = b.peer.bfd?.enabled === true;
      if (x === y) continue;
      const [on, off] = x ? [a, b] : [b, a];
      ctx.report(`${endName(on)} runs BFD, but ${endName(off)} does not: the BFD session stays down and failures are detected only by the hold timer`, {
        span: spanOf(off),
        related: related(on, 'BFD is enabled here'),
        hint: off.instance.speaker.dialect?.format === 'gobgp' || off.instance.speaker.dialect?.format === 'cilium' ? `${off.instance.speaker.dialect.format} has no BFD; disable it on the other side` : 'enable BFD on this side too',
      });
    }
  },
};
