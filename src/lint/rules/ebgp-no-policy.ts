/** eBGP family with no policy written where the daemon then denies everything (RFC 8212). */
import { isEbgp } from '../../ir/resolve.js';
import type { LintRule } from '../rule.js';
import { peerById } from '../peers.js';

export const ebgpNoPolicy: LintRule = {
  id: 'ebgp-no-policy',
  severity: 'warning',
  description: 'An eBGP neighbor has no import or export policy and its daemon then exchanges nothing.',
  check(ctx) {
    ctx.doc.speakers.forEach((speaker, i) => {
      const written = ctx.written.speakers[i]!;
      if (!speaker.dialect || speaker.kind !== 'daemon') return;
      for (const p of speaker.peers) {
        if (isEbgp(p, speaker) !== true) continue;
        const w = peerById(written.peers, p.id);
        for (const f of p.families ?? []) {
          if (!f.activate) continue;
          const wf = w?.families?.find((x) => x.family === f.family);
          const missing = (['import', 'export'] as const).filter((dir) => {
            const eff = f[dir];
            return wf?.[dir] === undefined && !speaker.globalPolicy?.[dir] && eff?.chain.length === 0 && eff.defaultAction === 'reject';
          });
          if (missing.length === 0) continue;
          ctx.report(
            `neighbor ${p.address ?? p.id} (${f.family}): no ${missing.join(' or ')} policy, so ${speaker.dialect.format} ${missing.length === 2 ? 'exchanges no routes' : missing[0] === 'import' ? 'accepts no routes' : 'advertises no routes'} (eBGP requires policy)`,
            {
              span: wf?.origin?.[0] ?? p.origin?.[0],
              hint: speaker.dialect.format === 'frr' ? 'add route-maps in and out, or `no bgp ebgp-requires-policy`' : 'add explicit import and export filters',
            },
          );
        }
      }
    });
  },
};
