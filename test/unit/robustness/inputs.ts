/** Small valid inputs per format, with knobs for the values the limit tests push past their range. */


export const FRR = (body: string) => `frr version 8.4\nrouter bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n${body}`;
export const BIRD = (body: string) => `router id 192.0.2.1;\nprotocol bgp p {\n  local as 65000;\n  neighbor 10.0.0.1 as 65001;\n  ipv4 { import all; export none; };\n${body}}\n`;
export const TOML = (o: { as?: string; peerAs?: string; addr?: string; hold?: string } = {}) =>
  `[global.config]\n  as = ${o.as ?? 65000}\n  router-id = "192.0.2.1"\n\n[[neighbors]]\n  [neighbors.config]\n    neighbor-address = "${o.addr ?? '10.0.0.1'}"\n    peer-as = ${o.peerAs ?? 65001}\n  [neighbors.timers.config]\n    hold-time = ${o.hold ?? 90}\n`;
export const YAML = (o: { as?: string; peerAs?: string; addr?: string; hold?: string } = {}) =>
  `global:\n  config:\n    as: ${o.as ?? 65000}\n    router-id: 192.0.2.1\nneighbors:\n  - config:\n      neighbor-address: "${o.addr ?? '10.0.0.1'}"\n      peer-as: ${o.peerAs ?? 65001}\n    timers:\n      config:\n        hold-time: ${o.hold ?? 90}\n`;
export const JSONC = (o: { as?: string; peerAs?: string; addr?: string; hold?: string } = {}) =>
  `{\n  "global": {"config": {"as": ${o.as ?? 65000}, "router-id": "192.0.2.1"}},\n  "neighbors": [\n    {"config": {"neighbor-address": "${o.addr ?? '10.0.0.1'}", "peer-as": ${o.peerAs ?? 65001}},\n     "timers": {"config": {"hold-time": ${o.hold ?? 90}}}}\n  ]\n}\n`;
export const METALLB = (o: { my?: string; peer?: string; addr?: string; hold?: string; ka?: string; pool?: string } = {}) =>
  `apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: p\n  namespace: metallb-system\nspec:\n  myASN: ${o.my ?? 64500}\n  peerASN: ${o.peer ?? 64501}\n  peerAddress: ${o.addr ?? '10.0.0.1'}\n  holdTime: ${o.hold ?? '90s'}\n  keepaliveTime: ${o.ka ?? '30s'}\n---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: pool\n  namespace: metallb-system\nspec:\n  addresses:\n  - ${o.pool ?? '198.51.100.0/24'}\n`;
export const CALICO = (o: { asn?: string; ip?: string } = {}) =>
  `apiVersion: projectcalico.org/v3\nkind: BGPConfiguration\nmetadata:\n  name: default\nspec:\n  asNumber: ${o.asn ?? 64512}\n---\napiVersion: projectcalico.org/v3\nkind: BGPPeer\nmetadata:\n  name: p\nspec:\n  peerIP: ${o.ip ?? '192.0.2.1'}\n  asNumber: 64513\n`;
export const CILIUM = (o: { hold?: string; ka?: string; addr?: string } = {}) =>
  `apiVersion: cilium.io/v2alpha1\nkind: CiliumBGPClusterConfig\nmetadata:\n  name: c\nspec:\n  bgpInstances:\n  - name: i\n    localASN: 64512\n    peers:\n    - name: p\n      peerASN: 64513\n      peerAddress: ${o.addr ?? '192.0.2.1'}\n      peerConfigRef:\n        name: pc\n---\napiVersion: cilium.io/v2alpha1\nkind: CiliumBGPPeerConfig\nmetadata:\n  name: pc\nspec:\n  timers:\n    holdTimeSeconds: ${o.hold ?? 90}\n    keepAliveTimeSeconds: ${o.ka ?? 30}\n`;
export const FRRK8S = (o: { hold?: string; ka?: string; pfx?: string } = {}) =>
  `apiVersion: frrk8s.metallb.io/v1beta1\nkind: FRRConfiguration\nmetadata:\n  name: t\n  namespace: frr-k8s-system\nspec:\n  bgp:\n    routers:\n    - asn: 64512\n      prefixes:\n      - ${o.pfx ?? '192.168.2.0/24'}\n      neighbors:\n      - address: 172.30.0.3\n        asn: 64513\n        holdTime: ${o.hold ?? '90s'}\n        keepaliveTime: ${o.ka ?? '30s'}\n`;
export const PURELB = (o: { hold?: string } = {}) =>
  `apiVersion: bgp.purelb.io/v1\nkind: BGPConfiguration\nmetadata:\n  name: default\n  namespace: purelb-system\nspec:\n  global:\n    asn: 65000\n  neighbors:\n  - config:\n      neighborAddress: "192.0.2.1"\n      peerAsn: 65001\n    timers:\n      config:\n        holdTime: ${o.hold ?? 90}\n`;

/** A valid input per format, for the NUL / binary / BOM / CRLF cases. */
export const VALID: Record<string, string> = {
  frr: FRR(''),
  bird: BIRD(''),
  gobgp: TOML(),
  'gobgp-yaml': YAML(),
  'gobgp-json': JSONC(),
  metallb: METALLB(),
  calico: CALICO(),
  cilium: CILIUM(),
  'frr-k8s': FRRK8S(),
  purelb: PURELB(),
};

