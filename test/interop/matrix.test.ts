/**
 * The translation matrix (issue 9): a daemon under test (DUT) sits between a
 * fixed FEED, which originates routes, and a fixed SINK, which receives what
 * the DUT exports. Each scenario's DUT config is written by hand in each
 * source dialect; bgpc translates it to every other daemon, and the SINK must
 * see the same sessions and the same routes (prefixes, communities, MED, and
 * local-pref over iBGP) from the translation as from the source.
 *
 *   FEED (BIRD, AS 65100) 10.80.1.1 ── 10.80.1.2 DUT (AS 65000) 10.80.2.1 ── 10.80.2.2 SINK (BIRD)
 *                         fd80:1::1 ──  fd80:1::2                fd80:2::1 ── fd80:2::2
 */
import { afterAll, describe, expect, it } from 'vitest';
import { convert, formats, type Diagnostic } from '../../src/index.js';
import { Lab, labOrFail, type Host, type Route } from './lab.js';
import { recordResult } from './results.js';

const live = labOrFail();

type Daemon = 'frr' | 'bird' | 'gobgp';
const FORMAT: Record<Daemon, string> = { frr: 'frr', bird: 'bird', gobgp: 'gobgp' };

const feed = `router id 10.80.1.1;
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
}
protocol bgp dut {
  local 10.80.1.1 as 65100;
  neighbor 10.80.1.2 as 65000;
  ipv4 { import none; export filter { bgp_community.add((65100, 1)); accept; }; };
}
protocol bgp dut6 {
  local fd80:1::1 as 65100;
  neighbor fd80:1::2 as 65000;
  ipv6 { import none; export all; };
}
`;

const sink = (asn: number, extra = '') => `router id 10.80.2.2;
protocol device {}
protocol bgp dut {
  local 10.80.2.2 as ${asn};
  neighbor 10.80.2.1 as 65000;
${extra}  ipv4 { import all; export none; };
}
`;

interface Scenario {
  name: string;
  sinkAsn: number;
  sinkExtra?: string;
  /** DUT config per source dialect. */
  dut: Partial<Record<Daemon, string>>;
  /** What the SINK must see (checked on the source run too, so the scenario itself is right). */
  expectRoutes: (routes: Route[]) => void;
}

const scenarios: Scenario[] = [
  {
    name: 'eBGP, export prefix list, community and MED',
    sinkAsn: 65200,
    dut: {
      bird: `router id 10.80.2.1;
protocol device {}
define EXPORTED = [ 198.51.100.0/24, 203.0.113.0/24 ];
filter to_sink {
  if net ~ [ 198.51.100.0/24, 203.0.113.0/24 ] then {
    bgp_community.add((65000, 42));
    bgp_med = 50;
    accept;
  }
  reject;
}
protocol bgp feed {
  local 10.80.1.2 as 65000;
  neighbor 10.80.1.1 as 65100;
  ipv4 { import all; export none; };
}
protocol bgp sink {
  local 10.80.2.1 as 65000;
  neighbor 10.80.2.2 as 65200;
  ipv4 { import none; export filter to_sink; };
}
`,
      frr: `frr defaults traditional
hostname dut
router bgp 65000
 bgp router-id 10.80.2.1
 neighbor 10.80.1.1 remote-as 65100
 neighbor 10.80.1.1 update-source 10.80.1.2
 neighbor 10.80.2.2 remote-as 65200
 neighbor 10.80.2.2 update-source 10.80.2.1
 address-family ipv4 unicast
  neighbor 10.80.1.1 route-map ALLOW in
  neighbor 10.80.1.1 route-map DENY out
  neighbor 10.80.2.2 route-map DENY in
  neighbor 10.80.2.2 route-map TO-SINK out
 exit-address-family
exit
ip prefix-list EXPORTED seq 5 permit 198.51.100.0/24
ip prefix-list EXPORTED seq 10 permit 203.0.113.0/24
route-map ALLOW permit 10
exit
route-map DENY deny 10
exit
route-map TO-SINK permit 10
 match ip address prefix-list EXPORTED
 set community 65000:42 additive
 set metric 50
exit
`,
      gobgp: `[global.config]
  as = 65000
  router-id = "10.80.2.1"

[[defined-sets.prefix-sets]]
  prefix-set-name = "exported"
  [[defined-sets.prefix-sets.prefix-list]]
    ip-prefix = "198.51.100.0/24"
  [[defined-sets.prefix-sets.prefix-list]]
    ip-prefix = "203.0.113.0/24"

[[defined-sets.neighbor-sets]]
  neighbor-set-name = "sink"
  neighbor-info-list = ["10.80.2.2"]

[[policy-definitions]]
  name = "to-sink"
  [[policy-definitions.statements]]
    [policy-definitions.statements.conditions.match-neighbor-set]
      neighbor-set = "sink"
    [policy-definitions.statements.conditions.match-prefix-set]
      prefix-set = "exported"
    [policy-definitions.statements.actions]
      route-disposition = "accept-route"
    [policy-definitions.statements.actions.bgp-actions.set-community]
      options = "add"
      [policy-definitions.statements.actions.bgp-actions.set-community.set-community-method]
        communities-list = ["65000:42"]
    [policy-definitions.statements.actions.bgp-actions]
      set-med = "50"
  [[policy-definitions.statements]]
    [policy-definitions.statements.conditions.match-neighbor-set]
      neighbor-set = "sink"
    [policy-definitions.statements.actions]
      route-disposition = "reject-route"

[global.apply-policy.config]
  export-policy-list = ["to-sink"]
  default-export-policy = "accept-route"
  default-import-policy = "accept-route"

[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.80.1.1"
    peer-as = 65100
  [neighbors.transport.config]
    local-address = "10.80.1.2"

[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.80.2.2"
    peer-as = 65200
  [neighbors.transport.config]
    local-address = "10.80.2.1"
`,
    },
    expectRoutes: (routes) => {
      expect(routes.map((r) => r.prefix).sort()).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
      for (const r of routes) {
        expect(r.communities).toEqual(['65000:42', '65100:1']);
        expect(r.med).toBe(50);
      }
    },
  },
  {
    name: 'non-default timers and a password',
    sinkAsn: 65200,
    sinkExtra: '  password "bgpc-secret";\n  hold time 30;\n  keepalive time 10;\n',
    dut: {
      bird: `router id 10.80.2.1;
protocol device {}
protocol bgp feed {
  local 10.80.1.2 as 65000;
  neighbor 10.80.1.1 as 65100;
  ipv4 { import all; export none; };
}
protocol bgp sink {
  local 10.80.2.1 as 65000;
  neighbor 10.80.2.2 as 65200;
  password "bgpc-secret";
  hold time 30;
  keepalive time 10;
  ipv4 { import none; export all; };
}
`,
      frr: `frr defaults traditional
hostname dut
router bgp 65000
 bgp router-id 10.80.2.1
 no bgp ebgp-requires-policy
 neighbor 10.80.1.1 remote-as 65100
 neighbor 10.80.2.2 remote-as 65200
 neighbor 10.80.2.2 password bgpc-secret
 neighbor 10.80.2.2 timers 10 30
exit
`,
      gobgp: `[global.config]
  as = 65000
  router-id = "10.80.2.1"
[global.apply-policy.config]
  default-import-policy = "accept-route"
  default-export-policy = "accept-route"

[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.80.1.1"
    peer-as = 65100
  [neighbors.transport.config]
    local-address = "10.80.1.2"

[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.80.2.2"
    peer-as = 65200
    auth-password = "bgpc-secret"
  [neighbors.timers.config]
    hold-time = 30
    keepalive-interval = 10
  [neighbors.transport.config]
    local-address = "10.80.2.1"
`,
    },
    expectRoutes: (routes) => {
      expect(routes.map((r) => r.prefix).sort()).toEqual(['192.0.2.0/25', '198.51.100.0/24', '203.0.113.0/24']);
    },
  },
];

