/** Pool address arithmetic and advertisement selection, shared by the pool rules. */
import { parseIp, parsePrefix, rangeOf } from '../ir/ip.js';
import type { AddressPool, Advertisement, PoolAddress } from '../ir/schema.js';
import { selectorMatches } from '../ir/selector.js';

export interface Interval {
  v: 4 | 6;
  from: bigint;
  to: bigint;
  text: string;
  prefixLength?: number;
}

export function intervalOf(a: PoolAddress): Interval | undefined {
  if ('cidr' in a) {
    const net = parsePrefix(a.cidr);
    if (!net) return undefined;
    const [from, to] = rangeOf(net);
    return { v: net.v, from, to, text: a.cidr, prefixLength: net.len };
  }
  const x = parseIp(a.range.from);
  const y = parseIp(a.range.to);
  if (!x || !y || x.v !== y.v) return undefined;
  return { v: x.v, from: x.n, to: y.n, text: `${a.range.from}-${a.range.to}` };
}

/** The pools an advertisement selects (its semantics were made explicit by the reader). */
export function selectedPools(ad: Advertisement, pools: AddressPool[]): AddressPool[] {
  switch (ad.pools.kind) {
    case 'all':
      return pools;
    case 'none':
      return [];
    case 'pools': {
      const names = ad.pools.names;
      return pools.filter((p) => names.includes(p.name));
    }
    case 'selector': {
      const sels = ad.pools.selectors;
      return pools.filter((p) => sels.some((s) => selectorMatches(s, p.labels)));
    }
  }
}

/** Advertisements that announce pool addresses (not pod CIDRs or cluster IPs). */
export function announcesPools(ad: Advertisement): boolean {
  return ad.what === undefined || ad.what === 'lb-pools' || ad.what === 'service-lb-ip';
}
