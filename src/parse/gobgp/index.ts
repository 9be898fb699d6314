/**
 * Readers for gobgpd configs: TOML (`gobgp`), YAML (`gobgp-yaml`) and JSON
 * (`gobgp-json`). Text → data (smol-toml / yaml) → zod check of the supported
 * subset (schema.ts; unknown keys → `parse/unrecognized` at the key, kept raw)
 * → IR (to-ir.ts).
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { Sink } from '../../diagnostics/diagnostic.js';
import { emptyDocument } from '../../ir/build.js';
import type { IrDocument } from '../../ir/schema.js';
import type { ReadOptions, ReadResult, Reader } from '../../pipeline-types.js';
import type { SourceFile, Span } from '../../source.js';
import { parseYaml, spanAt } from '../common/yaml.js';
import { GobgpConfig } from './schema.js';
import { Builder, toSpeaker, type Ctx, type Path } from './to-ir.js';
import { scanToml } from './toml-spans.js';
import { rehomeFromGlobal } from './rehome.js';

export type GobgpEncoding = 'toml' | 'yaml' | 'json';

export const parseGobgpToml: Reader = (file, opts) => parseGobgp(file, 'toml', opts);
export const parseGobgpYaml: Reader = (file, opts) => parseGobgp(file, 'yaml', opts);
export const parseGobgpJson: Reader = (file, opts) => parseGobgp(file, 'json', opts);

export function parseGobgp(file: SourceFile, encoding: GobgpEncoding, _opts: ReadOptions = {}): ReadResult {
  const sink = new Sink();
  const empty = (): ReadResult => ({ doc: emptyDocument(), diagnostics: sink.list });
  let data: unknown;
  let locate: (path: readonly PropertyKey[], atKey?: boolean) => Span;
  if (encoding === 'toml') {
    try {
      data = parseToml(file.text);
    } catch (e) {
      if (e instanceof TomlError) {
        const msg = e.message.split('\n')[0] ?? e.message;
        sink.report('parse/syntax', msg.replace(/^Invalid TOML document: /, ''), { span: file.span(offsetOf(e, file)) });
        return empty();
      }
      sink.report('parse/syntax', `cannot read TOML: ${(e as Error).message}`, { span: file.span(0) });
      return empty();
    }
    const spans = scanToml(file.text);
    locate = (path) => {
      const [s, e] = spans.find(path);
      return file.span(s, e);
    };
  } else {
    const parsed = parseYaml(file, sink);
    if (!parsed) return empty();
    data = parsed.data;
    locate = (path, atKey = false) => spanAt(parsed.yaml, path, atKey);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    sink.report('parse/invalid', 'a gobgpd config is a table/mapping with global, neighbors, ...', { span: locate([]) });
    return empty();
  }

  const ctx: Ctx = { sink, locate };
  const b = new Builder(ctx);
  // `data` is this reader's own fresh parse result: validate() may prune it in place, no copy needed.
  const { config, unknown } = validate(data as Record<string, unknown>, ctx);
  const speaker = toSpeaker(config, b);
  // Unknown keys are kept raw on their owner, now that owners exist.
  for (const u of unknown)
    b.keep(u.path, u.value, 'parse/unrecognized', `unknown key "${String(u.path[u.path.length - 1])}" (gobgpd 3.10 rejects it); kept raw`);
  rehomeFromGlobal(speaker, sink);

  const doc: IrDocument = emptyDocument();
  doc.sources.push({ file: file.name, format: 'gobgp', dialect: { format: 'gobgp' } });
  doc.speakers.push(speaker);
  return { doc, diagnostics: sink.list };
}

/** smol-toml errors carry the 1-based line and column of the problem. */
function offsetOf(e: TomlError, file: SourceFile): number {
  if (!e.line) return 0;
  let line = 1;
  let i = 0;
  const t = file.text;
  while (line < e.line && i < t.length) if (t.charCodeAt(i++) === 10) line++;
  return Math.min(t.length, i + Math.max(0, (e.column || 1) - 1));
}

interface Unknown {
  path: Path;
  value: unknown;
}

/**
 * zod check with recovery: unknown keys are removed (and returned, to be kept
 * raw); values of the wrong type are reported `parse/invalid` and removed;
 * then the check runs again on what is left.
 */
function validate(data: Record<string, unknown>, ctx: Ctx): { config: GobgpConfig; unknown: Unknown[] } {
  const unknown: Unknown[] = [];
  for (let pass = 0; pass < 8; pass++) {
    const r = GobgpConfig.safeParse(data);
    if (r.success) return { config: r.data, unknown };
    const issues = [...r.error.issues].sort((a, b) => comparePaths(b.path, a.path));
    for (const issue of issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const full = [...path, key];
          unknown.push({ path: full, value: getAt(data, full) });
          removeAt(data, full);
        }
      } else {
        ctx.sink.report('parse/invalid', `${pathText(path)}: ${issue.message}`, { span: ctx.locate(path) });
        removeAt(data, path);
      }
    }
  }
  return { config: {}, unknown };
}

function comparePaths(a: readonly PropertyKey[], b: readonly PropertyKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function getAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Removes the value at `path`; when the path goes through a single value gobgpd reads as a list, removes that value. */
function removeAt(data: Record<string, unknown>, path: readonly (string | number)[]): void {
  if (path.length === 0) {
    for (const k of Object.keys(data)) delete data[k];
    return;
  }
  let parent: unknown = data;
  for (let i = 0; i < path.length - 1; i++) {
    const next = (parent as Record<string | number, unknown>)[path[i]!];
    if (next === null || typeof next !== 'object') {
      removeAt(data, path.slice(0, i + 1));
      return;
    }
    if (!Array.isArray(next) && typeof path[i + 1] === 'number') {
      // a single value read as a one-element list
      removeAt(data, path.slice(0, i + 1));
      return;
    }
    parent = next;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete (parent as Record<string | number, unknown>)[last];
}

function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document)';
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}
