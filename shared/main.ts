import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, configErrorExitCode, type ServiceConfig } from './config.ts';
import { close, createMetricsServer, listen, startDraining } from './http.ts';
import { currentLog, setObserved, setProcessLog, type Observability } from './observability.ts';
import { startProblem } from './start-problems.ts';

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

export async function runService(name: string, config: ServiceConfig, build: () => Promise<Runnable>): Promise<void> {
  let service: Runnable;
  try {
    service = await build();
    const url = await listen(service.http, config.port, config.host);
    const { observability } = service;
    if (observability) setProcessLog(observability.log);
    // Before the line a supervisor waits for: Node takes over SIGTERM from the system's default (end at once) only
    // when a listener is added, and a SIGTERM sent on reading the line ended a network service with no exit code
    // when it came in the moment between the line and the listeners (a CI run, test/service-start.e2e.ts).
    handleStopSignals(name, config, service);
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
  const { observability } = service;
  if (observability) {
    let observed = true;
    process.on('SIGUSR2', () => {
      observed = !observed;
      setObserved(observability, observed);
    });
  }
}

/** SIGINT and SIGTERM drain the service, answer what is in flight, close it and exit 0. */
function handleStopSignals(name: string, config: ServiceConfig, service: Runnable) {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Said at each step: a service stopped alone (kill -TERM, systemctl stop) ended its journal after its last request,
    // with nothing to tell a stop from a crash.
    currentLog().info({ signal }, `${name} stopping (${signal}): draining for ${config.shutdown.drainDelayMs} ms, then answering the requests in flight`);
    // Drain: /ready turns 503 and, behind a load balancer, the service keeps taking requests for DRAIN_DELAY_MS
    // until the balancer has seen that (a closed port before then refuses what it still sends); then no new
    // connections, requests in flight answered (within the grace period), then the database closed.
    startDraining(service.http);
    await sleep(config.shutdown.drainDelayMs);
    await close(service.http, config.shutdown.graceMs);
    await service.stop();
    currentLog().info(`${name} stopped`);
    currentLog().flush();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
