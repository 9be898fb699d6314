/**
 * A network lab for live tests: network namespaces joined by veth pairs, with
 * real FRR (bgpd without zebra; zebra + bfdd when BFD is on), BIRD 2 and GoBGP
 * running generated configs, and their state read from the daemons' own
 * output. Addresses are private and exist only inside the namespaces; run
 * directories live under a temporary folder; everything is torn down in
 * destroy(), also when a test fails or the process is interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inCi } from '../support/daemons.js';

export type DaemonKind = 'frr' | 'bird' | 'gobgp';

export interface Route {
  prefix: string;
  communities: string[];
  localPref?: number;
  med?: number;
  asPath?: string;
}

function sh(cmd: string, args: string[], input?: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000, input });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function must(cmd: string, args: string[]): string {
  const r = sh(cmd, args);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')}: ${r.out.trim()}`);
  return r.out;
}

/** Can this machine run the lab (root, iproute2 namespaces, the daemons)? Why not, if not. */
export function labUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  for (const bin of ['ip', 'vtysh', 'bird', 'birdc', 'gobgpd', 'gobgp', '/usr/lib/frr/bgpd']) {
    if (!sh('sh', ['-c', `command -v ${bin}`]).ok) return `${bin} is not installed`;
  }
  const probe = `bgpcprobe${process.pid}`;
  const r = sh('ip', ['netns', 'add', probe]);
  if (!r.ok) return `cannot create network namespaces: ${r.out.trim()}`;
  sh('ip', ['netns', 'del', probe]);
  return undefined;
}

/** For `describe.skipIf(!labOrFail())`: under CI a missing capability fails the run. */
export function labOrFail(): boolean {
  const why = labUnavailable();
  if (!why) return true;
  if (inCi()) throw new Error(`live interop tests cannot run, and CI=true: ${why}`);
  console.warn(`[bgpc tests] skipping live interop tests: ${why}`);
  return false;
}

let labCounter = 0;
const liveLabs = new Set<Lab>();
process.once('exit', () => {
  for (const l of liveLabs) l.destroy();
});

export class Host {
  readonly procs: ChildProcess[] = [];
  daemon?: DaemonKind;
  constructor(
    readonly lab: Lab,
    readonly name: string,
    readonly ns: string,
    readonly dir: string,
  ) {}

  exec(cmd: string, args: string[]): { ok: boolean; out: string } {
    return sh('ip', ['netns', 'exec', this.ns, cmd, ...args]);
  }

  private start(name: string, cmd: string, args: string[]): void {
    const log = join(this.dir, `${name}.log`);
    const p = spawn('sh', ['-c', `exec ip netns exec ${this.ns} "$@" >>"${log}" 2>&1`, 'sh', cmd, ...args], { stdio: 'ignore' });
    this.procs.push(p);
  }

  /** FRR: bgpd without zebra, or zebra + bgpd + bfdd when BFD is needed (bgpd reaches bfdd through zebra). */
  startFrr(config: string, opts: { bfd?: boolean } = {}): void {
    this.daemon = 'frr';
    const conf = join(this.dir, 'frr.conf');
    writeFileSync(conf, config);
    chownSync(this.dir, frrUid(), frrGid());
    chownSync(conf, frrUid(), frrGid());
    const common = ['--vty_socket', this.dir, '-u', 'frr', '-g', 'frr', '-A', '127.0.0.1', '-P', '0'];
    if (opts.bfd) {
      this.start('zebra', '/usr/lib/frr/zebra', ['-f', conf, '-i', join(this.dir, 'zebra.pid'), '-z', join(this.dir, 'zserv.api'), ...common]);
      sleepMs(500);
      this.start('bfdd', '/usr/lib/frr/bfdd', ['-f', conf, '-i', join(this.dir, 'bfdd.pid'), '-z', join(this.dir, 'zserv.api'), ...common]);
      this.start('bgpd', '/usr/lib/frr/bgpd', ['-f', conf, '-i', join(this.dir, 'bgpd.pid'), '-z', join(this.dir, 'zserv.api'), ...common]);
    } else {
      this.start('bgpd', '/usr/lib/frr/bgpd', ['-Z', '-f', conf, '-i', join(this.dir, 'bgpd.pid'), ...common]);
    }
  }

  startBird(config: string): void {
    this.daemon = 'bird';
    const conf = join(this.dir, 'bird.conf');
    writeFileSync(conf, config);
    this.start('bird', 'bird', ['-f', '-c', conf, '-s', join(this.dir, 'bird.ctl'), '-P', join(this.dir, 'bird.pid')]);
  }

