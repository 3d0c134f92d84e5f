import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { networks, regionService, subgraphNames } from '../../shared/networks.ts';
import { waitForExit } from '../../shared/processes.ts';
import { initRegionOrm } from '../../subgraphs/region/orm.ts';
import type { RegionService } from '../../subgraphs/region/server.ts';
import { gatewayQuery, tokenSigner, type Stack, type StackOptions } from './stack.ts';

// Separate hosts on this machine: each host is a Linux network namespace with one interface,
// joined to the others by veth links on a bridge in a namespace of its own (a switch), with
// addresses of a private /24 that exists only inside these namespaces. No host has a default
// route and nothing is NATed, so no packet can leave the machine; the root namespace gets no
// address either. The test reaches haproxy through a Unix socket, which is a file, not an address.
//
//   niwe, linat, konat   a network's subgraph and its own embedded PostgreSQL (each on 127.0.0.1 of its host);
//                        NIWE as docs/office.md deploys it: on its loopback, with a TLS proxy (haproxy) in front
//   region               region's subgraph and its own embedded PostgreSQL
//   gw                   two gateway replicas on the host's loopback behind haproxy
//
// Every service is configured through its environment only, with its own secret, as an office would
// deploy it. Needs root, iproute2, haproxy and openssl (.ci/run installs them).

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const agent = fileURLToPath(new URL('./host-agent.ts', import.meta.url));
const leash = fileURLToPath(new URL('../../shared/leash.js', import.meta.url));

export interface Hosts {
  /** POSTs a GraphQL request to the gateways through haproxy's Unix socket. */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }>;
  /** The gateways' HS256 key, for tokens. */
  jwtSecret: string;
  /** haproxy's Unix socket in front of the two gateways. */
  gatewaySocket: string;
  /** A Unix socket passed through to region's PostgreSQL on its host, and the URL region connects with there. */
  regionDatabase: { socket: string; url: string };
  /** Region's WEBHOOK_KEY. */
  webhookKey: Buffer;
  /** The secret each subgraph verifies requests with, by the gateway's name for it (niwe, …, region). */
  subgraphSecrets: Record<string, string>;
  /** Takes a network host's link down, as a cut cable would. */
  cut(code: string): Promise<void>;
  /** Throttles a network host's link both ways so far that any answer takes longer than region's budget. */
  slow(code: string): Promise<void>;
  /** Undoes cut and slow. */
  heal(code: string): Promise<void>;
  /** Requests each gateway replica got from haproxy so far, by replica. */
  gatewayRequests(): Promise<Record<string, number>>;
  /**
   * Restarts one gateway replica as an operator's rolling restart does: SIGTERM (it drains: /ready 503, still
   * serving), haproxy's health check takes it out, it exits, it is started again, haproxy's check takes it
   * back in. What was seen on the way.
   */
  restartGateway(replica: 'a' | 'b'): Promise<GatewayRestart>;
  /** What the hosts printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface GatewayRestart {
  /** /ready's body while it drained. */
  readyWhileDraining: unknown;
  /** haproxy marked it DOWN while the process still ran. */
  takenOutBeforeExit: boolean;
  exitCode: number | null;
}

export interface HostsOptions {
  /** Region's NETWORK_TIMEOUT_MS. */
  networkTimeoutMs: number;
  /** Each network seeds its demo members (DEMO_DATA=1); without it every database starts empty, as a test stack's do. */
  demoData: boolean;
  /** More of region's environment. */
  regionEnv?: Record<string, string>;
  /** More of the gateways' environment. */
  gatewayEnv?: Record<string, string>;
}

const ip = (...args: string[]) => run('ip', args);
const tc = (ns: string, ...args: string[]) => run('ip', ['netns', 'exec', ns, 'tc', ...args]);

/** Ports inside each host: every PostgreSQL on the same port proves the servers do not share anything. */
const ports = { postgres: 5432, gatewayA: 4100, gatewayB: 4101 };
/** The network deployed as docs/office.md describes: its service on loopback, TLS in front. */
const tlsHost = 'niwe';

