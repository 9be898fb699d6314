/** Kubernetes label selector matching, on the IR's LabelSelector (used by lint, peer and the Kubernetes readers and writers). */
import type { LabelSelector } from './schema.js';

/** Does `sel` select an object with these labels? An absent selector selects everything, as an empty one does. */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel) return true;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const val = l[e.key];
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
    if (e.operator === 'In' && !(has && (e.values ?? []).includes(val!))) return false;
    if (e.operator === 'NotIn' && has && (e.values ?? []).includes(val!)) return false;
  }
  return true;
}
