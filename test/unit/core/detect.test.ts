/** Format detection against every corpus file whose kind the manifest records. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/parse/detect.js';
import { SourceFile } from '../../../src/source.js';

const corpus = join(import.meta.dirname, '../../../../shared/corpus');
const manifest = readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { file: string; kind: string });

function expected(m: { file: string; kind: string }): string {
  if (m.kind === 'bird2') return 'bird';
  if (m.kind === 'gobgp') return m.file.endsWith('.toml') ? 'gobgp' : m.file.endsWith('.json') ? 'gobgp-json' : 'gobgp-yaml';
  return m.kind;
}

describe('format detection on the corpus', () => {
  it('detects the format of every file the manifest lists', () => {
    const wrong = manifest
      .map((m) => ({ file: m.file, want: expected(m), got: detectFormat(new SourceFile(m.file, readFileSync(join(corpus, m.file), 'utf8'))) }))
      .filter((r) => r.got !== r.want);
    expect(wrong).toEqual([]);
  });

  it('detects Kubernetes resources by apiVersion (YAML or JSON); mixed or other groups go to the k8s dispatcher', () => {
    const root = join(corpus, 'k8s');
    const wrong = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => ({ file: f, project: f.split('/')[0]!, got: detectFormat(new SourceFile(f, readFileSync(join(root, f), 'utf8'))) }))
      .filter((r) => r.got !== r.project && r.got !== 'k8s');
    expect(wrong).toEqual([]);
  });
});
