/** FRR writer: explicit values where FRR's defaults differ from the source's, losses reported, output accepted by vtysh. */
import { describe, expect, it } from 'vitest';
import { emit, parse, type IrDocumentInput } from '../../../src/index.js';
import { IrDocument } from '../../../src/ir/schema.js';
import { checkFrr, daemonOrFail } from '../../support/daemons.js';

function doc(speaker: Record<string, unknown>): IrDocument {
  const input: IrDocumentInput = { irVersion: '1', speakers: [{ id: 's', kind: 'daemon', ...speaker } as never] };
  return IrDocument.parse(input);
}

describe('FRR writer', () => {
  const bird = doc({
    dialect: { format: 'bird' },
    asn: 64500,
    peers: [
      {
        id: 'uplink',
        address: '192.0.2.1',
        remoteAs: { kind: 'explicit', asn: 64501 },
        multihop: { enabled: true },
        families: [{ family: 'ipv4-unicast', activate: true, export: { chain: [{ kind: 'policy', name: 'OUT' }] } }],
      },
    ],
    policy: { policies: [{ name: 'OUT', statements: [{ result: 'accept', conditions: [], actions: [] }], defaultResult: 'reject' }] },
    bfdProfiles: [{ name: 'b' }],
  });
  const out = emit(bird, { to: 'frr' });

  it('writes BIRD defaults FRR does not share', () => {
    const t = out.text!;
    expect(t).toContain(' neighbor 192.0.2.1 timers 80 240\n');
    expect(t).toContain(' neighbor 192.0.2.1 ebgp-multihop 64\n');
    expect(t).toContain(' no bgp default ipv4-unicast\n');
    expect(t).toContain('  neighbor 192.0.2.1 activate\n');
    expect(t).toContain('  receive-interval 10\n');
    expect(t).toContain('  detect-multiplier 5\n');
    // BIRD rejects unfiltered eBGP imports; FRR (ebgp-requires-policy) does too, so no deny route-map is needed.
    expect(t).not.toContain('bgpc-deny-all');
  });

  it.skipIf(!daemonOrFail('vtysh'))('is accepted by vtysh', () => {
    const c = checkFrr(out.text!);
    expect(c.ok, c.output).toBe(true);
  });

  it('turns off ebgp-requires-policy where the source accepts unfiltered eBGP routes', () => {
    const gobgp = doc({ dialect: { format: 'gobgp' }, asn: 65001, peers: [{ id: '10.0.0.2', address: '10.0.0.2', remoteAs: { kind: 'explicit', asn: 65002 } }] });
    const t = emit(gobgp, { to: 'frr' }).text!;
    expect(t).toContain(' no bgp ebgp-requires-policy\n');
    expect(t).toContain('  neighbor 10.0.0.2 activate\n');
    expect(t).toContain(' neighbor 10.0.0.2 timers 30 90\n');
  });

  it('writes a deny-all route-map where the source rejects what FRR would accept', () => {
    const ibgp = doc({
      dialect: { format: 'bird' },
      asn: 65001,
      peers: [
        {
          id: 'rr',
          address: '10.0.0.3',
          remoteAs: { kind: 'explicit', asn: 65001 },
          families: [{ family: 'ipv4-unicast', activate: true, import: { chain: [], defaultAction: 'reject' } }],
        },
      ],
    });
    const t = emit(ibgp, { to: 'frr' }).text!;
    expect(t).toContain('route-map bgpc-deny-all deny 10');
    expect(t).toContain('  neighbor 10.0.0.3 route-map bgpc-deny-all in\n');
    if (daemonOrFail('vtysh')) expect(checkFrr(t).ok).toBe(true);
  });

  it('reports what FRR cannot express, with the origin span', () => {
    const r = parse({ name: 'x.frr.conf', text: 'router bgp 1\n neighbor 10.0.0.1 remote-as 2\n', format: 'frr' });
    const d = r.doc;
    d.speakers[0]!.listen = { enabled: false, origin: [{ file: 'k8s.yaml', start: { line: 4, column: 3 }, end: { line: 4, column: 9 } }] };
    d.speakers[0]!.raw.push({ dialect: 'bird', text: 'protocol device {}' });
    const e = emit(d, { to: 'frr' });
    expect(e.diagnostics.map((x) => x.code)).toEqual(['emit/not-rendered', 'emit/raw-foreign']);
    expect(e.diagnostics[0]!.span?.file).toBe('k8s.yaml');
  });

  it('is deterministic', () => {
    expect(emit(bird, { to: 'frr' }).text).toBe(out.text);
  });
});
