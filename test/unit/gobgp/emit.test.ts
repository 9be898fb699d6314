import { describe, expect, it } from 'vitest';
import { emitGobgp } from '../../../src/emit/gobgp/index.js';
import { convert } from '../../../src/index.js';
import type { IrDocumentInput } from '../../../src/ir/schema.js';
import { IrDocument } from '../../../src/ir/schema.js';
import { parseGobgp } from '../../../src/parse/gobgp/index.js';
import { SourceFile } from '../../../src/source.js';
import { checkGobgp, daemonOrFail } from '../../support/daemons.js';

function doc(speaker: Record<string, unknown>): IrDocument {
  const input: IrDocumentInput = {
    irVersion: '1',
    speakers: [{ id: 's', kind: 'daemon', asn: 64500, routerId: '192.0.2.1', ...speaker } as never],
  };
  return IrDocument.parse(input);
}

const frr = { format: 'frr', version: '8.4', profile: 'traditional' };

describe('GoBGP writer', () => {
  it('writes FRR defaults that differ from GoBGP (hold 180, graceful-restart helper)', () => {
    const d = doc({
      dialect: frr,
      options: { ebgpRequiresPolicy: false },
      peers: [{ id: '10.0.0.2', address: '10.0.0.2', remoteAs: { kind: 'explicit', asn: 65001 } }],
    });
    const out = emitGobgp(d, 'toml');
    expect(out.text).toContain('hold-time = 180');
    expect(out.text).not.toContain('keepalive-interval');
    expect(out.text).toContain('restart-time = 120');
  });

  it('writes nothing for GoBGP defaults', () => {
    const d = doc({
      dialect: { format: 'gobgp' },
      peers: [{ id: '10.0.0.2', address: '10.0.0.2', remoteAs: { kind: 'explicit', asn: 65001 }, timers: { holdTime: 90, keepalive: 30 } }],
    });
    expect(emitGobgp(d, 'toml').text).not.toContain('timers');
  });

  it('reports BFD as not rendered (GoBGP 3.x has no BFD); --strict fails', () => {
    const d = doc({
      dialect: frr,
      peers: [{ id: '10.0.0.2', address: '10.0.0.2', remoteAs: { kind: 'explicit', asn: 65001 }, bfd: { enabled: true } }],
      bfdProfiles: [{ name: 'fast', receiveIntervalUs: 100000 }],
    });
    const out = emitGobgp(d, 'toml');
    const bfd = out.diagnostics.filter((x) => /BFD/.test(x.message));
    expect(bfd.map((x) => [x.code, x.severity])).toEqual([
      ['emit/not-rendered', 'warning'],
      ['emit/not-rendered', 'warning'],
    ]);
    const irText = JSON.stringify(d);
    expect(convert({ name: 'in.json', text: irText, format: 'ir' }, { to: 'gobgp', strict: true }).ok).toBe(false);
    expect(convert({ name: 'in.json', text: irText, format: 'ir' }, { to: 'gobgp' }).ok).toBe(true);
  });

  it('re-homes per-peer chains into neighbor-set policies, with a default for rejecting peers', () => {
    const d = doc({
      dialect: frr,
      peers: [
        {
          id: 'a',
          address: '10.0.0.2',
          remoteAs: { kind: 'explicit', asn: 65001 },
          families: [
            {
              family: 'ipv4-unicast',
              activate: true,
              import: { chain: [{ kind: 'policy', name: 'in' }] },
              export: { chain: [{ kind: 'policy', name: 'in' }] },
            },
          ],
        },
        { id: 'b', address: '10.0.0.3', remoteAs: { kind: 'explicit', asn: 64500 } },
      ],
      policy: { policies: [{ name: 'in', statements: [{ conditions: [{ kind: 'med', value: 5 }], actions: [], result: 'reject' }] }] },
    });
    const out = emitGobgp(d, 'yaml');
    expect(out.diagnostics.filter((x) => x.code === 'emit/lowered').length).toBeGreaterThanOrEqual(2);
    // iBGP peer b is unfiltered (accept); peer a's eBGP import chain is re-homed; its routes fall to accept.
    expect(out.text).toContain('neighbor-set: peer-10.0.0.2');
    expect(out.text).not.toContain('default-import-policy');
    // the re-homed copies carry the neighbor-set condition on every statement
    const r = parseGobgp(new SourceFile('x.yaml', out.text), 'yaml');
    expect(r.doc.speakers[0]!.peers[0]!.families![0]!.import!.chain).toEqual([{ kind: 'policy', name: expect.stringMatching(/^in/) }]);
  });

  it('writes default reject when every unit rejects (export; import stays per peer)', () => {
    const d = doc({ dialect: frr, peers: [{ id: 'a', address: '10.0.0.2', remoteAs: { kind: 'explicit', asn: 65001 } }] });
    const out = emitGobgp(d, 'toml').text;
    // gobgpd's global import policy also filters the paths it originates (API, `gobgp global rib add`):
    // a global default reject would drop them, so the import reject matches the peer's neighbor-set.
    expect(out).not.toContain('default-import-policy = "reject-route"');
    expect(out).toContain('import-policy-list = ["import-reject-peer-10.0.0.2"]');
    expect(out).toContain('default-export-policy = "reject-route"');
  });

  it('cannot name an unnumbered peer in a neighbor-set', () => {
    const d = doc({
      dialect: frr,
      peers: [
        {
          id: 'eth0',
          interface: 'eth0',
          remoteAs: { kind: 'external' },
          families: [{ family: 'ipv4-unicast', activate: true, import: { chain: [{ kind: 'policy', name: 'x' }] } }],
        },
      ],
      policy: { policies: [{ name: 'x', statements: [] }] },
    });
    const codes = emitGobgp(d, 'toml')
      .diagnostics.filter((x) => x.code === 'emit/not-rendered')
      .map((x) => x.message);
    expect(codes.some((m) => /neighbor-set/.test(m))).toBe(true);
    expect(codes.some((m) => /remote-as external/.test(m))).toBe(true);
  });

  it('writes a member without its group when gobgpd would override its peer-as', () => {
    const d = doc({
      dialect: { format: 'gobgp' },
      peerGroups: [{ name: 'g', remoteAs: { kind: 'explicit', asn: 65001 } }],
      peers: [
        { id: '10.0.0.2', address: '10.0.0.2', group: 'g' },
        { id: '10.0.0.3', address: '10.0.0.3', group: 'g', remoteAs: { kind: 'explicit', asn: 65009 } },
      ],
    });
    const out = emitGobgp(d, 'json');
    const cfg = JSON.parse(out.text) as { neighbors: { config: Record<string, unknown> }[] };
    expect(cfg.neighbors[0]!.config).toEqual({ 'neighbor-address': '10.0.0.2', 'peer-group': 'g' });
    expect(cfg.neighbors[1]!.config).toEqual({ 'neighbor-address': '10.0.0.3', 'peer-as': 65009 });
    expect(out.diagnostics.some((x) => x.code === 'emit/lowered' && /without peer group/.test(x.message))).toBe(true);
  });

  it('lists afi-safis only when they differ from the by-address default', () => {
    const one = doc({
      dialect: { format: 'gobgp' },
      peers: [{ id: 'fd00::1', address: 'fd00::1', families: [{ family: 'ipv6-unicast', activate: true }] }],
    });
    expect(emitGobgp(one, 'toml').text).not.toContain('afi-safis');
    const two = doc({
      dialect: { format: 'gobgp' },
      peers: [
        {
          id: 'fd00::1',
          address: 'fd00::1',
          families: [
            { family: 'ipv4-unicast', activate: true },
            { family: 'ipv6-unicast', activate: true },
          ],
        },
      ],
    });
    expect(emitGobgp(two, 'toml').text.match(/afi-safi-name/g)).toHaveLength(2);
    const none = doc({
      dialect: { format: 'gobgp' },
      peers: [{ id: '10.0.0.1', address: '10.0.0.1', families: [{ family: 'ipv4-unicast', activate: false }] }],
    });
    expect(emitGobgp(none, 'toml').text).toContain('enabled = false');
  });

  it('is deterministic and every encoding is accepted by gobgpd', { skip: !daemonOrFail('gobgpd') }, () => {
    const d = doc({
      dialect: frr,
      listen: { port: 1790 },
      peers: [
        {
          id: '10.0.0.2',
          address: '10.0.0.2',
          remoteAs: { kind: 'explicit', asn: 65001 },
          multihop: { enabled: true, ttl: 4 },
          families: [{ family: 'ipv4-unicast', activate: true, prefixLimit: { max: 100, thresholdPercent: 75 } }],
        },
      ],
      policy: {
        prefixSets: [
          {
            name: 'p',
            entries: [
              { prefix: '10.0.0.0/8', le: 24 },
              { prefix: '10.1.0.0/16', action: 'deny' },
            ],
          },
        ],
      },
    });
    for (const enc of ['toml', 'yaml', 'json'] as const) {
      const a = emitGobgp(d, enc);
      expect(emitGobgp(d, enc).text).toBe(a.text);
      const c = checkGobgp(a.text, enc);
      expect(c.ok, c.output).toBe(true);
    }
    const diags = emitGobgp(d, 'toml').diagnostics;
    expect(diags.some((x) => x.code === 'emit/not-rendered' && /deny entry/.test(x.message))).toBe(true);
    expect(emitGobgp(d, 'toml').text).toContain('masklength-range = "8..24"');
  });
});
