/** A MetalLB config embedded in a ConfigMap gets the same YAML limits as a file (depth, aliases), with spans into the outer file. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/index.js';

const configMap = (config: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: metallb-system\n  name: config\ndata:\n  config: |\n${config
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;

describe('embedded MetalLB config limits', () => {
  it('refuses deep nesting with a clear message at a line inside the ConfigMap', () => {
    const deep = `peers:\n- ${'['.repeat(400)}1${']'.repeat(400)}`;
    const r = parse({ name: 'cm.yaml', text: configMap(deep), format: 'k8s' });
    const d = r.diagnostics.find((x) => x.message.includes('nesting deeper'));
    expect(d, JSON.stringify(r.diagnostics.map((x) => x.message))).toBeDefined();
    expect(d!.span?.start.line).toBe(9);
    expect(r.diagnostics.some((x) => /call stack/i.test(x.message))).toBe(false);
  });

  it('bounds alias expansion', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    lines.push('peers: [*i]');
    const r = parse({ name: 'cm.yaml', text: configMap(lines.join('\n')), format: 'k8s' });
    const d = r.diagnostics.find((x) => x.message.includes('alias bomb'));
    expect(d, JSON.stringify(r.diagnostics.map((x) => x.message))).toBeDefined();
    expect(d!.severity).toBe('error');
  });
});
