/**
 * Kubernetes wrappers: what an omitted field becomes, per project. Each starts
 * from the daemon inside it and overrides what the wrapper sets itself.
 * Sources: metallb/metallb internal/bgp/frr/templates and config/frr/frr-cm.yaml
 * (bgpd -p 0, traditional profile); cilium/cilium pkg/k8s/apis/cilium.io/v2
 * bgp_peer_types.go (90/30/120, localPort unset = no listen, import rejected);
 * projectcalico/calico confd bird.cfg.template (connect retry 5, graceful restart).
 */
import { birdDefaults } from './bird.js';
import { frrDefaults } from './frr.js';
import { gobgpDefaults } from './gobgp.js';
import type { DefaultsTable } from './table.js';

export function metallbDefaults(): DefaultsTable {
  const base = frrDefaults('traditional', '10.5');
  return {
    ...base,
    name: 'MetalLB (FRR 10.5 traditional)',
    listen: { value: { enabled: false, port: 179 }, source: 'metallb config/frr/frr-cm.yaml bgpd_options -p 0: does not listen' },
    ebgpRequiresPolicy: { value: false, source: 'metallb frr.tmpl: no bgp ebgp-requires-policy' },
    familyActivation: { value: 'by-address', source: "metallb frr.tmpl: no bgp default ipv4-unicast; the neighbor's own family activated (both with dualStackAddressFamily)" },
    unfilteredEbgp: { value: { import: 'reject', export: 'reject' }, source: 'metallb: route-map <peer>-in deny; out only the advertised prefixes' },
    unfilteredIbgp: { value: { import: 'reject', export: 'reject' }, source: 'metallb: route-map <peer>-in deny; out only the advertised prefixes' },
  };
}

export function frrK8sDefaults(): DefaultsTable {
  return { ...metallbDefaults(), name: 'frr-k8s (FRR 10.5 traditional)' };
}

export function ciliumDefaults(): DefaultsTable {
  const base = gobgpDefaults();
  return {
    ...base,
    name: 'Cilium BGP control plane (GoBGP)',
    holdTime: { value: 90, source: 'cilium bgp_peer_types.go DefaultBGPHoldTimeSeconds 90' },
    keepalive: { value: 30, source: 'cilium bgp_peer_types.go DefaultBGPKeepAliveTimeSeconds 30' },
    connectRetry: { value: 120, source: 'cilium bgp_peer_types.go DefaultBGPConnectRetryTimeSeconds 120' },
    listen: { value: { enabled: false, port: 179 }, source: 'cilium: localPort unset => GoBGP ListenPort -1' },
    unfilteredEbgp: { value: { import: 'reject', export: 'reject' }, source: 'cilium: global import REJECT; export only advertisements' },
    unfilteredIbgp: { value: { import: 'reject', export: 'reject' }, source: 'cilium: global import REJECT; export only advertisements' },
    families: { value: ['ipv4-unicast', 'ipv6-unicast'], source: 'cilium bgp_peer_types.go default families ipv6 + ipv4 unicast' },
    gracefulRestart: {
      value: { mode: 'disabled', restartTime: 120 },
      source: 'cilium bgp_peer_types.go DefaultBGPGRRestartTimeSeconds 120 (restartTimeSeconds default); gracefulRestart.enabled false',
    },
  };
}

export function calicoDefaults(): DefaultsTable {
  const base = birdDefaults(1);
  return {
    ...base,
    name: 'Calico (BIRD 1.6)',
    asn: { value: 64512, source: 'calico api bgpconfig.go asNumber: [Default: 64512]' },
    connectRetry: { value: 5, source: 'calico bird.cfg.template: connect retry time 5' },
    gracefulRestart: { value: { mode: 'full', restartTime: 120 }, source: 'calico bird.cfg.template: graceful restart' },
    unfilteredEbgp: { value: { import: 'accept', export: 'reject' }, source: 'calico: import accept; export calico routes only' },
  };
}

export function purelbDefaults(): DefaultsTable {
  return { ...gobgpDefaults(), name: 'PureLB k8gobgp (GoBGP)' };
}
