/**
 * The lab itself, with hand-written configs: each daemon pair comes up and the
 * routes arrive with their attributes, BFD comes up between FRR and BIRD, and
 * teardown leaves no namespace behind. The translation tests build on this.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Lab, labOrFail, pool } from './lab.js';

const live = labOrFail();

describe('lab run pool', () => {
  it('runs at most n jobs at once, in the order they were queued', async () => {
    const queue = pool(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const job = (i: number) => async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => queue(job(i))));
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('a failing job rejects its own promise and frees its slot', async () => {
    const queue = pool(1);
    const failed = queue(() => Promise.reject(new Error('boom')));
    await expect(failed).rejects.toThrow('boom');
    await expect(queue(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

const frr = (asn: number, id: string, peer: string, peerAs: number, extra = '') => `frr defaults traditional
hostname r-${asn}
router bgp ${asn}
 bgp router-id ${id}
 no bgp ebgp-requires-policy
 no bgp network import-check
 neighbor ${peer} remote-as ${peerAs}
${extra} address-family ipv4 unicast
  network 192.0.2.0/24 route-map TAG
 exit-address-family
exit
route-map TAG permit 10
 set community 65001:7
 set metric 42
exit
`;

describe.skipIf(!live)('live lab', () => {
  let lab: Lab | undefined;
  afterEach(() => {
    lab?.destroy();
    lab = undefined;
  });

  it('FRR ↔ BIRD: established, route with community and MED received', async () => {
    lab = new Lab();
    const a = lab.host('frr');
    const b = lab.host('bird');
    lab.link(a, b, ['10.77.0.1/30'], ['10.77.0.2/30']);
    await a.startFrr(frr(65001, '10.77.0.1', '10.77.0.2', 65002));
    b.startBird('router id 10.77.0.2;\nprotocol device {}\nprotocol bgp up { local as 65002; neighbor 10.77.0.1 as 65001; ipv4 { import all; export none; }; }\n');
    const up = await lab.waitFor(async () => (await b.sessions())['10.77.0.1'] === 'established' && (await b.routes()).length > 0);
    expect(up, `${await b.birdc('show protocols all')}\n${a.log('bgpd')}`).toBe(true);
    expect(await a.sessions()).toEqual({ '10.77.0.2': 'established' });
    expect(await b.routes()).toEqual([{ prefix: '192.0.2.0/24', communities: ['65001:7'], localPref: 100, med: 42, asPath: '65001' }]);
  });

  it('FRR ↔ GoBGP: established both ways, route received by GoBGP', async () => {
    lab = new Lab();
    const a = lab.host('frr');
    const b = lab.host('gobgp');
    lab.link(a, b, ['10.77.1.1/30'], ['10.77.1.2/30']);
    await a.startFrr(frr(65001, '10.77.1.1', '10.77.1.2', 65003));
    b.startGobgp('[global.config]\n  as = 65003\n  router-id = "10.77.1.2"\n[[neighbors]]\n  [neighbors.config]\n    neighbor-address = "10.77.1.1"\n    peer-as = 65001\n');
    const up = await lab.waitFor(async () => (await b.sessions())['10.77.1.1'] === 'established' && (await b.routes()).length > 0);
    expect(up, b.log('gobgpd')).toBe(true);
    expect(await a.sessions()).toEqual({ '10.77.1.2': 'established' });
    expect(await b.routes()).toEqual([{ prefix: '192.0.2.0/24', communities: ['65001:7'], med: 42, asPath: '65001' }]);
  });

  it('FRR ↔ BIRD with BFD: the BFD session comes up', async () => {
    lab = new Lab();
    const a = lab.host('frr');
    const b = lab.host('bird');
    lab.link(a, b, ['10.77.2.1/30'], ['10.77.2.2/30']);
    await a.startFrr(frr(65001, '10.77.2.1', '10.77.2.2', 65002, ' neighbor 10.77.2.2 bfd\n'), { bfd: true });
    b.startBird('router id 10.77.2.2;\nprotocol device {}\nprotocol bfd { interface "*" { interval 300 ms; }; }\nprotocol bgp up { local as 65002; neighbor 10.77.2.1 as 65001; bfd on; ipv4 { import all; export none; }; }\n');
    const up = await lab.waitFor(async () => (await b.bfd())['10.77.2.1'] === 'up' && (await a.bfd())['10.77.2.2'] === 'up', 40_000);
    expect(up, `${await b.birdc('show bfd sessions')}\n${await a.vtysh('show bfd peers')}\n${a.log('bfdd')}`).toBe(true);
  });

  it('destroy removes the namespaces and processes', () => {
    const l = new Lab();
    const h = l.host('x');
    h.startBird('router id 10.0.0.1;\nprotocol device {}\n');
    const ns = h.ns;
    l.destroy();
    expect(spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout).not.toContain(ns);
  });
});
