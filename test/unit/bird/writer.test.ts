import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySpeaker } from '../../../src/ir/build.js';
import type { IrDocument, Speaker } from '../../../src/ir/schema.js';
import { checkBird, daemonOrFail } from '../../support/daemons.js';
import { checkBird1, hasBird1, read, write } from './support.js';

function docOf(fill: (s: Speaker) => void): IrDocument {
  const s = emptySpeaker('r1');
  fill(s);
  return { irVersion: '1', sources: [], speakers: [s], raw: [], nodes: [] } as unknown as IrDocument;
}

const frrLike = docOf((s) => {
  s.dialect = { format: 'frr', version: '8.4', profile: 'traditional' };
  s.asn = 65000;
  s.routerId = '10.0.0.1';
  s.options = { ebgpRequiresPolicy: false };
  s.peerGroups = [{ name: 'fabric', kind: 'peer-group', remoteAs: { kind: 'external' }, timers: { keepalive: 10 } }];
  s.peers = [
    { id: '192.0.2.1', address: '192.0.2.1', group: 'fabric' },
    { id: '192.0.2.2', address: '192.0.2.2', remoteAs: { kind: 'explicit', asn: 65000 }, password: { kind: 'secretRef', name: 'x' } },
    { id: 'swp1', interface: 'swp1', remoteAs: { kind: 'external' } },
  ];
  s.listenRanges = [{ prefix: '10.9.0.0/24', group: 'fabric', limit: 10 }];
  s.gracefulRestart = { mode: 'full' };
});

describe('BIRD writer', () => {
  const out = write(frrLike);

  it('writes source defaults that differ from BIRD (hold 180, GR, eBGP policy) on the sessions', () => {
    expect(out.text).toContain('template bgp fabric {\n  local as 65000;\n  neighbor external;\n  keepalive time 10;\n}');
    const p1 = out.text.slice(out.text.indexOf('protocol bgp p_192_0_2_1'));
    expect(p1).toMatch(/hold time 180;/);
    expect(p1).toMatch(/graceful restart on;/);
    expect(p1).toMatch(/ipv4 \{\n {4}import all;\n {4}export all;\n {2}\};/);
  });

  it('lowers a listen range of a group that peers also use, and reports what BIRD cannot say', () => {
    expect(out.text).toContain('protocol bgp fabric_range1 from fabric {');
    expect(out.text).toContain('neighbor range 10.9.0.0/24;');
    const msgs = out.diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^emit\/lowered: listen range 10.9.0.0\/24/),
        expect.stringMatching(/^emit\/not-rendered: listen range 10.9.0.0\/24: BIRD has no limit/),
        expect.stringMatching(/^emit\/not-rendered: a password in a Kubernetes Secret/),
        expect.stringMatching(/^emit\/not-rendered: peer swp1: BIRD needs a neighbor address/),
      ]),
    );
  });

  it('is deterministic', () => {
    expect(write(frrLike).text).toBe(out.text);
  });

  it.skipIf(!daemonOrFail('bird'))('writes what bird -p accepts', () => {
    const c = checkBird(out.text);
    expect(c.ok, c.output).toBe(true);
  });

  it('writes foreign raw nodes nowhere, and says so', () => {
    const d = docOf((s) => {
      s.asn = 1;
      s.raw = [{ dialect: 'frr', text: 'bgp bestpath as-path multipath-relax' }];
      s.policy.policies = [{ name: 'rm', statements: [], raw: [{ dialect: 'frr', text: 'route-map rm permit 10' }] }];
    });
    const r = write(d);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['emit/raw-foreign', 'emit/raw-foreign']);
    expect(r.text).toContain('filter rm {\n  reject;\n}');
  });
});

describe('BIRD 1 writer', () => {
  const conf = `router id 10.0.0.1;
protocol bgp a { local as 65000; neighbor 10.0.0.2 as 65001; ipv4 { import all; export none; next hop self; }; graceful restart on; }
protocol bgp b { local as 65000; neighbor 2001:db8::2 as 65001; ipv6 { import all; export none; }; }
protocol bgp c { local as 65000; neighbor range 10.1.0.0/24 as 65002; ipv4 { import all; export none; }; }
`;
  const doc = read(conf).doc;
  const out = write(doc, 'bird1');

  it('writes one family per daemon, protocol-level import/export, and reports the rest', () => {
    expect(out.text).toContain('protocol bgp a {\n  local as 65000;\n  neighbor 10.0.0.2 as 65001;\n  graceful restart on;\n  import all;\n  export none;\n  next hop self;\n}');
    expect(out.text).not.toContain('2001:db8::2');
    expect(out.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/peer b: a ipv6-unicast session belongs in the other BIRD 1 daemon/), expect.stringMatching(/BIRD 1 has no dynamic BGP/)]),
    );
  });

  it('reads back what it writes', () => {
    const again = read(out.text, 'bird1');
    expect(write(again.doc, 'bird1').text).toBe(out.text);
  });

  it.skipIf(!hasBird1())('writes what BIRD 1.6 bird -p accepts', () => {
    const c = checkBird1(out.text);
    expect(c.ok, c.output).toBe(true);
  });
});

describe('BIRD 1 writer: remote AS keywords', () => {
  const out = write(read('protocol bgp x { local as 65000; neighbor 10.0.0.2 internal; ipv4 { import all; export none; }; }').doc, 'bird1');
  it('writes "internal" as the local AS (BIRD 1.6 has no `internal`)', () => {
    expect(out.text).toContain('neighbor 10.0.0.2 as 65000;');
    expect(out.diagnostics.map((d) => d.code)).toEqual(['emit/lowered']);
  });
  it.skipIf(!hasBird1())('which BIRD 1.6 accepts', () => {
    const c = checkBird1(out.text);
    expect(c.ok, c.output).toBe(true);
  });
});

describe('golden BIRD 1 outputs', () => {
  // The golden driver checks expected.bird.conf with BIRD 2; BIRD 1 outputs are checked here.
  const root = join(import.meta.dirname, '../../golden/bird');
  const files = existsSync(root) ? readdirSync(root).map((d) => join(root, d, 'expected.bird1.conf')).filter(existsSync) : [];
  it('has some', () => expect(files.length).toBeGreaterThan(0));
  for (const f of files) {
    it.skipIf(!hasBird1())(`${f.slice(root.length + 1)} is accepted by BIRD 1.6`, () => {
      const c = checkBird1(readFileSync(f, 'utf8'));
      expect(c.ok, c.output).toBe(true);
    });
  }
});
