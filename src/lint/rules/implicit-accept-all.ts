/** A Kubernetes node speaker that imports every route it is sent because nothing says otherwise. */
import type { LintRule } from '../rule.js';
import { peerById } from '../peers.js';

export const implicitAcceptAll: LintRule = {
  id: 'implicit-accept-all',
  severity: 'warning',
  description: 'A node speaker imports everything by default, though it should only advertise.',
  check(ctx) {
    ctx.doc.speakers.forEach((speaker, i) => {
      if (speaker.kind !== 'node-group' || !speaker.dialect) return;
      const written = ctx.written.speakers[i]!;
      for (const p of speaker.peers) {
        const w = peerById(written.peers, p.id);
        for (const f of p.families ?? []) {
          if (!f.activate || speaker.globalPolicy?.import) continue;
          const wf = w?.families?.find((x) => x.family === f.family);
          if (wf?.import !== undefined || f.import?.chain.length !== 0 || f.import.defaultAction !== 'accept') continue;
          ctx.report(`neighbor ${p.address ?? p.id} (${f.family}): the node accepts every route the peer sends (${speaker.dialect.format} default)`, {
            span: p.origin?.[0],
            hint: 'reject received routes (the node only needs to advertise), or filter them explicitly',
          });
        }
      }
    });
  },
};
