/** A 4-byte AS number where only 2 bytes (or a signed 32-bit field) fit. */
import type { LintRule } from '../rule.js';
import type { Span } from '../../source.js';

const INT32_MAX = 2147483647;

export const asn4Unrepresentable: LintRule = {
  id: 'asn4-unrepresentable',
  severity: 'error',
  description: 'A 4-byte AS number is used where the format holds only 2 bytes or a signed 32-bit integer.',
  check(ctx) {
    for (const s of ctx.parsed.speakers) {
      // Calico's CRDs declare AS numbers as int32 (projectcalico/calico#13494).
      if (s.dialect?.format === 'calico') {
        const asns = [s.asn, ...s.peers.map((p) => (p.remoteAs?.kind === 'explicit' ? p.remoteAs.asn : undefined)), ...s.peers.map((p) => p.localAs?.asn)];
        for (const asn of asns) {
          if (asn !== undefined && asn > INT32_MAX) ctx.report(`AS ${asn} does not fit Calico's int32 AS number fields`, { span: s.origin?.[0] });
        }
      }
      // Standard communities are 16:16 bits: "ASN:value" needs ASN ≤ 65535.
      const check = (value: string, where: string, span: Span | undefined) => {
        const m = /^(\d+):(\d+)$/.exec(value);
        if (m && (Number(m[1]) > 65535 || Number(m[2]) > 65535)) {
          ctx.report(`${where}: standard community ${value} needs 16-bit halves; a 4-byte AS needs a large community (${m[1]}:0:${m[2]})`, { span });
        }
      };
      for (const cs of s.policy.communitySets) {
        if (cs.kind !== 'standard') continue;
        for (const e of cs.entries) if (!e.regex) check(e.value, `community set ${cs.name}`, e.origin?.[0] ?? cs.origin?.[0]);
      }
      for (const pol of s.policy.policies) {
        for (const st of pol.statements) {
          for (const a of st.actions) {
            if (a.kind === 'community' && a.communityKind === 'standard') for (const v of a.values ?? []) check(v, `policy ${pol.name}`, a.origin?.[0]);
          }
        }
      }
      for (const ad of s.advertisements) for (const v of ad.communities ?? []) check(v, `advertisement ${ad.name}`, ad.origin?.[0]);
    }
  },
};