  startGobgp(config: string, type: 'toml' | 'yaml' | 'json' = 'toml'): void {
    this.daemon = 'gobgp';
    const conf = join(this.dir, `gobgpd.${type}`);
    writeFileSync(conf, config);
    // The gRPC API listens on the namespace's own loopback, so every host can use the default port.
    this.start('gobgpd', 'gobgpd', ['-f', conf, '-t', type, '--api-hosts', '127.0.0.1:50051', '--log-plain']);
  }

  vtysh(command: string): string {
    return this.exec('vtysh', ['--vty_socket', this.dir, '-c', command]).out;
  }

  birdc(command: string): string {
    return sh('birdc', ['-s', join(this.dir, 'bird.ctl'), command]).out;
  }

  gobgp(args: string[]): string {
    return this.exec('gobgp', ['-u', '127.0.0.1', '-p', '50051', ...args]).out;
  }

  /** BGP session states by neighbor address, normalized to lower-case FSM names ("established"). */
  sessions(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.daemon === 'frr') {
      const j = safeJson(this.vtysh('show bgp neighbors json')) as Record<string, { bgpState?: string }> | undefined;
      for (const [addr, n] of Object.entries(j ?? {})) if (n.bgpState) out[addr] = n.bgpState.toLowerCase();
    } else if (this.daemon === 'bird') {
      let current: string | undefined;
      let state: string | undefined;
      for (const line of this.birdc('show protocols all').split('\n')) {
        const head = /^(\S+)\s+BGP\s/.exec(line);
        if (head) {
          current = head[1];
          state = undefined;
        }
        const st = /^\s+BGP state:\s+(\S+)/.exec(line);
        if (st) state = st[1]!.toLowerCase();
        const addr = /^\s+Neighbor address:\s+(\S+)/.exec(line);
        if (addr && current) out[addr[1]!] = state ?? 'unknown';
      }
    } else if (this.daemon === 'gobgp') {
      const j = safeJson(this.gobgp(['-j', 'neighbor'])) as { conf?: { neighbor_address?: string }; state?: { session_state?: number | string } }[] | undefined;
      const names: Record<number, string> = { 1: 'idle', 2: 'connect', 3: 'active', 4: 'opensent', 5: 'openconfirm', 6: 'established' };
      // Before gobgpd is up, gobgp prints an error (or a JSON null/object): no sessions yet.
      for (const n of Array.isArray(j) ? j : []) {
        const s = n.state?.session_state;
        if (n.conf?.neighbor_address) out[n.conf.neighbor_address] = typeof s === 'number' ? names[s] ?? String(s) : String(s ?? 'unknown').toLowerCase();
      }
    }
    return out;
  }

  /** Received BGP routes of one family, with the attributes every daemon shows (communities sorted). */
  routes(family: 'ipv4' | 'ipv6' = 'ipv4'): Route[] {
    return this.rawRoutes(family).map((r) => ({ ...r, communities: [...r.communities].sort() }));
  }

  private rawRoutes(family: 'ipv4' | 'ipv6'): Route[] {
    if (this.daemon === 'frr') {
      const j = safeJson(this.vtysh(`show bgp ${family} unicast json`)) as { routes?: Record<string, { locPrf?: number; metric?: number; path?: string; community?: { string: string } }[]> } | undefined;
      return Object.entries(j?.routes ?? {}).map(([prefix, paths]) => {
        const p = paths[0] ?? {};
        return { prefix, communities: p.community?.string.split(' ') ?? [], ...(p.locPrf !== undefined ? { localPref: p.locPrf } : {}), ...(p.metric !== undefined ? { med: p.metric } : {}), ...(p.path !== undefined ? { asPath: p.path } : {}) };
      });
    }
    if (this.daemon === 'bird') {
      const routes: Route[] = [];
      let cur: Route | undefined;
      for (const line of this.birdc(`show route all table master${family === 'ipv4' ? 4 : 6}`).split('\n')) {
        const head = /^(\S+\/\d+)\s+unicast/.exec(line);
        if (head) routes.push((cur = { prefix: head[1]!, communities: [] }));
        if (!cur) continue;
        const lp = /BGP\.local_pref:\s+(\d+)/.exec(line);
        if (lp) cur.localPref = Number(lp[1]);
        const med = /BGP\.med:\s+(\d+)/.exec(line);
        if (med) cur.med = Number(med[1]);
        const path = /BGP\.as_path:\s*(.*)$/.exec(line);
        if (path) cur.asPath = path[1]!.trim();
        const comm = /BGP\.community:\s*(.*)$/.exec(line);
        if (comm) cur.communities = [...comm[1]!.matchAll(/\((\d+),(\d+)\)/g)].map((m) => `${m[1]}:${m[2]}`);
      }
      return routes.filter((r) => r.asPath !== undefined);
    }
    const j = safeJson(this.gobgp(['-j', 'global', 'rib', '-a', family])) as Record<string, { attrs?: { type: number; value?: unknown; communities?: number[]; as_paths?: { asns: number[] }[]; metric?: number }[] }[]> | undefined;
    const table = j && typeof j === 'object' && !Array.isArray(j) ? j : {};
    return Object.entries(table).filter(([, paths]) => Array.isArray(paths)).map(([prefix, paths]) => {
      const r: Route = { prefix, communities: [] };
      for (const a of paths[0]?.attrs ?? []) {
        if (a.type === 5) r.localPref = a.value as number;
        if (a.type === 4) r.med = a.metric ?? (a.value as number);
        if (a.type === 8) r.communities = (a.communities ?? []).map((c) => `${c >>> 16}:${c & 0xffff}`);
        if (a.type === 2) r.asPath = (a.as_paths ?? []).flatMap((s) => s.asns).join(' ');
      }
      return r;
    });
  }

  log(name: string): string {
    return sh('cat', [join(this.dir, `${name}.log`)]).out;
  }
}

