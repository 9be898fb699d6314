/**
 * `npm run bench`: bgpc against the daemons' own parsers on the same router.
 *
 * For each scale it generates (bench/gen.ts) one router in FRR, BIRD 2 and
 * GoBGP, then measures
 * - in-process, per dialect: parse; resolve + lint; emit to each other
 *   target (warm-up first, then the median of several runs), the Node read
 *   and read+split floor of the same file, and the end-to-end sum;
 * - whole processes, interleaved pair by pair (A B A B ...) so that machine
 *   drift cancels in the ratios: `bgpc convert` of each file against the
 *   daemon's own check of the same router (`bird -p -c`, `vtysh --dryrun -f`,
 *   `gobgpd -d -f`), with peak RSS from /usr/bin/time when it is installed;
 * - a cross-config lint: one router with a listen range, MetalLB resources
 *   with 200 pools and advertisements, and 5,000 Kubernetes nodes.
 * It writes BENCHMARKS.md (and bench/results.json). Nothing here is a test:
 * the targets of issue 10 are ratios read from one run, never asserted.
 *
 * Options: --scales small|default|full (default: default = up to 1000/100k;
 * full adds 5000/1M, a single 1M-entry list and 20,000 neighbors),
 * --runs N (whole-process pairs), --out FILE, --dir DIR (generated files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, lint, parse, resolve } from '../src/index.js';
import { generate, type Scale } from './gen.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/bgpc.mjs');

type Dialect = 'frr' | 'bird' | 'gobgp';
const DIALECTS: Dialect[] = ['frr', 'bird', 'gobgp'];

interface NamedScale extends Scale {
  label: string;
  /** A variant of the main series (one big list, many neighbors): in-process only, for linearity. */
  variant?: boolean;
}

const SCALES: Record<string, NamedScale[]> = {
  small: [
    { label: '10 / 1k', neighbors: 10, entries: 1_000 },
    { label: '100 / 10k', neighbors: 100, entries: 10_000 },
  ],
  default: [
    { label: '10 / 1k', neighbors: 10, entries: 1_000 },
    { label: '100 / 10k', neighbors: 100, entries: 10_000 },
    { label: '1000 / 100k', neighbors: 1_000, entries: 100_000 },
  ],
  full: [
    { label: '10 / 1k', neighbors: 10, entries: 1_000 },
    { label: '100 / 10k', neighbors: 100, entries: 10_000 },
    { label: '1000 / 100k', neighbors: 1_000, entries: 100_000 },
    { label: '5000 / 1M', neighbors: 5_000, entries: 1_000_000 },
    { label: '5000 / 1M, one list', neighbors: 5_000, entries: 1_000_000, lists: 1, variant: true },
    { label: '20000 / 10k', neighbors: 20_000, entries: 10_000, variant: true },
  ],
};

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function timeIt(runs: number, f: () => unknown): number {
  f(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs) / 1000;
}

const hasTime = existsSync('/usr/bin/time');

interface ProcResult {
  seconds: number;
  rssMiB: number | undefined;
  code: number | null;
}

/** One whole process: wall time, exit code and peak RSS (via /usr/bin/time -f %M when installed). */
function runProc(cmd: string, args: string[]): ProcResult {
  const t = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', 'BENCHRSS %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t) / 1000;
  const m = /BENCHRSS (\d+)/.exec(r.stderr ?? '');
  return { seconds, rssMiB: m ? Number(m[1]) / 1024 : undefined, code: r.status };
}

