/**
 * resolve() and the writers share unchanged parts of a document with their
 * input instead of deep-copying it (issue 10: copying a 1M-entry policy on
 * every resolve cost seconds). That is only safe if nothing in the pipeline
 * mutates a document it is given: every corpus file is parsed, deep-frozen,
 * and then resolved, linted and written to every target. A write to a frozen
 * object throws in ES modules (strict mode), so any mutation fails the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit, formats, lint, parse, resolve } from '../../../src/index.js';

const corpus = join(import.meta.dirname, '../../../../shared/corpus');
const files = (readdirSync(corpus, { recursive: true }) as string[]).filter((f) => /\.(conf|toml|ya?ml|json)$/.test(f) && !f.endsWith('manifest.jsonl'));
const targets = formats().filter((f) => f.write).map((f) => f.id);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('the pipeline never mutates a document it is given', () => {
  it('deepFreeze really makes writes throw here', () => {
    const o = deepFreeze({ a: { b: [1] } });
    expect(() => {
      (o.a.b as number[]).push(2);
    }).toThrow(TypeError);
  });

  it('resolve, lint and every writer run on frozen documents of the whole corpus', () => {
    expect(files.length).toBeGreaterThan(500);
    expect(targets).toEqual(expect.arrayContaining(['frr', 'bird', 'gobgp', 'metallb', 'cilium']));
    const failures: string[] = [];
    for (const f of files) {
      const doc = deepFreeze(parse({ name: f, text: readFileSync(join(corpus, f)) }).doc);
      const steps: [string, () => unknown][] = [
        ['resolve', () => resolve(doc)],
        ['lint', () => lint(doc)],
        ...targets.map((to): [string, () => unknown] => [`emit ${to}`, () => emit(doc, { to })]),
      ];
      for (const [name, run] of steps) {
        try {
          run();
        } catch (e) {
          failures.push(`${f}: ${name}: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
