/**
 * Human output: `file:line:col: severity code: message`, then a code frame
 * (the offending line with a caret under the span), related spans and the
 * hint; a summary line at the end. Colour only when asked (the CLI asks on a TTY).
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import { SourceFile, type Span } from '../../source.js';
import { maskText } from '../../ir/secrets.js';

export interface TextOptions {
  /** Source texts by file name, for code frames. */
  sources?: ReadonlyMap<string, string>;
  color?: boolean;
  /** Print the "N errors, M warnings" line (default true). */
  summary?: boolean;
  /** Secret values to mask in messages and in the quoted source lines. */
  redact?: readonly string[];
}

const ansi = { red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

export function renderText(diagnostics: readonly Diagnostic[], opts: TextOptions = {}): string {
  const paint = (code: keyof typeof ansi, s: string) => (opts.color ? `${ansi[code]}${s}${ansi.reset}` : s);
  const files = new Map<string, SourceFile>();
  const fileFor = (name: string): SourceFile | undefined => {
    const text = opts.sources?.get(name);
    if (text === undefined) return undefined;
    let f = files.get(name);
    if (!f) files.set(name, (f = new SourceFile(name, text)));
    return f;
  };
  const out: string[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    const sev = d.severity === 'error' ? paint('red', 'error') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info');
    const where = d.span ? `${location(d.span)}: ` : '';
    const target = d.target ? ` [to ${d.target}]` : '';
    out.push(`${paint('bold', where)}${sev} ${paint('dim', d.code)}${target}: ${d.message}`);
    const mask = (lines: string[]) => (opts.redact?.length ? lines.map((l) => maskText(l, opts.redact!)) : lines);
    if (d.span) out.push(...mask(frame(d.span, fileFor(d.span.file), paint)));
    for (const r of d.related ?? []) {
      out.push(`  ${paint('dim', 'related')}: ${location(r.span)}: ${r.message}`);
      out.push(...mask(frame(r.span, fileFor(r.span.file), paint)).map((l) => `  ${l}`));
    }
    if (d.hint) out.push(`  ${paint('cyan', 'hint')}: ${d.hint}`);
  }
  if (opts.summary !== false && diagnostics.length > 0) {
    const n = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
    const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    out.push(`${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function location(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}

function frame(span: Span, file: SourceFile | undefined, paint: (c: keyof typeof ansi, s: string) => string): string[] {
  if (!file) return [];
  const line = file.lineText(span.start.line);
  if (line === '' && span.start.line > file.lineCount) return [];
  const gutter = String(span.start.line);
  const shown = line.replace(/\t/g, ' ');
  const width = span.end.line === span.start.line ? Math.max(1, span.end.column - span.start.column) : Math.max(1, line.length - span.start.column + 1);
  const caret = ' '.repeat(Math.max(0, span.start.column - 1)) + '^'.repeat(Math.min(width, Math.max(1, shown.length - span.start.column + 1)));
  return [`${paint('dim', `${gutter} |`)} ${shown}`, `${' '.repeat(gutter.length)} ${paint('dim', '|')} ${paint('red', caret)}`];
}
