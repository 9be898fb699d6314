/**
 * RuleTester-style helpers: documents are written as IR (format-independent);
 * `findings` returns only the diagnostics of the rule under test, as
 * `line:column message` so tests assert where, not just whether.
 */
import { stringify } from 'yaml';
import { lint, type Diagnostic } from '../../../src/index.js';

export function documentText(doc: string | object): string {
  return typeof doc === 'string' ? `irVersion: "1"\n${doc}` : stringify({ irVersion: '1', ...doc });
}

export function findings(rule: string, doc: string | object): Diagnostic[] {
  const text = documentText(doc);
  const r = lint({ name: 'setup.yaml', text, format: 'ir' });
  const fatal = r.diagnostics.filter((d) => d.code.startsWith('ir/') || d.code.startsWith('parse/'));
  if (fatal.length > 0) throw new Error(`test document is invalid: ${fatal.map((d) => `${d.span?.start.line}: ${d.message}`).join('; ')}`);
  return r.diagnostics.filter((d) => d.code === `lint/${rule}`);
}

export const lines = (ds: Diagnostic[]) => ds.map((d) => d.span?.start.line);

/** The source line (trimmed) each finding of `rule` points at: asserts the location readably. */
export function where(rule: string, doc: string | object): string[] {
  const text = documentText(doc).split('\n');
  return findings(rule, doc).map((d) => (d.span ? text[d.span.start.line - 1]!.trim() : '(no span)'));
}

/** A router (FRR traditional) and a peer speaker, each with settings merged in. */
export function pair(opts: {
  router?: Record<string, unknown>;
  routerPeer?: Record<string, unknown>;
  other?: Record<string, unknown>;
  otherPeer?: Record<string, unknown>;
  otherDialect?: string;
}): object {
  return {
    speakers: [
      {
        id: 'tor',
        kind: 'daemon',
        dialect: { format: 'frr', version: '8.4', profile: 'traditional' },
        asn: 65000,
        routerId: '10.0.0.1',
        addresses: ['10.0.0.1'],
        options: { ebgpRequiresPolicy: false },
        peers: [{ id: '10.0.0.2', address: '10.0.0.2', remoteAs: { kind: 'explicit', asn: 65001 }, ...opts.routerPeer }],
        ...opts.router,
      },
      {
        id: 'edge',
        kind: 'daemon',
        dialect: { format: opts.otherDialect ?? 'frr', version: '8.4' },
        asn: 65001,
        routerId: '10.0.0.2',
        addresses: ['10.0.0.2'],
        options: { ebgpRequiresPolicy: false },
        peers: [{ id: '10.0.0.1', address: '10.0.0.1', remoteAs: { kind: 'explicit', asn: 65000 }, ...opts.otherPeer }],
        ...opts.other,
      },
    ],
  };
}
