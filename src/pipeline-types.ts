/** The contracts every reader and writer implements (pandoc's Reader/Writer signatures). */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { IrDocument } from './ir/schema.js';
import type { SourceFile } from './source.js';

export interface ReadOptions {
  /**
   * Loads a file a config includes (BIRD `include`), relative to the including
   * file. The library never touches the filesystem itself; the CLI passes one.
   * A glob pattern (BIRD expands `*`, `?`, `[...]`) gives the matching files
   * in order: a list, empty when nothing matches (not an error in BIRD).
   */
  loadInclude?: (path: string, from: SourceFile) => SourceFile | SourceFile[] | { error: string };
}

export interface ReadResult {
  doc: IrDocument;
  diagnostics: Diagnostic[];
}

export type Reader = (file: SourceFile, opts: ReadOptions) => ReadResult;

export interface WriteOptions {
  /** IR writer: JSON (default) or YAML. */
  encoding?: 'json' | 'yaml';
  /** IR writer: print the effective IR (defaults applied) instead of the parsed one. */
  effective?: boolean;
  /** IR writer: replace passwords (and their occurrences in raw text) with <redacted>. */
  redactSecrets?: boolean;
  /** Kubernetes writers: apiVersion of the main kinds (default the newest served; see k8sApiVersions in src/emit/k8s/common.ts). */
  apiVersion?: string;
  /** Kubernetes writers: namespace of namespaced objects. */
  namespace?: string;
}

export interface WriteResult {
  text: string;
  diagnostics: Diagnostic[];
}

/** Writers receive the parsed document; they call resolve() themselves when they need effective values. */
export type Writer = (doc: IrDocument, opts: WriteOptions) => WriteResult;
