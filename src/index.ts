/**
 * bgpc as a library: parse, emit, convert, lint, formats.
 *
 * Pure: takes texts (or bytes) and returns results carrying diagnostics. No
 * filesystem, no console, no process.exit; bad input never throws (only
 * programming errors do).
 */
import { hasErrors, hasLoss, Sink, type Diagnostic } from './diagnostics/diagnostic.js';
import { findFormat, formats as registry, type FormatInfo } from './formats.js';
import { emptyDocument, mergeDocuments } from './ir/build.js';
import { collectSecrets, maskDiagnostics } from './ir/secrets.js';
import type { IrDocument } from './ir/schema.js';
import { runLint, type LintOptions } from './lint/index.js';
import { parseNodes } from './lint/nodes.js';
import { generatePeer, type PeerOptions } from './peer/index.js';
import { DAEMON_FORMATS, hasClusterSpeakers, instantiateNode } from './cluster/instantiate.js';
import { detectFormat } from './parse/detect.js';
import type { ReadOptions, WriteOptions } from './pipeline-types.js';
import { decodeInput, DEFAULT_MAX_INPUT_BYTES } from './source-input.js';
import { pushAll } from './arrays.js';

export interface Input {
  /** What diagnostics call the input: a path, or `<stdin>`. */
  name: string;
  /** The content, as text or raw bytes (bytes are checked for being UTF-8 text). */
  text: string | Uint8Array;
  /** Format id; detected from the content (and name) when absent. */
  format?: string;
}

export interface ParseOptions extends ReadOptions {
  /** Format of every input that does not name its own. */
  from?: string;
  maxInputBytes?: number;
  /** Leave passwords visible in diagnostics (they are masked by default). */
  showSecrets?: boolean;
}

/**
 * `ok`: parsed (maybe with diagnostics); `input-error`: an input could not be
 * read, detected or has no reader (the CLI's exit 2).
 */
export type Status = 'ok' | 'input-error';

export interface ParseResult {
  doc: IrDocument;
  diagnostics: Diagnostic[];
  status: Status;
  /** Secret values found in the inputs: masked in the diagnostics; renderers of source lines mask them too. */
  redact: string[];
}

export function parse(inputs: Input | readonly Input[], opts: ParseOptions = {}): ParseResult {
  const list = Array.isArray(inputs) ? inputs : [inputs as Input];
  const sink = new Sink();
  const docs: IrDocument[] = [];
  let status: Status = 'ok';
  for (const input of list) {
    const decoded = decodeInput(input.name, input.text, opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES);
    sink.addAll(decoded.diagnostics);
    if (!decoded.file) {
      status = 'input-error';
      continue;
    }
    const name = input.format ?? opts.from ?? detectFormat(decoded.file);
    if (!name) {
      sink.report('input/undetected', `${input.name}: cannot tell which format this is`, {
        hint: `pass --from with one of: ${registry.filter((f) => f.read).map((f) => f.id).join(', ')}`,
      });
      status = 'input-error';
      continue;
    }
    const format = findFormat(name);
    if (!format) {
      sink.report('format/unknown', `unknown format "${name}"`, { hint: `known formats: ${registry.map((f) => f.id).join(', ')}` });
      status = 'input-error';
      continue;
    }
    if (!format.read) {
      sink.report('format/unavailable', `${input.name}: reading ${format.id} is not implemented yet${format.plannedIn ? ` (${format.plannedIn})` : ''}`);
      status = 'input-error';
      continue;
    }
    const r = format.read(decoded.file, opts);
    sink.addAll(r.diagnostics);
    docs.push(r.doc);
  }
  const doc = docs.length === 1 ? docs[0]! : docs.length === 0 ? emptyDocument() : mergeDocuments(docs);
  const redact = opts.showSecrets ? [] : collectSecrets(doc);
  return { doc, diagnostics: maskDiagnostics(sink.list, redact), status, redact };
}

export interface EmitOptions extends WriteOptions {
  to: string;
}

export interface EmitResult {
  /** Absent when the target has no writer. */
  text?: string;
  diagnostics: Diagnostic[];
  status: Status;
}

export function emit(doc: IrDocument, opts: EmitOptions): EmitResult {
  const format = findFormat(opts.to);
  const sink = new Sink();
  if (!format) {
    sink.report('format/unknown', `unknown target format "${opts.to}"`, { hint: `known formats: ${registry.map((f) => f.id).join(', ')}` });
    return { diagnostics: sink.list, status: 'input-error' };
  }
  if (!format.write) {
    sink.report('format/unavailable', `writing ${format.id} is not implemented yet${format.plannedIn ? ` (${format.plannedIn})` : ''}`);
    return { diagnostics: sink.list, status: 'input-error' };
  }
  const r = format.write(doc, opts);
  return { text: r.text, diagnostics: r.diagnostics.map((d) => (d.target ? d : { ...d, target: format.id })), status: 'ok' };
}

