/**
 * The apiVersions each Kubernetes writer can write (`--api-version`), newest
 * first (the default), and whether its objects are namespaced (`--namespace`).
 */
import type { Sink } from '../../diagnostics/diagnostic.js';

export const K8S_API_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  metallb: ['metallb.io/v1beta2', 'metallb.io/v1beta1'],
  'frr-k8s': ['frrk8s.metallb.io/v1beta1'],
  cilium: ['cilium.io/v2', 'cilium.io/v2alpha1'],
  calico: ['projectcalico.org/v3', 'crd.projectcalico.org/v1'],
  purelb: ['purelb.io/v1', 'purelb.io/v2'],
};

/** Targets whose objects live in a namespace (MetalLB, frr-k8s, PureLB); Cilium's and Calico's are cluster-scoped. */
export const K8S_NAMESPACED: ReadonlySet<string> = new Set(['metallb', 'frr-k8s', 'purelb']);

/** Reports an apiVersion the target does not write; true when it is fine. */
export function checkApiVersion(target: string, apiVersion: string | undefined, sink: Sink): boolean {
  const served = K8S_API_VERSIONS[target];
  if (apiVersion === undefined || !served || served.includes(apiVersion)) return true;
  sink.report('emit/unsupported-version', `${target} resources cannot be written as ${apiVersion}`, {
    hint: `the apiVersions bgpc writes for ${target}: ${served.join(', ')} (default ${served[0]})`,
  });
  return false;
}
