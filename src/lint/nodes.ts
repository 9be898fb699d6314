/**
 * Kubernetes nodes for lint (`--nodes FILE`): a Node list as `kubectl get
 * nodes -o yaml` prints it (or Node documents), or plain lines
 * `name ip [key=value ...]`. Pure: takes the text, returns nodes and diagnostics.
 */
import { composeYaml, toJsOrReport } from '../parse/common/yaml.js';
import { Sink, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseIp } from '../ir/ip.js';
import type { ClusterNode } from '../ir/schema.js';
import { SourceFile } from '../source.js';

export function parseNodes(name: string, text: string): { nodes: ClusterNode[]; diagnostics: Diagnostic[] } {
  const sink = new Sink();
  const file = new SourceFile(name, text);
  const nodes: ClusterNode[] = [];
  if (/^\s*(apiVersion|kind|items)\s*:/m.test(text)) {
    // The same YAML limits as any input: depth checked before composing, alias expansion bounded.
    for (const { doc, ok } of composeYaml(file, sink)) {
      if (!ok) continue;
      const js = toJsOrReport(doc, file, sink);
      if (!js.ok) continue;
      const data = js.value as Record<string, unknown> | null;
      const items = data?.['kind'] === 'List' || data?.['kind'] === 'NodeList' ? (data['items'] as unknown[]) ?? [] : [data];
      for (const item of items) {
        const n = item as { kind?: string; metadata?: { name?: string; labels?: Record<string, string> }; status?: { addresses?: { type?: string; address?: string }[] } };
        if (n?.kind !== 'Node' || !n.metadata?.name) continue;
        const addrs = (n.status?.addresses ?? [])
          .filter((a) => (a.type === 'InternalIP' || a.type === 'ExternalIP') && a.address && parseIp(a.address))
          .sort((a, b) => (a.type === b.type ? 0 : a.type === 'InternalIP' ? -1 : 1))
          .map((a) => a.address!);
        nodes.push({ name: n.metadata.name, addresses: addrs, ...(n.metadata.labels ? { labels: n.metadata.labels } : {}) });
      }
    }
    return { nodes, diagnostics: sink.list };
  }
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const start = offset;
    offset += raw.length + 1;
    if (!line) continue;
    const [nodeName, address, ...rest] = line.split(/\s+/);
    const labels: Record<string, string> = {};
    let ok = address !== undefined && parseIp(address) !== undefined;
    for (const kv of rest) {
      const i = kv.indexOf('=');
      if (i <= 0) ok = false;
      else labels[kv.slice(0, i)] = kv.slice(i + 1);
    }
    if (!ok) {
      sink.report('parse/invalid', `expected "name ip [key=value ...]", got "${line}"`, { span: file.span(start, start + raw.length) });
      continue;
    }
    nodes.push({ name: nodeName!, addresses: [address!], ...(rest.length ? { labels } : {}), origin: [file.span(start, start + raw.length)] });
  }
  return { nodes, diagnostics: sink.list };
}
