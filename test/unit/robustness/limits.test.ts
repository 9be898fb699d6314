/**
 * Limits with clear errors (issue 11), per format: AS numbers past 32 bits
 * (and Calico's int32), prefix lengths past 32 / 128, timers past 65535 and
 * keepalive longer than hold, malformed IPv4 / IPv6 addresses, unterminated
 * strings, blocks and comments, NUL bytes and invalid UTF-8, a BOM, CRLF line
 * endings and tabs.
 *
 * Every case: no exception (parse, convert to every target, lint), the IR
 * still matches its schema (a bad value is reported, never stored: an AS of
 * 5000000000 cannot reach the IR), and each expected diagnostic is there with
 * the right code and file:line:col, which points at the offending text.
 */
import { describe, expect, it } from 'vitest';
import { convert, formats, IrDocumentSchema, lint, parse, peer, type Diagnostic } from '../../../src/index.js';
import { checkBird, daemonOrFail } from '../../support/daemons.js';
import { BIRD, CALICO, CILIUM, FRR, FRRK8S, JSONC, METALLB, PURELB, TOML, VALID, YAML } from './inputs.js';

/** [code, line, column, the text found at line:column, message pattern] */
type Want = [string, number, number, string, RegExp];

const NAME = 'in.conf';

function read(format: string, text: string | Uint8Array) {
  let r: ReturnType<typeof parse> | undefined;
  expect(() => (r = parse({ name: NAME, text, format }))).not.toThrow();
  return r!;
}

function atSpan(text: string, d: Diagnostic): string {
  const lines = text.split(/\r\n|\r|\n/);
  return lines[d.span!.start.line - 1]!.slice(d.span!.start.column - 1);
}