/** Fails, with what to do, where the hosts cannot be built: a test that needs them must not pass without them. */
async function requireTools(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('Separate hosts are network namespaces: run as root.');
  for (const [tool, pkg] of [
    ['ip', 'iproute2'],
    ['tc', 'iproute2'],
    ['haproxy', 'haproxy'],
    ['openssl', 'openssl'],
  ]) {
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
  const agentOf: Record<string, ChildProcess> = {};
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
    const tls = await selfSignedCertificate(base, address[tlsHost]);
    // NIWE's only door is its TLS proxy on port 443; the others are reached on their service's port.
    const networkUrls = Object.fromEntries(
      networks.map((n) => [`${n.code}_URL`, n.code.toLowerCase() === tlsHost ? `https://${address[tlsHost]}` : url(n.code.toLowerCase(), n.port)]),
    );
    // Trusted by region and the gateways as an office's private CA would be (docs/office.md).
    const trustTls = { NODE_EXTRA_CA_CERTS: tls.certificate };
    const jwtSecret = randomBytes(32).toString('hex');
    const webhookKey = randomBytes(32);
    const regionDatabaseSocket = join(base, 'region-postgres.sock');

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
      agentOf[host] = child;
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
      health: `http://${bind}:${port}/ready`,
    });

    const hostsReady = networks.map((n) => {
      const host = n.code.toLowerCase();
      const behindTls = host === tlsHost;
      const proxyConfig = join(base, `haproxy-${host}.cfg`);
      if (behindTls) writeFileSync(proxyConfig, tlsProxyCfg(address[host], tls.pem, n.port));
      const bind = behindTls ? '127.0.0.1' : address[host];
      // The example's HOST and PORT are NIWE's on its own machine; each host listens where the others reach it.
      const unit = officeUnit(n.code, { HOST: bind, PORT: String(n.port), ...(options.demoData ? { DEMO_DATA: '1' } : {}), ...secretOf(host) });
      return start(host, {
        HOST_DATABASE: `irm_${host}`,
        HOST_SERVICES: JSON.stringify([service(host, unit.script, n.port, bind, unit.env)]),
        ...(behindTls ? { HOST_HAPROXY: proxyConfig } : {}),
      });
    });
    hostsReady.push(
      start(regionService.name, {
        HOST_DATABASE: `irm_${regionService.name}`,
        HOST_DATABASE_SOCKET: regionDatabaseSocket,
        HOST_SERVICES: JSON.stringify([
          service(regionService.name, 'subgraphs/region/index.ts', regionService.port, address.region, {
            ...networkUrls,
            ...Object.assign({}, ...subgraphNames().map(secretOf)),
            NETWORK_TIMEOUT_MS: String(options.networkTimeoutMs),
            WEBHOOK_KEY: webhookKey.toString('hex'),
            ...trustTls,
            ...options.regionEnv,
          }),
        ]),
      }),
    );

    // The gateways hold every subgraph's secret, region its own and the networks'; a network only its own.
    const gatewayEnv = {
      ...networkUrls,
      ...trustTls,
      REGION_URL: url(regionService.name, regionService.port),
      ...Object.assign({}, ...subgraphNames().map(secretOf)),
      JWT_SECRET: jwtSecret,
      // Every client comes through haproxy from 127.0.0.1; no per-address limit for the test's requests.
      ANONYMOUS_REQUESTS_PER_MINUTE: '1000000',
      ANONYMOUS_COST_PER_MINUTE: '1000000000',
      ...options.gatewayEnv,
    };
    const socket = join(base, 'haproxy.sock');
    const statsSocket = join(base, 'haproxy-stats.sock');
    const haproxyConfig = join(base, 'haproxy.cfg');
    writeFileSync(haproxyConfig, gatewaysProxyCfg(socket, statsSocket, [ports.gatewayA, ports.gatewayB]));
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
    // haproxy checks the gateways from its own start, before they listen: each may stand DOWN until its next check
    // (inter 1 s) after it is ready, and the first requests then all went to the other (a CI run: one replica
    // served none of the five reads). The deployment is in service once haproxy has both in rotation.
    await waitFor(async () => {
      const statuses = Object.values(await backendColumn(statsSocket, 'gateways', 'status'));
      return statuses.length === 2 && statuses.every((status) => status === 'UP');
    }, 30_000);

    const hosts: Hosts = {
      jwtSecret,
      gatewaySocket: socket,
      regionDatabase: { socket: regionDatabaseSocket, url: readFileSync(`${regionDatabaseSocket}.url`, 'utf8') },
      webhookKey,
      subgraphSecrets: secrets,
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
      gatewayRequests: async () =>
        Object.fromEntries(Object.entries(await backendColumn(statsSocket, 'gateways', 'stot')).map(([server, value]) => [server, Number(value)])),
      async restartGateway(replica) {
        const service = `gateway-${replica}`;
        const server = `gateway${replica === 'a' ? 0 : 1}`;
        const agent = agentOf.gw;
        const next = <E extends AgentReport['event']>(event: E) =>
          new Promise<Extract<AgentReport, { event: E }>>((resolve) => {
            const listen = (message: AgentReport) => {
              if (message.service !== service || message.event !== event) return;
              agent.off('message', listen);
              resolve(message as Extract<AgentReport, { event: E }>);
            };
            agent.on('message', listen);
          });
        const status = async () => (await backendColumn(statsSocket, 'gateways', 'status'))[server];
        const draining = next('draining');
        const exited = next('exited');
        let hasExited = false;
        void exited.then(() => (hasExited = true));
        agent.send({ command: 'stop', service });
        const { ready } = await draining;
        await waitFor(async () => (await status()) === 'DOWN', 30_000);
        const takenOutBeforeExit = !hasExited;
        const { code } = await exited;
        const started = next('started');
        agent.send({ command: 'start', service });
        await started;
        await waitFor(async () => (await status()) === 'UP', 30_000);
        return { readyWhileDraining: ready, takenOutBeforeExit, exitCode: code };
      },
      output: () => log,
      stop,
    };
    // Every network answering through the gateways, NIWE through its TLS proxy: the hosts are one graph.
    let last: unknown;
    await waitFor(async () => {
      last = await hosts.query('{ networks { code memberCount } }');
      return (last as { status: number; errors?: unknown }).status === 200 && !(last as { errors?: unknown }).errors;
    }, 120_000).catch(() => {
      throw new Error(`The hosts did not answer as one graph: ${JSON.stringify(last)}\n${log}`);
    });
    return hosts;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stands in for systemd's cache root (%C, /var/cache), where the unit's CacheDirectory= is made. */
