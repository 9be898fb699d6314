/**
 * `bgpc convert` for cluster resources: --node / --nodes / --lb-address
 * (a node's speaker config), and --api-version / --namespace for the
 * Kubernetes writers. Runs the built bgpc as a process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/main.js');
const seed004 = join(root, 'test/golden/k8s/seed-004-metallb-configmap/input.metallb.yaml');
const seed002 = join(root, 'test/golden/k8s/seed-002-cilium/input.cilium.yaml');
const nodes002 = join(root, 'test/golden/k8s/cluster-seed-002-cilium/input.2.k8s.yaml');

function bgpc(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bgpc convert: cluster → speaker config', () => {
  it('--node with Node objects among the inputs writes that node\'s config', () => {
    const r = bgpc(['convert', seed002, nodes002, '--to', 'gobgp', '--node', 'k8s-w1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('router-id = "192.168.60.101"');
    expect(r.stdout).toContain('port = -1');
  });

  it('--nodes FILE gives the nodes, --lb-address the Service addresses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bgpc-cluster-'));
    writeFileSync(join(dir, 'nodes.txt'), 'w1 192.168.7.21\nw2 192.168.7.22\n');
    const r = bgpc(['convert', seed004, '--to', 'frr', '--node', 'w2', '--nodes', join(dir, 'nodes.txt'), '--lb-address', '198.51.100.10']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('hostname w2');
    expect(r.stdout).toContain('network 198.51.100.10/32');
    expect(r.stdout).toContain('route-map 192.168.7.10-in deny 20');
  });

  it('selectors that need a node, without --node: exit 1 and the diagnostic says --node', () => {
    const r = bgpc(['convert', seed002, nodes002, '--to', 'gobgp']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cluster/node-required');
    expect(r.stderr).toContain('--node');
  });

  it('an unknown node: exit 1, the known nodes listed', () => {
    const r = bgpc(['convert', seed002, nodes002, '--to', 'gobgp', '--node', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cluster/unknown-node');
    expect(r.stderr).toContain('k8s-w1, k8s-ctr');
  });

  it('a bad --lb-address or an unreadable --nodes file is a usage/input error (exit 2)', () => {
    expect(bgpc(['convert', seed004, '--to', 'frr', '--lb-address', 'x.y']).code).toBe(2);
    expect(bgpc(['convert', seed004, '--to', 'frr', '--nodes', 'no/such/file']).code).toBe(2);
  });
});

describe('bgpc convert: --api-version and --namespace', () => {
  it('writes the requested apiVersion and namespace', () => {
    const r = bgpc(['convert', seed004, '--to', 'metallb', '--api-version', 'metallb.io/v1beta1', '--namespace', 'lb-system']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('apiVersion: metallb.io/v1beta1\nkind: BGPPeer');
    expect(r.stdout).toContain('namespace: lb-system');
    expect(r.stdout).not.toContain('metallb.io/v1beta2');
  });

  it('an apiVersion the writer does not serve: exit 2, the served ones listed', () => {
    const r = bgpc(['convert', seed004, '--to', 'cilium', '--api-version', 'cilium.io/v1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cilium.io/v2 or cilium.io/v2alpha1');
  });

  it('--api-version on a daemon target and --namespace on a cluster-scoped one are usage errors', () => {
    expect(bgpc(['convert', seed004, '--to', 'frr', '--api-version', 'v1']).code).toBe(2);
    const r = bgpc(['convert', seed004, '--to', 'calico', '--namespace', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('namespaced');
  });

  it('--help lists the options', () => {
    const r = bgpc(['convert', '--help']);
    for (const o of ['--api-version', '--namespace', '--node NAME', '--nodes FILE', '--lb-address']) expect(r.stdout).toContain(o);
  });
});