export interface ConvertOptions extends ParseOptions, WriteOptions {
  to: string;
  /** Any loss (a warning that drops or changes a construct) fails the conversion. */
  strict?: boolean;
  /** Cluster resources → a daemon format: the node whose speaker config is written (src/cluster/instantiate.ts). */
  node?: string;
  /** Kubernetes nodes (Node list YAML or `name ip [key=value ...]` lines), for node selectors and addresses. */
  nodes?: Input;
  /** Load-balancer addresses Services have, announced as the project announces them (`--lb-address`). */
  lbAddresses?: string[];
}

export interface ConvertResult {
  /** The target text; absent when the conversion failed (errors, or loss under `strict`). */
  output?: string;
  diagnostics: Diagnostic[];
  status: Status;
  ok: boolean;
  /** Secret values of the inputs (see ParseResult.redact). */
  redact: string[];
}

export function convert(inputs: Input | readonly Input[], opts: ConvertOptions): ConvertResult {
  const target = findFormat(opts.to);
  if (!target?.write) {
    // Refuse before reading anything: the target decides whether there is work to do.
    const r = emit(emptyDocument(), opts);
    return { diagnostics: r.diagnostics, status: 'input-error', ok: false, redact: [] };
  }
  const parsed = parse(inputs, opts);
  const redact = parsed.redact;
  if (parsed.status !== 'ok' || hasErrors(parsed.diagnostics)) {
    return { diagnostics: parsed.diagnostics, status: parsed.status, ok: false, redact };
  }
  let doc = parsed.doc;
  const pre: Diagnostic[] = [];
  if ((DAEMON_FORMATS.has(target.id) || (target.id === 'ir' && opts.node !== undefined)) && hasClusterSpeakers(doc)) {
    // Cluster resources written as a daemon config (or as IR with --node): the config of one node's speaker.
    if (opts.nodes) {
      const n = parseNodes(opts.nodes.name, typeof opts.nodes.text === 'string' ? opts.nodes.text : new TextDecoder().decode(opts.nodes.text));
      pushAll(pre, n.diagnostics);
      doc = { ...doc, nodes: [...doc.nodes, ...n.nodes.filter((x) => !doc.nodes.some((y) => y.name === x.name))] };
    }
    const inst = instantiateNode(doc, { target: target.id, ...(opts.node !== undefined ? { node: opts.node } : {}), ...(opts.lbAddresses ? { lbAddresses: opts.lbAddresses } : {}) });
    pushAll(pre, maskDiagnostics(inst.diagnostics, redact));
    if (hasErrors(pre)) return { diagnostics: [...parsed.diagnostics, ...pre], status: 'ok', ok: false, redact };
    doc = inst.doc;
  }
  const emitted = emit(doc, opts);
  const diagnostics = [...parsed.diagnostics, ...pre, ...maskDiagnostics(emitted.diagnostics, redact)];
  const ok = !hasErrors(diagnostics) && !(opts.strict && hasLoss(diagnostics));
  return ok ? { output: emitted.text, diagnostics, status: 'ok', ok, redact } : { diagnostics, status: 'ok', ok, redact };
}

export interface LintSession {
  /** The speaker instance whose configured neighbor this is (`speaker` or `speaker@node`). */
  from: string;
  neighbor: string;
  to?: string;
  status: 'unique-match' | 'listen-range-match' | 'half-open' | 'several-remotes' | 'unknown-remote' | 'local-address-unknown';
  /** The remote was found by the session it configures, not by an address it owns. */
  inferred: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  status: Status;
  /** Every configured neighbor, paired with the speaker at its address. */
  sessions: LintSession[];
  /** Secret values of the inputs (see ParseResult.redact). */
  redact: string[];
}

export interface LintInputOptions extends ParseOptions, LintOptions {
  /** Kubernetes nodes: a Node list YAML, or lines `name ip [key=value ...]` (`bgpc lint --nodes`). */
  nodes?: Input;
}

export function lint(inputs: Input | readonly Input[] | IrDocument, opts: LintInputOptions = {}): LintResult {
  const diagnostics: Diagnostic[] = [];
  let doc: IrDocument;
  if (isDocument(inputs)) {
    doc = inputs;
  } else {
    const parsed = parse(inputs, opts);
    if (parsed.status !== 'ok') return { diagnostics: parsed.diagnostics, status: parsed.status, sessions: [], redact: parsed.redact };
    pushAll(diagnostics, parsed.diagnostics);
    doc = parsed.doc;
  }
  if (opts.nodes) {
    const text = typeof opts.nodes.text === 'string' ? opts.nodes.text : new TextDecoder().decode(opts.nodes.text);
    const n = parseNodes(opts.nodes.name, text);
    pushAll(diagnostics, n.diagnostics);
    doc = { ...doc, nodes: [...doc.nodes, ...n.nodes.filter((x) => !doc.nodes.some((y) => y.name === x.name))] };
  }
  const run = runLint(doc, opts);
  const redact = opts.showSecrets ? [] : collectSecrets(doc);
  pushAll(diagnostics, maskDiagnostics(run.diagnostics, redact));
  const sessions = run.topology.sessions.map((s) => ({
    from: s.a.instance.key,
    neighbor: s.a.peer.address ?? s.a.peer.id,
    ...(s.remote ? { to: s.remote.key } : {}),
    status: s.status,
    inferred: s.inferred,
  }));
  return { diagnostics, status: 'ok', sessions, redact };
}

