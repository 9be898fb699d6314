/**
 * GoBGP defaults: osrg/gobgp pkg/config/oc/default.go (DEFAULT_HOLDTIME,
 * DEFAULT_CONNECT_RETRY, family by neighbor address, multihop TTL 255),
 * docs/sources/policy.md (default accept-route), docs/sources/configuration.md.
 */
import type { DefaultsTable } from './table.js';

export function gobgpDefaults(): DefaultsTable {
  return {
    name: 'GoBGP 3',
    holdTime: { value: 90, source: 'pkg/config/oc/default.go DEFAULT_HOLDTIME 90' },
    keepalive: { value: 30, source: 'pkg/config/oc/default.go keepalive = hold / 3' },
    keepaliveFromHold: { value: true, source: 'pkg/config/oc/default.go keepalive = hold / 3' },
    connectRetry: { value: 120, source: 'pkg/config/oc/default.go DEFAULT_CONNECT_RETRY 120' },
    ebgpRequiresPolicy: { value: false, source: 'docs/sources/policy.md: default policy accept-route' },
    familyActivation: { value: 'by-address', source: 'pkg/config/oc/default.go: afi-safi from the neighbor address' },
    unfilteredEbgp: { value: { import: 'accept', export: 'accept' }, source: 'docs/sources/policy.md: default accept-route' },
    unfilteredIbgp: { value: { import: 'accept', export: 'accept' }, source: 'docs/sources/policy.md: default accept-route' },
    multihopTtl: { value: 255, source: 'pkg/config/oc/default.go: multihop-ttl 255 when enabled' },
    passive: { value: false, source: 'transport.config.passive-mode false' },
    port: { value: 179, source: 'transport.config.remote-port 179' },
    listen: { value: { enabled: true, port: 179 }, source: 'global.config.port 179; -1 disables listening' },
    gracefulRestart: { value: { mode: 'disabled', restartTime: 90 }, source: 'pkg/config/oc/default.go: off; restart time = hold time' },
    localPref: { value: 100, source: 'GoBGP best path: local-pref 100 when absent' },
    bfd: {
      value: { receiveIntervalUs: 1000000, transmitIntervalUs: 1000000, detectMultiplier: 3 },
      source: 'GoBGP 3 has no BFD; v4.6 docs/sources/bfd.md 1 s / 3 (kept for completeness)',
    },
  };
}
