/**
 * K8s → K8s stability: reading what a writer wrote gives the document that
 * was written, in effect: resolve(parse(emit_p(parse(x)))) == resolve(parse(x))
 * for every golden input of project p, and emitting is deterministic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit, normalize, parse, resolve, type Input } from '../../../src/index.js';

const root = join(import.meta.dirname, '..', '..', 'golden', 'k8s');
const PROJECTS = new Set(['metallb', 'frr-k8s', 'cilium', 'calico', 'purelb']);

/**
 * Cases whose input is not what the writer writes: an older API version
 * (v2alpha1 peering policy), a legacy ConfigMap, an embedded BIRD config, a
 * purelb.io/v2 ServiceGroup (written as purelb.io/v1, whose CRD is stored).
 */
const NOT_CANONICAL = new Set(['cilium-v2alpha1-peering-policy', 'seed-004-metallb-configmap', 'seed-000-purelb-bird-configmap', 'purelb-bgpconfig']);

/**
 * The effective IR (writers leave out values equal to the target's default, so
 * the parsed IR may lose an explicit default; the effective one may not),
 * without what depends on where it was read from (spans, source file).
 */
function comparable(doc: Parameters<typeof resolve>[0]): unknown {
  return normalize(resolve(doc).doc);
}

describe('k8s → k8s stability', () => {
  for (const c of readdirSync(root).sort()) {
    // cluster-* cases reuse other cases' inputs to test the node's daemon config.
    if (NOT_CANONICAL.has(c) || c.startsWith('cluster-')) continue;
    const files = readdirSync(join(root, c)).filter((f) => f.startsWith('input.'));
    const project = files.map((f) => f.split('.').at(-2)!).find((p) => PROJECTS.has(p));
    if (!project || files.length !== 1) continue;
    it(`${c}: parse(emit ${project}(parse(x))) == parse(x)`, () => {
      const input: Input = { name: files[0]!, text: readFileSync(join(root, c, files[0]!), 'utf8'), format: project };
      const first = parse(input);
      const out = emit(first.doc, { to: project });
      expect(emit(first.doc, { to: project }).text).toBe(out.text);
      const again = parse({ name: 'emitted.yaml', text: out.text!, format: project });
      expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(comparable(again.doc)).toEqual(comparable(first.doc));
    });
  }
});
