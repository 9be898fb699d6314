/** The only side that would connect faces a speaker that does not listen. */
import { endName, spanOf, type End } from '../topology.js';
import { pairs } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

const initiates = (e: End) => e.range === undefined && e.peer.passive !== true;
const listens = (e: End) => e.instance.speaker.listen?.enabled !== false;

export const noListener: LintRule = {
  id: 'no-listener',
  severity: 'error',
  description: 'Every side that would open the session connects to a speaker that does not listen.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const ok = (initiates(a) && listens(b)) || (initiates(b) && listens(a));
      const anyInitiator = initiates(a) || initiates(b);
      if (ok || !anyInitiator) continue;
      const [active, deaf] = initiates(a) ? [a, b] : [b, a];
      ctx.report(`${endName(active)} connects to ${deaf.instance.key}, which does not listen for BGP sessions, and ${endName(deaf)} does not connect either`, {
        span: spanOf(deaf),
        related: related(active, 'the only side that connects'),
        hint: `let ${deaf.instance.key} connect (not passive), or make it listen (e.g. Cilium localPort, FRR without -p 0)`,
      });
    }
  },
};
