import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import { convert, emit, irJsonSchema, normalize, parse } from '../../../src/index.js';

const example = readFileSync(join(import.meta.dirname, '../../../examples/router.ir.yaml'), 'utf8');

const minimal = (body: string) => `irVersion: "1"\nspeakers:\n${body}`;

describe('IR reader', () => {
  it('reads the bundled example without diagnostics', () => {
    const r = parse({ name: 'router.ir.yaml', text: example, format: 'ir' });
    expect(r.diagnostics).toEqual([]);
    expect(r.doc.speakers[0]?.peerGroups.map((g) => g.name)).toEqual(['k8s-ipv4', 'k8s-ipv6']);
  });

  it('reports an unknown field at the key, with line and column', () => {
    const r = parse({ name: 'x.yaml', text: minimal('  - id: a\n    kind: daemon\n    asnn: 1\n'), format: 'ir' });
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('ir/invalid');
    expect(d.message).toContain('asnn');
    expect(d.span?.start).toMatchObject({ line: 5, column: 5 });
  });

  it('reports a value out of range at the value', () => {
    const r = parse({ name: 'x.yaml', text: minimal('  - id: a\n    kind: daemon\n    asn: 4294967296\n'), format: 'ir' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ir/invalid']);
    expect(r.diagnostics[0]!.span?.start).toMatchObject({ line: 5, column: 10 });
  });

  it('rejects invalid addresses and prefixes', () => {
    const bad = minimal('  - id: a\n    kind: daemon\n    routerId: 300.1.1.1\n    listenRanges:\n      - prefix: 10.0.0.0/33\n');
    const r = parse({ name: 'x.yaml', text: bad, format: 'ir' });
    expect(r.diagnostics.map((d) => d.span?.start.line)).toEqual([5, 7]);
  });

  it('refuses another irVersion', () => {
    const r = parse({ name: 'x.json', text: '{"irVersion": "99", "speakers": []}', format: 'ir' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ir/version']);
  });

  it('reports YAML syntax errors and duplicate keys with spans', () => {
    const r = parse({ name: 'x.yaml', text: 'irVersion: "1"\nirVersion: "1"\n', format: 'ir' });
    expect(r.diagnostics[0]?.code).toBe('parse/syntax');
    expect(r.diagnostics[0]?.span?.start.line).toBe(2);
  });

  it('reports duplicate speaker and peer ids', () => {
    const r = parse({
      name: 'x.yaml',
      text: minimal('  - {id: a, kind: daemon, peers: [{id: p}, {id: p}]}\n  - {id: a, kind: daemon}\n'),
      format: 'ir',
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ir/duplicate-id', 'ir/duplicate-id']);
  });

  it('refuses alias-expansion bombs', () => {
    const bomb = ['irVersion: "1"', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    const r = parse({ name: 'bomb.yaml', text: bomb.join('\n'), format: 'ir' });
    expect(r.diagnostics.map((d) => d.code)).toContain('parse/invalid');
  });
});

describe('IR round trip', () => {
  it('a hand-written YAML IR converts --to ir and back without change', () => {
    const asYaml = convert({ name: 'router.ir.yaml', text: example }, { to: 'ir', encoding: 'yaml' });
    expect(asYaml.ok).toBe(true);
    // The example is written in canonical form, so YAML → YAML is byte-identical (comments aside).
    expect(asYaml.output).toBe(example.replace(/^#.*\n/gm, ''));
    const asJson = convert({ name: 'router.ir.yaml', text: example }, { to: 'ir' });
    const back = convert({ name: 'router.ir.json', text: asJson.output! }, { to: 'ir' });
    expect(back.output).toBe(asJson.output);
    const a = parse({ name: 'a', text: example, format: 'ir' }).doc;
    const b = parse({ name: 'b', text: asJson.output!, format: 'ir' }).doc;
    expect(normalize(b)).toEqual(normalize(a));
  });

  it('the JSON Schema from `bgpc schema` accepts the hand-written IR and rejects a broken one', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(irJsonSchema());
    expect(validate(parseYamlText(example)), JSON.stringify(validate.errors)).toBe(true);
    const broken = parseYamlText(example) as { speakers: { asn: unknown }[] };
    broken.speakers[0]!.asn = 'sixty-four';
    expect(validate(broken)).toBe(false);
  });

  it('--effective output is itself a valid IR document', () => {
    const eff = emit(parse({ name: 'a', text: example, format: 'ir' }).doc, { to: 'ir', effective: true });
    const again = parse({ name: 'eff.json', text: eff.text!, format: 'ir' });
    expect(again.diagnostics).toEqual([]);
    expect(again.doc.speakers[0]?.peerGroups[0]?.timers).toMatchObject({ holdTime: 180, keepalive: 60, connectRetry: 120 });
  });
});

describe('IR provenance', () => {
  it('nodes get their span in the IR file, so lint points into it; the writer leaves those spans out', () => {
    const r = parse({ name: 'router.ir.yaml', text: example, format: 'ir' });
    const group = r.doc.speakers[0]!.peerGroups[1]!;
    expect(group.origin?.[0]).toMatchObject({ file: 'router.ir.yaml', start: { line: 30, column: 9 } });
    expect(r.doc.speakers[0]!.listenRanges[0]!.origin?.[0]?.start.line).toBe(40);
    expect(emit(r.doc, { to: 'ir' }).text).not.toContain('origin');
  });

  it('origins from other sources are kept', () => {
    const withOrigin = example.replace('  - id: k8s-router\n', '  - id: k8s-router\n    origin: [{file: frr.conf, start: {line: 3, column: 1}, end: {line: 3, column: 17}}]\n');
    const r = parse({ name: 'router.ir.yaml', text: withOrigin, format: 'ir' });
    expect(r.doc.speakers[0]!.origin).toEqual([{ file: 'frr.conf', start: { line: 3, column: 1 }, end: { line: 3, column: 17 } }]);
    expect(emit(r.doc, { to: 'ir', encoding: 'yaml' }).text).toContain('file: frr.conf');
  });
});
