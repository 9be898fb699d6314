/**
 * Value fuzzing (issue 11): numbers, addresses and prefixes of small valid
 * inputs (one per format) and of corpus files are replaced with values past
 * their range or malformed. Whatever comes in, no exception escapes
 * (reading, converting to every target) and the IR still matches its schema:
 * a bad value is reported, never stored. FC_RUNS scales the runs, as in
 * test/fuzz.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, formats, IrDocumentSchema, lint, parse, peer } from '../../../src/index.js';
import { VALID } from './inputs.js';

const runs = Number(process.env['FC_RUNS'] ?? 40);
const corpus = join(import.meta.dirname, '../../../../shared/corpus');

/** Corpus files per format (a few), next to the small valid input. */
const SOURCES: Record<string, [string, RegExp]> = {
  frr: ['frr', /\.conf$/],
  bird: ['bird2', /\.conf$/],
  gobgp: ['gobgp', /\.toml$/],
  'gobgp-yaml': ['gobgp', /\.ya?ml$/],
  metallb: ['k8s/metallb', /\.ya?ml$/],
  calico: ['k8s/calico', /\.ya?ml$/],
  cilium: ['k8s/cilium', /\.ya?ml$/],
  'frr-k8s': ['k8s/frr-k8s', /\.ya?ml$/],
  purelb: ['k8s/purelb', /\.ya?ml$/],
};

function samples(format: string): string[] {
  const out = [VALID[format]!];
  const src = SOURCES[format];
  if (!src) return out;
  const dir = join(corpus, src[0]);
  if (!existsSync(dir)) return out;
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => src[1].test(f)).sort().slice(0, 12);
  return [...out, ...files.map((f) => readFileSync(join(dir, f), 'utf8'))];
}

/** Numbers, dotted quads, IPv6-looking words and prefixes: the values a config's meaning rests on. */
const VALUE = /(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?:\/\d+)?|\d+(?:\.\d+){3}(?:\/\d+)?|\b\d+\b/g;

const BAD = fc.oneof(
  fc.constantFrom('4294967296', '5000000000', '99999999999999999999999', '-1', '65536', '70000', '0', '1', '2', '1e20', '6.5e4', '0x100000000'),
  fc.constantFrom('256.1.1.1', '10.0.0.256', '1.2.3', '1.2.3.4.5', '2001:db8:::1', ':1::2', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0'),
  fc.constantFrom('10.0.0.0/33', '10.0.0.1/8', '2001:db8::/129', '::/200', '0.0.0.0/0', '10.0.0.0/-1'),
  fc.bigInt({ min: 0n, max: 1n << 70n }).map(String),
);

function replaceValues(text: string, picks: [number, string][]): string {
  const spots = [...text.matchAll(VALUE)];
  if (spots.length === 0) return text;
  let out = text;
  // Replace from the end so earlier offsets stay valid; one value per distinct spot.
  const chosen = new Map<number, string>();
  for (const [i, v] of picks) chosen.set(i % spots.length, v);
  for (const i of [...chosen.keys()].sort((a, b) => b - a)) {
    const m = spots[i]!;
    out = out.slice(0, m.index) + chosen.get(i)! + out.slice(m.index! + m[0].length);
  }
  return out;
}

const targets = formats().filter((f) => f.write).map((f) => f.id);

describe.each(Object.keys(VALID))('value fuzzing: %s', (format) => {
  const texts = samples(format);

  it('bad numbers, addresses and prefixes are reported, never stored', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.tuple(fc.nat(), BAD), { minLength: 1, maxLength: 4 }), (text, picks) => {
        const input = { name: `fuzz.${format}`, text: replaceValues(text, picks), format };
        let r: ReturnType<typeof parse> | undefined;
        expect(() => (r = parse(input))).not.toThrow();
        const v = IrDocumentSchema.safeParse(r!.doc);
        expect(v.success, v.success ? '' : `${v.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n--- input:\n${input.text}`).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('converting such input to any target, linting it and generating its peer do not throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.tuple(fc.nat(), BAD), { minLength: 1, maxLength: 3 }), fc.constantFrom(...targets), (text, picks, to) => {
        const input = { name: `fuzz.${format}`, text: replaceValues(text, picks), format };
        expect(() => convert(input, { to })).not.toThrow();
        expect(() => peer(input, { to })).not.toThrow();
        expect(() => lint(input)).not.toThrow();
      }),
      { numRuns: Math.max(10, Math.floor(runs / 2)) },
    );
  });
});