function expectSchemaValid(doc: unknown): void {
  const v = IrDocumentSchema.safeParse(doc);
  expect(v.success, v.success ? '' : v.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toBe(true);
}

/** Reads, checks the IR and the expected diagnostics; returns the result. */
function check(format: string, text: string, want: Want[]) {
  const r = read(format, text);
  expectSchemaValid(r.doc);
  for (const [code, line, column, found, message] of want) {
    const d = r.diagnostics.find((x) => x.code === code && x.span?.start.line === line && message.test(x.message));
    expect(d, `${code} at ${line}: ${message} among\n${r.diagnostics.map((x) => `${x.code} ${x.span?.start.line}:${x.span?.start.column} ${x.message}`).join('\n')}`).toBeDefined();
    // FRR loads the rest of a file whose line it refuses: the reader keeps the line raw, as a warning.
    expect(d!.severity).toBe(format === 'frr' && code === 'parse/invalid' ? 'warning' : 'error');
    expect(d!.span!.file).toBe(NAME);
    expect(d!.span!.start.column).toBe(column);
    expect(atSpan(text, d!).startsWith(found), `the span points at "${atSpan(text, d!).slice(0, 30)}", not "${found}"`).toBe(true);
  }
  return r;
}

const comparable = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column} ${d.message}`);
/** The IR without source offsets (a CRLF shifts offsets, never lines or columns). */
const noOffsets = (doc: unknown) => JSON.parse(JSON.stringify(doc, (k, v) => (k === 'offset' ? undefined : v)));

/** One case per limit and format: [format, name, text, expected diagnostics]. */
const CASES: [string, string, string, Want[]][] = [
  // FRR
  ['frr', 'AS past 32 bits', 'frr version 8.4\nrouter bgp 5000000000\n', [['parse/invalid', 2, 1, 'router bgp 5000000000', /"5000000000" is not an AS number/]]],
  ['frr', 'remote AS past 32 bits', FRR(' neighbor 10.0.0.2 remote-as 4294967296\n'), [['parse/invalid', 4, 2, 'neighbor 10.0.0.2 remote-as 4294967296', /"4294967296" is not an AS/]]],
  ['frr', 'prefix length 33', FRR('exit\nip prefix-list P seq 5 permit 10.0.0.0/33\n'), [['parse/invalid', 5, 1, 'ip prefix-list', /10\.0\.0\.0\/33" is not an ipv4 prefix/]]],
  ['frr', 'prefix length 129', FRR('exit\nipv6 prefix-list P seq 5 permit 2001:db8::/129\n'), [['parse/invalid', 5, 1, 'ipv6 prefix-list', /is not an ipv6 prefix/]]],
  ['frr', 'hold time 70000', FRR(' neighbor 10.0.0.1 timers 30 70000\n'), [['parse/invalid', 4, 2, 'neighbor 10.0.0.1 timers', /0-65535 seconds/]]],
  ['frr', 'bad IPv4', FRR(' bgp router-id 300.1.1.1\n'), [['parse/invalid', 4, 2, 'bgp router-id 300.1.1.1', /IPv4 address/]]],
  ['frr', 'bad IPv6', FRR(' neighbor 2001:db8:::1 remote-as 1\n'), [['parse/invalid', 4, 2, 'neighbor 2001:db8:::1', /neither an address/]]],
  // BIRD: each of these is refused by `bird -p` too (checked below)
  ['bird', 'AS past 32 bits', BIRD('  local as 5000000000;\n'), [['parse/invalid', 6, 12, '5000000000', /number 5000000000 is out of range/]]],
  ['bird', 'neighbor AS past 32 bits', BIRD('').replace('as 65001', 'as 4294967296'), [['parse/invalid', 4, 24, '4294967296', /out of range/]]],
  ['bird', 'huge number', BIRD('  hold time 99999999999999999999999;\n'), [['parse/invalid', 6, 13, '99999999999999999999999', /out of range/]]],
  ['bird', 'prefix length 33', 'define P = [ 10.0.0.0/33 ];\n' + BIRD(''), [['parse/invalid', 1, 14, '10.0.0.0/33', /invalid prefix length 33/]]],
  ['bird', 'prefix length 129', 'define P = [ 2001:db8::/129 ];\n' + BIRD(''), [['parse/invalid', 1, 14, '2001:db8::/129', /invalid prefix length 129/]]],
  ['bird', 'host bits', 'define P = [ 10.0.0.1/8 ];\n' + BIRD(''), [['parse/invalid', 1, 14, '10.0.0.1/8', /host bits/]]],
  ['bird', 'hold time 70000', BIRD('  hold time 70000;\n'), [['parse/invalid', 6, 3, 'hold time 70000', /0 or 3-65535/]]],
  ['bird', 'hold time 2', BIRD('  hold time 2;\n'), [['parse/invalid', 6, 3, 'hold time 2', /0 or 3-65535/]]],
  ['bird', 'keepalive 0', BIRD('  keepalive time 0;\n'), [['parse/invalid', 6, 3, 'keepalive time 0', /1-65535/]]],
  ['bird', 'keepalive longer than hold', BIRD('  hold time 30;\n  keepalive time 100;\n'), [['parse/invalid', 7, 3, 'keepalive time 100', /at most hold time/]]],
  ['bird', 'bad IPv4', BIRD('').replace('192.0.2.1', '300.1.1.1'), [['parse/invalid', 1, 11, '300.1.1.1', /invalid IPv4 address 300\.1\.1\.1/]]],
  ['bird', 'bad IPv6', BIRD('').replace('10.0.0.1', '1:2:3:4:5:6:7:8:9'), [['parse/invalid', 4, 12, '1:2:3:4:5:6:7:8:9', /invalid IPv6 address/]]],
  ['bird', 'bad IPv6 (three colons)', BIRD('').replace('10.0.0.1', '2001:db8:::1'), [['parse/invalid', 4, 12, '2001:db8:::1', /invalid IPv6 address 2001:db8:::1/]]],
  ['bird', 'unterminated block', BIRD('').slice(0, -2), [['parse/syntax', 2, 16, '{', /unterminated block/]]],
  ['bird', 'unterminated string', BIRD('  description "peer;\n'), [['parse/syntax', 6, 15, '"peer;', /unterminated string/]]],
  ['bird', 'unterminated comment', BIRD('') + '/* the end\nprotocol device {}\n', [['parse/syntax', 7, 1, '/* the end', /unterminated comment/]]],
  // GoBGP TOML / YAML / JSON
  ['gobgp', 'AS past 32 bits', TOML({ as: '5000000000' }), [['parse/invalid', 2, 3, 'as = 5000000000', /global\.config\.as: .*4294967295/]]],
  ['gobgp', 'negative AS', TOML({ peerAs: '-1' }), [['parse/invalid', 8, 5, 'peer-as = -1', />=0/]]],
  ['gobgp', 'hold time 70000', TOML({ hold: '70000' }), [['parse/invalid', 10, 5, 'hold-time = 70000', /65535/]]],
  ['gobgp', 'bad IPv4', TOML({ addr: '10.0.0.256' }), [['parse/invalid', 7, 5, 'neighbor-address', /"10\.0\.0\.256" is not an IP address/]]],
  ['gobgp', 'bad IPv6', TOML({ addr: '2001:db8:::1' }), [['parse/invalid', 7, 5, 'neighbor-address', /"2001:db8:::1" is not an IP address/]]],
  ['gobgp', 'unterminated string', TOML().replace('"192.0.2.1"', '"192.0.2.1'), [['parse/syntax', 3, 25, '', /.+/]]],
  ['gobgp', 'unterminated table', TOML().replace('[[neighbors]]', '[[neighbors]'), [['parse/syntax', 5, 13, '', /table/]]],
  ['gobgp-yaml', 'AS past 32 bits', YAML({ as: '5000000000' }), [['parse/invalid', 3, 9, '5000000000', /4294967295/]]],
  ['gobgp-yaml', 'hold time 70000', YAML({ hold: '70000' }), [['parse/invalid', 11, 20, '70000', /65535/]]],
  ['gobgp-yaml', 'bad IPv6', YAML({ addr: '2001:db8:::1' }), [['parse/invalid', 7, 25, '"2001:db8:::1"', /is not an IP address/]]],
  ['gobgp-yaml', 'unterminated string', YAML().replace('"10.0.0.1"', '"10.0.0.1'), [['parse/syntax', 7, 25, '"10.0.0.1', /closing "quote/]]],
  ['gobgp-json', 'AS past 32 bits', JSONC({ peerAs: '5000000000' }), [['parse/invalid', 4, 60, '5000000000', /4294967295/]]],
  ['gobgp-json', 'AS 1e20', JSONC({ as: '1e20' }), [['parse/invalid', 2, 31, '1e20', /.+/]]],
  ['gobgp-json', 'hold time 70000', JSONC({ hold: '70000' }), [['parse/invalid', 5, 41, '70000', /65535/]]],
  ['gobgp-json', 'bad IPv4', JSONC({ addr: '300.0.0.1' }), [['parse/invalid', 4, 37, '"300.0.0.1"', /is not an IP address/]]],
  ['gobgp-json', 'unterminated object', JSONC().slice(0, -3), [['parse/syntax', 6, 4, '', /.+/]]],
  // Kubernetes
  ['metallb', 'AS past 32 bits', METALLB({ my: '5000000000' }), [['parse/invalid', 7, 10, '5000000000', /myASN must be <= 4294967295/]]],
  ['metallb', 'hold time 70000s', METALLB({ hold: '70000s' }), [['parse/invalid', 10, 13, '70000s', /more than 65535 seconds/]]],
  ['metallb', 'hold time 2s', METALLB({ hold: '2s', ka: '1s' }), [['parse/invalid', 10, 13, '2s', /0 or at least 3s/]]],
  ['metallb', 'keepalive longer than hold', METALLB({ hold: '30s', ka: '100s' }), [['parse/invalid', 11, 18, '100s', /must not be longer than the hold time/]]],
  ['metallb', 'bad IPv4', METALLB({ addr: '10.0.0.256' }), [['parse/invalid', 9, 16, '10.0.0.256', /"10\.0\.0\.256" is not an IP address/]]],
  ['metallb', 'bad IPv6', METALLB({ addr: '"2001:db8:::1"' }), [['parse/invalid', 9, 16, '"2001:db8:::1"', /is not an IP address/]]],
  ['metallb', 'prefix length 33', METALLB({ pool: '10.0.0.0/33' }), [['parse/invalid', 20, 5, '10.0.0.0/33', /is not an IP prefix/]]],
  ['metallb', 'prefix length 129', METALLB({ pool: '2001:db8::/129' }), [['parse/invalid', 20, 5, '2001:db8::/129', /is not an IP prefix/]]],
  ['metallb', 'unterminated string', METALLB({ addr: '"10.0.0.1' }), [['parse/syntax', 9, 16, '"10.0.0.1', /closing "quote/]]],
  ['calico', 'AS past int32 (Calico)', CALICO({ asn: '3000000000' }), [['parse/invalid', 6, 13, '3000000000', /int32/]]],
  ['calico', 'AS past 32 bits', CALICO({ asn: '5000000000' }), [['parse/invalid', 6, 13, '5000000000', /int32/]]],
  ['calico', 'bad IPv6', CALICO({ ip: '"2001:db8:::1"' }), [['parse/invalid', 13, 11, '"2001:db8:::1"', /is not an IP address/]]],
  ['cilium', 'hold time 70000', CILIUM({ hold: '70000' }), [['parse/invalid', 22, 22, '70000', /holdTimeSeconds must be <= 65535/]]],
  ['cilium', 'keepalive longer than hold', CILIUM({ hold: '30', ka: '100' }), [['parse/invalid', 23, 27, '100', /can not be larger than holdTimeSeconds/]]],
  ['cilium', 'bad IPv4', CILIUM({ addr: '300.0.0.1' }), [['parse/invalid', 12, 20, '300.0.0.1', /peerAddress/]]],
  ['frr-k8s', 'hold time 70000s', FRRK8S({ hold: '70000s' }), [['parse/invalid', 15, 19, '70000s', /more than 65535 seconds/]]],
  ['frr-k8s', 'keepalive longer than hold', FRRK8S({ hold: '30s', ka: '100s' }), [['parse/invalid', 16, 24, '100s', /must not be longer/]]],
  ['frr-k8s', 'prefix length 33', FRRK8S({ pfx: '10.0.0.0/33' }), [['parse/invalid', 11, 9, '10.0.0.0/33', /is not an IP prefix/]]],
  ['purelb', 'hold time 70000', PURELB({ hold: '70000' }), [['parse/invalid', 15, 19, '70000', /0-65535 seconds/]]],
];

describe('limits: a clear error at the right place, nothing invalid in the IR', () => {
  for (const [format, name, text, want] of CASES) {
    it(`${format}: ${name}`, () => {
      check(format, text, want);
    });
  }

  it.skipIf(!daemonOrFail('bird'))('BIRD itself refuses every BIRD case', () => {
    for (const [format, name, text] of CASES) {
      if (format !== 'bird') continue;
      expect(checkBird(text).ok, name).toBe(false);
    }
    expect(checkBird(VALID['bird']!)).toMatchObject({ ok: true });
  });

  it('the valid inputs read without errors', () => {
    for (const [format, text] of Object.entries(VALID)) {
      const r = check(format, text, []);
      expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), format).toEqual([]);
      expect(r.doc.speakers.length, format).toBeGreaterThan(0);
    }
  });
});

describe('text encodings: NUL, binary, BOM, CRLF, tabs', () => {
  for (const [format, text] of Object.entries(VALID)) {
    it(`${format}: NUL bytes and invalid UTF-8 are refused as binary`, () => {
      const nul = read(format, text.replace('\n', '\n\u0000'));
      expect(nul.status).toBe('input-error');
      expect(nul.diagnostics.map((d) => [d.code, d.severity])).toEqual([['input/binary', 'error']]);
      const bytes = new Uint8Array([...new TextEncoder().encode(text.slice(0, 20)), 0xff, 0xfe, 0x80]);
      expect(read(format, bytes).diagnostics.map((d) => d.code)).toEqual(['input/binary']);
    });

    it(`${format}: a BOM and CRLF line endings read the same, with the same lines and columns`, () => {
      const plain = read(format, text);
      for (const variant of ['\ufeff' + text, text.replace(/\n/g, '\r\n'), '\ufeff' + text.replace(/\n/g, '\r\n')]) {
        const r = read(format, variant);
        expect(comparable(r.diagnostics)).toEqual(comparable(plain.diagnostics));
        expect(noOffsets(r.doc)).toEqual(noOffsets(plain.doc));
      }
    });
  }

  /** A case with an error on an indented line, written with CRLF and with tabs. */
  const SPAN_CASES: [string, string, string][] = [
    ['frr', FRR(' neighbor 10.0.0.1 remote-as 99999999999\n'), '99999999999'],
    ['bird', BIRD('  hold time 70000;\n'), '70000'],
    ['gobgp', TOML({ hold: '70000' }), '70000'],
    ['gobgp-yaml', YAML({ hold: '70000' }), '70000'],
    ['gobgp-json', JSONC({ hold: '70000' }), '70000'],
    ['metallb', METALLB({ hold: '70000s' }), '70000s'],
  ];
  for (const [format, text, bad] of SPAN_CASES) {
    it(`${format}: spans stay right with CRLF and with tabs`, () => {
      const tabbed = format.startsWith('gobgp-yaml') || format === 'metallb' ? text.replace(`: ${bad}`, `:\t${bad}`) : text.replace(/^( +)/gm, (m) => '\t'.repeat(m.length));
      for (const variant of [text, text.replace(/\n/g, '\r\n'), tabbed, tabbed.replace(/\n/g, '\r\n')]) {
        const r = read(format, variant);
        expectSchemaValid(r.doc);
        const errors = r.diagnostics.filter((d) => d.severity === 'error' || d.code === 'parse/invalid');
        expect(errors.length, `${format}: ${JSON.stringify(variant)}`).toBeGreaterThan(0);
        const d = errors[0]!;
        expect(atSpan(variant, d)).toContain(bad);
        expect(d.span!.start.line).toBe(variant.split(/\r\n|\n/).findIndex((l) => l.includes(bad)) + 1);
      }
    });
  }
});

describe('resource limits: alias bombs, deep nesting, size', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${new Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
  const deep = (open: string, close: string) => open.repeat(5000) + close.repeat(5000);
  const blockDeep = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
  // YAML: the error names the limit and points at the alias that crosses it (the second *d of line
  // `e`: d counts 1000 aliased nodes, the second use doubles that) or at the collection 201 levels
  // down (the root map `a:` is level 1; block nesting counts the same).
  const at = (line: number, column: number, found: string, message: RegExp) => ({ line, column, found, message });
  const nest = /^nesting deeper than 200 levels$/;
  const cases: [string, string, ReturnType<typeof at>?][] = [
    ['gobgp-yaml', bomb.join('\n'), at(5, 12, '*d', /^alias \*d .*limit of 1000/)],
    ['metallb', `apiVersion: metallb.io/v1beta2\nkind: BGPPeer\n${bomb.join('\n')}`, at(7, 12, '*d', /^alias \*d .*limit of 1000/)],
    ['gobgp-yaml', `a: ${deep('[', ']')}\n`, at(1, 203, '[', nest)],
    ['metallb', `a: ${deep('[', ']')}\n`, at(1, 203, '[', nest)],
    ['gobgp-json', `{"a": ${deep('[', ']')}}`, at(1, 206, '[', nest)],
    ['gobgp-yaml', blockDeep, at(201, 201, 'k200:', nest)],
    ['gobgp', `a = ${deep('[', ']')}\n`],
    ['gobgp', `a = ${'{b = '.repeat(3000)}1${'}'.repeat(3000)}\n`],
  ];
  for (const [format, text, want] of cases) {
    it(`${format}: ${text.slice(0, 24).replace(/\n/g, ' ')}…: an error, quickly, no exception`, () => {
      const t = performance.now();
      const r = read(format, text);
      expect(performance.now() - t).toBeLessThan(3000);
      expect(r.diagnostics.some((d) => d.severity === 'error' && d.span?.file === NAME)).toBe(true);
      expect(r.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/call stack/);
      expectSchemaValid(r.doc);
      if (want) {
        expect(r.diagnostics.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column} ${d.message}`)).toHaveLength(1);
        const d = r.diagnostics[0]!;
        expect(d.code).toBe('parse/invalid');
        expect(d.message).toMatch(want.message);
        expect([d.span!.start.line, d.span!.start.column]).toEqual([want.line, want.column]);
        expect(atSpan(text, d).startsWith(want.found)).toBe(true);
      }
    });
  }

  it('every format: an input past --max-input-bytes is refused before it is read', () => {
    for (const [format, text] of Object.entries(VALID)) {
      const r = parse({ name: NAME, text, format }, { maxInputBytes: 40 });
      expect(r.status, format).toBe('input-error');
      expect(r.diagnostics.map((d) => d.code)).toEqual(['input/too-large']);
    }
  });
});

describe('the library never throws on these inputs', () => {
  const targets = formats().filter((f) => f.write).map((f) => f.id);
  const inputs = [...CASES.map(([format, , text]) => [format, text] as const), ...Object.entries(VALID).map(([f, t]) => [f, '\ufeff' + t.replace(/\n/g, '\r\n')] as const)];
  it(`parse, convert (to ${targets.length} targets), peer and lint`, () => {
    for (const [format, text] of inputs) {
      for (const to of targets) {
        expect(() => convert({ name: NAME, text, format }, { to }), `${format} → ${to}`).not.toThrow();
        expect(() => convert({ name: NAME, text, format }, { to, strict: true }), `${format} → ${to} --strict`).not.toThrow();
        expect(() => peer({ name: NAME, text, format }, { to }), `peer ${format} → ${to}`).not.toThrow();
      }
      expect(() => lint({ name: NAME, text, format }), format).not.toThrow();
    }
  });
});
