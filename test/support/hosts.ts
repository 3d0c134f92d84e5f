import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { networks, regionService, subgraphNames } from '../../shared/networks.ts';
import { waitForExit } from '../../shared/processes.ts';

// Separate hosts on this machine: each host is a Linux network namespace with one interface,
// joined to the others by veth links on a bridge in a namespace of its own (a switch), with
// addresses of a private /24 that exists only inside these namespaces. No host has a default
// route and nothing is NATed, so no packet can leave the machine; the root namespace gets no
// address either. The test reaches haproxy through a Unix socket, which is a file, not an address.
//
//   niwe, linat, konat   a network's subgraph and its own embedded PostgreSQL (each on 127.0.0.1 of its host)
//   region               region's subgraph and its own embedded PostgreSQL
//   gw                   two gateway replicas on the host's loopback behind haproxy
//
// Every service is configured through its environment only, with its own secret, as an office would
// deploy it. Needs root, iproute2 and haproxy (.ci/run installs them).

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const agent = fileURLToPath(new URL('./host-agent.ts', import.meta.url));
const leash = fileURLToPath(new URL('../../shared/leash.ts', import.meta.url));

export interface Hosts {
  /** POSTs a GraphQL request to the gateways through haproxy's Unix socket. */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }>;
  /** The gateways' HS256 key, for tokens. */
  jwtSecret: string;
  /** Takes a network host's link down, as a cut cable would. */
  cut(code: string): Promise<void>;
  /** Throttles a network host's link both ways so far that any answer takes longer than region's budget. */
  slow(code: string): Promise<void>;
  /** Undoes cut and slow. */
  heal(code: string): Promise<void>;
  /** What the hosts printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface HostsOptions {
  /** Region's NETWORK_TIMEOUT_MS. */
  networkTimeoutMs: number;
}

const ip = (...args: string[]) => run('ip', args);
const tc = (ns: string, ...args: string[]) => run('ip', ['netns', 'exec', ns, 'tc', ...args]);

/** Ports inside each host: every PostgreSQL on the same port proves the servers do not share anything. */
const ports = { postgres: 5432, gatewayA: 4100, gatewayB: 4101 };

/** Fails, with what to do, where the hosts cannot be built: a test that needs them must not pass without them. */
async function requireTools(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('Separate hosts are network namespaces: run as root.');
  for (const [tool, pkg] of [['ip', 'iproute2'], ['tc', 'iproute2'], ['haproxy', 'haproxy']]) {
    await run('sh', ['-c', `command -v ${tool}`]).catch(() => {
      throw new Error(`${tool} is missing: apt-get install -y ${pkg} (.ci/run does).`);
    });
  }
}

