import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, configErrorExitCode, type ServiceConfig } from './config.ts';
import { close, createMetricsServer, listen, startDraining } from './http.ts';
import { currentLog, setObserved, setProcessLog, type Observability } from './observability.ts';

// The start-up every service shares: build, listen, report, and stop cleanly on
// SIGINT/SIGTERM, answering the requests in flight first. A bad configuration ends the process with exit code 78 and one
// line that says what to fix (npm start stops then, and the systemd unit does not restart it); any other failure to
// start with exit code 1, to be restarted.

export interface Runnable {
  http: Server;
  /** Its log writes the start-up lines; with METRICS_PORT set, its metrics get a listener of their own. */
  observability?: Observability;
  stop(): Promise<void>;
}

/**
 * What an operator can fix, in one line, from the failures a start meets most: a port another program holds, an
 * address this machine does not have, a database that refuses the service's role or does not exist (each exit 78:
 * started again, it fails again), a database that does not answer (exit 1: it may be starting). They ended in a log
 * line with the error's stack, and a port in use had npm start restart the service every few seconds for ever.
 */
export function startProblem(error: unknown): { line: string; configuration: boolean } | undefined {
  const e = error as { code?: string; syscall?: string; address?: string; port?: number; hostname?: string; message?: string };
  if (e.syscall === 'listen' && e.code === 'EADDRINUSE')
    return { line: `port ${e.port} (${e.address}) is in use by another program: stop that program, or give this service another port.`, configuration: true };
  if (e.syscall === 'listen' && (e.code === 'EADDRNOTAVAIL' || e.code === 'EACCES'))
    return {
      line: `cannot listen on ${e.address} port ${e.port} (${e.code === 'EACCES' ? 'not allowed for this user' : 'no such address on this machine'}): check HOST and PORT.`,
      configuration: true,
    };
  if (e.syscall === 'getaddrinfo')
    return { line: `cannot find the address of ${e.hostname}: check the host names it is given (HOST, DATABASE_URL).`, configuration: true };
  // PostgreSQL's refusals by SQLSTATE: 28P01 a wrong password, 28000 a role not allowed in, 3D000 no such database.
  if (e.code === '28P01' || e.code === '28000' || e.code === '3D000')
    return { line: `its database refused it: ${e.message}. Check DATABASE_URL (role, password, database name).`, configuration: true };
  if (e.code === 'ECONNREFUSED') {
    const at = e.port === undefined ? '' : ` at ${e.address}:${e.port}`;
    return { line: `its database${at} does not answer (connection refused): is PostgreSQL running there? Check DATABASE_URL.`, configuration: false };
  }
  return undefined;
}

export async function runService(name: string, config: ServiceConfig, build: () => Promise<Runnable>): Promise<void> {
  let service: Runnable;
  try {
    service = await build();
    const url = await listen(service.http, config.port, config.host);
    const { observability } = service;
    if (observability) setProcessLog(observability.log);
    currentLog().info({ url }, `${name} listening on ${url}/graphql`);
    if (observability?.config.metricsPort !== undefined) {
      const metricsUrl = await listen(createMetricsServer(observability), observability.config.metricsPort, observability.config.metricsHost);
      currentLog().info({ url: metricsUrl }, `${name} serves its metrics at ${metricsUrl}/metrics`);
    }
    // At once, not with the next 4 KB of lines: supervisors and the benchmark wait for this line.
    currentLog().flush();
  } catch (error) {
    const known = error instanceof ConfigError ? { line: error.message, configuration: true } : startProblem(error);
    if (known) currentLog().fatal(`${name}: ${known.line}`);
    else currentLog().fatal({ err: error }, `${name} did not start`);
    process.exit(known?.configuration ? configErrorExitCode : 1);
  }
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // Drain: /ready turns 503 and, behind a load balancer, the service keeps taking requests for DRAIN_DELAY_MS
    // until the balancer has seen that (a closed port before then refuses what it still sends); then no new
    // connections, requests in flight answered (within the grace period), then the database closed.
    startDraining(service.http);
    await sleep(config.shutdown.drainDelayMs);
    await close(service.http, config.shutdown.graceMs);
    await service.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const { observability } = service;
  if (observability) {
    let observed = true;
    process.on('SIGUSR2', () => {
      observed = !observed;
      setObserved(observability, observed);
    });
  }
}
