/**
 * Fuzzing every reader in the registry (issue 11): arbitrary strings, token
 * soup of the format's own vocabulary, and mutations of real corpus files
 * (delete, duplicate and swap lines, truncate, flip bytes). For every input:
 * no exception escapes, diagnostics come back as a list, and the parse ends
 * within a time proportional to the input size. FC_RUNS scales the run count
 * (`npm run fuzz`); the default run stays small.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formats, parse } from '../../src/index.js';

const runs = Number(process.env['FC_RUNS'] ?? 25);
const corpus = join(import.meta.dirname, '../../../shared/corpus');

/** Sample inputs per reader: corpus files (by folder and extension) or bundled examples. */
const samples: Record<string, () => string[]> = {
  ir: () => [readFileSync(join(import.meta.dirname, '../../examples/router.ir.yaml'), 'utf8')],
  frr: () => files('frr', /\.conf$/),
  bird: () => files('bird2', /\.conf$/),
  bird1: () => files('bird1', /\.conf$/),
  gobgp: () => files('gobgp', /\.toml$/),
  'gobgp-yaml': () => files('gobgp', /\.ya?ml$/),
  // No corpus file is GoBGP JSON: the golden cases' JSON outputs stand in.
  'gobgp-json': () => goldens(/^expected\.gobgp-json\.json$/),
  k8s: () => files('k8s', /\.ya?ml$/),
  metallb: () => files('k8s/metallb', /\.ya?ml$/),
  'frr-k8s': () => files('k8s/frr-k8s', /\.ya?ml$/),
  cilium: () => files('k8s/cilium', /\.ya?ml$/),
  calico: () => files('k8s/calico', /\.ya?ml$/),
  purelb: () => files('k8s/purelb', /\.ya?ml$/),
};

function goldens(re: RegExp): string[] {
  const root = join(import.meta.dirname, '../golden');
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => re.test(f.split('/').pop()!))
    .sort()
    .map((f) => readFileSync(join(root, f), 'utf8'));
}

function files(dir: string, re: RegExp): string[] {
  const d = join(corpus, dir);
  if (!existsSync(d)) return [];
  const all = (readdirSync(d, { recursive: true }) as string[]).filter((f) => re.test(f)).sort();
  return all.slice(0, 40).map((f) => readFileSync(join(d, f), 'utf8'));
}

function vocabulary(texts: string[]): string[] {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.split(/[\s]+/)) if (w && w.length < 40) words.add(w);
  return [...words].slice(0, 3000);
}

function mutate(text: string, kind: number, a: number, b: number): string {
  const lines = text.split('\n');
  const i = a % Math.max(1, lines.length);
  const j = b % Math.max(1, lines.length);
  switch (kind) {
    case 0:
      lines.splice(i, 1);
      return lines.join('\n');
    case 1:
      lines.splice(i, 0, lines[j] ?? '');
      return lines.join('\n');
    case 2: {
      const t = lines[i]!;
      lines[i] = lines[j]!;
      lines[j] = t;
      return lines.join('\n');
    }
    case 3:
      return text.slice(0, (a * 7919) % Math.max(1, text.length));
    default: {
      const pos = (a * 104729) % Math.max(1, text.length);
      return text.slice(0, pos) + String.fromCharCode((text.charCodeAt(pos) ^ (1 << (b % 7))) || 32) + text.slice(pos + 1);
    }
  }
}

function check(format: string, text: string): void {
  const start = performance.now();
  let result: ReturnType<typeof parse> | undefined;
  expect(() => {
    result = parse({ name: `fuzz.${format}`, text, format });
  }).not.toThrow();
  const ms = performance.now() - start;
  expect(Array.isArray(result!.diagnostics)).toBe(true);
  // Linear-time bound with generous slack for a loaded machine: 300 ms + 1 ms per KB.
  expect(ms, `${format}: ${text.length} bytes took ${ms.toFixed(0)} ms`).toBeLessThan(300 + text.length / 1000);
}

const readable = formats().filter((f) => f.read);

describe.each(readable.map((f) => f.id))('fuzz %s reader', (format) => {
  const texts = (samples[format] ?? (() => []))();
  // One-time set-up (grammar analysis, schema compilation) is not part of the per-input bound.
  beforeAll(() => {
    parse({ name: 'warm-up', text: texts[0] ?? 'x', format });
  }, 600_000);

  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (s) => check(format, s)), { numRuns: runs });
  });

  it('has sample inputs to mutate', () => expect(texts.length).toBeGreaterThan(0));

  it('token soup of its own vocabulary', () => {
    const vocab = vocabulary(texts);
    const soup = fc.array(fc.oneof(fc.constantFrom(...vocab), fc.constantFrom('\n', ' ', '{', '}', ';', '!', '#', '"', ':', '- ', '  ')), { maxLength: 400 });
    fc.assert(fc.property(soup, (ws) => check(format, ws.join(' '))), { numRuns: runs });
  });

  it('mutations of real files', () => {
    const sample = fc.constantFrom(...texts);
    fc.assert(
      fc.property(sample, fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (text, ops) => {
        let t = text;
        for (const [k, a, b] of ops) t = mutate(t, k, a, b);
        check(format, t);
      }),
      { numRuns: runs },
    );
  });
});
