/** A router ID that is 0.0.0.0, broadcast, multicast or reserved; or none on an IPv6-only speaker. */
import { parseIp } from '../../ir/ip.js';
import type { LintRule } from '../rule.js';

function invalid(id: string): string | undefined {
  const ip = parseIp(id);
  if (!ip || ip.v !== 4) return 'not an IPv4 address';
  const first = Number(ip.n >> 24n);
  if (ip.n === 0n) return 'zero';
  if (ip.n === 0xffffffffn) return 'the broadcast address';
  if (first >= 224 && first <= 239) return 'a multicast address';
  if (first >= 240) return 'a reserved (class E) address';
  return undefined;
}

export const routerIdInvalid: LintRule = {
  id: 'router-id-invalid',
  severity: 'error',
  description: 'A router ID is zero, broadcast, multicast or reserved, or an IPv6-only speaker has none.',
  check(ctx) {
    for (const s of ctx.doc.speakers) {
      if (s.routerId) {
        const why = invalid(s.routerId);
        if (why) ctx.report(`${s.id}: router ID ${s.routerId} is ${why}; peers refuse the session`, { span: s.origin?.[0], hint: 'use a unicast IPv4 address unique in the AS' });
        continue;
      }
      const v4 = [...(s.addresses ?? []), ...s.peers.map((p) => p.localAddress ?? '')].some((a) => parseIp(a)?.v === 4);
      const v6only = s.peers.length > 0 && s.peers.every((p) => p.address?.includes(':')) && !v4 && s.kind === 'daemon';
      if (v6only) {
        ctx.report(`${s.id}: no router ID and no IPv4 address: the daemon falls back to 0.0.0.0 and sessions fail`, {
          span: s.origin?.[0],
          severity: 'warning',
          hint: 'set a router ID explicitly',
        });
      }
    }
  },
};
