/**
 * The scenarios of the translation matrix (matrix.test.ts). Each one has a
 * DUT config written by hand in each source dialect (scenarios/<id>/dut.*),
 * a fixed BIRD SINK facing the DUT, and what the SINK must receive. The
 * FEED (BIRD, AS 65100) is the same for all: it originates three IPv4
 * routes tagged (65100,1) and two IPv6 routes.
 *
 *   line:   FEED 10.80.1.1 ── 10.80.1.2 DUT 10.80.2.1 ── 10.80.2.2 SINK
 *           fd80:1::1      ── fd80:1::2     fd80:2::1 ── fd80:2::2
 *   routed: FEED ── DUT 10.80.2.1 ── 10.80.2.2 R 10.80.3.1 ── 10.80.3.2 SINK
 *           (R forwards and runs no BGP; kernel routes lead across it)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Route } from './lab.js';

export type Daemon = 'frr' | 'bird' | 'gobgp';

export interface Scenario {
  id: string;
  name: string;
  /** The features this scenario proves (docs/interop.md lists them). */
  features: string[];
  topology: 'line' | 'routed';
  /** The SINK's BIRD config. */
  sink: string;
  /** The DUT's address as FEED and SINK see it: these sessions must be established. */
  feedPeer: string;
  sinkPeer: string;
  /** BFD must come up between DUT and SINK (FRR runs bfdd). */
  bfd?: boolean;
  /** FRR needs zebra (next-hop tracking for a multihop peer). */
  zebra?: boolean;
  /** Targets that cannot express the scenario: the translation must report this loss instead. */
  lossOn?: Partial<Record<Daemon, RegExp>>;
  /** DUT config per source dialect. */
  dut: Partial<Record<Daemon, string>>;
  /** What the SINK must see (checked on the source run too, so the scenario itself is right). */
  expectRoutes: (routes: Route[]) => void;
}

/** Fast session start for the fixed ends: the scenarios are not about connect timers. */
const FAST = '  start delay time 1;\n  connect delay time 1;\n  connect retry time 2;\n  error wait time 1, 4;\n';

export const feed = `router id 10.80.1.1;
protocol device {}
protocol static s4 {
  ipv4;
  route 198.51.100.0/24 blackhole;
  route 203.0.113.0/24 blackhole;
  route 192.0.2.0/25 blackhole;
}
protocol static s6 {
  ipv6;
  route 2001:db8:100::/48 blackhole;
  route 2001:db8:200::/48 blackhole;
}
protocol bgp dut {
  local 10.80.1.1 as 65100;
  neighbor 10.80.1.2 as 65000;
${FAST}  ipv4 { import none; export filter { bgp_community.add((65100, 1)); accept; }; };
}
protocol bgp dut6 {
  local fd80:1::1 as 65100;
  neighbor fd80:1::2 as 65000;
${FAST}  ipv6 { import none; export all; };
}
`;

function sink(opts: { asn: number; local?: string; neighbor?: string; extra?: string; head?: string; family?: 'ipv4' | 'ipv6' }): string {
  const local = opts.local ?? '10.80.2.2';
  return `router id 10.80.2.2;
protocol device {}
${opts.head ?? ''}protocol bgp dut {
  local ${local} as ${opts.asn};
  neighbor ${opts.neighbor ?? '10.80.2.1'} as 65000;
${FAST}${opts.extra ?? ''}  ${opts.family ?? 'ipv4'} { import all; export none; };
}
`;
}

const ALL4 = ['192.0.2.0/25', '198.51.100.0/24', '203.0.113.0/24'];
const prefixes = (routes: Route[]) => routes.map((r) => r.prefix).sort();

function dutConfigs(id: string): Partial<Record<Daemon, string>> {
  const dir = join(import.meta.dirname, 'scenarios', id);
  const out: Partial<Record<Daemon, string>> = {};
  for (const f of readdirSync(dir)) {
    const m = /^dut\.(frr|bird|gobgp)\./.exec(f);
    if (m) out[m[1] as Daemon] = readFileSync(join(dir, f), 'utf8');
  }
  return out;
}