export async function startHosts(options: HostsOptions): Promise<Hosts> {
  await requireTools();
  const id = randomBytes(3).toString('hex');
  const subnet = `10.231.${randomInt(1, 255)}`;
  const base = mkdtempSync(join(tmpdir(), 'irm-hosts-'));
  // As root the embedded servers run as the user postgres, which must reach the DATA_DIRs inside.
  chmodSync(base, 0o755);
  const ns = (host: string) => `irm${id}-${host}`;
  const switchNs = ns('switch');
  const hostNames = [...networks.map((n) => n.code.toLowerCase()), regionService.name, 'gw'];
  const address = Object.fromEntries(hostNames.map((host, i) => [host, `${subnet}.${10 + i}`]));
  const created: string[] = [];
  const agents: ChildProcess[] = [];
  let log = '';

  const stop = async () => {
    for (const child of agents) child.kill('SIGTERM');
    await Promise.all(agents.map((child) => child.pid && waitForExit(child.pid, 20_000)));
    // Whatever still runs in a namespace of ours (a service whose agent died, haproxy) is ours to end.
    for (const name of created) {
      const { stdout } = await ip('netns', 'pids', name).catch(() => ({ stdout: '' }));
      for (const pid of stdout.split('\n').filter(Boolean).map(Number)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // ended on its own meanwhile
        }
      }
    }
    for (const name of created) await ip('netns', 'del', name).catch(() => {});
    rmSync(base, { recursive: true, force: true });
  };

  try {
    await ip('netns', 'add', switchNs);
    created.push(switchNs);
    await ip('-n', switchNs, 'link', 'add', 'br0', 'type', 'bridge');
    await ip('-n', switchNs, 'link', 'set', 'br0', 'up');
    for (const host of hostNames) {
      await ip('netns', 'add', ns(host));
      created.push(ns(host));
      await ip('-n', ns(host), 'link', 'set', 'lo', 'up');
      // One cable: eth0 on the host, its other end a port of the switch's bridge.
      await ip('link', 'add', 'eth0', 'netns', ns(host), 'type', 'veth', 'peer', 'name', `p-${host}`, 'netns', switchNs);
      await ip('-n', switchNs, 'link', 'set', `p-${host}`, 'master', 'br0', 'up');
      await ip('-n', ns(host), 'addr', 'add', `${address[host]}/24`, 'dev', 'eth0');
      await ip('-n', ns(host), 'link', 'set', 'eth0', 'up');
    }

    const secrets = Object.fromEntries(subgraphNames().map((name) => [name, randomBytes(32).toString('hex')]));
    const secretOf = (name: string) => ({ [`${name.toUpperCase()}_SUBGRAPH_SECRET`]: secrets[name] });
    const url = (host: string, port: number) => `http://${address[host]}:${port}`;
    const networkUrls = Object.fromEntries(networks.map((n) => [`${n.code}_URL`, url(n.code.toLowerCase(), n.port)]));
    const jwtSecret = randomBytes(32).toString('hex');

    const start = (host: string, env: Record<string, string>) => {
      const dataDir = join(base, host);
      mkdirSync(dataDir);
      // `ip netns exec` runs node inside the host's namespace; the IPC channel passes through it, so the
      // agent is leashed to this process like any spawnLeashed child (shared/processes.ts), which cannot
      // take another command than node itself.
      const child = spawn('ip', ['netns', 'exec', ns(host), process.execPath, '--import', leash, agent], {
        cwd: root,
        // Only what a host is given: PATH for haproxy and PostgreSQL's tools, nothing of the test's environment.
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, PG_PORT: String(ports.postgres), ...env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      agents.push(child);
      const ready = new Promise<void>((resolve, reject) => {
        for (const stream of [child.stdout!, child.stderr!]) {
          stream.setEncoding('utf8');
          stream.on('data', (chunk: string) => {
            log += chunk.replace(/^(?=.)/gm, `${host}: `);
            if (/^ready$/m.test(chunk)) resolve();
          });
        }
        child.once('exit', (code) => reject(new Error(`host ${host} stopped (code ${code}) before it was ready:\n${log}`)));
      });
      return ready;
    };

    const service = (name: string, script: string, port: number, bind: string, env: Record<string, string>) => ({
      name,
      script,
      env: { PORT: String(port), HOST: bind, ...env },
      health: `http://${bind}:${port}/health`,
    });

    const hostsReady = networks.map((n) => {
      const host = n.code.toLowerCase();
      return start(host, {
        HOST_DATABASE: `irm_${host}`,
        HOST_SERVICES: JSON.stringify([service(host, 'subgraphs/network/index.ts', n.port, address[host], { NETWORK: n.code, DEMO_DATA: '1', ...secretOf(host) })]),
      });
    });
    hostsReady.push(
      start(regionService.name, {
        HOST_DATABASE: `irm_${regionService.name}`,
        HOST_SERVICES: JSON.stringify([
          service(regionService.name, 'subgraphs/region/index.ts', regionService.port, address.region, {
            ...networkUrls,
            ...Object.assign({}, ...subgraphNames().map(secretOf)),
            NETWORK_TIMEOUT_MS: String(options.networkTimeoutMs),
            WEBHOOK_KEY: randomBytes(32).toString('hex'),
          }),
        ]),
      }),
    );

    // The gateways hold every subgraph's secret; region's reaches networks only with theirs.
    const gatewayEnv = {
      ...networkUrls,
      REGION_URL: url(regionService.name, regionService.port),
      ...Object.assign({}, ...subgraphNames().map(secretOf)),
      JWT_SECRET: jwtSecret,
      // Every client comes through haproxy from 127.0.0.1; no per-address limit for the test's requests.
      ANONYMOUS_REQUESTS_PER_MINUTE: '1000000',
      ANONYMOUS_COST_PER_MINUTE: '1000000000',
    };
    const socket = join(base, 'haproxy.sock');
    const haproxyConfig = join(base, 'haproxy.cfg');
    writeFileSync(haproxyConfig, haproxyCfg(socket, [ports.gatewayA, ports.gatewayB]));
    hostsReady.push(
      start('gw', {
        HOST_HAPROXY: haproxyConfig,
        HOST_SERVICES: JSON.stringify([
          service('gateway-a', 'gateway/index.ts', ports.gatewayA, '127.0.0.1', gatewayEnv),
          service('gateway-b', 'gateway/index.ts', ports.gatewayB, '127.0.0.1', gatewayEnv),
        ]),
      }),
    );
    await Promise.all(hostsReady);

    const hosts: Hosts = {
      jwtSecret,
      query: (query, variables, token) => postJson(socket, '/graphql', { query, variables }, token),
      async cut(code) {
        await ip('-n', ns(code.toLowerCase()), 'link', 'set', 'eth0', 'down');
      },
      async slow(code) {
        // The kernel here has no netem, so the link is slowed by rate: tbf lets one small packet
        // through at once, then 100 bytes a second, and every answer of a network is larger than
        // region's budget allows at that rate. Both directions, as on a congested line.
        const host = code.toLowerCase();
        await ip('-n', ns(host), 'link', 'set', 'eth0', 'mtu', '576');
        await ip('-n', switchNs, 'link', 'set', `p-${host}`, 'mtu', '576');
        await tc(ns(host), 'qdisc', 'add', 'dev', 'eth0', 'root', 'tbf', 'rate', '800bit', 'burst', '600', 'latency', '60s');
        await tc(switchNs, 'qdisc', 'add', 'dev', `p-${host}`, 'root', 'tbf', 'rate', '800bit', 'burst', '600', 'latency', '60s');
      },
      async heal(code) {
        const host = code.toLowerCase();
        await tc(ns(host), 'qdisc', 'del', 'dev', 'eth0', 'root').catch(() => {});
        await tc(switchNs, 'qdisc', 'del', 'dev', `p-${host}`, 'root').catch(() => {});
        await ip('-n', ns(host), 'link', 'set', 'eth0', 'mtu', '1500');
        await ip('-n', switchNs, 'link', 'set', `p-${host}`, 'mtu', '1500');
        await ip('-n', ns(host), 'link', 'set', 'eth0', 'up');
      },
      output: () => log,
      stop,
    };
    await waitFor(async () => (await hosts.query('{ networks { code } }')).status === 200, 30_000);
    return hosts;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** haproxy for two gateway replicas: round robin, a replica that fails /health taken out until it answers again. */
function haproxyCfg(socket: string, gatewayPorts: number[]): string {
  return `global
  maxconn 512

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s

frontend graph
  bind unix@${socket} mode 666
  default_backend gateways

backend gateways
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
${gatewayPorts.map((port, i) => `  server gateway${i} 127.0.0.1:${port} check inter 1s fall 2 rise 1`).join('\n')}
`;
}

async function postJson(socket: string, path: string, body: unknown, token?: string): Promise<any> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode, ...JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode, errors: [{ message: text }] });
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls `condition` until it holds; throws after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
