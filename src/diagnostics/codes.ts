/**
 * The closed catalogue of diagnostic codes (pandoc's Logging.hs): each code has
 * a default severity, whether it means something was lost, and a one-line
 * description. Lint rules bring their own `lint/<rule>` codes and metadata
 * (src/lint/rules); docs/diagnostics.md describes every code here.
 */
import type { Severity } from './diagnostic.js';

export interface CodeInfo {
  severity: Severity;
  /** True when the code means a construct was dropped or changed; `--strict` fails on it. */
  loss: boolean;
  description: string;
}

export const codes = {
  'input/unreadable': { severity: 'error', loss: false, description: 'An input file could not be read.' },
  'input/binary': { severity: 'error', loss: false, description: 'An input file is not text (NUL bytes or invalid UTF-8).' },
  'input/empty': { severity: 'error', loss: false, description: 'An input file is empty.' },
  'input/too-large': { severity: 'error', loss: false, description: 'An input file is larger than the configured limit.' },
  'input/undetected': { severity: 'error', loss: false, description: 'The format of an input could not be detected; pass --from.' },
  'format/unknown': { severity: 'error', loss: false, description: 'A format name is not known to bgpc.' },
  'format/unavailable': { severity: 'error', loss: false, description: 'A known format is not implemented yet for this direction.' },
  'parse/syntax': { severity: 'error', loss: true, description: 'The input is not well-formed in its format.' },
  'parse/invalid': { severity: 'error', loss: true, description: 'A value is out of range or of the wrong type.' },
  'parse/unrecognized': { severity: 'warning', loss: true, description: 'A construct is not recognized; it is kept raw and reported.' },
  'parse/ignored': { severity: 'info', loss: false, description: 'A construct is recognized and deliberately has no BGP meaning.' },
  'parse/duplicate': { severity: 'warning', loss: true, description: 'A definition is repeated; the last one wins, as in the daemon.' },
  'ir/version': { severity: 'error', loss: false, description: 'An IR document has an irVersion this bgpc does not read.' },
  'ir/invalid': { severity: 'error', loss: true, description: 'An IR document does not match the IR schema.' },
  'ir/duplicate-id': { severity: 'error', loss: false, description: 'Two IR nodes share an id that must be unique.' },
  'ref/undefined': { severity: 'error', loss: false, description: 'A reference names a structure that is not defined.' },
  'resolve/inheritance-cycle': { severity: 'error', loss: false, description: 'Peer groups or templates inherit from each other in a cycle.' },
  'emit/not-rendered': { severity: 'warning', loss: true, description: 'The target cannot express a construct; it is left out.' },
  'emit/lowered': { severity: 'info', loss: false, description: 'The target expresses a construct another way, with the same behaviour.' },
  'emit/raw-foreign': { severity: 'warning', loss: true, description: 'A raw construct of another format cannot be written to this target.' },
  'emit/unsupported-version': { severity: 'error', loss: false, description: 'A Kubernetes writer was asked for an apiVersion it does not write.' },
  'emit/default-made-explicit': { severity: 'info', loss: false, description: 'A source default differs from the target default, so the value is written out.' },
  'peer/no-sessions': { severity: 'error', loss: false, description: 'bgpc peer: the inputs configure no session to generate the other end of.' },
  'peer/ambiguous': { severity: 'error', loss: false, description: 'bgpc peer: sessions go to several addresses; choose one with --address.' },
  'peer/missing': { severity: 'error', loss: false, description: 'bgpc peer: a value the other end needs is not in the inputs; pass it as an option.' },
  'peer/assumed': { severity: 'info', loss: false, description: 'bgpc peer: a value the inputs do not give was chosen; check it.' },
  'peer/stub': { severity: 'warning', loss: false, description: 'bgpc peer: a part of the output is a marked placeholder to complete by hand.' },
  'cluster/node-required': { severity: 'error', loss: false, description: 'Cluster resources written as a daemon config: the node to write it for must be chosen (--node).' },
  'cluster/unknown-node': { severity: 'error', loss: false, description: 'The node named with --node is not among the Node objects of the inputs.' },
  'cluster/unresolved-selector': { severity: 'error', loss: false, description: 'A node selector cannot be evaluated for the node (its labels are not known, or the selector is not a label selector).' },
  'cluster/no-speaker': { severity: 'error', loss: false, description: 'No BGP speaker of the cluster resources runs on the chosen node.' },
  'cluster/not-on-node': { severity: 'info', loss: false, description: 'A speaker, peer or advertisement is left out of a node\'s config because its node selector does not select the node.' },
  'cluster/node-value': { severity: 'info', loss: false, description: 'A value of a node\'s config comes from the node (router ID from its address, hostname) or is left to the daemon.' },
  'cluster/runtime-value': { severity: 'info', loss: false, description: 'What only the running cluster knows (Service addresses, pod CIDRs) is not in a node\'s config; the export policy is written.' },
  'output/unchanged': { severity: 'info', loss: false, description: 'The output file already has the expected content.' },
  'output/differs': { severity: 'error', loss: false, description: '--check: the output file differs from what would be written.' },
  'output/refused': { severity: 'error', loss: false, description: 'The output path is refused (e.g. it is one of the inputs).' },
} as const satisfies Record<string, CodeInfo>;

export type CatalogueCode = keyof typeof codes;
export type DiagnosticCode = CatalogueCode | `lint/${string}`;

const lintInfo = new Map<string, CodeInfo>();

/** Lint rules register their metadata here when the rule registry loads. */
export function registerLintCode(code: `lint/${string}`, info: CodeInfo): void {
  lintInfo.set(code, info);
}

export function codeInfo(code: DiagnosticCode): CodeInfo {
  const known = (codes as Record<string, CodeInfo>)[code];
  if (known) return known;
  return lintInfo.get(code) ?? { severity: 'warning', loss: false, description: '' };
}

export function isKnownCode(code: string): code is DiagnosticCode {
  return code in codes || lintInfo.has(code);
}
