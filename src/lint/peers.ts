/**
 * Peer lookup by id for lint: rules and the topology ask "the written / parsed
 * version of this peer" once per peer, and a linear find made that quadratic
 * (20,000 neighbors took 10 s). Documents are never mutated during lint
 * (test/unit/core/immutability.test.ts), so an index per peers array is safe.
 */
import type { Peer } from '../ir/schema.js';

const indexes = new WeakMap<readonly Peer[], Map<string, Peer>>();

/** The first peer with this id, as `peers.find((p) => p.id === id)` would give. */
export function peerById(peers: readonly Peer[], id: string): Peer | undefined {
  let index = indexes.get(peers);
  if (!index) {
    index = new Map();
    for (const p of peers) if (!index.has(p.id)) index.set(p.id, p);
    indexes.set(peers, index);
  }
  return index.get(id);
}
