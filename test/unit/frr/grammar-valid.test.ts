/**
 * Production parsers skip chevrotain's grammar validations and build their
 * lookahead lazily (grammar/common/lazy-lookahead.ts). Here both grammars are
 * built the eager, validating way: an ambiguity or left recursion introduced
 * into a grammar fails this test instead of going unnoticed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BirdParser } from '../../../grammar/bird/parser.js';
import { FrrParser } from '../../../grammar/frr/parser.js';

describe('grammars pass chevrotain validation', () => {
  afterEach(() => {
    FrrParser.skipValidations = true;
    BirdParser.skipValidations = true;
  });

  it('FRR', () => {
    FrrParser.skipValidations = false;
    // performSelfAnalysis throws when a validation fails.
    const p = new FrrParser() as unknown as { definitionErrors: unknown[] };
    expect(p.definitionErrors).toEqual([]);
  });

  it('BIRD', () => {
    BirdParser.skipValidations = false;
    const p = new BirdParser() as unknown as { definitionErrors: unknown[] };
    expect(p.definitionErrors).toEqual([]);
  });
});
