/**
 * FRR bgpd/bfdd defaults, keyed by `frr defaults` profile and `frr version`.
 * Sources: FRRouting/frr bgpd/bgpd.h (BGP_DEFAULT_*), bgpd/bgp_vty.h and
 * bgp_vty.c (profile-dependent defaults), bfdd/bfd.h, doc/user/bgp.rst,
 * doc/user/basic.rst; verified with FRR 8.4.4 (`show bgp neighbors`).
 */
import type { DefaultsTable } from './table.js';

/** `frr version` compared as major.minor; an absent version means the newest behaviour. */
function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
  if (!version) return true;
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return true;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a > major || (a === major && b >= minor);
}

export function frrDefaults(profile: string | undefined, version: string | undefined): DefaultsTable {
  const dc = profile === 'datacenter';
  const name = `FRR ${version ?? '(unversioned)'} ${dc ? 'datacenter' : 'traditional'}`;
  const requiresPolicy = !dc && versionAtLeast(version, 7, 4);
  return {
    name,
    holdTime: dc
      ? { value: 9, source: 'bgpd/bgp_vty.h datacenter profile: holdtime 9' }
      : { value: 180, source: 'bgpd/bgpd.h BGP_DEFAULT_HOLDTIME 180' },
    keepalive: dc
      ? { value: 3, source: 'bgpd/bgp_vty.h datacenter profile: keepalive 3' }
      : { value: 60, source: 'bgpd/bgpd.h BGP_DEFAULT_KEEPALIVE 60' },
    keepaliveFromHold: { value: true, source: 'bgpd: `timers KA HOLD` always names both; hold/3 when derived' },
    connectRetry: dc
      ? { value: 10, source: 'bgpd/bgp_vty.h datacenter profile: connect retry 10' }
      : versionAtLeast(version, 10, 3)
        ? { value: 30, source: 'bgpd/bgpd.h BGP_DEFAULT_CONNECT_RETRY 30 (FRR >= 10.3, commit 44f4a8ec40)' }
        : { value: 120, source: 'frr-8.4 bgpd/bgp_vty.c connect retry 120 (verified on 8.4.4)' },
    ebgpRequiresPolicy: {
      value: requiresPolicy,
      source: 'bgpd/bgp_vty.c BGP_EBGP_REQUIRES_POLICY: on for traditional >= 7.4, off for datacenter',
    },
    familyActivation: { value: 'ipv4-unicast-always', source: 'doc/user/bgp.rst `bgp default ipv4-unicast` defaults to on' },
    unfilteredEbgp: requiresPolicy
      ? { value: { import: 'reject', export: 'reject' }, source: 'doc/user/bgp.rst `bgp ebgp-requires-policy` (RFC 8212)' }
      : { value: { import: 'accept', export: 'accept' }, source: 'bgpd: no policy = accept when ebgp-requires-policy is off' },
    unfilteredIbgp: { value: { import: 'accept', export: 'accept' }, source: 'bgpd: iBGP is not subject to ebgp-requires-policy' },
    multihopTtl: { value: 255, source: 'doc/user/bgp.rst `neighbor ebgp-multihop` without N (verified: "up to 255 hops")' },
    passive: { value: false, source: 'bgpd: peers are active unless `neighbor X passive`' },
    port: { value: 179, source: 'bgpd/bgpd.h BGP_PORT_DEFAULT 179' },
    listen: { value: { enabled: true, port: 179 }, source: 'bgpd listens on TCP 179 on all addresses unless started with -p 0' },
    gracefulRestart: {
      value: { mode: 'helper-only', restartTime: 120 },
      source: 'bgpd/bgpd.h BGP_DEFAULT_RESTART_TIME 120; helper mode by default (verified: "Helper*")',
    },
    localPref: { value: 100, source: 'bgpd/bgpd.h BGP_DEFAULT_LOCAL_PREF 100' },
    listenLimit: { value: 100, source: 'bgpd/bgpd.h BGP_DYNAMIC_NEIGHBORS_LIMIT_DEFAULT 100' },
    bfd: {
      value: { receiveIntervalUs: 300000, transmitIntervalUs: 300000, detectMultiplier: 3 },
      source: 'bfdd/bfd.h BFD_DEFDESIREDMINTX 300 ms, BFD_DEFDETECTMULT 3',
    },
  };
}
