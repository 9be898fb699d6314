/**
 * CRD schema validation for tests: every Kubernetes document an emitter
 * writes must validate against its upstream CRD (the openAPIV3Schema copies in
 * src/parse/k8s/crd-schemas, generated from ../shared/schemas/k8s). Core kinds
 * (Secret, ConfigMap) and kinds without a stored CRD (Calico Node, purelb.io/v2)
 * are reported as unchecked.
 */
import { parseAllDocuments } from 'yaml';
import { crdFor, validateResource } from '../../src/parse/k8s/validate.js';

export interface CrdCheck {
  ok: boolean;
  /** One line per problem: `doc N Kind/name: message`. */
  errors: string[];
  validated: number;
  unchecked: string[];
}

export function checkCrds(text: string): CrdCheck {
  const errors: string[] = [];
  const unchecked: string[] = [];
  let validated = 0;
  parseAllDocuments(text).forEach((d, i) => {
    if (d.errors.length > 0) {
      errors.push(`doc ${i}: YAML: ${d.errors[0]!.message.split('\n')[0]}`);
      return;
    }
    const obj = d.toJS() as Record<string, unknown> | null;
    if (!obj) return;
    const apiVersion = String(obj['apiVersion'] ?? '');
    const kind = String(obj['kind'] ?? '');
    const name = String((obj['metadata'] as Record<string, unknown> | undefined)?.['name'] ?? '');
    const crd = crdFor(apiVersion, kind);
    if (!crd) {
      unchecked.push(`${apiVersion} ${kind}`);
      return;
    }
    validated++;
    for (const e of validateResource(obj, crd)) errors.push(`doc ${i} ${kind}/${name}: ${e.message}`);
  });
  return { ok: errors.length === 0, errors, validated, unchecked };
}
