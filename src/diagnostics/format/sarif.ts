/**
 * SARIF 2.1.0 for code-scanning UIs (the shape of microsoft/sarif-js-sdk's
 * ESLint formatter): one run, the codes used as rules, one result per
 * diagnostic with a physical location; `results` is present even when empty.
 */
import { codeInfo } from '../codes.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { Span } from '../../source.js';

export interface SarifOptions {
  toolVersion?: string;
}

export function renderSarif(diagnostics: readonly Diagnostic[], opts: SarifOptions = {}): string {
  const sorted = sortDiagnostics(diagnostics);
  const ruleIds = [...new Set(sorted.map((d) => d.code))].sort();
  const rules = ruleIds.map((id) => ({
    id,
    shortDescription: { text: codeInfo(id as Diagnostic['code']).description || id },
    ...(id.startsWith('lint/') ? { helpUri: `https://github.com/bgpc/bgpc/blob/main/docs/rules/${id.slice(5)}.md` } : {}),
  }));
  const results = sorted.map((d) => ({
    ruleId: d.code,
    ruleIndex: ruleIds.indexOf(d.code),
    level: d.severity === 'info' ? 'note' : d.severity,
    message: { text: d.hint ? `${d.message} (hint: ${d.hint})` : d.message },
    ...(d.span ? { locations: [location(d.span)] } : {}),
    ...(d.related ? { relatedLocations: d.related.map((r, i) => ({ id: i, ...location(r.span), message: { text: r.message } })) } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bgpc', informationUri: 'https://github.com/bgpc/bgpc', version: opts.toolVersion ?? '0.0.0', rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(span: Span) {
  return {
    physicalLocation: {
      artifactLocation: { uri: span.file },
      region: { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column },
    },
  };
}
