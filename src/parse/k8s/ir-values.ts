/** Checked conversions of strings into IR scalars (addresses, prefixes); bad values are reported, not stored. */
import type { Sink } from '../../diagnostics/diagnostic.js';
import { IpAddress, Prefix } from '../../ir/schema.js';
import type { Span } from '../../source.js';

export function ipOrReport(v: unknown, sink: Sink, span: Span, what: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const s = String(v).trim();
  if (IpAddress.safeParse(s).success) return s;
  sink.report('parse/invalid', `${what}: "${s}" is not an IP address`, { span });
  return undefined;
}

export function prefixOrReport(v: unknown, sink: Sink, span: Span, what: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const s = String(v).trim();
  if (Prefix.safeParse(s).success) return s;
  sink.report('parse/invalid', `${what}: "${s}" is not an IP prefix`, { span });
  return undefined;
}

export function isIp(s: string): boolean {
  return IpAddress.safeParse(s).success;
}

export function isPrefix(s: string): boolean {
  return Prefix.safeParse(s).success;
}
