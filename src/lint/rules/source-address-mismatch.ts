/** This side connects from its source address, but the remote expects it at another address. */
import { sameIp, prefixContainsAddress } from '../../ir/ip.js';
import { endName, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

export const sourceAddressMismatch: LintRule = {
  id: 'source-address-mismatch',
  severity: 'error',
  description: "A speaker's source address is not the address the remote has configured for it.",
  check(ctx) {
    for (const s of ctx.topology.sessions) {
      const src = s.a.peer.localAddress;
      if (!s.b || !src) continue;
      const expected = s.b.range ? undefined : s.b.peer.address;
      if (expected && !sameIp(expected, src)) {
        ctx.report(`${endName(s.a)} connects from ${src}, but ${s.b.instance.key} expects it at ${expected}: "connection from unexpected peer"`, {
          span: s.a.peer.origin?.[0],
          related: related(s.b, `neighbor ${expected}`),
          hint: `use source address ${expected}, or configure ${src} on the other side`,
        });
      } else if (s.b.range && !prefixContainsAddress(s.b.range.prefix, src)) {
        ctx.report(`${endName(s.a)} connects from ${src}, outside ${s.b.instance.key}'s listen range ${s.b.range.prefix}`, {
          span: s.a.peer.origin?.[0],
          related: related(s.b, 'listen range'),
          hint: 'change the source address or widen the listen range',
        });
      }
    }
  },
};
