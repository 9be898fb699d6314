/**
 * The shape of a lint rule (typescript-eslint's createRule): metadata plus a
 * check over the effective IR. One rule per file in src/lint/rules, with its
 * page in docs/rules/<id>.md and its tests in test/unit/lint/<id>.test.ts.
 */
import type { DiagnosticInit, Severity } from '../diagnostics/diagnostic.js';
import type { IrDocument } from '../ir/schema.js';
import type { Topology } from './topology.js';

export interface LintContext {
  /** The effective document (defaults and inheritance applied). */
  doc: IrDocument;
  /** The document as parsed (what the sources actually said). */
  parsed: IrDocument;
  /** The parsed document with inheritance applied but no defaults: what was written, per peer. */
  written: IrDocument;
  /** Speaker instances and the sessions between them (built once, on first use). */
  readonly topology: Topology;
  report(message: string, init?: DiagnosticInit): void;
}

export interface LintRule {
  id: string;
  severity: Severity;
  description: string;
  check(ctx: LintContext): void;
}
