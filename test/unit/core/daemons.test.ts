/**
 * The daemon checks themselves: each accepts a known-good config and rejects a
 * known-bad one, so a golden case "accepted by vtysh" means something. Under
 * CI=true a missing daemon fails here.
 */
import { describe, expect, it } from 'vitest';
import { checkBird, checkFrr, checkGobgp, daemonOrFail } from '../../support/daemons.js';

describe('daemon checks', () => {
  it.skipIf(!daemonOrFail('vtysh'))('vtysh --dryrun accepts good FRR and rejects an unknown command', () => {
    expect(checkFrr('router bgp 65000\n neighbor 192.0.2.1 remote-as 65001\nexit\n').ok).toBe(true);
    const bad = checkFrr('router bgp 65000\n neighbor 192.0.2.1 remote-as 65001\n neighbr 192.0.2.1 shutdown\nexit\n');
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain('Unknown command');
  });

  it.skipIf(!daemonOrFail('bird'))('bird -p accepts good BIRD 2 and rejects an eBGP channel without policy', () => {
    const good = 'router id 192.0.2.9;\nprotocol bgp up { local as 65000; neighbor 192.0.2.1 as 65001; ipv4 { import all; export none; }; }\n';
    expect(checkBird(good).ok).toBe(true);
    const bad = checkBird('router id 192.0.2.9;\nprotocol bgp up { local as 65000; neighbor 192.0.2.1 as 65001; ipv4; }\n');
    expect(bad.ok).toBe(false);
  });

  it.skipIf(!daemonOrFail('gobgpd'))('gobgpd -d accepts good TOML/YAML and rejects an unknown key', () => {
    expect(checkGobgp('[global.config]\n  as = 65000\n  router-id = "192.0.2.9"\n', 'toml').ok).toBe(true);
    expect(checkGobgp('global:\n  config:\n    as: 65000\n    router-id: 192.0.2.9\n', 'yaml').ok).toBe(true);
    const bad = checkGobgp('[global.config]\n  as = 65000\n  router-id = "192.0.2.9"\n  bogus = 1\n', 'toml');
    expect(bad.ok).toBe(false);
  });
});