export interface PeerCommandOptions extends ParseOptions, PeerOptions, WriteOptions {
  /** Kubernetes nodes (Node list YAML or `name ip [key=value ...]` lines) for node addresses. */
  nodes?: Input;
  strict?: boolean;
}

export interface PeerCommandResult {
  /** The generated config in the target format; absent on errors (or loss under `strict`). */
  output?: string;
  /** The generated side as IR. */
  doc?: IrDocument;
  diagnostics: Diagnostic[];
  status: Status;
  ok: boolean;
  /** Secret values of the inputs (see ParseResult.redact). */
  redact: string[];
}

/**
 * `bgpc peer`: write the other end of every session the inputs describe. The
 * generated side is linted together with the inputs, so a mismatch bgpc can
 * see is reported rather than written.
 */
export function peer(inputs: Input | readonly Input[], opts: PeerCommandOptions): PeerCommandResult {
  const target = findFormat(opts.to);
  if (!target?.write) {
    const r = emit(emptyDocument(), opts);
    return { diagnostics: r.diagnostics, status: 'input-error', ok: false, redact: [] };
  }
  const parsed = parse(inputs, opts);
  const redact = parsed.redact;
  if (parsed.status !== 'ok' || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics, status: parsed.status, ok: false, redact };
  let doc = parsed.doc;
  const diagnostics = [...parsed.diagnostics];
  if (opts.nodes) {
    const text = typeof opts.nodes.text === 'string' ? opts.nodes.text : new TextDecoder().decode(opts.nodes.text);
    const n = parseNodes(opts.nodes.name, text);
    pushAll(diagnostics, n.diagnostics);
    doc = { ...doc, nodes: [...doc.nodes, ...n.nodes] };
  }
  // --peer-address is an address of the input side: lint pairs the generated side with it.
  if (opts.peerAddress) {
    const extra = opts.peerAddress;
    doc = { ...doc, speakers: doc.speakers.map((s) => (s.kind === 'daemon' ? { ...s, addresses: [...(s.addresses ?? []), extra] } : s)) };
  }
  const generated = generatePeer(doc, { ...opts, to: target.id });
  pushAll(diagnostics, generated.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics, status: 'ok', ok: false, redact };
  const pairFindings = runLint(mergeDocuments([doc, generated.doc])).diagnostics.filter((d) => d.severity === 'error');
  pushAll(diagnostics, maskDiagnostics(pairFindings, redact));
  const out = emit(generated.doc, opts);
  pushAll(diagnostics, maskDiagnostics(out.diagnostics, redact));
  const ok = !hasErrors(diagnostics) && !(opts.strict && hasLoss(diagnostics));
  return ok ? { output: out.text, doc: generated.doc, diagnostics, status: 'ok', ok, redact } : { doc: generated.doc, diagnostics, status: 'ok', ok, redact };
}

function isDocument(v: unknown): v is IrDocument {
  return typeof v === 'object' && v !== null && 'irVersion' in v;
}

export interface FormatSummary {
  id: string;
  description: string;
  aliases: string[];
  read: boolean;
  write: boolean;
  plannedIn?: string;
}

/** Every format bgpc knows, with what it can do today. */
export function formats(): FormatSummary[] {
  return registry.map((f: FormatInfo) => ({
    id: f.id,
    description: f.description,
    aliases: f.aliases ?? [],
    read: Boolean(f.read),
    write: Boolean(f.write),
    ...(f.plannedIn ? { plannedIn: f.plannedIn } : {}),
  }));
}

export { resolve } from './ir/resolve.js';
export { normalize } from './ir/normalize.js';
export { irJsonSchema } from './ir/json-schema.js';
export { IR_VERSION, IrDocument as IrDocumentSchema } from './ir/schema.js';
export type * from './ir/types.js';
export type { Diagnostic, Severity, RelatedSpan } from './diagnostics/diagnostic.js';
export { parseNodes } from './lint/nodes.js';
export { collectSecrets, maskText, redactDocument, REDACTED } from './ir/secrets.js';
export { generatePeer } from './peer/index.js';
export { instantiateNode, hasClusterSpeakers } from './cluster/instantiate.js';
export type { InstantiateOptions, InstantiateResult } from './cluster/instantiate.js';
export type { PeerOptions } from './peer/index.js';
export { rules as lintRules } from './lint/index.js';
export { hasErrors, hasLoss, sortDiagnostics } from './diagnostics/diagnostic.js';
export { codes } from './diagnostics/codes.js';
export { renderText } from './diagnostics/format/text.js';
export { renderJson } from './diagnostics/format/json.js';
export { renderSarif } from './diagnostics/format/sarif.js';
export type { Span, Position } from './source.js';
export { SourceFile } from './source.js';
