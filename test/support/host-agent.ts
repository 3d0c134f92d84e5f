import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../../shared/postgres.ts';
import { spawnLeashed } from '../../shared/processes.ts';

// What runs on one host of test/hosts.e2e.ts, started inside its network namespace by
// test/support/hosts.ts: the office's own embedded PostgreSQL (when HOST_DATABASE names a
// database), the host's services, and haproxy (when HOST_HAPROXY names its configuration),
// as an office's machine would run them. Prints `ready` once every service answers /ready,
// and on SIGTERM (or when the test process is gone: the leash) stops them all, then PostgreSQL.
// Over its IPC channel it stops and starts one service by name, as an operator's rolling restart does.

interface ServiceSpec {
  name: string;
  script: string;
  env: Record<string, string>;
  /** Where /ready answers inside this host. */
  health: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
let postgres: EmbeddedServer | undefined;

/** What the test asks of one service: `stop` (SIGTERM: it drains, then exits) or `start` (again, as before). */
interface Command {
  command: 'stop' | 'start';
  service: string;
}
/** Answers: `draining` once its /ready says 503 (with the body), `exited` with its exit code, `started` once ready again. */
type Report = { service: string } & ({ event: 'draining'; ready: unknown } | { event: 'exited'; code: number | null } | { event: 'started' });

function relay(name: string, child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) =>
      chunk
        .split('\n')
        .filter(Boolean)
        .forEach((line) => console.log(`[${name}] ${line}`)),
    );
  }
  child.on('exit', (code, signal) => console.log(`[${name}] exited (${signal ?? `code ${code}`})`));
}

/**
 * Waits for a service's /ready. A gateway is ready only once region on its own host is, and two deployments
 * starting at once on a busy 2-core machine took 100 s to get there (27 s of CPU each): 240 s before giving up.
 */
async function waitForHealth(url: string): Promise<void> {
  for (const deadline = Date.now() + 240_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`${url} did not answer 200 within 240 s`);
}

async function stop(): Promise<never> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(null);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  await postgres?.stop();
  process.exit(0);
}

/**
 * The office's operator at its database: a Unix socket (a file the test process sees, no address) passed
 * through to this host's PostgreSQL, and the service's database URL beside it (0600), for a test that
 * reads or changes rows as an operator with psql would. Only where HOST_DATABASE_SOCKET asks for it.
 */
async function openDatabaseDoor(socketPath: string, databaseUrl: string): Promise<void> {
  const door = createServer((client) => {
    const server = connect(Number(process.env.PG_PORT), '127.0.0.1');
    client.pipe(server).pipe(client);
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => door.once('error', reject).listen(socketPath, resolve));
  writeFileSync(`${socketPath}.url`, databaseUrl, { mode: 0o600 });
}

async function main(): Promise<void> {
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  const env: Record<string, string | undefined> = { ...process.env };
  const database = process.env.HOST_DATABASE;
  if (database) {
    postgres = await startEmbeddedPostgres(join(process.env.DATA_DIR!, 'postgres'), Number(process.env.PG_PORT), { persistent: false });
    env.DATABASE_URL = await ensureDatabase(postgres.url, database);
    if (process.env.HOST_DATABASE_SOCKET) await openDatabaseDoor(process.env.HOST_DATABASE_SOCKET, env.DATABASE_URL);
  }
  const services: ServiceSpec[] = JSON.parse(process.env.HOST_SERVICES ?? '[]');
  const running = new Map<string, ChildProcess>();
  const launch = (service: ServiceSpec) => {
    const child = spawnLeashed([join(root, service.script)], { cwd: root, env: { ...env, ...service.env } });
    children.push(child);
    running.set(service.name, child);
    relay(service.name, child);
  };
  services.forEach(launch);
  const report = (message: Report) => process.send?.(message);
  process.on('message', async ({ command, service: name }: Command) => {
    const service = services.find((s) => s.name === name)!;
    if (command === 'start') {
      launch(service);
      await waitForHealth(service.health);
      return report({ service: name, event: 'started' });
    }
    const child = running.get(name)!;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    for (;;) {
      const answer = await fetch(service.health).catch(() => undefined);
      if (answer?.status === 503) {
        report({ service: name, event: 'draining', ready: await answer.json() });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    report({ service: name, event: 'exited', code: await exited });
  });
  if (process.env.HOST_HAPROXY) {
    // -db: in the foreground, so it is this process's child and stops with it.
    const haproxy = spawn('haproxy', ['-db', '-f', process.env.HOST_HAPROXY], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(haproxy);
    relay('haproxy', haproxy);
  }
  await Promise.all(services.map((s) => waitForHealth(s.health)));
  console.log('ready');
}

main().catch(async (error) => {
  console.error(error);
  await Promise.all(children.map((child) => child.kill('SIGKILL')));
  await postgres?.stop();
  process.exit(1);
});
