/** `remote-as internal` towards a different AS, or `external` towards the same AS. */
import { endName, localAsnOf, spanOf, type End } from '../topology.js';
import type { LintContext, LintRule } from '../rule.js';
import { related } from '../util.js';

function check(ctx: LintContext, from: End, to: End): void {
  const kind = from.peer.remoteAs?.kind;
  const mine = localAsnOf(from);
  const theirs = localAsnOf(to);
  if ((kind !== 'internal' && kind !== 'external') || mine === undefined || theirs === undefined) return;
  if (kind === 'internal' && mine !== theirs) {
    ctx.report(`${endName(from)} expects iBGP (remote AS internal = ${mine}), but ${to.instance.key} is AS ${theirs}`, {
      span: spanOf(from),
      related: related(to, `AS ${theirs}`),
      hint: `use remote AS external or ${theirs}`,
    });
  } else if (kind === 'external' && mine === theirs) {
    ctx.report(`${endName(from)} expects eBGP (remote AS external), but ${to.instance.key} is in the same AS ${mine}`, {
      span: spanOf(from),
      related: related(to, `AS ${theirs}`),
      hint: 'use remote AS internal',
    });
  }
}

export const ibgpEbgpMismatch: LintRule = {
  id: 'ibgp-ebgp-mismatch',
  severity: 'error',
  description: 'remote-as internal/external contradicts the ASNs of the two ends.',
  check(ctx) {
    for (const s of ctx.topology.sessions) {
      if (!s.b) continue;
      check(ctx, s.a, s.b);
      if (s.b.range) check(ctx, s.b, s.a);
    }
  },
};