const unitCacheRoot = join(tmpdir(), 'irm-hosts-cache');

/**
 * A network's service as an office deploys it with the kit: the script of deploy/irm-network@.service's
 * ExecStart, its Environment= lines with %i the network's code, and every variable of
 * deploy/network.env.example (written for NIWE) with `given` over them. DATABASE_URL is the host's own
 * PostgreSQL, set by its agent. A unit or example that no longer starts a working service fails every
 * test on the hosts, and so does a CHANGE-ME the hosts do not fill in.
 */
function officeUnit(code: string, given: Record<string, string>): { script: string; env: Record<string, string> } {
  const unit = readFileSync(join(root, 'deploy/irm-network@.service'), 'utf8');
  const directive = (name: string) =>
    [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((match) => match[1].replaceAll('%i', code).replaceAll('%C', unitCacheRoot));
  const [workingDirectory] = directive('WorkingDirectory');
  const [node, script, ...rest] = directive('ExecStart')[0].split(/\s+/);
  if (
    rest.length > 0 ||
    !node.startsWith(`${workingDirectory}/`) ||
    !existsSync(join(root, node.slice(workingDirectory.length + 1))) ||
    !existsSync(join(root, script))
  )
    throw new Error(`deploy/irm-network@.service: ExecStart must be the installed node and the network's script, both under ${workingDirectory}.`);
  const env: Record<string, string> = {};
  for (const assignment of directive('Environment')) env[assignment.slice(0, assignment.indexOf('='))] = assignment.slice(assignment.indexOf('=') + 1);
  for (const line of readFileSync(join(root, 'deploy/network.env.example'), 'utf8').split('\n')) {
    if (!/^[A-Z_]+=/.test(line)) continue;
    env[line.slice(0, line.indexOf('=')).replaceAll('NIWE', code)] = line.slice(line.indexOf('=') + 1);
  }
  delete env.DATABASE_URL;
  Object.assign(env, given);
  const unfilled = Object.keys(env).filter((name) => env[name].includes('CHANGE-ME'));
  if (unfilled.length > 0) throw new Error(`deploy/network.env.example: the hosts leave ${unfilled.join(', ')} at CHANGE-ME.`);
  return { script, env };
}

/** haproxy for two gateway replicas: round robin, a replica that fails /ready taken out until it answers again. */
function gatewaysProxyCfg(socket: string, statsSocket: string, gatewayPorts: number[]): string {
  return `global
  maxconn 512
  stats socket ${statsSocket} mode 600 level user

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
  option httpchk GET /ready
  http-check expect status 200
${gatewayPorts.map((port, i) => `  server gateway${i} 127.0.0.1:${port} check inter 1s fall 2 rise 1`).join('\n')}
`;
}

/** A TLS proxy in front of a service on the host's loopback, as nginx or Caddy would be in an office. */
function tlsProxyCfg(address: string, pem: string, servicePort: number): string {
  return `global
  maxconn 256

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s

frontend office
  bind ${address}:443 ssl crt ${pem}
  default_backend service

backend service
  server service 127.0.0.1:${servicePort}
`;
}

/** A certificate for an IP address, valid a day: the PEM haproxy serves (certificate and key) and the certificate alone for clients to trust. */
async function selfSignedCertificate(base: string, ipAddress: string): Promise<{ pem: string; certificate: string }> {
  const certificate = join(base, 'office-cert.pem');
  const key = join(base, 'office-key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=office',
    '-addext',
    `subjectAltName=IP:${ipAddress}`,
    '-keyout',
    key,
    '-out',
    certificate,
  ]);
  const pem = join(base, 'office.pem');
  writeFileSync(pem, readFileSync(certificate, 'utf8') + readFileSync(key, 'utf8'), { mode: 0o600 });
  return { pem, certificate };
}

