/**
 * THE format registry (pandoc's readers/writers tables, Aerleon's
 * BUILTIN_GENERATORS). The CLI and the public API only read this table;
 * adding a format is adding a row and its parse/ and emit/ folders.
 */
import { emitBird, emitBird1 } from './emit/bird/index.js';
import { emitFrr } from './emit/frr/index.js';
import { emitGobgpJson, emitGobgpToml, emitGobgpYaml } from './emit/gobgp/index.js';
import { emitIr } from './emit/ir/index.js';
import { emitCalico } from './emit/k8s/calico.js';
import { emitCilium } from './emit/k8s/cilium.js';
import { emitFrrK8s } from './emit/k8s/frr-k8s.js';
import { emitMetallb } from './emit/k8s/metallb.js';
import { emitPurelb } from './emit/k8s/purelb.js';
import { parseBird, parseBird1 } from './parse/bird/index.js';
import { parseFrr } from './parse/frr/index.js';
import { parseGobgpJson, parseGobgpToml, parseGobgpYaml } from './parse/gobgp/index.js';
import { parseIr } from './parse/ir/index.js';
import { parseK8s } from './parse/k8s/index.js';
import type { Reader, Writer } from './pipeline-types.js';

export interface FormatInfo {
  id: string;
  description: string;
  aliases?: string[];
  read?: Reader;
  write?: Writer;
  /** For formats not implemented yet: where the work is tracked. */
  plannedIn?: string;
}

export const formats: readonly FormatInfo[] = [
  { id: 'ir', description: 'bgpc BGP intent IR (JSON or YAML)', aliases: ['ir-json', 'ir-yaml'], read: parseIr, write: emitIr },
  { id: 'frr', description: 'FRR frr.conf / bgpd.conf / bfdd.conf', read: parseFrr, write: emitFrr },
  { id: 'bird', description: 'BIRD 2 bird.conf', aliases: ['bird2'], read: parseBird, write: emitBird },
  { id: 'bird1', description: 'BIRD 1.6 bird.conf / bird6.conf (as Calico ships it)', read: parseBird1, write: emitBird1 },
  { id: 'gobgp', description: 'gobgpd config, TOML', aliases: ['gobgp-toml'], read: parseGobgpToml, write: emitGobgpToml },
  { id: 'gobgp-yaml', description: 'gobgpd config, YAML (loxilb)', read: parseGobgpYaml, write: emitGobgpYaml },
  { id: 'gobgp-json', description: 'gobgpd config, JSON', read: parseGobgpJson, write: emitGobgpJson },
  { id: 'metallb', description: 'MetalLB resources (BGPPeer, IPAddressPool, BGPAdvertisement, BFDProfile, ConfigMap)', read: parseK8s, write: emitMetallb },
  { id: 'frr-k8s', description: 'frr-k8s FRRConfiguration', read: parseK8s, write: emitFrrK8s },
  { id: 'cilium', description: 'Cilium BGP control plane resources (v2, v2alpha1, v1 peering policy)', read: parseK8s, write: emitCilium },
  { id: 'calico', description: 'Calico BGPPeer, BGPConfiguration, BGPFilter, IPPool, Node', read: parseK8s, write: emitCalico },
  { id: 'purelb', description: 'PureLB ServiceGroup, LBNodeAgent, BGPConfiguration, BIRD ConfigMap', read: parseK8s, write: emitPurelb },
  { id: 'k8s', description: 'Kubernetes resources of any project above, dispatched by apiVersion/kind (read only)', read: parseK8s },
];

export function findFormat(name: string): FormatInfo | undefined {
  return formats.find((f) => f.id === name || f.aliases?.includes(name));
}

export function formatNames(): string[] {
  return formats.map((f) => f.id);
}
