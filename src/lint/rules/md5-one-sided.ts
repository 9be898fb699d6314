/** TCP MD5 password on one end only, or two different passwords: the TCP handshake fails. */
import { endName, pairs, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

export const md5OneSided: LintRule = {
  id: 'md5-one-sided',
  severity: 'error',
  description: 'A TCP MD5 password is set on one end only, or the two passwords differ.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      const x = a.peer.password;
      const y = b.peer.password;
      if (!x && !y) continue;
      if (x && y) {
        if (x.kind === 'literal' && y.kind === 'literal' && x.value !== y.value) {
          ctx.report(`${endName(a)} and ${endName(b)} use different MD5 passwords (redacted): TCP segments are dropped`, {
            span: spanOf(a),
            related: related(b, 'the other password is set here'),
            hint: 'use the same password on both ends',
          });
        }
        continue;
      }
      const [with_, without] = x ? [a, b] : [b, a];
      ctx.report(`${endName(with_)} signs the session with an MD5 password, but ${endName(without)} has none: the TCP connection never opens`, {
        span: spanOf(without),
        related: related(with_, 'password set here'),
        hint: 'set the same password on both ends, or on neither',
      });
    }
  },
};
