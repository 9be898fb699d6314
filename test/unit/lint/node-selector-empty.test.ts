import { describe, expect, it } from 'vitest';
import { findings } from './harness.js';

const doc = (label: string) => `speakers:
  - id: metallb
    kind: node-group
    nodeSelector: {matchLabels: {bgp: "${label}"}}
    peers: [{id: tor, address: 10.0.0.1, nodeSelector: {matchLabels: {rack: r9}}}]
nodes:
  - {name: n1, addresses: [10.0.0.11], labels: {bgp: "on", rack: r1}}
`;

describe('lint/node-selector-empty', () => {
  it('flags selectors matching no node', () => {
    expect(findings('node-selector-empty', doc('off')).map((d) => d.span?.start.line)).toEqual([3, 6]);
  });

  it('accepts selectors that match, and stays quiet when no nodes are known', () => {
    expect(findings('node-selector-empty', doc('on')).map((d) => d.message)).toEqual(['neighbor 10.0.0.1: its node selector matches no node: no node peers with it']);
    expect(findings('node-selector-empty', `speakers:\n  - {id: m, kind: node-group, nodeSelector: {matchLabels: {x: y}}}\n`)).toEqual([]);
  });
});
