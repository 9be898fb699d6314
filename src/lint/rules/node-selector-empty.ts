/** A node selector that matches none of the known nodes. */
import type { LintRule } from '../rule.js';
import { selectorMatches } from '../../ir/selector.js';

export const nodeSelectorEmpty: LintRule = {
  id: 'node-selector-empty',
  severity: 'warning',
  description: 'A node selector (of a speaker, peer or advertisement) matches none of the known nodes.',
  check(ctx) {
    const nodes = ctx.doc.nodes;
    if (nodes.length === 0) return; // nothing to match against
    const none = (sel: Parameters<typeof selectorMatches>[0]) => !nodes.some((n) => selectorMatches(sel, n.labels));
    for (const s of ctx.parsed.speakers) {
      if (s.kind === 'node-group' && s.nodeSelector && none(s.nodeSelector)) {
        ctx.report(`${s.id}: its node selector matches none of the ${nodes.length} nodes: no node runs this BGP config`, { span: s.origin?.[0] });
      }
      for (const p of s.peers) {
        if (p.nodeSelector && none(p.nodeSelector)) ctx.report(`neighbor ${p.address ?? p.id}: its node selector matches no node: no node peers with it`, { span: p.origin?.[0] });
      }
      for (const ad of s.advertisements) {
        if (ad.nodeSelectors && ad.nodeSelectors.length > 0 && ad.nodeSelectors.every(none)) {
          ctx.report(`advertisement ${ad.name}: its node selectors match no node: nothing is announced`, { span: ad.origin?.[0] });
        }
      }
    }
  },
};
