/**
 * kube-loxilb BGP CRDs: BGPPeerService becomes a peer of a loxilb speaker (its
 * daemon runs GoBGP); the policy CRDs (defined sets, definitions, apply) are a
 * thin wrapper over GoBGP's policy model and are kept raw; LoxiURL has no BGP
 * meaning.
 */
import type { Peer } from '../../ir/schema.js';
import { isObj, num, type K8sContext } from './context.js';
import { ipOrReport } from './ir-values.js';
import type { Resource } from './yaml-docs.js';

const P = 'loxilb' as const;

export class LoxilbReader {
  constructor(private readonly ctx: K8sContext) {}

  read(r: Resource): void {
    const ctx = this.ctx;
    const spec = isObj(r.data['spec']) ? r.data['spec'] : {};
    if (r.kind === 'LoxiURL') return ctx.ignored(r, 'registers loxilb instances or address pools; no BGP meaning');
    const s = ctx.speaker('loxilb', P, { apiVersion: r.apiVersion, backend: 'gobgp' });
    if (r.kind !== 'BGPPeerService') {
      ctx.rawField(s, P, r, ['spec'], spec, 'is a GoBGP policy object the k8s reader does not map');
      return;
    }
    const addr = ipOrReport(spec['ipAddress'], ctx.sink, ctx.span(r, ['spec', 'ipAddress']), 'peer address');
    const peer: Peer = { id: addr ?? r.name, name: r.name, origin: [ctx.span(r, [])] };
    if (addr) peer.address = addr;
    if (num(spec['remoteAs']) !== undefined) peer.remoteAs = { kind: 'explicit', asn: spec['remoteAs'] as number };
    if (num(spec['remotePort']) !== undefined) peer.port = spec['remotePort'] as number;
    if (num(spec['setMultiHop']) !== undefined || typeof spec['setMultiHop'] === 'boolean') peer.multihop = { enabled: Boolean(spec['setMultiHop']) };
    ctx.rest(s, P, r, ['spec'], spec, ['ipAddress', 'remoteAs', 'remotePort', 'setMultiHop']);
    s.peers.push(peer);
  }
}
