/** A peer's configured remote AS is not the AS the other end presents. */
import { endName, localAsnOf, spanOf, type End } from '../topology.js';
import type { LintContext, LintRule } from '../rule.js';
import { related } from '../util.js';

function check(ctx: LintContext, from: End, to: End): void {
  const ra = from.peer.remoteAs;
  const theirs = localAsnOf(to);
  if (ra?.kind !== 'explicit' || theirs === undefined || ra.asn === theirs) return;
  ctx.report(`${endName(from)} expects AS ${ra.asn}, but ${to.instance.key} presents AS ${theirs}`, {
    span: spanOf(from),
    related: related(to, `AS ${theirs} is configured here`),
    hint: `set the remote AS to ${theirs}, or the other side's local AS to ${ra.asn}`,
  });
}

export const asnMismatch: LintRule = {
  id: 'asn-mismatch',
  severity: 'error',
  description: "A peer's remote AS differs from the AS the other end presents.",
  check(ctx) {
    for (const s of ctx.topology.sessions) {
      if (!s.b) continue;
      check(ctx, s.a, s.b);
      // A listen range has no session of its own in the list: check its direction here.
      if (s.b.range) check(ctx, s.b, s.a);
    }
  },
};
