/**
 * Machine output. Stable shape (docs/diagnostics.md):
 * { "version": 1, "diagnostics": [ { code, severity, message, span?, related?, hint?, target? } ],
 *   "summary": { errors, warnings, infos } }
 * Spans: { file, start: { line, column }, end: { line, column } }, 1-based.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { Span } from '../../source.js';

export function renderJson(diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  const list = sortDiagnostics(diagnostics).map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.span ? { span: spanJson(d.span) } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ message: r.message, span: spanJson(r.span) })) } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.target ? { target: d.target } : {}),
  }));
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  return `${JSON.stringify(
    { version: 1, diagnostics: list, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') }, ...extra },
    null,
    2,
  )}\n`;
}

function spanJson(s: Span) {
  return { file: s.file, start: { line: s.start.line, column: s.start.column }, end: { line: s.end.line, column: s.end.column } };
}
