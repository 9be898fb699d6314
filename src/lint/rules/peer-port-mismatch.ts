/** The side that connects uses a port the other side does not listen on. */
import { endName, pairs, spanOf, type End } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

export const peerPortMismatch: LintRule = {
  id: 'peer-port-mismatch',
  severity: 'error',
  description: 'A neighbor connects to a TCP port the other end does not listen on.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const checkDir = (from: End, to: End) => {
        if (from.range || from.peer.passive) return;
        const port = from.peer.port;
        const listen = to.instance.speaker.listen;
        if (port === undefined || listen?.port === undefined || listen.enabled === false || port === listen.port) return;
        ctx.report(`${endName(from)} connects to port ${port}, but ${to.instance.key} listens on ${listen.port}`, {
          span: spanOf(from),
          related: related(to, `listens on ${listen.port}`),
          hint: 'use the same port on both ends',
        });
      };
      checkDir(a, b);
      checkDir(b, a);
    }
  },
};
