/**
 * The translation matrix (issue 9): a daemon under test (DUT) sits between a
 * fixed FEED, which originates routes, and a fixed SINK, which receives what
 * the DUT exports (topologies and scenarios: scenarios.ts). Each scenario's
 * DUT config is written by hand in each source dialect; bgpc translates it to
 * every other daemon, the target daemon's own check must accept it, and the
 * run must give the same established sessions (on FEED, SINK and the DUT)
 * and the same routes at the SINK (prefixes, communities, local-pref, MED,
 * AS path) as the source; BFD must come up where the scenario uses it. Where
 * a target cannot express a scenario, the translation must report the loss.
 *
 * Runs are independent labs (their own namespaces), so they run side by side
 * through a pool; each test awaits its own run.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { convert, type Diagnostic } from '../../src/index.js';
import { checkBird, checkFrr, checkGobgp } from '../support/daemons.js';
import { Lab, labOrFail, pool, type Host, type Route } from './lab.js';
import { recordResult } from './results.js';
import { feed, scenarios, type Daemon, type Scenario } from './scenarios.js';

const live = labOrFail();

const DAEMONS: Daemon[] = ['frr', 'bird', 'gobgp'];
const LOG: Record<Daemon, string> = { frr: 'bgpd', bird: 'bird', gobgp: 'gobgpd' };
/** Labs at once: they mostly wait for BGP timers; polling (vtysh, birdc, gobgp) is the CPU cost. */
const queue = pool(Number(process.env['INTEROP_PARALLEL'] ?? 8));
/** INTEROP_SCENARIOS=id,id runs a subset while working on one (the report needs them all). */
const only = process.env['INTEROP_SCENARIOS']?.split(',');
const selected = scenarios.filter((s) => !only || only.includes(s.id));

interface Outcome {
  routes: Route[];
  /** Established sessions seen from FEED, SINK and the DUT. */
  sessions: { feed: string[]; sink: string[]; dut: string[] };
  bfd?: { sink?: string; dut?: string };
  error?: string;
  /** The DUT's own view at the end, for failure messages. */
  debug?: string;
}

async function dutView(d: Host, daemon: Daemon): Promise<string> {
  if (daemon === 'frr') return `${await d.vtysh('show bgp summary')}\n${await d.vtysh('show bfd peers')}\n${d.log('bgpd')}`;
  if (daemon === 'bird') return `${await d.birdc('show protocols all')}\n${d.log('bird')}`;
  return `${await d.gobgp(['neighbor'])}\n${d.log('gobgpd')}`;
}

const established = (s: Record<string, string>) => Object.keys(s).filter((k) => s[k] === 'established').sort();

async function startDut(h: Host, daemon: Daemon, config: string, sc: Scenario): Promise<void> {
  if (daemon === 'frr') await h.startFrr(config, { bfd: sc.bfd, zebra: sc.zebra });
  else if (daemon === 'bird') h.startBird(config);
  else h.startGobgp(config, 'toml');
}

/** Runs FEED → DUT → SINK; returns what SINK received and who is established, or why the sessions did not come up. */
async function run(sc: Scenario, daemon: Daemon, config: string, want: (routes: Route[]) => boolean | Promise<boolean>): Promise<Outcome> {
  const lab = new Lab();
  try {
    const f = lab.host('feed');
    const d = lab.host('dut');
    const s = lab.host('sink');
    lab.link(f, d, ['10.80.1.1/24', 'fd80:1::1/64'], ['10.80.1.2/24', 'fd80:1::2/64']);
    if (sc.topology === 'routed') {
      const r = lab.host('r');
      lab.link(d, r, ['10.80.2.1/24'], ['10.80.2.2/24']);
      lab.link(r, s, ['10.80.3.1/24'], ['10.80.3.2/24']);
      r.forward();
      d.route('10.80.3.0/24', '10.80.2.2');
      s.route('10.80.2.0/24', '10.80.3.1');
    } else {
      lab.link(d, s, ['10.80.2.1/24', 'fd80:2::1/64'], ['10.80.2.2/24', 'fd80:2::2/64']);
    }
    f.startBird(feed);
    s.startBird(sc.sink);
    await startDut(d, daemon, config, sc);
    const up = await lab.waitFor(
      async () => (await s.sessions())[sc.sinkPeer] === 'established' && (await f.sessions())[sc.feedPeer] === 'established',
      45_000,
      1000,
    );
    if (!up) {
      return {
        routes: [],
        sessions: { feed: [], sink: [], dut: [] },
        error: `sessions: sink ${JSON.stringify(await s.sessions())} feed ${JSON.stringify(await f.sessions())}\n${d.log(LOG[daemon])}`,
      };
    }
    let bfd: Outcome['bfd'];
    if (sc.bfd) {
      const peerOfDut = '10.80.2.2';
      await lab.waitFor(async () => (await s.bfd())[sc.sinkPeer] === 'up' && (await d.bfd())[peerOfDut] === 'up', 30_000, 1000);
      bfd = { sink: (await s.bfd())[sc.sinkPeer], dut: (await d.bfd())[peerOfDut] };
    }
    // Let updates settle: until the SINK has what it should (bounded), then the same for one more poll.
    const received = async () => [...(await s.routes('ipv4')), ...(await s.routes('ipv6'))].sort((a, b) => a.prefix.localeCompare(b.prefix));
    let last = '';
    await lab.waitFor(async () => {
      const now = await received();
      const text = JSON.stringify(now);
      const settled = text === last && (await want(now));
      last = text;
      return settled;
    }, 25_000, 1000);
    return {
      routes: await received(),
      sessions: { feed: established(await f.sessions()), sink: established(await s.sessions()), dut: established(await d.sessions()) },
      ...(bfd ? { bfd } : {}),
      debug: await dutView(d, daemon),
    };
  } catch (e) {
    return { routes: [], sessions: { feed: [], sink: [], dut: [] }, error: String(e) };
  } finally {
    lab.destroy();
  }
}