export const scenarios: Scenario[] = [
  {
    id: 'ebgp-policy',
    name: 'eBGP, export prefix list, community and MED',
    features: ['eBGP', 'export policy', 'prefix list', 'communities', 'MED'],
    topology: 'line',
    sink: sink({ asn: 65200 }),
    feedPeer: '10.80.1.2',
    sinkPeer: '10.80.2.1',
    dut: dutConfigs('ebgp-policy'),
    expectRoutes: (routes) => {
      expect(prefixes(routes)).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
      for (const r of routes) {
        expect(r.communities).toEqual(['65000:42', '65100:1']);
        expect(r.med).toBe(50);
      }
    },
  },
  {
    id: 'timers-password',
    name: 'non-default timers and a password',
    features: ['non-default timers', 'TCP MD5 password'],
    topology: 'line',
    sink: sink({ asn: 65200, extra: '  password "bgpc-secret";\n  hold time 30;\n  keepalive time 10;\n' }),
    feedPeer: '10.80.1.2',
    sinkPeer: '10.80.2.1',
    dut: dutConfigs('timers-password'),
    expectRoutes: (routes) => expect(prefixes(routes)).toEqual(ALL4),
  },
  {
    id: 'ibgp-groups',
    name: 'iBGP sink, import local-pref, peer groups / templates',
    features: ['iBGP', 'import policy', 'local-pref', 'peer groups / templates'],
    topology: 'line',
    // iBGP keeps the FEED's next hop: the SINK resolves it through a static route.
    sink: sink({ asn: 65000, head: 'protocol static { ipv4; route 10.80.0.0/16 via 10.80.2.1; }\n' }),
    feedPeer: '10.80.1.2',
    sinkPeer: '10.80.2.1',
    dut: dutConfigs('ibgp-groups'),
    expectRoutes: (routes) => {
      expect(prefixes(routes)).toEqual(ALL4);
      for (const r of routes) {
        expect(r.localPref, r.prefix).toBe(r.prefix === '198.51.100.0/24' ? 250 : 100);
        expect(r.communities).toEqual(['65100:1']);
        expect(r.asPath).toBe('65100');
      }
    },
  },
  {
    id: 'listen-range',
    name: 'dynamic neighbors from a listen range',
    features: ['listen range (dynamic neighbors)', 'peer groups / templates'],
    topology: 'line',
    sink: sink({ asn: 65200 }),
    feedPeer: '10.80.1.2',
    sinkPeer: '10.80.2.1',
    dut: dutConfigs('listen-range'),
    expectRoutes: (routes) => expect(prefixes(routes)).toEqual(ALL4),
  },
  {
    id: 'ipv6',
    name: 'IPv6 unicast over IPv6 sessions, IPv6 prefix list and community',
    features: ['IPv6', 'export policy', 'prefix list', 'communities'],
    topology: 'line',
    sink: sink({ asn: 65200, local: 'fd80:2::2', neighbor: 'fd80:2::1', family: 'ipv6' }),
    feedPeer: 'fd80:1::2',
    sinkPeer: 'fd80:2::1',
    dut: dutConfigs('ipv6'),
    expectRoutes: (routes) => {
      expect(routes.map((r) => [r.prefix, r.communities, r.asPath])).toEqual([['2001:db8:100::/48', ['65000:6'], '65000 65100']]);
    },
  },
  {
    id: 'multihop',
    name: 'eBGP multihop across a router',
    features: ['eBGP multihop'],
    topology: 'routed',
    sink: sink({ asn: 65200, local: '10.80.3.2', extra: '  multihop 2;\n', head: 'protocol static { ipv4; route 10.80.2.0/24 via 10.80.3.1; }\n' }),
    feedPeer: '10.80.1.2',
    sinkPeer: '10.80.2.1',
    zebra: true,
    dut: dutConfigs('multihop'),
    expectRoutes: (routes) => {
      expect(prefixes(routes)).toEqual(ALL4);
      for (const r of routes) expect(r.asPath).toBe('65000 65100');
    },
  },
  {
    id: 'bfd',
    name: 'BFD on the eBGP session',
    features: ['BFD'],
    topology: 'line',
    sink: sink({ asn: 65200, extra: '  bfd on;\n', head: 'protocol bfd { interface "*" { interval 200 ms; }; }\n' }),
    feedPeer: '10.80.1.2',
    sinkPeer: '10.80.2.1',
    bfd: true,
    lossOn: { gobgp: /BFD/ },
    dut: dutConfigs('bfd'),
    expectRoutes: (routes) => expect(prefixes(routes)).toEqual(ALL4),
  },
];
