/** AS numbers that are private (fine inside, not on the Internet), reserved or for documentation only. */
import type { LintRule } from '../rule.js';
import type { Span } from '../../source.js';

function classify(asn: number): { severity: 'info' | 'warning'; why: string } | undefined {
  if (asn === 0) return { severity: 'warning', why: 'reserved (RFC 7607): AS 0 is refused in OPEN messages' };
  if (asn === 23456) return { severity: 'warning', why: 'AS_TRANS (RFC 6793), not a real AS' };
  if (asn === 65535 || asn === 4294967295) return { severity: 'warning', why: 'reserved (RFC 7300)' };
  if ((asn >= 64496 && asn <= 64511) || (asn >= 65536 && asn <= 65551)) return { severity: 'warning', why: 'reserved for documentation (RFC 5398)' };
  if ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294)) return { severity: 'info', why: 'private (RFC 6996): strip it before the Internet' };
  return undefined;
}

export const privateOrReservedAsn: LintRule = {
  id: 'private-or-reserved-asn',
  severity: 'info',
  description: 'An AS number is private, reserved, or meant for documentation.',
  check(ctx) {
    for (const s of ctx.parsed.speakers) {
      const seen = new Set<number>();
      const report = (asn: number | undefined, where: string, span: Span | undefined) => {
        if (asn === undefined || seen.has(asn)) return;
        const c = classify(asn);
        if (!c) return;
        seen.add(asn);
        ctx.report(`${where}: AS ${asn} is ${c.why}`, { span, severity: c.severity });
      };
      report(s.asn, s.id, s.origin?.[0]);
      for (const p of [...s.peers, ...s.peerGroups]) {
        const where = 'id' in p ? `neighbor ${p.address ?? p.id}` : `group ${p.name}`;
        if (p.remoteAs?.kind === 'explicit') report(p.remoteAs.asn, where, p.origin?.[0]);
        report(p.localAs?.asn, where, p.localAs?.origin?.[0] ?? p.origin?.[0]);
      }
    }
  },
};
