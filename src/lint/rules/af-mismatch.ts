/** The two ends activate different address families. */
import { activeFamilies, endName, pairs, spanOf } from '../topology.js';
import type { LintRule } from '../rule.js';
import { related } from '../util.js';

export const afMismatch: LintRule = {
  id: 'af-mismatch',
  severity: 'warning',
  description: 'The two ends of a session activate different address families.',
  check(ctx) {
    for (const { a, b } of pairs(ctx.topology)) {
      if (!a.instance.speaker.dialect || !b.instance.speaker.dialect) continue;
      const fa = activeFamilies(a);
      const fb = activeFamilies(b);
      if (fa.length === 0 || fb.length === 0) continue; // af-not-activated says it
      const common = fa.filter((f) => fb.includes(f));
      const onlyA = fa.filter((f) => !fb.includes(f));
      const onlyB = fb.filter((f) => !fa.includes(f));
      if (onlyA.length === 0 && onlyB.length === 0) continue;
      const message =
        common.length === 0
          ? `${endName(a)} activates ${fa.join(', ')} but ${endName(b)} activates ${fb.join(', ')}: no family in common, no routes are exchanged`
          : `only ${endName(a)} activates ${onlyA.join(', ') || '-'}; only ${endName(b)} activates ${onlyB.join(', ') || '-'}: those families are not exchanged`;
      ctx.report(message, {
        severity: common.length === 0 ? 'error' : undefined,
        span: spanOf(a),
        related: related(b, `activates ${fb.join(', ')}`),
        hint: 'activate the same families on both ends',
      });
    }
  },
};
