/**
 * Properties of the IR over generated documents: the ir writer and reader
 * round-trip (JSON and YAML), and resolve() is a fixed point on its own output.
 * `FC_RUNS` raises the number of runs (npm run fuzz).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emit, normalize, parse, resolve } from '../../src/index.js';
import { irDocument } from './arbitraries.js';

const numRuns = Number(process.env['FC_RUNS'] ?? 100);

describe('IR properties', () => {
  it('emit ir → parse gives the same document (JSON and YAML)', () => {
    fc.assert(
      fc.property(irDocument, fc.constantFrom('json' as const, 'yaml' as const), (doc, encoding) => {
        const text = emit(doc, { to: 'ir', encoding }).text!;
        const back = parse({ name: `doc.${encoding}`, text, format: 'ir' });
        expect(back.diagnostics).toEqual([]);
        expect(normalize(back.doc)).toEqual(normalize(doc));
      }),
      { numRuns },
    );
  });

  it('resolve is idempotent: effective values do not change when resolved again', () => {
    fc.assert(
      fc.property(irDocument, (doc) => {
        const once = resolve(doc).doc;
        const twice = resolve(once).doc;
        expect(normalize(twice)).toEqual(normalize(once));
      }),
      { numRuns },
    );
  });
});
