/** Small helpers shared by lint rules. */
import type { RelatedSpan } from '../diagnostics/diagnostic.js';
import type { Peer, PeerGroup, Speaker } from '../ir/schema.js';
import type { LintContext } from './rule.js';
import { endName, localAsnOf, spanOf, type End } from './topology.js';
import { peerById } from './peers.js';

/** eBGP when the two ends present different ASNs; undefined when one is unknown. */
export function pairIsEbgp(a: End, b: End): boolean | undefined {
  const x = localAsnOf(a);
  const y = localAsnOf(b);
  if (x === undefined || y === undefined) {
    const ra = a.peer.remoteAs;
    if (ra?.kind === 'internal') return false;
    if (ra?.kind === 'external') return true;
    return undefined;
  }
  return x !== y;
}

export function related(end: End, message: string): RelatedSpan[] {
  const span = spanOf(end);
  return span ? [{ span, message: `${endName(end)}: ${message}` }] : [];
}

/** The written (inherited, not defaulted) version of an effective peer. */
export function writtenPeer(written: Speaker | undefined, peer: Peer): Peer | undefined {
  return written ? peerById(written.peers, peer.id) : undefined;
}

export function describeAsn(n: number | undefined): string {
  return n === undefined ? 'an unknown AS' : `AS ${n}`;
}

/**
 * What was written for an end (inheritance applied, no defaults): the
 * neighbor, or for a listen range its group; plus the written speaker for
 * speaker-wide settings such as `timers bgp`.
 */
export function writtenOf(ctx: LintContext, e: End): { settings: Peer | PeerGroup | undefined; speaker: Speaker | undefined } {
  const i = ctx.doc.speakers.indexOf(e.instance.speaker);
  const speaker = ctx.written.speakers[i];
  const settings = e.range ? speaker?.peerGroups.find((g) => g.name === e.range?.group) : speaker ? peerById(speaker.peers, e.peer.id) : undefined;
  return { settings, speaker };
}

export function holdWritten(ctx: LintContext, e: End): boolean {
  const w = writtenOf(ctx, e);
  return w.settings?.timers?.holdTime !== undefined || w.speaker?.timers?.holdTime !== undefined;
}
