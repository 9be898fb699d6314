/**
 * Making defaults explicit when the source is not FRR (or another FRR
 * dialect): the writer gets the parsed document, resolves it with the
 * source's defaults, resolves it again as if FRR (the target dialect) read
 * it, and writes explicit values wherever the two differ, so FRR behaves as
 * the source did (e.g. a BIRD hold time of 240 s becomes
 * `neighbor X timers 80 240`).
 */
import { Sink } from '../../diagnostics/diagnostic.js';
import { emptyDocument } from '../../ir/build.js';
import { resolve } from '../../ir/resolve.js';
import type { BfdProfile, Dialect, FamilySettings, IrDocument, Peer, PeerGroup, PolicyChain, Speaker } from '../../ir/schema.js';

export const DENY_ALL = 'bgpc-deny-all';
export const PERMIT_ALL = 'bgpc-permit-all';

type Settings = Peer | PeerGroup;

export function sameDialect(a: Dialect | undefined, b: Dialect): boolean {
  return a?.format === b.format && a.version === b.version && a.profile === b.profile;
}

/**
 * FRR peer groups cannot inherit from each other (BIRD templates and protocols
 * `from` a template can, and so can the IR). A group that inherits is written
 * with everything it inherits copied in (inheritance only, no defaults), so
 * its sessions get the same families, policies and timers.
 */
function flattenGroups(sp: Speaker, sink: Sink): PeerGroup[] {
  if (!sp.peerGroups.some((g) => g.inherits)) return [...sp.peerGroups];
  const { dialect: _d, ...noDefaults } = sp;
  const flat = resolve({ ...emptyDocument(), speakers: [noDefaults] }).doc.speakers[0]!.peerGroups;
  return sp.peerGroups.map((g, i) => {
    if (!g.inherits) return g;
    sink.report('emit/lowered', `FRR peer groups cannot inherit: ${g.name} is written with the settings it inherits from ${g.inherits}`, { span: g.origin?.[0] });
    const { inherits: _i, ...rest } = flat[i]!;
    return { ...rest, name: g.name, ...(g.origin ? { origin: g.origin } : {}) } as PeerGroup;
  });
}

function resolveOne(sp: Speaker): Speaker {
  return resolve({ ...emptyDocument(), speakers: [sp] }).doc.speakers[0]!;
}

/** The speaker to print: the parsed one plus explicit values where FRR's defaults would change behaviour. */
export function explicitSpeaker(sp: Speaker, target: Dialect, sink: Sink, needs: { deny: boolean; permit: boolean }): Speaker {
  // Sessions are rewritten below; policies and sets are shared, never changed.
  const out: Speaker = { ...sp, options: sp.options && { ...sp.options }, bfdProfiles: [...sp.bfdProfiles], peerGroups: flattenGroups(sp, sink), peers: [...sp.peers] };
  out.dialect = target;
  if (sameDialect(sp.dialect, target) || !sp.dialect) return out;
  const src = resolveOne(sp);
  let tgt = resolveOne(out);
  // Sessions accepted through a listen range take their families from the group. A source that
  // defaults families per session (GoBGP: by address) lists none on the group: probe one session.
  for (const r of sp.listenRanges) {
    const gi = src.peerGroups.findIndex((g) => g.name === r.group);
    if (gi < 0 || src.peerGroups[gi]!.families?.length) continue;
    const probe = resolveOne({ ...sp, peers: [{ id: '\u0000range', group: r.group, address: r.prefix.split('/')[0]! }] }).peers[0]!;
    src.peerGroups[gi] = { ...src.peerGroups[gi]!, families: probe.families };
  }
  lowerUnfilteredGlobal(sp, src, out, sink);

  const opts = (out.options ??= {});
  if (src.options?.ebgpRequiresPolicy !== undefined && src.options.ebgpRequiresPolicy !== tgt.options?.ebgpRequiresPolicy) {
    opts.ebgpRequiresPolicy = src.options.ebgpRequiresPolicy;
  }
  if (src.options?.defaultLocalPref !== undefined && src.options.defaultLocalPref !== tgt.options?.defaultLocalPref) {
    opts.defaultLocalPref = src.options.defaultLocalPref;
  }
  // Families: a source that does not auto-activate IPv4 unicast lists its families; say so to FRR.
  if (src.options?.defaultIpv4Unicast !== true) opts.defaultIpv4Unicast = false;
  const srcGr = src.gracefulRestart;
  if (srcGr?.mode && srcGr.mode !== tgt.gracefulRestart?.mode) out.gracefulRestart = { ...out.gracefulRestart, mode: srcGr.mode, enabled: srcGr.mode !== 'disabled' };
  if (srcGr?.restartTime !== undefined && srcGr.restartTime !== tgt.gracefulRestart?.restartTime) out.gracefulRestart = { ...out.gracefulRestart, restartTime: srcGr.restartTime };
  out.bfdProfiles = out.bfdProfiles.map((p, i) => {
    const s = src.bfdProfiles[i]!;
    const t = tgt.bfdProfiles[i]!;
    const q = { ...p };
    if (s.receiveIntervalUs !== t.receiveIntervalUs) q.receiveIntervalUs = s.receiveIntervalUs;
    if (s.transmitIntervalUs !== t.transmitIntervalUs) q.transmitIntervalUs = s.transmitIntervalUs;
    if (s.detectMultiplier !== t.detectMultiplier) q.detectMultiplier = s.detectMultiplier;
    return q;
  });

  // Groups first, then peers against the groups as now written.
  for (const phase of ['session', 'policy'] as const) {
    tgt = resolveOne(out);
    out.peerGroups = out.peerGroups.map((g, i) => fill(g, src.peerGroups[i]!, tgt.peerGroups[i]!, needs, phase, out.bfdProfiles, sink));
    tgt = resolveOne(out);
    out.peers = out.peers.map((p, i) => fill(p, src.peers[i]!, tgt.peers[i]!, needs, phase, out.bfdProfiles, sink));
  }
  return out;
}

