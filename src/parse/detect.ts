/**
 * Format detection from content (and extension as a tie-breaker). Cheap
 * sniffing on the first part of the text; each rule is a marker the format
 * cannot do without. Returns a format id, or undefined.
 */
import type { SourceFile } from '../source.js';

const HEAD = 64 * 1024;

export function detectFormat(file: SourceFile): string | undefined {
  const head = file.text.slice(0, HEAD);
  const trimmed = head.trimStart();
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();

  // IR: JSON or YAML with irVersion at the top level.
  if (/^\s*"?irVersion"?\s*:/m.test(head)) return 'ir';

  // Kubernetes resources: apiVersion + kind.
  if (/^\s*apiVersion\s*:/m.test(head) && /^\s*kind\s*:/m.test(head)) {
    if (/apiVersion\s*:\s*["']?frrk8s\.metallb\.io\//.test(head)) return 'frr-k8s';
    if (/apiVersion\s*:\s*["']?metallb\.io\//.test(head) || /name\s*:\s*["']?config["']?[\s\S]*peers\s*:/.test(head)) return 'metallb';
    if (/apiVersion\s*:\s*["']?cilium\.io\//.test(head)) return 'cilium';
    if (/apiVersion\s*:\s*["']?(crd\.)?projectcalico\.org\//.test(head)) return 'calico';
    if (/apiVersion\s*:\s*["']?(bgp\.)?purelb\.io\//.test(head)) return 'purelb';
    return 'k8s';
  }

  // GoBGP: TOML tables, or YAML/JSON with global.config.
  if (/^\s*\[\s*global\.config\s*\]/m.test(head) || /^\s*\[\[\s*neighbors\s*\]\]/m.test(head)) return 'gobgp';
  if (trimmed.startsWith('{') && /"global"\s*:/.test(head)) return 'gobgp-json';
  if (/^global\s*:\s*$/m.test(head) && /^\s+config\s*:/m.test(head)) return 'gobgp-yaml';

  // FRR: vtysh-style commands.
  if (/^\s*(router bgp\s+\d|frr (version|defaults)|bfd\s*$|ip prefix-list |route-map \S+ (permit|deny))/m.test(head)) return 'frr';

  // BIRD: protocol blocks; BIRD 2 has channels (ipv4 { ... }) and no `table` before protocols only in 1.x.
  if (/^\s*(protocol|template)\s+\w+[^;{]*\{/m.test(head) || /^\s*router id\s+[\d.]+\s*;/m.test(head)) {
    if (/^\s*(ipv4|ipv6)(\s+(multicast|mpls|labeled))?\s*\{/m.test(file.text) || /\b(ipv4|ipv6)\s+table\b/.test(file.text)) return 'bird';
    if (/\bbird6\b/.test(file.name)) return 'bird1';
    if (/^\s*(import|export)\s+(all|none|filter|where)/m.test(file.text)) return 'bird1';
    return 'bird';
  }
  if (ext === 'toml') return 'gobgp';
  return undefined;
}
