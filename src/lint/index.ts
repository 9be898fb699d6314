/** runLint(doc) → diagnostics: resolves the document, then runs every enabled rule. */
import { Sink, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { registerLintCode } from '../diagnostics/codes.js';
import { resolve } from '../ir/resolve.js';
import type { IrDocument } from '../ir/schema.js';
import type { LintRule } from './rule.js';
import { rules } from './rules/index.js';

for (const r of rules) registerLintCode(`lint/${r.id}`, { severity: r.severity, loss: false, description: r.description });

export interface LintOptions {
  /** Per rule id: `off` or a severity overriding the rule's default. */
  rules?: Record<string, Severity | 'off'>;
}

export function runLint(parsed: IrDocument, opts: LintOptions = {}): Diagnostic[] {
  const sink = new Sink();
  const { doc, diagnostics } = resolve(parsed);
  sink.addAll(diagnostics);
  for (const rule of rules) {
    const setting = opts.rules?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.severity;
    rule.check({
      doc,
      parsed,
      report: (message, init = {}) => sink.report(`lint/${rule.id}`, message, { ...init, severity }),
    });
  }
  return sink.list;
}

export { rules };
export type { LintRule };
