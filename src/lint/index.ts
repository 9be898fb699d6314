/** runLint(doc) → diagnostics: resolves the document, builds the topology, then runs every enabled rule. */
import { Sink, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { registerLintCode } from '../diagnostics/codes.js';
import { resolve } from '../ir/resolve.js';
import type { IrDocument } from '../ir/schema.js';
import type { LintRule } from './rule.js';
import { rules } from './rules/index.js';
import { buildTopology, type Topology } from './topology.js';

for (const r of rules) registerLintCode(`lint/${r.id}`, { severity: r.severity, loss: false, description: r.description });

export interface LintOptions {
  /** Per rule id: `off` or a severity overriding the rule's default. */
  rules?: Record<string, Severity | 'off'>;
}

export interface LintRun {
  diagnostics: Diagnostic[];
  topology: Topology;
}

export function runLint(parsed: IrDocument, opts: LintOptions = {}): LintRun {
  const sink = new Sink();
  const { doc, diagnostics } = resolve(parsed);
  sink.addAll(diagnostics);
  // Inheritance without defaults: strip dialects so resolve() applies no defaults table.
  const written = resolve({ ...parsed, speakers: parsed.speakers.map(({ dialect: _d, ...s }) => s) }).doc;
  let topology: Topology | undefined;
  const getTopology = () => (topology ??= buildTopology(doc, parsed));
  for (const rule of rules) {
    const setting = opts.rules?.[rule.id];
    if (setting === 'off') continue;
    rule.check({
      doc,
      parsed,
      written,
      get topology() {
        return getTopology();
      },
      // A user setting wins; otherwise a rule may raise or lower one finding's severity.
      report: (message, init = {}) => sink.report(`lint/${rule.id}`, message, { ...init, severity: setting ?? init.severity ?? rule.severity }),
    });
  }
  return { diagnostics: collapsePerNode(sink.list), topology: getTopology() };
}

/**
 * A node-group's config is the same on every node, so a finding about one line
 * repeats per node: keep one, naming the nodes.
 */
function collapsePerNode(list: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const groups = new Map<string, { d: Diagnostic; nodes: string[] }>();
  const nodeRef = /(\S+)@(\S+?)(?=[\s:,)]|$)/g;
  for (const d of list) {
    const nodes = [...d.message.matchAll(nodeRef)].map((m) => m[2]!);
    if (nodes.length === 0) {
      out.push(d);
      continue;
    }
    const key = [d.code, d.span?.file, d.span?.start.line, d.span?.start.column, d.message.replace(nodeRef, '$1@*'), ...(d.related ?? []).map((r) => `${r.span.file}:${r.span.start.line}`)].join('|');
    const g = groups.get(key);
    if (g) {
      g.nodes.push(nodes[0]!);
      continue;
    }
    const entry = { d: { ...d }, nodes: [nodes[0]!] };
    groups.set(key, entry);
    out.push(entry.d);
  }
  for (const { d, nodes } of groups.values()) {
    if (nodes.length > 1) d.message = `${d.message} (same on ${nodes.length} nodes: ${nodes.slice(0, 5).join(', ')}${nodes.length > 5 ? ', ...' : ''})`;
  }
  return out;
}

export { rules };
export type { LintRule };