/**
 * A global direction (GoBGP apply-policy) with no policy in its chain only says what every session
 * does with routes no policy decides (GoBGP: accept-route unless default-*-policy says otherwise).
 * FRR has no global policies but says the same per session: the source's sessions that have no chain
 * of their own in that direction get that default, and the direction leaves the global policy.
 * Directions with policies in them (the ones the GoBGP reader could not re-home) stay, reported lost.
 */
function lowerUnfilteredGlobal(sp: Speaker, src: Speaker, out: Speaker, sink: Sink): void {
  const gp = sp.globalPolicy;
  if (!gp) return;
  const left: NonNullable<Speaker['globalPolicy']> = { ...gp };
  for (const dir of ['import', 'export'] as const) {
    const g = gp[dir];
    if (!g || g.chain.length > 0) continue;
    const action = g.defaultAction ?? 'accept';
    for (const x of [...src.peerGroups, ...src.peers]) {
      x.families = x.families?.map((f) => (f.activate && !f[dir] ? { ...f, [dir]: { chain: [], defaultAction: action } } : f));
    }
    delete left[dir];
    sink.report('emit/lowered', `the global ${dir} default (${action} what no policy decides) is written per session`, { span: (g.origin ?? gp.origin)?.[0] });
  }
  if (left.import || left.export) out.globalPolicy = left;
  else delete out.globalPolicy;
}

