/** Every expected Kubernetes output of the golden cases validates against its upstream CRD schema. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCrds } from '../../support/crds.js';

const root = join(import.meta.dirname, '..', '..', 'golden');
const K8S_TARGETS = new Set(['metallb', 'frr-k8s', 'cilium', 'calico', 'purelb']);

function expectedFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...expectedFiles(p));
    else if (e.startsWith('expected.') && K8S_TARGETS.has(e.split('.')[1]!)) out.push(p);
  }
  return out.sort();
}

const files = expectedFiles(root);

describe('expected Kubernetes outputs validate against their CRDs', () => {
  it('finds expected Kubernetes outputs', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const f of files) {
    it(relative(root, f), () => {
      const r = checkCrds(readFileSync(f, 'utf8'));
      expect(r.errors).toEqual([]);
    });
  }
});
