/**
 * Issue 7's seed tests: the seed 004 setup (FRR router with a listen range,
 * MetalLB legacy ConfigMap, two nodes) lints with no error and no warning;
 * each mutation is flagged with the right code at the right place, with the
 * other side as the related span.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Diagnostic } from '../../../src/index.js';

const dir = join(import.meta.dirname, '../../fixtures/seeds/004');
const router = readFileSync(join(dir, 'router.frr.conf'), 'utf8');
const metallb = readFileSync(join(dir, 'metallb.yaml'), 'utf8');
const nodes = { name: 'nodes.txt', text: readFileSync(join(dir, 'nodes.txt'), 'utf8') };

function run(r = router, m = metallb): Diagnostic[] {
  const res = lint([{ name: 'router.frr.conf', text: r }, { name: 'metallb.yaml', text: m }], { nodes });
  expect(res.status).toBe('ok');
  return res.diagnostics.filter((d) => d.severity !== 'info');
}

const at = (d: Diagnostic | undefined) => d && `${d.span?.file}:${d.span?.start.line}`;
const relatedAt = (d: Diagnostic | undefined) => d?.related?.map((r) => `${r.span.file}:${r.span.start.line}`);

describe('seed 004 lint', () => {
  it('the setup as written has no error and no warning; both nodes match the listen range', () => {
    expect(run()).toEqual([]);
    const s = lint([{ name: 'router.frr.conf', text: router }, { name: 'metallb.yaml', text: metallb }], { nodes }).sessions;
    expect(s.map((x) => x.status)).toEqual(['listen-range-match', 'listen-range-match']);
  });

  it('wrong ASN on the router side: asn-mismatch at the MetalLB peer, related to the listen range', () => {
    const ds = run(router.replace('remote-as 64512', 'remote-as 64513'));
    const d = ds.find((x) => x.code === 'lint/asn-mismatch');
    expect(at(d)).toBe('router.frr.conf:5');
    expect(relatedAt(d)).toEqual(['metallb.yaml:9']);
  });

  it('wrong ASN on the cluster side: asn-mismatch at the MetalLB peer', () => {
    const d = run(router, metallb.replace('peer-asn: 64512', 'peer-asn: 64513')).find((x) => x.code === 'lint/asn-mismatch');
    expect(at(d)).toBe('metallb.yaml:9');
    expect(relatedAt(d)).toEqual(['router.frr.conf:5']);
  });

  it('listen range narrowed to miss the nodes: listen-range-miss, related to the range', () => {
    const d = run(router.replace('192.168.7.0/24', '192.168.7.0/29')).find((x) => x.code === 'lint/listen-range-miss');
    expect(at(d)).toBe('metallb.yaml:9');
    expect(relatedAt(d)).toEqual(['router.frr.conf:5']);
  });

  it('BFD on one side only: bfd-one-sided', () => {
    const d = run(`${router}neighbor metallb bfd\n`.replace('\nneighbor metallb bfd', '\n neighbor metallb bfd')).find((x) => x.code === 'lint/bfd-one-sided');
    expect(at(d)).toBe('metallb.yaml:9');
  });

  it('family not activated on the router: af-not-activated at the range', () => {
    const d = run(router.replace('router bgp 64512\n', 'router bgp 64512\n no bgp default ipv4-unicast\n')).find((x) => x.code === 'lint/af-not-activated');
    expect(at(d)).toBe('router.frr.conf:6');
  });

  it('password on one side only: md5-one-sided, never printing it', () => {
    const ds = run(`${router} neighbor metallb password hunter2\n`);
    const d = ds.find((x) => x.code === 'lint/md5-one-sided');
    expect(at(d)).toBe('metallb.yaml:9');
    expect(JSON.stringify(ds)).not.toContain('hunter2');
  });

  it('iBGP on one side and eBGP on the other: ibgp-ebgp-mismatch', () => {
    const d = run(router.replace('remote-as 64512', 'remote-as external')).find((x) => x.code === 'lint/ibgp-ebgp-mismatch');
    expect(at(d)).toBe('router.frr.conf:5');
  });
});