/** What the gw host's agent reports of a service it stops or starts (test/support/host-agent.ts). */
type AgentReport = { service: string } & ({ event: 'draining'; ready: unknown } | { event: 'exited'; code: number | null } | { event: 'started' });

/** One column of haproxy's stats (`show stat`, CSV) for each server of a backend: stot (sessions passed on), status (UP, DOWN, …). */
async function backendColumn(statsSocket: string, backend: string, name: string): Promise<Record<string, string>> {
  const csv = await new Promise<string>((resolve, reject) => {
    let text = '';
    const socket = connect(statsSocket, () => socket.end('show stat\n'));
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  const [header, ...rows] = csv
    .replace(/^# /, '')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const column = (name: string) => header.indexOf(name);
  return Object.fromEntries(
    rows
      .filter((row) => row[column('pxname')] === backend && !['BACKEND', 'FRONTEND'].includes(row[column('svname')]))
      .map((row) => [row[column('svname')], row[column(name)]]),
  );
}

async function postJson(socket: string, path: string, body: unknown, token?: string): Promise<any> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: socket,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
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
      },
    );
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

/**
 * The test stack's contract (test/support/stack.ts) on separate hosts, for `TEST_STACK=hosts` (the vitest
 * project hosts): the same test bodies run against haproxy and two gateway replicas, each network and region
 * on a host of its own with its own PostgreSQL and secret, every database empty at first. The gateways are
 * reached at a loopback port passed through to haproxy's socket; region's database, for a test that reads
 * rows as an office's operator would, through a socket its host's agent opens. What lives only inside
 * another host's process (a service object, its HTTP server) throws, naming what to do instead.
 */
export async function startHostsStack(options: StackOptions): Promise<Stack> {
  const unsupported = Object.keys(options).filter((option) => option !== 'networkTimeoutMs');
  if (unsupported.length > 0)
    throw new Error(`On separate hosts startStack takes no ${unsupported.join(', ')}: leave this file out of the hosts project (vitest.config.ts).`);
  const hosts = await startHosts({
    networkTimeoutMs: options.networkTimeoutMs ?? 2000,
    demoData: false,
    // As the one-host stack's region: tests register webhooks at loopback receivers.
    regionEnv: { WEBHOOK_ALLOW_LOOPBACK: '1' },
  });
  const doors: Door[] = [];
  let orm: MikroORM | undefined;
  try {
    const gateway = await passThrough(hosts.gatewaySocket);
    doors.push(gateway);
    const database = await passThrough(hosts.regionDatabase.socket);
    doors.push(database);
    const regionDatabaseUrl = new URL(hosts.regionDatabase.url);
    regionDatabaseUrl.host = `127.0.0.1:${database.port}`;
    orm = (await initRegionOrm(regionDatabaseUrl.href, hosts.webhookKey)).orm;
    const regionOrm = orm;
    const gatewayUrl = `http://127.0.0.1:${gateway.port}/graphql`;
    return {
      gatewayUrl,
      regionDatabaseUrl: regionDatabaseUrl.href,
      subgraphSecrets: hosts.subgraphSecrets,
      webhookKey: hosts.webhookKey,
      region: onlyThese<RegionService>('region', { orm: regionOrm }),
      get networkUrls() {
        return elsewhere('networkUrls');
      },
      get regionUrl() {
        return elsewhere('regionUrl');
      },
      get attachmentsDir() {
        return elsewhere('attachmentsDir');
      },
      get networks() {
        return elsewhere('networks');
      },
      get gateway() {
        return elsewhere('gateway');
      },
      startGatewayReplica: () => elsewhere('startGatewayReplica'),
      stopNetwork: () => elsewhere('stopNetwork'),
      stopRegion: () => elsewhere('stopRegion'),
      query: gatewayQuery(gatewayUrl),
      token: tokenSigner(hosts.jwtSecret),
      async stop() {
        await regionOrm.close(true);
        for (const door of doors) await door.close();
        await hosts.stop();
      },
    };
  } catch (error) {
    await orm?.close(true);
    for (const door of doors) await door.close();
    await hosts.stop();
    throw error;
  }
}

function elsewhere(what: string): never {
  throw new Error(
    `stack.${what} lives in another host's process under TEST_STACK=hosts: reach it through the gateway, or leave this file out of the hosts project (vitest.config.ts).`,
  );
}

/** A service object of which only `fields` exist in this process; any other property throws as elsewhere() does. */
function onlyThese<T extends object>(name: string, fields: Partial<T>): T {
  return new Proxy(fields, {
    get: (target, key) => (typeof key === 'string' && !(key in target) ? elsewhere(`${name}.${key}`) : Reflect.get(target, key)),
  }) as T;
}

interface Door {
  port: number;
  close(): Promise<void>;
}

/** A port on this process's loopback whose every connection is passed to a Unix socket (the hosts' only doors to the test). */
async function passThrough(socketPath: string): Promise<Door> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const inner = connect(socketPath);
    open.add(client).add(inner);
    client.pipe(inner).pipe(client);
    for (const side of [client, inner])
      side.on('error', () => {
        client.destroy();
        inner.destroy();
      });
    client.on('close', () => open.delete(client));
    inner.on('close', () => open.delete(inner));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
