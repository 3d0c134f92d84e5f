import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, configErrorExitCode, envOptional, envPort, envReader, serviceFromEnv } from '../shared/config.ts';
import { startProblem } from '../shared/start-problems.ts';
import { dataPaths, gatewayService, networks, regionService, serviceDatabase, subgraphNames } from '../shared/networks.ts';
import { ensureDatabases, plannedEmbeddedUrl, roleDatabaseUrl, startEmbeddedPostgres, type EmbeddedServer } from '../shared/postgres.ts';
import { answerDatabaseSetUp, awaitDatabaseVariable, spawnLeashed } from '../shared/processes.ts';
import { probeReady } from '../shared/ready-probe.ts';
import { gatewayEnvironment, gatewayNodeFlags } from '../gateway/runtime.ts';
import { dataDir, ensureJwtSecret, ensureSubgraphSecrets, refuseIncompleteRestore, withSubgraphSecrets } from './local.ts';
import { ensurePortalBuilt } from './build-portal.ts';
import { ensureServicesBundled, programSources, type ServiceProgram } from './bundle-services.ts';

// `npm start`: the whole Innovationsregion Mitte graph on one machine.
// Starts PostgreSQL (embedded unless DATABASE_URL is set), then every service
// as its own process, restarting a process that dies while the others keep serving.

const root = fileURLToPath(new URL('..', import.meta.url));

interface ServiceSpec {
  name: string;
  /** Which of the three programs it runs: from the services' bundle, or its .ts file (scripts/bundle-services.ts). */
  program: ServiceProgram;
  port: number;
  env: Record<string, string>;
}

function log(name: string, line: string) {
  console.log(`${`[${name}]`.padEnd(10)} ${line}`);
}

