/** Two speakers with the same router ID: peers reject the OPEN ("Bad BGP Identifier") or routes are dropped. */
import type { LintRule } from '../rule.js';

export const routerIdDuplicate: LintRule = {
  id: 'router-id-duplicate',
  severity: 'error',
  description: 'Two speakers use the same router ID.',
  check(ctx) {
    const byId = new Map<string, typeof ctx.topology.instances>();
    for (const inst of ctx.topology.instances) {
      if (!inst.routerId) continue;
      if (!byId.has(inst.routerId)) byId.set(inst.routerId, []);
      byId.get(inst.routerId)!.push(inst);
    }
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      const [first, ...rest] = list;
      ctx.report(`router ID ${id} is used by ${list.map((i) => i.key).join(', ')}`, {
        span: first!.speaker.origin?.[0],
        related: rest.flatMap((i) => (i.speaker.origin?.[0] ? [{ span: i.speaker.origin[0], message: `${i.key} uses it too` }] : [])),
        hint: list.some((i) => i.node) ? 'a router ID set on a node-group applies to every node: set it per node, or leave it to the node address' : 'give every speaker its own router ID',
      });
    }
  },
};