function which(bin: string): string | undefined {
  for (const d of ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/usr/lib/frr']) if (existsSync(join(d, bin))) return join(d, bin);
  return undefined;
}

function daemonCheck(d: Dialect, file: string): [string, string[]] | undefined {
  if (d === 'bird') {
    const b = which('bird');
    return b ? [b, ['-p', '-c', file]] : undefined;
  }
  if (d === 'frr') {
    const v = which('vtysh');
    return v ? [v, ['--dryrun', '-f', file]] : undefined;
  }
  const g = which('gobgpd');
  return g ? [g, ['-d', '-f', file, '-t', 'toml', '--pprof-disable']] : undefined;
}

const DAEMON_NAME: Record<Dialect, string> = { frr: 'vtysh --dryrun -f', bird: 'bird -p -c', gobgp: 'gobgpd -d -f' };
const TARGET_OF: Record<Dialect, Dialect> = { frr: 'bird', bird: 'frr', gobgp: 'frr' };

interface InProc {
  dialect: Dialect;
  mb: number;
  lines: number;
  read: number;
  split: number;
  parse: number;
  lint: number;
  emit: Record<string, number>;
  e2e: number;
  e2eTarget: Dialect;
  diagnostics: { errors: number; warnings: number };
}

interface WholeProc {
  dialect: Dialect;
  target: Dialect;
  bgpc: number;
  bgpcRss: number | undefined;
  daemon: number | undefined;
  daemonRss: number | undefined;
  daemonOk: boolean | undefined;
  ratio: number | undefined;
}

function inProcess(d: Dialect, file: string, runs: number): InProc {
  const bytes = statSync(file).size;
  const text = readFileSync(file, 'utf8');
  const read = timeIt(runs, () => readFileSync(file, 'utf8'));
  const split = timeIt(runs, () => readFileSync(file, 'utf8').split('\n').length);
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  const input = { name: file, text, format: d };
  const parsed = parse(input);
  const parseS = timeIt(runs, () => parse(input));
  const doc = parsed.doc;
  const lintS = timeIt(runs, () => lint(doc));
  const emitS: Record<string, number> = {};
  for (const t of DIALECTS) emitS[t] = timeIt(runs, () => emit(doc, { to: t }));
  const target = TARGET_OF[d];
  const errors = parsed.diagnostics.filter((x) => x.severity === 'error').length;
  const warnings = parsed.diagnostics.filter((x) => x.severity === 'warning').length;
  return {
    dialect: d,
    mb: bytes / 1e6,
    lines,
    read,
    split,
    parse: parseS,
    lint: lintS,
    emit: emitS,
    e2e: parseS + lintS + emitS[target]!,
    e2eTarget: target,
    diagnostics: { errors, warnings },
  };
}

function wholeProcess(d: Dialect, file: string, pairs: number, outDir: string): WholeProc {
  const target = TARGET_OF[d];
  const out = join(outDir, `out.${d}.${target}`);
  const bgpcArgs = [cli, 'convert', file, '--from', d, '--to', target, '-o', out];
  const check = daemonCheck(d, file);
  const a: ProcResult[] = [];
  const b: ProcResult[] = [];
  runProc(process.execPath, bgpcArgs); // warm the page cache
  if (check) runProc(check[0], check[1]);
  for (let i = 0; i < pairs; i++) {
    a.push(runProc(process.execPath, bgpcArgs));
    if (check) b.push(runProc(check[0], check[1]));
  }
  const bgpc = median(a.map((x) => x.seconds));
  const daemon = check ? median(b.map((x) => x.seconds)) : undefined;
  const ratios = check ? a.map((x, i) => x.seconds / b[i]!.seconds) : [];
  const rss = (xs: ProcResult[]) => (xs.length && xs[0]!.rssMiB !== undefined ? Math.max(...xs.map((x) => x.rssMiB ?? 0)) : undefined);
  return {
    dialect: d,
    target,
    bgpc,
    bgpcRss: rss(a),
    daemon,
    daemonRss: rss(b),
    daemonOk: check ? b.every((x) => x.code === 0) : undefined,
    ratio: ratios.length ? median(ratios) : undefined,
  };
}

/** One router with a listen range, MetalLB resources with `pools` pools/advertisements, and `nodes` nodes. */
function crossLint(nodes: number, pools: number, runs: number): { seconds: number; sessions: number; mb: number } {
  const router = [
    'frr defaults traditional',
    'router bgp 65000',
    ' bgp router-id 10.0.255.254',
    ' neighbor K8S peer-group',
    ' neighbor K8S remote-as 64512',
    ' bgp listen range 10.0.0.0/16 peer-group K8S',
    ` bgp listen limit ${nodes}`,
    ' address-family ipv4 unicast',
    '  neighbor K8S route-map K8S-IN in',
    ' exit-address-family',
    'exit',
    'ip prefix-list K8S seq 5 permit 10.200.0.0/16 le 32',
    'route-map K8S-IN permit 10',
    ' match ip address prefix-list K8S',
    'exit',
    '',
  ].join('\n');
  const docs: string[] = [
    'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: tor\n  namespace: metallb-system\nspec:\n  myASN: 64512\n  peerASN: 65000\n  peerAddress: 10.0.255.254\n',
  ];
  for (let p = 0; p < pools; p++) {
    docs.push(`apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: pool-${p}\n  namespace: metallb-system\nspec:\n  addresses:\n    - 10.200.${p}.0/24\n`);
    docs.push(
      `apiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata:\n  name: adv-${p}\n  namespace: metallb-system\nspec:\n  ipAddressPools:\n    - pool-${p}\n`,
    );
  }
  const metallb = docs.join('---\n');
  const nodeLines: string[] = [];
  for (let i = 0; i < nodes; i++) nodeLines.push(`node-${i} 10.0.${(i + 1) >> 8}.${(i + 1) & 255} kubernetes.io/os=linux`);
  const inputs = [
    { name: 'router.frr.conf', text: router, format: 'frr' },
    { name: 'metallb.yaml', text: metallb },
  ];
  const nodesInput = { name: 'nodes.txt', text: nodeLines.join('\n') + '\n' };
  const r = lint(inputs, { nodes: nodesInput });
  const seconds = timeIt(runs, () => lint(inputs, { nodes: nodesInput }));
  return { seconds, sessions: r.sessions.length, mb: (router.length + metallb.length + nodesInput.text.length) / 1e6 };
}

const f2 = (x: number | undefined, d = 2) => (x === undefined ? 'n/a' : x.toFixed(d));
const f3 = (x: number | undefined) => f2(x, 3);

const failures: string[] = [];

function main(): void {
  const scales = SCALES[arg('scales', 'default')];
  if (!scales) throw new Error(`--scales is one of ${Object.keys(SCALES).join(', ')}`);
  const pairs = Number(arg('runs', '5'));
  const outFile = arg('out', join(root, 'BENCHMARKS.md'));
  const dir = arg('dir', join(tmpdir(), 'bgpc-bench'));
  mkdirSync(dir, { recursive: true });
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

  const results: { scale: NamedScale; inproc: InProc[]; whole: WholeProc[] }[] = [];
  for (const scale of scales) {
    const sdir = join(dir, `${scale.neighbors}-${scale.entries}-${scale.lists ?? 'k'}`);
    const gen = generate(scale, sdir);
    const runs = scale.entries >= 1_000_000 || scale.neighbors >= 20_000 ? 3 : scale.entries >= 100_000 ? 5 : 9;
    const inproc: InProc[] = [];
    const whole: WholeProc[] = [];
    for (const d of DIALECTS) {
      const file = gen.files[d];
      process.stderr.write(`bench: ${scale.label} ${d}: in-process\n`);
      try {
        inproc.push(inProcess(d, file, runs));
      } catch (e) {
        // A failure is a finding, written into the report; the other measurements go on.
        failures.push(`${scale.label} ${d}: ${(e as Error).message}`);
        process.stderr.write(`bench: ${scale.label} ${d}: FAILED: ${(e as Error).message}\n`);
        continue;
      }
      if (scale.variant) continue;
      process.stderr.write(`bench: ${scale.label} ${d}: whole process\n`);
      whole.push(wholeProcess(d, file, scale.entries >= 1_000_000 ? Math.min(pairs, 3) : pairs, sdir));
    }
    results.push({ scale, inproc, whole });
  }
  process.stderr.write('bench: cross-config lint\n');
  const cross = crossLint(5000, 200, 3);

  writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ results, cross }, null, 2) + '\n');
  writeFileSync(outFile, report(results, cross));
  process.stderr.write(`bench: wrote ${outFile}\n`);
}

