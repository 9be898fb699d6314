/**
 * Diagnostics are data: a stable code, a severity, a message, where, and a hint.
 * Every stage (parse, resolve, lint, emit) appends to one Sink; the library
 * returns the list, the CLI renders it (text, json, sarif).
 */
import type { Span } from '../source.js';
import { codeInfo, type DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedSpan {
  span: Span;
  message: string;
}

export interface Diagnostic {
  /** Namespaced, stable: `parse/unrecognized`, `emit/not-rendered`, `lint/asn-mismatch`, ... */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span?: Span;
  related?: RelatedSpan[];
  hint?: string;
  /** The conversion target an emit diagnostic concerns (`frr`, `gobgp`, ...). */
  target?: string;
}

export interface DiagnosticInit {
  severity?: Severity;
  span?: Span | undefined;
  related?: RelatedSpan[];
  hint?: string;
  target?: string;
}

/** Collects diagnostics in order (pandoc's `report`). */
export class Sink {
  readonly list: Diagnostic[] = [];

  report(code: DiagnosticCode, message: string, init: DiagnosticInit = {}): Diagnostic {
    const d: Diagnostic = { code, severity: init.severity ?? codeInfo(code).severity, message };
    if (init.span) d.span = init.span;
    if (init.related && init.related.length > 0) d.related = init.related;
    if (init.hint) d.hint = init.hint;
    if (init.target) d.target = init.target;
    this.list.push(d);
    return d;
  }

  addAll(ds: readonly Diagnostic[]): void {
    for (const d of ds) this.list.push(d);
  }
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Loss is anything a parser or emitter could not carry over exactly. */
export function hasLoss(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity !== 'info' && codeInfo(d.code).loss);
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, line, column, then severity and code. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => {
    const fa = a.span?.file ?? '';
    const fb = b.span?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.span?.start.line ?? 0;
    const lb = b.span?.start.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.span?.start.column ?? 0;
    const cb = b.span?.start.column ?? 0;
    if (ca !== cb) return ca - cb;
    if (a.severity !== b.severity) return severityRank[a.severity] - severityRank[b.severity];
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
