/**
 * BIRD defaults. BIRD 2: CZ-NIC/bird doc/bird.sgml at v2.0.12 (labels
 * bgp-hold-time, bgp-keepalive-time, bgp-connect-retry-time, bgp-multihop,
 * bgp-graceful-restart, proto-import/export, bfd-*); BIRD 1.6: the same
 * sections of the v1.6.8 documentation (Calico's fork).
 */
import type { DefaultsTable } from './table.js';

export function birdDefaults(major: 1 | 2): DefaultsTable {
  const v = major === 2 ? 'doc/bird.sgml@v2.0.12' : 'doc/bird.sgml@v1.6.8';
  return {
    name: `BIRD ${major}`,
    holdTime: { value: 240, source: `${v} bgp-hold-time: 240 s` },
    keepalive: { value: 80, source: `${v} bgp-keepalive-time: one third of the hold time` },
    keepaliveFromHold: { value: true, source: `${v} bgp-keepalive-time: one third of the hold time` },
    connectRetry: { value: 120, source: `${v} bgp-connect-retry-time: 120 s` },
    ebgpRequiresPolicy: {
      value: major === 2,
      source: major === 2 ? `${v} channel import/export: eBGP requires explicit policy (RFC 8212)` : `${v}: import all / export none`,
    },
    familyActivation: { value: 'declared-only', source: major === 2 ? `${v}: only declared channels` : 'BIRD 1: one family per daemon (bird / bird6)' },
    unfilteredEbgp:
      major === 2
        ? { value: { import: 'reject', export: 'reject' }, source: `${v}: an eBGP channel without import/export is a config error` }
        : { value: { import: 'accept', export: 'reject' }, source: `${v}: import all, export none` },
    unfilteredIbgp: { value: { import: 'accept', export: 'reject' }, source: `${v} proto-import/export: import all, export none` },
    multihopTtl: { value: 64, source: `${v} bgp-multihop: default number of hops is 64` },
    passive: { value: false, source: `${v} bgp-passive: off` },
    port: { value: 179, source: `${v} bgp-neighbor: port 179` },
    listen: { value: { enabled: true, port: 179 }, source: `${v}: listens on 179 when a BGP protocol is configured` },
    gracefulRestart: {
      value: { mode: major === 2 ? 'helper-only' : 'disabled', restartTime: 120 },
      source: `${v} bgp-graceful-restart: ${major === 2 ? 'aware' : 'off'}; restart time 120 s`,
    },
    localPref: { value: 100, source: `${v} bgp-default-local-pref: 100` },
    bfd: {
      value: { receiveIntervalUs: 10000, transmitIntervalUs: 100000, detectMultiplier: 5 },
      source: `${v} bfd-min-rx-interval 10 ms, bfd-min-tx-interval 100 ms, bfd-multiplier 5`,
    },
  };
}