function machine(): string {
  const cpu = cpus();
  const v = (cmd: string, args: string[]) => {
    try {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      if (r.error) return `${cmd}: not installed`;
      const lines = `${r.stdout}${r.stderr}`.split('\n').map((l) => l.trim());
      return lines.find((l) => /version/i.test(l)) ?? lines.find((l) => l) ?? cmd;
    } catch {
      return `${cmd}: not installed`;
    }
  };
  return [
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.`,
    `- Daemons: ${v('bird', ['--version'])}; ${v('vtysh', ['-h'])}; ${v('gobgpd', ['--version'])}.`,
    `- Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; peak RSS ${hasTime ? 'from /usr/bin/time' : 'not measured (/usr/bin/time missing)'}.`,
  ].join('\n');
}

function report(results: { scale: NamedScale; inproc: InProc[]; whole: WholeProc[] }[], cross: { seconds: number; sessions: number; mb: number }): string {
  const L: string[] = [];
  L.push('# Benchmarks');
  L.push('');
  L.push('Generated by `npm run bench` (bench/run.ts; the router generator is bench/gen.ts). Do not edit by hand.');
  L.push('Seconds are medians; MB = 10^6 bytes; ratios of whole processes are medians of interleaved pairs.');
  L.push('');
  L.push(machine());
  L.push('');
  L.push('## In-process (warm, median)');
  L.push('');
  L.push('e2e = parse + resolve/lint + emit to the target shown. "read" is Node reading the file; "split" reads and splits it into lines.');
  L.push('');
  L.push('| scale | dialect | MB | lines | read s | split s | parse s | lint s | emit frr s | emit bird s | emit gobgp s | e2e s (→ target) | e2e MB/s | parse / split |');
  L.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|');
  for (const r of results) {
    for (const x of r.inproc) {
      L.push(
        `| ${r.scale.label} | ${x.dialect} | ${f2(x.mb)} | ${x.lines} | ${f3(x.read)} | ${f3(x.split)} | ${f3(x.parse)} | ${f3(x.lint)} | ${f3(x.emit['frr'])} | ${f3(x.emit['bird'])} | ${f3(x.emit['gobgp'])} | ${f3(x.e2e)} (→ ${x.e2eTarget}) | ${f2(x.mb / x.e2e, 1)} | ${f2(x.parse / x.split, 1)}× |`,
      );
    }
  }
  L.push('');
  L.push('## Whole process (interleaved with the daemon)');
  L.push('');
  L.push('| scale | command | s | peak MiB | daemon check | s | peak MiB | bgpc / daemon | bgpc peak / input |');
  L.push('|---|---|---:|---:|---|---:|---:|---:|---:|');
  for (const r of results) {
    for (const w of r.whole) {
      const mb = r.inproc.find((x) => x.dialect === w.dialect)?.mb ?? Number.NaN;
      L.push(
        `| ${r.scale.label} | bgpc convert ${w.dialect} --to ${w.target} | ${f3(w.bgpc)} | ${f2(w.bgpcRss, 0)} | ${DAEMON_NAME[w.dialect]}${w.daemonOk === false ? ' (refused!)' : ''} | ${f3(w.daemon)} | ${f2(w.daemonRss, 0)} | ${f2(w.ratio)}× | ${w.bgpcRss !== undefined ? f2((w.bgpcRss * 1.048576) / mb, 1) + '×' : 'n/a'} |`,
      );
    }
  }
  L.push('');
  L.push('## Linearity (in-process seconds per MB)');
  L.push('');
  L.push('| scale | frr parse | frr e2e | bird parse | bird e2e | gobgp parse | gobgp e2e |');
  L.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const cells = DIALECTS.flatMap((d) => {
      const x = r.inproc.find((i) => i.dialect === d);
      return x ? [f3(x.parse / x.mb), f3(x.e2e / x.mb)] : ['failed', 'failed'];
    });
    L.push(`| ${r.scale.label} | ${cells.join(' | ')} |`);
  }
  const series = results.filter((r) => !r.scale.variant);
  if (series.length >= 2) {
    const [a, b] = series.slice(-2);
    L.push('');
    L.push(
      `Change of e2e s/MB from ${a!.scale.label} to ${b!.scale.label}: ` +
        DIALECTS.map((d) => {
          const x = a!.inproc.find((i) => i.dialect === d);
          const y = b!.inproc.find((i) => i.dialect === d);
          return x && y ? `${d} ${(((y.e2e / y.mb) / (x.e2e / x.mb) - 1) * 100).toFixed(0)}%` : `${d} n/a`;
        }).join(', ') +
        ' (the target is within ±20%).',
    );
  }
  L.push('');
  L.push('## Cross-config lint');
  L.push('');
  L.push(
    `One FRR router with a listen range, MetalLB resources with 200 pools and advertisements, and 5,000 nodes (${f2(cross.mb)} MB of input): ${f3(cross.seconds)} s in-process, ${cross.sessions} sessions paired.`,
  );
  L.push('');
  if (failures.length > 0) {
    L.push('## Failures');
    L.push('');
    for (const f of failures) L.push(`- ${f}`);
    L.push('');
  }
  const notes = join(root, 'bench/NOTES.md');
  if (existsSync(notes)) {
    L.push(readFileSync(notes, 'utf8').trim());
    L.push('');
  }
  return L.join('\n');
}

// Touch resolve so a change in its signature breaks the build of the benchmark too.
void resolve;
main();
