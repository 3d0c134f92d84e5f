import type { Server } from 'node:http';
import { ConfigError } from './config.ts';
import { close, listen } from './http.ts';

// The start-up every service shares: build, listen, report, and stop cleanly on
// SIGINT/SIGTERM. A bad configuration ends the process with exit code 1 and one
// line that says what to fix.

export interface Runnable {
  http: Server;
  stop(): Promise<void>;
}

export async function runService(name: string, port: number, host: string, build: () => Promise<Runnable>): Promise<void> {
  let service: Runnable;
  try {
    service = await build();
    const url = await listen(service.http, port, host);
    console.log(`${name} listening on ${url}/graphql`);
  } catch (error) {
    console.error(error instanceof ConfigError ? `${name}: ${error.message}` : error);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await close(service.http);
    await service.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