function startDut(h: Host, daemon: Daemon, config: string): void {
  if (daemon === 'frr') h.startFrr(config);
  else if (daemon === 'bird') h.startBird(config);
  else h.startGobgp(config, 'toml');
}

/** Runs FEED → DUT → SINK and returns what SINK received (sorted), or why the sessions did not come up. */
async function run(scenario: Scenario, daemon: Daemon, config: string): Promise<{ routes: Route[]; error?: string }> {
  const lab = new Lab();
  try {
    const f = lab.host('feed');
    const d = lab.host('dut');
    const s = lab.host('sink');
    lab.link(f, d, ['10.80.1.1/24', 'fd80:1::1/64'], ['10.80.1.2/24', 'fd80:1::2/64']);
    lab.link(d, s, ['10.80.2.1/24', 'fd80:2::1/64'], ['10.80.2.2/24', 'fd80:2::2/64']);
    f.startBird(feed);
    s.startBird(sink(scenario.sinkAsn, scenario.sinkExtra));
    startDut(d, daemon, config);
    const up = await lab.waitFor(() => s.sessions()['10.80.2.1'] === 'established' && f.sessions()['10.80.1.2'] === 'established', 40_000);
    if (!up) return { routes: [], error: `sessions: sink ${JSON.stringify(s.sessions())} feed ${JSON.stringify(f.sessions())}\n${d.log(daemon === 'frr' ? 'bgpd' : daemon === 'bird' ? 'bird' : 'gobgpd')}` };
    // Let updates settle: wait until the received set is stable for two polls.
    let last = '';
    await lab.waitFor(() => {
      const now = JSON.stringify(s.routes());
      const stable = now === last && now !== '[]';
      last = now;
      return stable;
    }, 20_000, 1000);
    return { routes: s.routes().sort((a, b) => a.prefix.localeCompare(b.prefix)) };
  } finally {
    lab.destroy();
  }
}

const writable = new Set(formats().filter((f) => f.write && f.read).map((f) => f.id));
const daemons = (['frr', 'bird', 'gobgp'] as Daemon[]).filter((d) => writable.has(FORMAT[d]));

describe.skipIf(!live)('translation matrix (live)', () => {
  afterAll(() => recordResult.flush());

  for (const sc of scenarios) {
    for (const source of daemons) {
      const text = sc.dut[source];
      if (!text) continue;
      describe(`${sc.name}: ${source} source`, () => {
        // The source run is the baseline of every translation; run once, shared.
        let source$: ReturnType<typeof run> | undefined;
        const baseline = () => (source$ ??= run(sc, source, text));

        it(`the ${source} source config brings the routes through`, async () => {
          const r = await baseline();
          expect(r.error).toBeUndefined();
          sc.expectRoutes(r.routes);
          recordResult.add(sc.name, source, source, 'proven');
        }, 90_000);

        for (const target of daemons.filter((d) => d !== source)) {
          it(`${source} → ${target}: same sessions, same routes at the sink`, async () => {
            const c = convert({ name: `dut.${source}`, text, format: FORMAT[source] }, { to: FORMAT[target] });
            const errors = c.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
            expect(errors, errors.map((d) => d.message).join('\n')).toEqual([]);
            expect(c.output).toBeDefined();
            const r = await run(sc, target, c.output!);
            expect(r.error, `${c.output}`).toBeUndefined();
            expect(r.routes, c.output).toEqual((await baseline()).routes);
            recordResult.add(sc.name, source, target, 'proven');
          }, 90_000);
        }
      });
    }
  }
});
