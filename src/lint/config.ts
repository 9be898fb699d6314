/**
 * Lint configuration (`.bgpcrc.json` / `.bgpcrc.yaml`, found upward from the
 * working directory by the CLI): rule severities and acknowledged findings.
 *
 *   rules: { asn-mismatch: warning, unused-structure: off }
 *   acknowledged:
 *     - { code: lint/md5-one-sided, file: router.conf, line: 12, reason: "MD5 is set by the fabric" }
 */
import { Sink } from '../diagnostics/diagnostic.js';
import { composeYaml, toJsOrReport } from '../parse/common/yaml.js';
import { SourceFile } from '../source.js';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const LintConfig = z.strictObject({
  rules: z.record(z.string(), z.enum(['off', 'info', 'warning', 'error'])).optional(),
  acknowledged: z
    .array(
      z.strictObject({
        code: z.string(),
        file: z.string().optional(),
        line: z.number().int().min(1).optional(),
        reason: z.string().optional(),
      }),
    )
    .optional(),
});
export type LintConfig = z.infer<typeof LintConfig>;

export function parseLintConfig(text: string): { config?: LintConfig; error?: string } {
  // The same YAML limits as any input (depth checked before composing, alias expansion bounded).
  const sink = new Sink();
  const file = new SourceFile('.bgpcrc', text);
  const [one] = composeYaml(file, sink, true);
  const js = one?.ok ? toJsOrReport(one.doc, file, sink) : undefined;
  if (!js?.ok) {
    const d = sink.list[0];
    return { error: d ? `${d.span ? `${d.span.start.line}:${d.span.start.column}: ` : ''}${d.message}` : 'cannot read the file' };
  }
  const data: unknown = js.value;
  const r = LintConfig.safeParse(data ?? {});
  if (!r.success) return { error: r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ') };
  const rules = Object.fromEntries(Object.entries(r.data.rules ?? {}).map(([k, v]) => [k.replace(/^lint\//, ''), v]));
  return { config: { ...r.data, rules } };
}

/** Is this finding acknowledged? Code must match; file (suffix match) and line when given. */
export function isAcknowledged(d: Diagnostic, config: LintConfig | undefined): boolean {
  return (config?.acknowledged ?? []).some(
    (a) =>
      (a.code === d.code || `lint/${a.code}` === d.code) &&
      (a.file === undefined || (d.span !== undefined && (d.span.file === a.file || d.span.file.endsWith(`/${a.file}`)))) &&
      (a.line === undefined || d.span?.start.line === a.line),
  );
}