export class Lab {
  readonly dir: string;
  readonly id: string;
  private readonly hosts: Host[] = [];
  private links = 0;

  constructor() {
    this.id = `b${process.pid % 100000}x${labCounter++}`;
    this.dir = mkdtempSync(join(tmpdir(), 'bgpc-lab-'));
    // FRR drops privileges to the frr user, which must reach its run directory.
    chmodSync(this.dir, 0o755);
    liveLabs.add(this);
  }

  host(name: string): Host {
    const ns = `${this.id}-${name}`;
    must('ip', ['netns', 'add', ns]);
    const dir = join(this.dir, name);
    mkdirSync(dir, { recursive: true });
    const h = new Host(this, name, ns, dir);
    this.hosts.push(h);
    must('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    return h;
  }

  /** A veth pair between two hosts, with addresses (CIDR notation) on each end. */
  link(a: Host, b: Host, addrA: string[], addrB: string[]): void {
    const n = this.links++;
    const ia = `${this.id}a${n}`.slice(-15);
    const ib = `${this.id}b${n}`.slice(-15);
    must('ip', ['link', 'add', ia, 'type', 'veth', 'peer', 'name', ib]);
    must('ip', ['link', 'set', ia, 'netns', a.ns]);
    must('ip', ['link', 'set', ib, 'netns', b.ns]);
    for (const [h, i, addrs] of [
      [a, ia, addrA],
      [b, ib, addrB],
    ] as const) {
      for (const ad of addrs) must('ip', ['-n', h.ns, 'addr', 'add', ad, 'dev', i, ...(ad.includes(':') ? ['nodad'] : [])]);
      must('ip', ['-n', h.ns, 'link', 'set', i, 'up']);
    }
  }

  /** Polls `check` until it returns true or the time is up; returns whether it did. */
  async waitFor(check: () => boolean, timeoutMs = 30_000, everyMs = 500): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      if (check()) return true;
      if (Date.now() > end) return false;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  destroy(): void {
    for (const h of this.hosts) {
      for (const p of h.procs) {
        try {
          p.kill('SIGTERM');
        } catch {
          // already gone
        }
      }
      // Daemons run inside `ip netns exec`: kill whatever is left in the namespace.
      const pids = sh('ip', ['netns', 'pids', h.ns]).out.split(/\s+/).filter(Boolean);
      for (const pid of pids) sh('kill', ['-9', pid]);
      sh('ip', ['netns', 'del', h.ns]);
    }
    this.hosts.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let ids: { uid: number; gid: number } | undefined;
function frrIds(): { uid: number; gid: number } {
  if (!ids) ids = { uid: Number(must('id', ['-u', 'frr']).trim()), gid: Number(must('id', ['-g', 'frr']).trim()) };
  return ids;
}
const frrUid = () => frrIds().uid;
const frrGid = () => frrIds().gid;