function fill<T extends Settings>(
  s: T,
  src: Settings,
  tgt: Settings,
  needs: { deny: boolean; permit: boolean },
  phase: 'session' | 'policy',
  profiles: BfdProfile[],
  sink: Sink,
): T {
  // Top-level fields are replaced below, never changed in place: a shallow copy is enough.
  const o: T = { ...s };
  if (phase === 'policy') return fillPolicy(o, src, tgt, needs);
  const st = src.timers ?? {};
  const tt = tgt.timers ?? {};
  if (st.holdTime !== tt.holdTime || st.keepalive !== tt.keepalive) o.timers = { ...o.timers, holdTime: st.holdTime, keepalive: st.keepalive };
  if (st.connectRetry !== undefined && st.connectRetry !== tt.connectRetry) o.timers = { ...o.timers, connectRetry: st.connectRetry };
  if (src.passive !== undefined && src.passive !== tgt.passive) o.passive = src.passive;
  if (src.port !== undefined && src.port !== tgt.port) o.port = src.port;
  if (src.multihop?.enabled && src.multihop.ttl !== tgt.multihop?.ttl) o.multihop = { enabled: true, ttl: src.multihop.ttl };
  if (src.bfd?.enabled && !src.bfd.profile) {
    const b = src.bfd;
    const t = tgt.bfd;
    if (b.receiveIntervalUs !== t?.receiveIntervalUs || b.transmitIntervalUs !== t?.transmitIntervalUs || b.detectMultiplier !== t?.detectMultiplier) {
      const inline = [b.receiveIntervalUs, b.transmitIntervalUs].every((us) => us === undefined || (us >= 50000 && us <= 60000000)) && (b.detectMultiplier ?? 3) >= 2;
      if (inline) {
        o.bfd = { ...o.bfd, enabled: true, receiveIntervalUs: b.receiveIntervalUs, transmitIntervalUs: b.transmitIntervalUs, detectMultiplier: b.detectMultiplier };
      } else {
        // `neighbor X bfd M RX TX` takes 50-60000 ms; a profile takes 10-60000 ms.
        const name = `bgpc-bfd-${b.detectMultiplier ?? 3}-${(b.receiveIntervalUs ?? 0) / 1000}-${(b.transmitIntervalUs ?? 0) / 1000}`;
        if (!profiles.some((p) => p.name === name)) {
          profiles.push({
            name,
            ...(b.receiveIntervalUs !== undefined ? { receiveIntervalUs: b.receiveIntervalUs } : {}),
            ...(b.transmitIntervalUs !== undefined ? { transmitIntervalUs: b.transmitIntervalUs } : {}),
            ...(b.detectMultiplier !== undefined ? { detectMultiplier: b.detectMultiplier } : {}),
          });
        }
        o.bfd = { enabled: true, profile: name };
        sink.report('emit/lowered', `BFD timers below FRR's per-neighbor range are written as BFD profile ${name}`, { span: (b.origin ?? s.origin)?.[0] });
      }
    }
  }
  // Families: explicit activation, and unfiltered behaviour FRR would do differently.
  // An empty chain has no FRR syntax: what it means is compared with FRR's own unfiltered behaviour below.
  const fams: FamilySettings[] = (o.families ?? []).map((f) => {
    const g = { ...f };
    if (g.import && g.import.chain.length === 0) delete g.import;
    if (g.export && g.export.chain.length === 0) delete g.export;
    return g;
  });
  for (const sf of src.families ?? []) {
    const tf = (tgt.families ?? []).find((x) => x.family === sf.family);
    let f = fams.find((x) => x.family === sf.family);
    if (!f) {
      f = { family: sf.family };
      fams.push(f);
    }
    if (sf.activate !== (tf?.activate ?? false)) f.activate = sf.activate;
  }
  if (fams.length > 0) o.families = fams;
  return o;
}

function fillPolicy<T extends Settings>(o: T, src: Settings, tgt: Settings, needs: { deny: boolean; permit: boolean }): T {
  const fams: FamilySettings[] = (o.families ?? []).map((f) => ({ ...f }));
  for (const sf of src.families ?? []) {
    if (!sf.activate) continue;
    const tf = (tgt.families ?? []).find((x) => x.family === sf.family);
    let f = fams.find((x) => x.family === sf.family);
    if (!f) {
      f = { family: sf.family };
      fams.push(f);
    }
    for (const dir of ['import', 'export'] as const) {
      const fix = unfilteredFix(sf[dir], tf?.activate ? tf[dir] : undefined);
      if (fix) {
        f[dir] = { chain: [{ kind: 'policy', name: fix }] };
        if (fix === DENY_ALL) needs.deny = true;
        else needs.permit = true;
      }
    }
  }
  if (fams.length > 0) o.families = fams;
  return o;
}

/** An empty chain whose default differs between source and FRR → a route-map that says it. */
function unfilteredFix(src: PolicyChain | undefined, tgt: PolicyChain | undefined): string | undefined {
  if (!src || src.chain.length > 0 || !src.defaultAction) return undefined;
  const t = tgt && tgt.chain.length === 0 ? tgt.defaultAction : undefined;
  if (t === src.defaultAction) return undefined;
  return src.defaultAction === 'reject' ? DENY_ALL : PERMIT_ALL;
}

export type { IrDocument };
