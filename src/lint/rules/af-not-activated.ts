/** A session with no address family activated exchanges no routes (FRR: "No AFI/SAFI activated"). */
import { activeFamilies, endName, spanOf, type End } from '../topology.js';
import type { LintRule } from '../rule.js';

export const afNotActivated: LintRule = {
  id: 'af-not-activated',
  severity: 'error',
  description: 'A neighbor (or listen range group) has no address family activated.',
  check(ctx) {
    const seen = new Set<string>();
    const ends: End[] = [];
    // Peers already covered by a session end, per instance (a Set: a linear search per peer was quadratic).
    const covered = new Map<unknown, Set<string>>();
    const add = (e: End) => {
      ends.push(e);
      let ids = covered.get(e.instance);
      if (!ids) covered.set(e.instance, (ids = new Set()));
      ids.add(e.peer.id);
    };
    for (const s of ctx.topology.sessions) {
      add(s.a);
      if (s.b?.range) add(s.b);
    }
    for (const inst of ctx.topology.instances) {
      for (const p of inst.peers) if (!covered.get(inst)?.has(p.id)) ends.push({ instance: inst, peer: p, parsedPeer: p });
    }
    for (const e of ends) {
      // Only speakers whose dialect is known have effective families.
      if (!e.instance.speaker.dialect || e.peer.families === undefined) continue;
      const key = `${e.instance.speaker.id}|${e.range?.prefix ?? e.peer.id}`;
      if (seen.has(key) || activeFamilies(e).length > 0) continue;
      seen.add(key);
      ctx.report(`${endName(e)} has no address family activated: the session comes up but exchanges no routes`, {
        span: spanOf(e),
        hint: 'activate the family (FRR: neighbor X activate under address-family; BIRD: an ipv4/ipv6 channel)',
      });
    }
  },
};
