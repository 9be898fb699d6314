/**
 * A network lab for live tests: network namespaces joined by veth pairs, with
 * real FRR (bgpd without zebra; zebra + bfdd when BFD is on), BIRD 2 and GoBGP
 * running generated configs, and their state read from the daemons' own
 * output. Addresses are private and exist only inside the namespaces; run
 * directories live under a temporary folder; everything is torn down in
 * destroy(), also when a test fails or the process is interrupted.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** The same, without blocking the event loop: labs poll their daemons concurrently. */
function shAsync(cmd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 20_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ ok: !err, out: `${stdout ?? ''}${stderr ?? ''}` });
    });
  });
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
// Interrupted (Ctrl-C, a CI job cancelled, vitest stopping its worker): tear down, then exit as the signal would.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    for (const l of liveLabs) l.destroy();
    process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
  });
}

/**
 * Runs at most `n` jobs at once, in the order they were queued. Labs spend
 * their time waiting for BGP timers, so several run side by side on 2 cores.
 */
export function pool(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (running >= n) return;
    const start = queue.shift();
    if (start) {
      running++;
      start();
    }
  };
  return <T>(job: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}

export class Host {
  readonly procs: ChildProcess[] = [];
  daemon?: DaemonKind;
  constructor(
    readonly lab: Lab,
    readonly name: string,
    readonly ns: string,
    readonly dir: string,
  ) {}

  exec(cmd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
    return shAsync('ip', ['netns', 'exec', this.ns, cmd, ...args]);
  }

  /** A kernel route in this namespace (for multihop sessions and next hops behind a router). */
  route(prefix: string, via: string): void {
    must('ip', ['-n', this.ns, 'route', 'add', prefix, 'via', via]);
  }