function check(daemon: Daemon, text: string): { ok: boolean; output: string } {
  if (daemon === 'frr') return checkFrr(text);
  if (daemon === 'bird') return checkBird(text);
  return checkGobgp(text, 'toml');
}

const losses = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'warning' && (d.code === 'emit/not-rendered' || d.code === 'emit/raw-foreign'));

describe.skipIf(!live)('translation matrix (live)', () => {
  const started = Date.now();
  afterAll(() => {
    recordResult.time('matrix', (Date.now() - started) / 1000);
    recordResult.flush();
  });

  // Every run is queued up front, in test order; each test awaits its own.
  const runs = new Map<string, Promise<Outcome>>();
  const translations = new Map<string, ReturnType<typeof convert>>();
  const key = (sc: Scenario, source: Daemon, target: Daemon) => `${sc.id}:${source}:${target}`;
  beforeAll(() => {
    for (const sc of selected) {
      for (const source of DAEMONS) {
        const text = sc.dut[source];
        if (!text) continue;
        const satisfies = (routes: Route[]) => {
          try {
            sc.expectRoutes(routes);
            return true;
          } catch {
            return false;
          }
        };
        const base = queue(() => run(sc, source, text, satisfies));
        runs.set(key(sc, source, source), base);
        // A translation has settled once the SINK has what the source run gave it.
        const same = async (routes: Route[]) => JSON.stringify(routes) === JSON.stringify((await base).routes);
        for (const target of DAEMONS.filter((t) => t !== source)) {
          const c = convert({ name: `scenarios/${sc.id}/dut.${source}`, text, format: source }, { to: target });
          translations.set(key(sc, source, target), c);
          if (!c.output || sc.lossOn?.[target]) continue;
          const out = c.output;
          runs.set(key(sc, source, target), queue(() => run(sc, target, out, same)));
        }
      }
    }
  });

  for (const sc of selected) {
    for (const source of DAEMONS) {
      if (!sc.dut[source]) continue;
      describe(`${sc.name}: ${source} source`, () => {
        it(`the ${source} source config brings the routes through`, async () => {
          const r = await runs.get(key(sc, source, source))!;
          expect(r.error).toBeUndefined();
          expect(r.routes.length, r.debug).toBeGreaterThan(0);
          sc.expectRoutes(r.routes);
          if (sc.bfd) expect(r.bfd).toEqual({ sink: 'up', dut: 'up' });
          recordResult.add(sc, source, source, 'proven');
        }, 240_000);

        for (const target of DAEMONS.filter((d) => d !== source)) {
          const loss = sc.lossOn?.[target];
          if (loss) {
            it(`${source} → ${target}: the loss is reported, not hidden`, () => {
              const c = translations.get(key(sc, source, target))!;
              const found = losses(c.diagnostics).filter((d) => d.code === 'emit/not-rendered' && loss.test(d.message));
              expect(found.length, c.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')).toBeGreaterThan(0);
              recordResult.add(sc, source, target, 'loss', found.map((d) => d.message));
            });
            continue;
          }
          it(`${source} → ${target}: accepted by ${target}, same sessions, same routes at the sink`, async () => {
            const c = translations.get(key(sc, source, target))!;
            const errors = c.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
            expect(errors, errors.map((d) => d.message).join('\n')).toEqual([]);
            expect(c.output).toBeDefined();
            const accepted = check(target, c.output!);
            expect(accepted.ok, `${accepted.output}\n${c.output}`).toBe(true);
            const [r, base] = await Promise.all([runs.get(key(sc, source, target))!, runs.get(key(sc, source, source))!]);
            expect(r.error, `${c.output}`).toBeUndefined();
            expect(base.error).toBeUndefined();
            expect(r.sessions, c.output).toEqual(base.sessions);
            expect(r.routes, `${c.output}\n${r.debug}`).toEqual(base.routes);
            if (sc.bfd) expect(r.bfd, c.output).toEqual({ sink: 'up', dut: 'up' });
            recordResult.add(sc, source, target, 'proven', losses(c.diagnostics).map((d) => d.message));
          }, 240_000);
        }
      });
    }
  }
});
