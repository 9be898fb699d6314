/**
 * The benchmark's router generator (bench/gen.ts): each daemon accepts its
 * file, bgpc reads all three without loss, and the three describe the same
 * router (same sessions, lists and entries).
 */
import { describe, expect, it } from 'vitest';
import { bird, frr, gobgp, model } from '../../../bench/gen.js';
import { parse } from '../../../src/index.js';
import { checkBird, checkFrr, checkGobgp, daemonOrFail } from '../../support/daemons.js';

const m = model({ neighbors: 24, entries: 1200 });
const texts = { frr: frr(m), bird: bird(m), gobgp: gobgp(m) };

describe('bench/gen.ts', () => {
  it('never gives an eBGP neighbor the router\'s own AS (BIRD then refuses BFD without a source address)', () => {
    const big = model({ neighbors: 5000, entries: 0 });
    expect(big.neighbors.filter((n) => n.ebgp && n.asn === 65000)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(frr(model({ neighbors: 24, entries: 1200 }))).toBe(texts.frr);
    expect(gobgp(model({ neighbors: 24, entries: 1200 }))).toBe(texts.gobgp);
  });

  it.skipIf(!daemonOrFail('vtysh'))('FRR accepts frr.conf', () => expect(checkFrr(texts.frr).ok).toBe(true));
  it.skipIf(!daemonOrFail('bird'))('BIRD accepts bird.conf', () => expect(checkBird(texts.bird).ok).toBe(true));
  it.skipIf(!daemonOrFail('gobgpd'))('GoBGP accepts gobgp.toml', () => expect(checkGobgp(texts.gobgp, 'toml').ok).toBe(true));

  it('bgpc reads the three files without loss, as the same router', () => {
    const summary = Object.entries(texts).map(([format, text]) => {
      const r = parse({ name: `gen.${format}`, text, format });
      expect(r.diagnostics.filter((d) => d.severity !== 'info'), format).toEqual([]);
      const s = r.doc.speakers[0]!;
      const entries = s.policy.prefixSets.reduce((a, p) => a + p.entries.length, 0);
      return { peers: s.peers.length, listenRanges: s.listenRanges.length, lists: s.policy.prefixSets.length, entries };
    });
    expect(summary[0]).toEqual({ peers: 24, listenRanges: 2, lists: 10, entries: 1201 });
    expect(summary[1]).toEqual(summary[0]);
    expect(summary[2]).toEqual(summary[0]);
  });
});