  /** An interface that only carries addresses (PureLB's kube-lb0 dummy, where it puts the LoadBalancer IPs). */
  dummy(name: string, addrs: string[]): void {
    // A veth pair inside the namespace: the dummy driver is not in every kernel.
    const other = `${name}p`.slice(-15);
    must('ip', ['-n', this.ns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', other]);
    for (const ad of addrs) must('ip', ['-n', this.ns, 'addr', 'add', ad, 'dev', name]);
    must('ip', ['-n', this.ns, 'link', 'set', other, 'up']);
    must('ip', ['-n', this.ns, 'link', 'set', name, 'up']);
  }

  /** Forward packets between this namespace's links (a plain router, no BGP). */
  forward(): void {
    must('ip', ['netns', 'exec', this.ns, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1']);
  }

  private start(name: string, cmd: string, args: string[]): void {
    const log = join(this.dir, `${name}.log`);
    const p = spawn('sh', ['-c', `exec ip netns exec ${this.ns} "$@" >>"${log}" 2>&1`, 'sh', cmd, ...args], { stdio: 'ignore' });
    this.procs.push(p);
  }

  /**
   * FRR: bgpd without zebra, or zebra + bgpd (+ bfdd) when BFD is needed (bgpd
   * reaches bfdd through zebra) or a session needs zebra's routes (eBGP
   * multihop: bgpd connects once next-hop tracking finds a route to the peer).
   */
  async startFrr(config: string, opts: { bfd?: boolean; zebra?: boolean; bgpdArgs?: string[] } = {}): Promise<void> {
    this.daemon = 'frr';
    const conf = join(this.dir, 'frr.conf');
    writeFileSync(conf, config);
    chownSync(this.dir, frrUid(), frrGid());
    chownSync(conf, frrUid(), frrGid());
    const common = ['--vty_socket', this.dir, '-u', 'frr', '-g', 'frr', '-A', '127.0.0.1', '-P', '0'];
    if (opts.bfd || opts.zebra) {
      // Several daemons share one integrated config: as FRR's own startup does (`vtysh -b`), the
      // daemons start empty and vtysh hands each command to the daemons that own it (read with
      // -f, each daemon would stop at the first block it does not know, e.g. bgpd at `bfd`).
      const empty = join(this.dir, 'empty.conf');
      writeFileSync(empty, '');
      chownSync(empty, frrUid(), frrGid());
      const zserv = join(this.dir, 'zserv.api');
      const daemons = ['zebra', ...(opts.bfd ? ['bfdd'] : []), 'bgpd'];
      this.start('zebra', '/usr/lib/frr/zebra', ['-f', empty, '-i', join(this.dir, 'zebra.pid'), '-z', zserv, ...common]);
      await this.lab.waitFor(() => existsSync(zserv), 10_000, 100);
      for (const d of daemons.slice(1)) {
        this.start(d, `/usr/lib/frr/${d}`, ['-f', empty, '-i', join(this.dir, `${d}.pid`), '-z', zserv, ...common, ...(d === 'bgpd' ? opts.bgpdArgs ?? [] : [])]);
      }
      await this.lab.waitFor(() => daemons.every((d) => existsSync(join(this.dir, `${d}.vty`))), 10_000, 100);
      const r = await this.exec('vtysh', ['--vty_socket', this.dir, '-f', conf]);
      writeFileSync(join(this.dir, 'vtysh.log'), r.out);
      if (!r.ok) throw new Error(`vtysh -f ${conf}: ${r.out.trim()}`);
    } else {
      this.start('bgpd', '/usr/lib/frr/bgpd', ['-Z', '-f', conf, '-i', join(this.dir, 'bgpd.pid'), ...common, ...(opts.bgpdArgs ?? [])]);
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

  async vtysh(command: string): Promise<string> {
    return (await this.exec('vtysh', ['--vty_socket', this.dir, '-c', command])).out;
  }

  async birdc(command: string): Promise<string> {
    return (await shAsync('birdc', ['-s', join(this.dir, 'bird.ctl'), command])).out;
  }

  async gobgp(args: string[]): Promise<string> {
    return (await this.exec('gobgp', ['-u', '127.0.0.1', '-p', '50051', ...args])).out;
  }

  /** BGP session states by neighbor address, normalized to lower-case FSM names ("established"). */
  async sessions(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    if (this.daemon === 'frr') {
      const j = safeJson(await this.vtysh('show bgp neighbors json')) as Record<string, { bgpState?: string }> | undefined;
      for (const [addr, n] of Object.entries(j ?? {})) if (n.bgpState) out[addr] = n.bgpState.toLowerCase();
    } else if (this.daemon === 'bird') {
      let current: string | undefined;
      let state: string | undefined;
      for (const line of (await this.birdc('show protocols all')).split('\n')) {
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
      const j = safeJson(await this.gobgp(['-j', 'neighbor'])) as { conf?: { neighbor_address?: string }; state?: { neighbor_address?: string; session_state?: number | string } }[] | undefined;
      const names: Record<number, string> = { 1: 'idle', 2: 'connect', 3: 'active', 4: 'opensent', 5: 'openconfirm', 6: 'established' };
      // Before gobgpd is up, gobgp prints an error (or a JSON null/object): no sessions yet.
      for (const n of Array.isArray(j) ? j : []) {
        const s = n.state?.session_state;
        // A dynamic neighbor (accepted through a listen range) has its address only in the state.
        const addr = n.conf?.neighbor_address ?? n.state?.neighbor_address;
        if (addr) out[addr] = typeof s === 'number' ? names[s] ?? String(s) : String(s ?? 'unknown').toLowerCase();
      }
    }
    return out;
  }

  /** Received BGP routes of one family, with the attributes every daemon shows (communities sorted). */
  async routes(family: 'ipv4' | 'ipv6' = 'ipv4'): Promise<Route[]> {
    return (await this.rawRoutes(family)).map((r) => ({ ...r, communities: [...r.communities].sort() }));
  }

  /** BFD session states by peer address ("up", "down", ...), from bfdd or BIRD's BFD protocol. */
  async bfd(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    if (this.daemon === 'frr') {
      const j = safeJson(await this.vtysh('show bfd peers json'));
      for (const p of Array.isArray(j) ? (j as { peer?: string; status?: string }[]) : []) if (p.peer) out[p.peer] = String(p.status ?? 'unknown').toLowerCase();
    } else if (this.daemon === 'bird') {
      // "IP address                Interface  State      Since         Interval  Timeout"
      for (const line of (await this.birdc('show bfd sessions')).split('\n')) {
        const m = /^([0-9a-f.:]+)\s+\S+\s+(\S+)\s/i.exec(line);
        if (m && m[1]!.length > 2) out[m[1]!] = m[2]!.toLowerCase();
      }
    }
    return out;
  }

  private async rawRoutes(family: 'ipv4' | 'ipv6'): Promise<Route[]> {
    if (this.daemon === 'frr') {
      const j = safeJson(await this.vtysh(`show bgp ${family} unicast json`)) as { routes?: Record<string, { locPrf?: number; metric?: number; path?: string; community?: { string: string } }[]> } | undefined;
      return Object.entries(j?.routes ?? {}).map(([prefix, paths]) => {
        const p = paths[0] ?? {};
        return { prefix, communities: p.community?.string.split(' ') ?? [], ...(p.locPrf !== undefined ? { localPref: p.locPrf } : {}), ...(p.metric !== undefined ? { med: p.metric } : {}), ...(p.path !== undefined ? { asPath: p.path } : {}) };
      });
    }
    if (this.daemon === 'bird') {
      const routes: Route[] = [];
      let cur: Route | undefined;
      for (const line of (await this.birdc(`show route all table master${family === 'ipv4' ? 4 : 6}`)).split('\n')) {
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
    const j = safeJson(await this.gobgp(['-j', 'global', 'rib', '-a', family])) as Record<string, { attrs?: { type: number; value?: unknown; communities?: number[]; as_paths?: { asns: number[] }[]; metric?: number }[] }[]> | undefined;
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

  /**
   * A shared segment (a bridge in `owner`'s namespace, with `ownerAddrs` on it) and one veth per
   * member into it: several nodes on one LAN with their router.
   */
  segment(owner: Host, ownerAddrs: string[], members: [Host, string[], string?][]): void {
    const br = `${this.id}br${this.links++}`.slice(-15);
    must('ip', ['-n', owner.ns, 'link', 'add', br, 'type', 'bridge']);
    for (const ad of ownerAddrs) must('ip', ['-n', owner.ns, 'addr', 'add', ad, 'dev', br, ...(ad.includes(':') ? ['nodad'] : [])]);
    must('ip', ['-n', owner.ns, 'link', 'set', br, 'up']);
    for (const [h, addrs, ifname] of members) {
      const n = this.links++;
      const ia = `${this.id}a${n}`.slice(-15);
      let ib = `${this.id}b${n}`.slice(-15);
      must('ip', ['link', 'add', ia, 'type', 'veth', 'peer', 'name', ib]);
      must('ip', ['link', 'set', ia, 'netns', owner.ns]);
      must('ip', ['link', 'set', ib, 'netns', h.ns]);
      // The member's end may carry the name its config expects (e.g. `interface "enp0s*"`).
      if (ifname) {
        must('ip', ['-n', h.ns, 'link', 'set', ib, 'name', ifname]);
        ib = ifname;
      }
      must('ip', ['-n', owner.ns, 'link', 'set', ia, 'master', br]);
      must('ip', ['-n', owner.ns, 'link', 'set', ia, 'up']);
      for (const ad of addrs) must('ip', ['-n', h.ns, 'addr', 'add', ad, 'dev', ib, ...(ad.includes(':') ? ['nodad'] : [])]);
      must('ip', ['-n', h.ns, 'link', 'set', ib, 'up']);
    }
  }

  /** Polls `check` until it returns true or the time is up; returns whether it did. */
  async waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 30_000, everyMs = 500): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return true;
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

let ids: { uid: number; gid: number } | undefined;
function frrIds(): { uid: number; gid: number } {
  if (!ids) ids = { uid: Number(must('id', ['-u', 'frr']).trim()), gid: Number(must('id', ['-g', 'frr']).trim()) };
  return ids;
}
const frrUid = () => frrIds().uid;
const frrGid = () => frrIds().gid;