async function main() {
  refuseIncompleteRestore();
  // Built (only when its sources changed) while PostgreSQL and the subgraphs start; the gateway serves it.
  const portal = ensurePortalBuilt((line) => log('portal', line)).catch((error: Error) =>
    log('portal', `${error.message}; the portal's pages answer 503 until \`npm run build:portal\` succeeds`),
  );
  // Bundled (only when their sources changed) while the portal and PostgreSQL start: from the bundle a service
  // starts in about half the CPU time (scripts/bundle-services.ts).
  let bundle: Record<ServiceProgram, string> | undefined;
  const bundled = (process.env.SERVICES_FROM_SOURCES === '1' ? Promise.resolve(undefined) : ensureServicesBundled((line) => log('start', line))).then(
    (entries) => {
      bundle = entries;
      log('start', `the services run from ${bundle ? 'their bundle (SERVICES_FROM_SOURCES=1 runs the .ts files)' : 'their .ts files'}`);
    },
  );
  // The latest start of the embedded server, finished or not (see stopEverything).
  let postgres: Promise<EmbeddedServer> | undefined;
  const secret = process.env.JWT_SECRET || ensureJwtSecret();
  const subgraphSecrets = ensureSubgraphSecrets(subgraphNames());

  // Every port and URL is known before PostgreSQL runs, so the gateway, which needs no database, starts first.
  const ports: Record<string, number> = {
    ...Object.fromEntries(networks.map((n) => [n.code.toLowerCase(), envPort(`${n.code}_PORT`, n.port)])),
    [regionService.name]: envPort('REGION_PORT', regionService.port),
    [gatewayService.name]: envPort('PORT', gatewayService.port),
  };
  const urls: Record<string, string> = {
    ...Object.fromEntries(networks.map((n) => [`${n.code}_URL`, `http://localhost:${ports[n.code.toLowerCase()]}`])),
    REGION_URL: `http://localhost:${ports[regionService.name]}`,
  };
  const gatewayPort = ports[gatewayService.name];
  const specs: ServiceSpec[] = [];
  // Resolved once every database is set up: each subgraph asks before it connects (shared/processes.ts).
  let setUpDone!: () => void;
  const databasesSetUp = new Promise<void>((resolve) => (setUpDone = resolve));
  const children = new Map<string, ChildProcess>();
  // Each service listens on a port of its own, so METRICS_PORT here is the first of five: NIWE, LINAT, KONAT, region, gateway.
  const metricsPort = envOptional('METRICS_PORT') === undefined ? undefined : envPort('METRICS_PORT', 0);
  const metricsEnv = (spec: ServiceSpec) =>
    metricsPort === undefined ? {} : { METRICS_PORT: String(metricsPort && metricsPort + Object.keys(ports).indexOf(spec.name)) };

  const launch = (spec: ServiceSpec, attempt = 0) => {
    // Leashed: if the supervisor is killed outright, its services stop too instead of holding the ports.
    const child = spawnLeashed([bundle?.[spec.program] ?? join(root, programSources[spec.program])], {
      nodeArgs: spec.name === gatewayService.name ? gatewayNodeFlags(process.env) : [],
      cwd: root,
      env: {
        ...withSubgraphSecrets(process.env, spec.name, subgraphSecrets),
        ...urls,
        ...spec.env,
        PORT: String(spec.port),
        ...metricsEnv(spec),
        ...(spec.program !== 'gateway' && { [awaitDatabaseVariable]: '1' }),
        ...(spec.name === gatewayService.name && gatewayEnvironment(process.env)),
      },
    });
    if (spec.program !== 'gateway') answerDatabaseSetUp(child, databasesSetUp);
    children.set(spec.name, child);
    log(spec.name, `started, pid ${child.pid}`);
    const startedAt = Date.now();
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) =>
        chunk
          .split('\n')
          .filter(Boolean)
          .forEach((line) => log(spec.name, line)),
      );
    }
    child.on('exit', (code, signal) => {
      children.delete(spec.name);
      if (stopping) return;
      // Exit code 0 is a service that was stopped on purpose (SIGTERM to it alone drains it and exits 0).
      if (code === 0) return log(spec.name, 'stopped (exit code 0); not restarted');
      // Its configuration is wrong (it said what to fix): a restart would fail alike, so nothing runs on without it.
      if (code === configErrorExitCode) {
        log(spec.name, 'cannot start with this configuration (see above); stopping everything');
        // Exit 78 even if stopping fails (PostgreSQL stopped while it was still starting): a rejection left unhandled
        // ended npm start with 1, as a crash.
        return void stopEverything()
          .catch((error) => console.error(error))
          .finally(() => process.exit(configErrorExitCode));
      }
      // A crash of one service must not take the others down; restart it with growing pauses.
      const next = Date.now() - startedAt > 60_000 ? 0 : attempt + 1;
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(next, 5));
      log(spec.name, `exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000}s`);
      setTimeout(() => !stopping && launch(spec, next), delay);
    });
  };

  // Everything this start launched, stopped and waited for: on Ctrl-C, and when the start fails.
  // Read once at the start, where a bad value stops npm start with its message (as it stops each service).
  const { shutdown: drain } = serviceFromEnv(envReader(process.env), 0);
  const stageMs = drain.drainDelayMs + drain.graceMs + 2000;
  stopEverything = async () => {
    stopping = true;
    // Callers first: the gateway, then region, then the networks, each stage drained before the next is told. All at
    // once, NIWE had stopped before the gateway began to drain, and requests in flight through it were answered
    // "could not be reached", three writes among them that had been applied, and three with no answer at all (the
    // faults probe). A service drains on SIGTERM for DRAIN_DELAY_MS, then answers what is in flight for up to
    // SHUTDOWN_GRACE_MS; a stage waits that long and 2 s more, then the next is told (one not ended is left to its
    // leash). Only a SIGTERM to npm start alone goes in stages: Ctrl-C in a terminal signals every process at once.
    const stages = [(name: string) => name === gatewayService.name, (name: string) => name === regionService.name, () => true];
    for (const stage of stages) {
      const services = Promise.all(
        [...children]
          .filter(([name, child]) => stage(name) && child.exitCode === null && child.signalCode === null)
          .map(
            ([, child]) =>
              new Promise((resolve) => {
                child.once('exit', resolve);
                child.kill('SIGTERM');
              }),
          ),
      );
      await Promise.race([services, new Promise((resolve) => setTimeout(resolve, stageMs).unref())]);
    }
    // A server still starting is let finish and then stopped. SIGINT or SIGTERM to this process alone (a
    // supervisor's, `kill`; Ctrl-C in a terminal signals PostgreSQL too) before the server said it was ready
    // left it running with no one to stop it, holding the port and the data folder, so the next `npm start`
    // failed until it was found and killed by hand. Not for ever: a server still not ready after 10 s (a long
    // recovery) is stopped on exit (shared/postgres.ts).
    const stopped = postgres?.then(
      (server) => server.stop(),
      () => {},
    );
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  };
  const shutdown = async () => {
    if (stopping) return;
    log('start', 'stopping…');
    await stopEverything();
    // The journal's last word on a stop: each service drained and PostgreSQL shut down, none left running.
    log('start', 'stopped: every service and PostgreSQL');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  // The gateway needs none of the subgraphs nor PostgreSQL to start (its supergraph is a file), only the portal
  // it serves: launched as soon as that is built (at once when nothing changed), it loads its modules while
  // PostgreSQL starts, and on a fresh data folder serves the portal after 1.4 s instead of with the subgraphs
  // after 6-8 s. Whether the first answer comes sooner was lost in the noise of the busy machine (bench:start).
  const gateway: ServiceSpec = { name: gatewayService.name, program: 'gateway', port: gatewayPort, env: { JWT_SECRET: secret } };
  specs.push(gateway);
  const gatewayLaunched = Promise.all([portal, bundled]).then(() => !stopping && launch(gateway));

  // The subgraphs are launched as soon as their database URLs are known, before PostgreSQL runs where they can
  // be: each loads its modules and builds its schemas (0.4-0.5 s of CPU) while PostgreSQL starts and the
  // databases are set up, and connects when told (shared/processes.ts).
  const givenServerUrl = envOptional('DATABASE_URL');
  const pgPort = envPort('PG_PORT', dataPaths.defaultPgPort);
  const pgDir = join(dataDir(), dataPaths.postgres);
  const databases = [
    { variable: 'REGION_DATABASE_URL', name: regionService.name },
    ...networks.map((n) => ({ variable: `${n.code}_DATABASE_URL`, name: n.code })),
  ];
  const given = databases.map((d) => envOptional(d.variable));
  // The embedded server's user is a superuser, so each database's URL is its role's (ensureDatabases).
  const plannedServerUrl = givenServerUrl ? undefined : plannedEmbeddedUrl(pgDir, pgPort);
  const planned = plannedServerUrl && given.map((url, i) => url ?? roleDatabaseUrl(plannedServerUrl, serviceDatabase(databases[i].name)));
  const subgraphSpecs = ([regionDatabaseUrl, ...networkDatabaseUrls]: string[]): ServiceSpec[] => [
    ...networks.map((n, i) => ({
      name: n.code.toLowerCase(),
      program: 'network' as const,
      port: ports[n.code.toLowerCase()],
      env: { NETWORK: n.code, DATABASE_URL: networkDatabaseUrls[i], DEMO_DATA: process.env.DEMO_DATA ?? '1' },
    })),
    {
      name: regionService.name,
      program: 'region' as const,
      port: ports[regionService.name],
      env: { DATABASE_URL: regionDatabaseUrl, WEBHOOK_ALLOW_LOOPBACK: process.env.WEBHOOK_ALLOW_LOOPBACK ?? '1' },
    },
  ];
  const subgraphs = planned ? subgraphSpecs(planned) : [];
  specs.push(...subgraphs);
  const launchedEarly = bundled.then(() => subgraphs.forEach((spec) => !stopping && launch(spec)));

  let serverUrl = givenServerUrl;
  if (!serverUrl) {
    log('postgres', `starting embedded PostgreSQL on 127.0.0.1:${pgPort}, data in ${pgDir}`);
    const start = () => (postgres = startEmbeddedPostgres(pgDir, pgPort, { persistent: true }));
    const first = await start();
    serverUrl = first.url;
    // PostgreSQL killed used to stay down, with every write failing, until a full restart. It comes back
    // on the same port with the same password, so the services' pools reconnect by themselves.
    const watch = (server: EmbeddedServer) =>
      void server.exited.then(async () => {
        for (let attempt = 0; !stopping; attempt++) {
          const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
          log('postgres', `exited; restarting in ${delay / 1000}s`);
          await new Promise((resolve) => setTimeout(resolve, delay));
          if (stopping) return;
          try {
            const restarted = await start();
            log('postgres', 'restarted; the services reconnect by themselves');
            return watch(restarted);
          } catch (error) {
            // Backends of the killed server can hold its shared memory for a moment; the next attempt gets it.
            log('postgres', (error as Error).message);
          }
        }
      });
    watch(first);
  }
  // One session of the superuser sets up every role and database still needed; each database not set up before
  // then gets its extensions in a session of its own, beside the others (shared/postgres.ts).
  const made = await ensureDatabases(
    serverUrl,
    databases.filter((_, i) => given[i] === undefined).map((d) => serviceDatabase(d.name)),
  );
  const urlsMade = given.map((url) => url ?? made.shift()!);
  if (planned && urlsMade.some((url, i) => url !== planned[i])) throw new Error('The databases were set up with other URLs than the subgraphs were given.');
  setUpDone();
  log('postgres', 'the databases are set up; the subgraphs connect');
  await launchedEarly;
  if (!planned) {
    const late = subgraphSpecs(urlsMade);
    specs.push(...late);
    for (const spec of late) if (!stopping) launch(spec);
  }
  await gatewayLaunched;
  await Promise.all(specs.map((s) => waitForReady(s.port)));

  console.log(`
Innovationsregion Mitte graph is up.
  portal    http://localhost:${gatewayPort}/
  gateway   http://localhost:${gatewayPort}/graphql
${specs
  .filter((s) => s !== gateway)
  .map((s) => `  ${s.name.padEnd(9)} http://localhost:${s.port}/graphql`)
  .join('\n')}

First query:
  curl -s http://localhost:${gatewayPort}/graphql -H 'content-type: application/json' \\
    -d '{"query":"{ members(first: 3) { totalCount edges { node { id name city network { code } } } } }"}'

A token for writes: ${process.env.DATA_DIR ? `DATA_DIR=${process.env.DATA_DIR} ` : ''}npm run token -- --role office --network NIWE
Ctrl-C stops everything.`);
}

async function waitForReady(port: number) {
  for (let i = 0; i < 600; i++) {
    if (await ready(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`service on port ${port} did not become ready within 60 s`);
}

// The services listen on HOST (127.0.0.1 unless set); listening on every address, they answer on loopback.
const readyHost = !process.env.HOST || ['0.0.0.0', '::'].includes(process.env.HOST) ? '127.0.0.1' : process.env.HOST;

/** One look at a service's /ready; a second of patience, as the loop above looks again. */
const ready = async (port: number) => (await probeReady({ host: readyHost, port }, 1000)) === 'ready';

// Set once everything is being stopped (Ctrl-C, SIGTERM, a failed start): no service is launched or restarted after.
let stopping = false;
let stopEverything = async () => {};

main().catch(async (error) => {
  // Ctrl-C while the start was still under way: the databases' set-up failing on a server being stopped is no error.
  if (stopping) return;
  // The services launched while PostgreSQL started (a port in use, say) are stopped before npm start ends: they
  // used to serve on for up to a second after it had exited 1, writing to the data folder the caller then removed.
  try {
    await stopEverything();
  } finally {
    // What the operator can fix in one line (a database that refuses, a URL or a folder that is none), else the error whole.
    const known = error instanceof ConfigError ? undefined : startProblem(error);
    console.error(error instanceof ConfigError ? error.message : known ? `npm start: ${known.line}` : error);
    process.exit(1);
  }
});
