import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../../shared/postgres.ts';
import { spawnLeashed } from '../../shared/processes.ts';

// What runs on one host of test/hosts.e2e.ts, started inside its network namespace by
// test/support/hosts.ts: the office's own embedded PostgreSQL (when HOST_DATABASE names a
// database), the host's services, and haproxy (when HOST_HAPROXY names its configuration),
// as an office's machine would run them. Prints `ready` once every service answers /ready,
// and on SIGTERM (or when the test process is gone: the leash) stops them all, then PostgreSQL.

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

async function waitForHealth(url: string): Promise<void> {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`${url} did not answer 200 within 90 s`);
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

async function main(): Promise<void> {
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  const env: Record<string, string | undefined> = { ...process.env };
  const database = process.env.HOST_DATABASE;
  if (database) {
    postgres = await startEmbeddedPostgres(join(process.env.DATA_DIR!, 'postgres'), Number(process.env.PG_PORT), { persistent: false });
    env.DATABASE_URL = await ensureDatabase(postgres.url, database);
  }
  const services: ServiceSpec[] = JSON.parse(process.env.HOST_SERVICES ?? '[]');
  for (const service of services) {
    const child = spawnLeashed([join(root, service.script)], { cwd: root, env: { ...env, ...service.env } });
    children.push(child);
    relay(service.name, child);
  }
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
