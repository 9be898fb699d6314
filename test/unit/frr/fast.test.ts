/** The prefix-list fast path agrees with the full grammar (see grammar/frr/fast.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastPrefixList } from '../../../grammar/frr/fast.js';
import { frrParser, type Cmd } from '../../../grammar/frr/parser.js';
import { scanLines } from '../../../grammar/frr/scanner.js';
import { keywordTypes } from '../../../grammar/frr/tokens.js';

const corpus = join(import.meta.dirname, '../../../../shared/corpus/frr');

function full(line: string): Cmd | undefined {
  const [l] = scanLines(line);
  if (!l) return undefined;
  const p = frrParser();
  p.input = l.tokens;
  const c = p.configLine();
  return p.errors.length === 0 && c ? c : undefined;
}

function fast(line: string): Cmd | undefined {
  const [l] = scanLines(line);
  return l ? fastPrefixList(l.tokens) : undefined;
}

/** A command as kind + part images, comparable across both paths. */
const shape = (c: Cmd | undefined) => c && { k: c.k, a: Object.fromEntries(Object.entries(c.a).filter(([, t]) => t).map(([k, t]) => [k, t!.image])), rest: c.rest?.map((t) => t.image) };

function agree(line: string): void {
  const f = fast(line);
  if (f) expect(shape(f), line).toEqual(shape(full(line)));
}

describe('FRR scanner', () => {
  it('every keyword starts with a letter (the scanner looks up only such words)', () => {
    expect([...keywordTypes.keys()].filter((k) => !/^[A-Za-z]/.test(k))).toEqual([]);
  });
});

describe('FRR prefix-list fast path', () => {
  it('takes the common shapes, with the same parts as the grammar', () => {
    const lines = [
      'ip prefix-list PL seq 5 permit 10.0.0.0/8 le 24',
      'ip prefix-list PL seq 10 deny 10.0.0.0/8 ge 16 le 24',
      'ipv6 prefix-list P6 permit 2001:db8::/32 le 64',
      'ip prefix-list PL permit any',
      'ip prefix-list PL seq 7 deny 192.0.2.0/24',
      'ip prefix-list PL seq 7 deny 192.0.2.0/24 le 30 ge 25',
    ];
    for (const l of lines) {
      expect(fast(l), l).toBeDefined();
      agree(l);
    }
  });

  it('leaves everything else to the grammar', () => {
    for (const l of [
      'ip prefix-list PL description some text',
      'ip prefix-list PL seq 5 permit any le 32',
      'ip prefix-list permit seq 5 permit 10.0.0.0/8',
      'ip prefix-list PL seq 5 allow 10.0.0.0/8',
      'ip prefix-list PL seq 5 permit 10.0.0.0/8 le',
      'ip prefix-list PL seq 5 permit 10.0.0.0/8 eq 8',
      'ip prefix-list PL seq permit 10.0.0.0/8',
      'ipv4 prefix-list PL permit 10.0.0.0/8',
      'ip as-path access-list X permit _1_',
    ])
      expect(fast(l), l).toBeUndefined();
  });

  it('agrees with the grammar on every prefix-list line of the corpus', () => {
    let n = 0;
    for (const f of readdirSync(corpus)) {
      for (const line of readFileSync(join(corpus, f), 'utf8').split(/\r?\n/)) {
        if (/^\s*ipv?6? ?prefix-list/.test(line) || /^\s*ip prefix-list/.test(line)) {
          agree(line.trim());
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('agrees with the grammar on token soup', () => {
    const word = fc.constantFrom('ip', 'ipv6', 'prefix-list', 'PL', 'seq', '5', 'permit', 'deny', 'any', '10.0.0.0/8', 'ge', 'le', '24', 'description', 'x');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (ws) => {
        agree(['ip', 'prefix-list', ...ws].join(' '));
        agree(ws.join(' '));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 300) },
    );
  });
});
