import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';
import { until } from './wait.ts';

// Debian's PgBouncer (.ci/run installs it) in front of one role's databases on a test server.

export interface PgBouncer {
  /** `direct`'s URL with PgBouncer's port, to `database` (default: direct's own). */
  url(database?: string): string;
  /** Runs `sql` in PgBouncer's console (as its admin, the role of `direct`) and returns the rows. */
  console(sql: string): Promise<Record<string, unknown>[]>;
  /**
   * Runs `sql` on every server connection PgBouncer keeps idle for new clients of direct's database and returns
   * the first row of each: as many clients at once as it keeps, each in a transaction, so that in transaction
   * mode too each holds one of them (kept ones are handed out before new ones are opened).
   */
  onKeptServers(sql: string): Promise<Record<string, unknown>[]>;
  stop(): void;
}

/** Starts PgBouncer in `poolMode` for the role and server of `direct` (a database URL with role and password). */
export async function startPgBouncer(
  direct: URL,
  settings: { poolMode: 'session' | 'transaction'; poolSize: number; serverResetQuery?: string },
): Promise<PgBouncer> {
  const base = mkdtempSync(join(tmpdir(), 'irm-pgbouncer-'));
  chmodSync(base, 0o755);
  const port = await freePort();
  const role = decodeURIComponent(direct.username);
  writeFileSync(join(base, 'users.txt'), `"${role}" "${decodeURIComponent(direct.password)}"\n`, { mode: 0o644 });
  writeFileSync(
    join(base, 'pgbouncer.ini'),
    `[databases]
* = host=${direct.hostname} port=${direct.port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = ${join(base, 'users.txt')}
admin_users = ${role}
pool_mode = ${settings.poolMode}
default_pool_size = ${settings.poolSize}
${settings.serverResetQuery ? `server_reset_query = ${settings.serverResetQuery}` : ''}
max_client_conn = 200
`,
    { mode: 0o644 },
  );
  const url = (database = direct.pathname.slice(1)) => {
    const to = new URL(direct);
    to.port = String(port);
    to.pathname = `/${database}`;
    return to.toString();
  };
  // PgBouncer will not run as root; as the PostgreSQL packages' user it reads the files above.
  const bouncer: ChildProcess = spawn('pgbouncer', ['-u', 'postgres', join(base, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  bouncer.stdout!.on('data', (chunk) => (output += chunk));
  bouncer.stderr!.on('data', (chunk) => (output += chunk));
  const stop = () => {
    bouncer.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  };
  // The console speaks the simple protocol only.
  const console = (sql: string) => session(url('pgbouncer'), async (client) => (await client.query(sql)).rows);
  try {
    await until(
      () =>
        session(url(), (client) => client.query('select 1')).then(
          () => true,
          () => bouncer.exitCode !== null && Promise.reject(new Error(`pgbouncer exited:\n${output}`)),
        ),
      'PgBouncer passes connections on',
    );
  } catch (error) {
    stop();
    throw error;
  }
  const onKeptServers = async (sql: string) => {
    const pools = await console('SHOW POOLS');
    const pool = pools.find((row) => row.database === direct.pathname.slice(1) && row.user === role);
    const kept = pool ? Number(pool.sv_idle) + Number(pool.sv_used) : 0;
    const clients = Array.from({ length: kept }, () => new pg.Client({ connectionString: url() }));
    try {
      await Promise.all(clients.map((client) => client.connect()));
      await Promise.all(clients.map((client) => client.query('begin')));
      return await Promise.all(clients.map(async (client) => (await client.query(sql)).rows[0] as Record<string, unknown>));
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => {})));
    }
  };
  return { url, console, onKeptServers, stop };
}

export async function session<T>(url: string, work: (client: pg.Client) => Promise<T>, options: Partial<pg.ClientConfig> = {}): Promise<T> {
  const client = new pg.Client({ connectionString: url, ...options });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
