/** Checked conversions of strings into IR scalars (addresses, prefixes); bad values are reported, not stored. */
import type { Sink } from '../../diagnostics/diagnostic.js';
import { IpAddress, Prefix } from '../../ir/schema.js';
import type { Span } from '../../source.js';
import { z } from 'zod';

/** Well-formed addresses only (the IR's own pattern lets `2001:db8:::1` through). */
const STRICT_IP = z.union([z.ipv4(), z.ipv6()]);

export function ipOrReport(v: unknown, sink: Sink, span: Span, what: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const s = String(v).trim();
  if (isIp(s)) return s;
  sink.report('parse/invalid', `${what}: "${s}" is not an IP address`, { span });
  return undefined;
}

export function prefixOrReport(v: unknown, sink: Sink, span: Span, what: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const s = String(v).trim();
  if (isPrefix(s)) return s;
  sink.report('parse/invalid', `${what}: "${s}" is not an IP prefix`, { span });
  return undefined;
}

export function isIp(s: string): boolean {
  return IpAddress.safeParse(s).success && STRICT_IP.safeParse(s).success;
}

export function isPrefix(s: string): boolean {
  return Prefix.safeParse(s).success && STRICT_IP.safeParse(s.slice(0, s.indexOf('/'))).success;
}
